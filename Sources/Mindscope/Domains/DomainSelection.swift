import Dispatch
import Foundation
import MindscopeText

/// Which domain packs a run asks for: chosen from the data (`--domain auto`, the default) or
/// named (`--domain travel,food`).
public enum DomainRequest: Sendable, Equatable {
    case auto
    case packs([String])

    /// Parses `auto` or a comma-separated list of pack ids; nil for an empty list.
    public init?(_ text: String) {
        var names: [String] = []
        for name in text.split(separator: ",").map({ String($0).trimmingSpaces().lowercased() }) where !name.isEmpty && !names.contains(name) {
            names.append(name)
        }
        if names == ["auto"] { self = .auto }
        else if names == ["general"] { self = .packs([]) }  // base themes only (price, customer service)
        else if names.isEmpty { return nil } else { self = .packs(names) }
    }
}

/// The packs a run tags with, and why.
public struct DomainChoice: Sendable, Hashable, Codable {
    /// Domain packs chosen, in order of fit (base is always active and not listed).
    public var packs: [String]
    public var why: String
    /// Each pack's share of the sampled comments it fits best, best first (auto only).
    public var shares: [Share] = []

    public struct Share: Sendable, Hashable, Codable {
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
    /// How much of one comment the choice reads: the first 16,384 characters (a comment of a
    /// megabyte says what it is about long before its end, and tokenizing all of it before the
    /// pipeline starts cost 20 MB of peak memory).
    public static let commentCharacters = 16_384

    let packs: [(id: String, catalog: TopicCatalog, description: String)]
    let tokenizer: Tokenizer

    public init(library: ThemeLibrary, tokenizer: Tokenizer) {
        packs = library.domains.map { pack in (pack.id, TopicCatalog(pack.themes), pack.description) }
        self.tokenizer = tokenizer
    }

    /// A comment's win, in units that split evenly among up to six tied packs, so that the
    /// sums are exact whatever order the cores add them in.
    static let unit = 60

    public func choose(_ comments: [String]) -> DomainChoice {
        let comments = comments.filter { !$0.isEmpty }.map { $0.count > Self.commentCharacters ? String($0.prefix(Self.commentCharacters)) : $0 }
        let read = comments.count
        // The sample is read before the pipeline starts, on one core unless split: each core
        // takes a stripe of the comments.
        let stripes = max(1, min(comments.count / 64, ProcessInfo.processInfo.activeProcessorCount))
        let partial = UnsafeMutableBufferPointer<[Int]>.allocate(capacity: stripes)
        partial.initialize(repeating: [])
        defer { partial.deallocate() }
        let packs = self.packs, tokenizer = self.tokenizer
        nonisolated(unsafe) let results = partial
        DispatchQueue.concurrentPerform(iterations: stripes) { stripe in
            var wins = [Int](repeating: 0, count: packs.count)
            for comment in stride(from: stripe, to: comments.count, by: stripes).map({ comments[$0] }) {
                let text = tokenizer.tokenize(comment)
                var best: (packs: [Int], covered: Int) = ([], 0)
                for (index, pack) in packs.enumerated() {
                    var covered = Set<Int>()
                    for match in pack.catalog.matches(in: text) { covered.formUnion(match.tokens) }
                    if covered.isEmpty { continue }
                    if covered.count > best.covered { best = ([index], covered.count) } else if covered.count == best.covered { best.packs.append(index) }
                }
                for index in best.packs { wins[index] += Self.unit / best.packs.count }
            }
            results[stripe] = wins
        }
        var wins: [String: Double] = [:]
        for (index, pack) in packs.enumerated() {
            let units = partial.reduce(0) { $0 + $1[index] }
            if units > 0 { wins[pack.id] = Double(units) / Double(Self.unit) }
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
