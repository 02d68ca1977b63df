/// Numbers as survey exports write them. The full rating-scale and currency reader comes with
/// the survey-input layer; these cover the plain forms.
public enum FieldValues {
    /// `4`, `4.5`, `4/5`, `4 stars`: the first number in the field.
    public static func rating(_ field: String) -> Double? {
        let trimmed = field.trimmingSpaces()
        guard !trimmed.isEmpty else { return nil }
        let number = trimmed.prefix { $0.isNumber || $0 == "." || $0 == "-" }
        return Double(number)
    }

    /// `$120`, `120.00`, `1,200.50`, `€45`, `(45.00)` as negative; blank is nil.
    public static func money(_ field: String) -> Double? {
        var text = field.trimmingSpaces()
        guard !text.isEmpty else { return nil }
        var negative = false
        if text.hasPrefix("(") && text.hasSuffix(")") { negative = true; text = String(text.dropFirst().dropLast()) }
        if text.hasPrefix("-") { negative.toggle(); text = String(text.dropFirst()) }
        let digits = text.filter { $0.isNumber || $0 == "." }
        guard !digits.isEmpty, text.contains(where: \.isNumber), let value = Double(digits) else { return nil }
        return negative ? -value : value
    }
}

extension String {
    func trimmingSpaces() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
