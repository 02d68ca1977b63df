import MindscopeText

/// Which domain packs a run asks for: chosen from the data (`--domain auto`, the default) or
/// named (`--domain travel,food`).
public enum DomainRequest: Sendable, Equatable {
    case auto
    case packs([String])

    /// Parses `auto` or a comma-separated list of pack ids; nil for an empty list.
    public init?(_ text: String) {
        let names = text.split(separator: ",").map { String($0).trimmingSpaces().lowercased() }.filter { !$0.isEmpty }
        if names == ["auto"] { self = .auto } else if names.isEmpty { return nil } else { self = .packs(names) }
    }
}

/// The packs a run tags with, and why.
public struct DomainChoice: Sendable, Hashable {
    /// Domain packs chosen, in order of fit (base is always active and not listed).
    public var packs: [String]
    public var why: String
    /// Each pack's share of the sampled comments it fits best, best first (auto only).
    public var shares: [Share] = []

    public struct Share: Sendable, Hashable {
        public var pack: String
        public var share: Double
    }
}

/// Chooses domain packs from a sample of comments.
///
/// Each comment goes to the pack whose own cues (its themes, and the phrases it adds to the
/// base themes) cover the most of its words; a comment no pack's cues touch goes to none. A
/// pack is chosen when it takes at least ``minimumShare`` of the sampled comments and at least
/// ``relativeShare`` of the best pack's share, so a file that spans two domains gets both and
/// a stray cue does not add a domain. When no pack qualifies, the base themes (price,
/// customer service) are used alone and the choice says so.
public struct DomainSelector: Sendable {
    /// The least share of sampled comments a pack must fit best.
    public static let minimumShare = 0.10
    /// The least share relative to the best pack's.
    public static let relativeShare = 0.5
    /// The least number of comments a second (third, …) pack must fit best.
    public static let minimumComments = 5
    /// How many comments (at most) the choice reads, and how much text: the first rows, read once.
    public static let sampleSize = 1_000
    public static let sampleBytes = 1 << 20

    let packs: [(id: String, catalog: TopicCatalog, description: String)]
    let tokenizer: Tokenizer

    public init(library: ThemeLibrary, tokenizer: Tokenizer) {
        packs = library.domains.map { pack in (pack.id, TopicCatalog(pack.themes), pack.description) }
        self.tokenizer = tokenizer
    }

    public func choose(_ comments: [String]) -> DomainChoice {
        var wins: [String: Double] = [:]
        var read = 0
        for comment in comments where !comment.isEmpty {
            read += 1
            let text = tokenizer.tokenize(comment)
            var best: (ids: [String], covered: Int) = ([], 0)
            for pack in packs {
                var covered = Set<Int>()
                for match in pack.catalog.matches(in: text) { covered.formUnion(match.tokens) }
                if covered.isEmpty { continue }
                if covered.count > best.covered { best = ([pack.id], covered.count) } else if covered.count == best.covered { best.ids.append(pack.id) }
            }
            for id in best.ids { wins[id, default: 0] += 1 / Double(best.ids.count) }
        }
        guard read > 0 else {
            return DomainChoice(packs: [], why: "no comments to choose a domain from; the general themes (price, customer service) are used")
        }
        let shares = wins.map { DomainChoice.Share(pack: $0.key, share: $0.value / Double(read)) }
            .sorted { $0.share > $1.share || ($0.share == $1.share && $0.pack < $1.pack) }
        let best = shares.first?.share ?? 0
        let chosen = shares.enumerated().filter { index, share in
            share.share >= Self.minimumShare && share.share >= best * Self.relativeShare
                && (index == 0 || wins[share.pack, default: 0] >= Double(Self.minimumComments))
        }.map(\.element)
        let measured = shares.prefix(4).map { "\($0.pack) \(Format.percent($0.share))" }.joined(separator: ", ")
        let sample = "of \(read) sampled comment\(read == 1 ? "" : "s")"
        guard !chosen.isEmpty else {
            return DomainChoice(packs: [], why: "no pack fits: the best fits \(measured.isEmpty ? "none" : measured) \(sample) "
                                + "(a pack needs \(Format.percent(Self.minimumShare))); the general themes (price, customer service) are used",
                                shares: shares)
        }
        let left = shares.filter { share in !chosen.contains(share) }.prefix(3)
        var why = "best fit \(sample): " + chosen.map { "\($0.pack) \(Format.percent($0.share))" }.joined(separator: ", ")
        if !left.isEmpty { why += "; not chosen: " + left.map { "\($0.pack) \(Format.percent($0.share))" }.joined(separator: ", ") }
        for share in chosen {
            if let description = packs.first(where: { $0.id == share.pack })?.description, !description.isEmpty {
                why += "; \(share.pack): \(description.hasSuffix(".") ? String(description.dropLast()) : description)"
            }
        }
        return DomainChoice(packs: chosen.map(\.pack), why: why, shares: shares)
    }
}
