extension String {
    /// Without leading and trailing white space.
    func trimmingSpaces() -> String {
        // Fast path: edges that are visible ASCII need no Unicode property lookups.
        let utf8 = self.utf8
        if let first = utf8.first, let last = utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }

    /// The value as a message quotes it: at most 60 characters, then `…` and the full length.
    var excerpt: String {
        count <= 60 ? self : "\(prefix(60))… (\(utf8.count) bytes)"
    }
}
