/// Scores sentiment with a lexicon and rules, in the manner of VADER (Hutto & Gilbert 2014)
/// with Mindscope's additions: ICU tokens, negation and intensifiers that stop at clause
/// punctuation, `although`-type concessions, `too` + adjective as a complaint, elongated words,
/// idioms with wildcards and gaps, and sentence-level scores.
///
/// For each sentence:
/// 1. Words, emoticons, emoji and idioms take their lexicon valence.
/// 2. Capitals and elongation add emphasis; intensifiers in the three words before add or
///    subtract with decay; a negator in the three words before (same clause) flips and
///    dampens (× −0.74; a negative word × −0.37: "not terrible" is faint praise).
/// 3. A `but`-type word halves what came before it and adds half to what follows; an
///    `although`-type clause weighs half and the rest of the sentence one and a half.
/// 4. `!` and `?` add emphasis in the sentence's direction.
/// The comment's raw value is the sum over its sentences; scores are `x / sqrt(x² + 15)`.
public struct SentimentScorer: Sendable {
    public let lexicon: SentimentLexicon
    public let rules: SentimentRules
    /// Personal pronouns: after one of them "too" means "also" ("I too", "me too").
    public let pronouns: Set<String>
    /// Phrase valences learned from the file's ratings: terms where the lexicons say nothing.
    public var learned: LearnedLexicon?

    public init(lexicon: SentimentLexicon, rules: SentimentRules, pronouns: Set<String> = []) {
        self.lexicon = lexicon
        self.rules = rules
        self.pronouns = pronouns
    }

    /// - Parameter phrases: theme phrases to score as terms of their own (they win over the
    ///   words they cover, and the rules apply to them as to a word).
    public func score(_ text: TokenizedText, phrases: [PhraseValence] = []) -> SentimentAnalysis {
        var silence: [Bool]?
        return score(text, phrases: phrases, silence: &silence)
    }

    /// The score, and for each token whether the lexicons say nothing about it (see
    /// `markSilence`), from one pass over the units: what learning needs of a comment.
    public func scoreAndSilence(_ text: TokenizedText) -> (SentimentAnalysis, [Bool]) {
        var silence: [Bool]? = [Bool](repeating: false, count: text.tokens.count)
        let analysis = score(text, phrases: [], silence: &silence)
        return (analysis, silence ?? [])
    }

    /// With `silence` not nil, marks the silent tokens in it.
    private func score(_ text: TokenizedText, phrases: [PhraseValence], silence: inout [Bool]?) -> SentimentAnalysis {
        let shouting = text.isShouting
        let phraseStarts = phrases.isEmpty ? nil : Dictionary(phrases.indices.map { (phrases[$0].tokens.lowerBound, $0) }, uniquingKeysWith: { a, _ in a })
        var contributions: [Contribution] = []
        var sentences: [SentenceSentiment] = []
        var total = 0.0
        var marks: [Unit] = []
        for range in text.sentences {
            let units = Self.units(of: range, in: text.tokens, lexicon: lexicon, rules: rules, learned: learned, phrases: phrases, phraseStarts: phraseStarts)
            if silence != nil { Self.markSilence(units, text.tokens, &silence!) }
            let found = score(units, tokens: text.tokens, shouting: shouting, phrases: phrases)
            let sum = found.reduce(0) { $0 + $1.value }
            let emphasis = Self.punctuationEmphasis(units)
            let raw = sum > 0 ? sum + emphasis : sum < 0 ? sum - emphasis : 0
            let score = SentimentConstants.normalize(raw)
            sentences.append(SentenceSentiment(tokens: range, raw: raw, punctuationEmphasis: sum == 0 ? 0 : emphasis,
                                               score: score, label: SentimentLabel(score: score),
                                               contrasts: units.compactMap { if case .contrast = $0.role { $0.tokens.lowerBound } else { nil } }))
            // A sentence that opens with "But" or "However" answers the sentences before it:
            // they weigh half, as the words before a "but" do within a sentence.
            if let opening = units.first(where: \.isWord), case .contrast(.but) = opening.role {
                let cause = opening.tokens.lowerBound
                for index in contributions.indices {
                    let before = contributions[index].value
                    contributions[index].value *= SentimentConstants.beforeContrastFactor
                    contributions[index].steps.append(Step(rule: .beforeContrast, cause: cause, before: before, after: contributions[index].value))
                }
                total *= SentimentConstants.beforeContrastFactor
            }
            total += sum
            marks += units.filter { if case .marks = $0.role { true } else { false } }
            contributions.append(contentsOf: found)
        }
        // As in VADER, the comment's `!` and `?` add emphasis once, in the direction of the
        // whole comment, so a flat sentence's "!!!" still stresses its neighbour's sentiment.
        let emphasis = Self.punctuationEmphasis(marks)
        total += total > 0 ? emphasis : total < 0 ? -emphasis : 0
        let score = SentimentConstants.normalize(total)
        return SentimentAnalysis(score: score, label: SentimentLabel(score: score), raw: total,
                                 sentences: sentences, contributions: contributions)
    }

    // MARK: Units

    /// A token or phrase with its role in the sentence.
    struct Unit {
        enum Role {
            case valence(term: String, Double)
            /// A theme phrase: its index in the phrases being scored (an index keeps a unit
            /// small: units of a megabyte comment are counted in hundreds of thousands).
            case phrase(Int)
            /// A learned phrase: its index in ``SentimentScorer/learned``.
            case learned(Int)
            case negator(emphasizedBy: Set<String>)
            case intensifier(Double)
            case excess(Double)
            case contrast(SentimentRules.ContrastKind)
            /// A word with no role.
            case plain
            /// `,` `;` `:` and dashes: where a negation or concession stops.
            case clauseBreak
            /// `!` and `?` counted for emphasis.
            case marks(exclamations: Int, questions: Int)
            case other
        }

        var tokens: Range<Int>
        var role: Role
        /// A modifier's own lexicon valence ("no" −1.2, "super" +2.9): it counts when the
        /// modifier has nothing to modify, as in "No!" or "Super trip".
        var own: (term: String, valence: Double)?

        var isWord: Bool {
            switch role {
            case .clauseBreak, .marks, .other: false
            default: true
            }
        }
    }

    static let clauseBreaks: Set<String> = [",", ";", ":", "-", "–", "—", "(", ")", "...", "…", "、", "，", "；"]

    /// The sentence's tokens grouped into units, longest cue first.
    static func units(of range: Range<Int>, in tokens: [Token], lexicon: SentimentLexicon, rules: SentimentRules, learned: LearnedLexicon?,
                      phrases: [PhraseValence] = [], phraseStarts: [Int: Int]? = nil) -> [Unit] {
        /// A token the lexicons say nothing about, as the loop below would find it.
        func isSilent(_ j: Int) -> Bool {
            let token = tokens[j]
            if token.kind == .number { return true }
            return token.isWordLike && !rules.isNegatorBySuffix(token)
                && tokens.withUnsafeBufferPointer({ rules.cues.longestMatch(in: $0, at: j, within: range) }) == nil
                && (lexicon.lookup(token)?.valence ?? 0) == 0
        }
        // At most one unit a token; reserved up front, as growing by doubling had made the units
        // of a megabyte comment peak at 28 MB instead of 17.
        var units: [Unit] = []
        units.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let token = tokens[i]
            if let phraseStarts, let index = phraseStarts[i], phrases[index].tokens.upperBound <= range.upperBound {
                units.append(Unit(tokens: phrases[index].tokens, role: .phrase(index)))
                i = phrases[index].tokens.upperBound
                continue
            }
            // A cue (idiom, negator, intensifier, contrast word) wins over the word's own valence.
            if token.isMatchable, let match = tokens.withUnsafeBufferPointer({ rules.cues.longestMatch(in: $0, at: i, within: range) }) {
                // Only an exact entry: "awfully" as a booster must not fall back to "awful".
                let entry = rules.cues.entry(match.entry)
                let own = match.range.count == 1 && !entry.payload.isIdiom ? lexicon[token] : nil
                units.append(Unit(tokens: match.range, role: entry.payload.role(term: entry.pattern.description),
                                  own: own.map { (token.normalized, $0) }))
                i = match.range.upperBound
                continue
            }
            let role: Unit.Role
            switch token.kind {
            case .word, .hashtag:
                if rules.isNegatorBySuffix(token) {
                    units.append(Unit(tokens: i..<(i + 1), role: .negator(emphasizedBy: []), own: lexicon[token].map { (token.normalized, $0) }))
                    i += 1
                    continue
                }
                if let (form, valence) = lexicon.lookup(token), valence != 0 { role = .valence(term: form, valence) }
                else if let learned, learned.opens(token), let found = learned.match(in: tokens, at: i, within: range, silent: { $0 == i || isSilent($0) }) {
                    units.append(Unit(tokens: found.range, role: .learned(found.entry)))
                    i = found.range.upperBound
                    continue
                } else { role = .plain }
            case .emoticon:
                // As written first (":D" and ":d" may differ), then in lower case (":-P").
                let lower = token.normalized.lowercased()
                role = (lexicon[token.normalized].map { .valence(term: token.normalized, $0) })
                    ?? (lexicon[lower].map { .valence(term: lower, $0) }) ?? .other
            case .emoji:
                let bare = String(String.UnicodeScalarView(token.normalized.unicodeScalars.filter {
                    !(0x1F3FB...0x1F3FF).contains($0.value) && $0.value != 0xFE0F
                }))
                role = (lexicon[token.normalized] ?? lexicon[bare]).map { .valence(term: bare, $0) } ?? .other
            case .punctuation:
                let exclamations = token.normalized.filter { $0 == "!" }.count
                let questions = token.normalized.filter { $0 == "?" }.count
                if exclamations + questions > 0 { role = .marks(exclamations: exclamations, questions: questions) }
                else if clauseBreaks.contains(token.normalized) { role = .clauseBreak }
                else { role = .other }
            default:
                role = .other
            }
            units.append(Unit(tokens: i..<(i + 1), role: role))
            i += 1
        }
        return units
    }

    // MARK: Rules

    private func score(_ units: [Unit], tokens: [Token], shouting: Bool, phrases: [PhraseValence]) -> [Contribution] {
        var contributions: [Contribution] = []
        var usedModifiers = Set<Int>()
        let weights = Self.contrastWeights(units)
        func contribution(_ k: Int, term: String, base: Double) -> Contribution {
            let unit = units[k]
            var steps: [Step] = []
            var value = base
            func apply(_ rule: Step.Rule, _ cause: Int?, _ new: Double) {
                steps.append(Step(rule: rule, cause: cause, before: value, after: new))
                value = new
            }
            let head = tokens[unit.tokens.lowerBound]
            if value != 0, head.emphasis.contains(.allCaps), !shouting {
                apply(.capitals, nil, value + sign(value) * SentimentConstants.capitalsIncrement)
            }
            if value != 0, head.emphasis.contains(.elongated) {
                apply(.elongation, nil, value + sign(value) * SentimentConstants.elongationIncrement)
            }
            // Look back over the words of the same clause. Emoticons and emoji mark the
            // writer's mood, not a word in a negator's scope: they keep their valence.
            var distance = head.kind == .emoticon || head.kind == .emoji ? SentimentConstants.negationWindow : 0
            var j = k - 1
            while j >= 0, distance < SentimentConstants.negationWindow {
                let previous = units[j]
                if case .clauseBreak = previous.role { break }
                if case .contrast = previous.role { break }
                guard previous.isWord else { j -= 1; continue }
                let cause = previous.tokens.lowerBound
                switch previous.role {
                case .intensifier(let weight) where value != 0:
                    var scalar = weight * SentimentConstants.intensifierDecay[distance]
                    if tokens[cause].emphasis.contains(.allCaps), !shouting {
                        scalar += weight > 0 ? SentimentConstants.capitalsIncrement : -SentimentConstants.capitalsIncrement
                    }
                    apply(weight > 0 ? .booster : .dampener, cause, value + sign(value) * scalar)
                    usedModifiers.insert(j)
                case .excess(let weight) where distance == 0 && value <= 0:
                    apply(.excess, cause, value - weight * SentimentConstants.excessScale)
                    usedModifiers.insert(j)
                case .negator(let stressors) where value != 0:
                    if units[(j + 1)..<k].contains(where: { stressors.contains(tokens[$0.tokens.lowerBound].normalized) }) {
                        apply(.emphasis, cause, value * SentimentConstants.neverSoFactor)
                    } else {
                        let scalar = value < 0 ? SentimentConstants.negatedNegativeScalar : SentimentConstants.negationScalar
                        apply(.negation, cause, value * scalar)
                    }
                    usedModifiers.insert(j)
                default: break
                }
                distance += 1
                j -= 1
            }
            let local = value
            if let (rule, factor, cause) = weights[k] {
                apply(rule, cause, value * factor)
            }
            return Contribution(tokens: unit.tokens, term: term, base: base, steps: steps, local: local, value: value)
        }
        for (k, unit) in units.enumerated() {
            switch unit.role {
            case .valence(let term, let base) where base != 0:
                contributions.append(contribution(k, term: term, base: base))
            case .phrase(let index):
                var found = contribution(k, term: phrases[index].term, base: phrases[index].valence)
                found.source = phrases[index].source
                contributions.append(found)
            case .learned(let index):
                guard let entry = learned?.entries[index] else { continue }
                var found = contribution(k, term: entry.phrase, base: entry.valence)
                found.source = .learned(entry: index)
                contributions.append(found)
            case .plain where k > 0:
                // "too" + a word with no valence of its own: "too small", "too high"; not the
                // "too" of "I too think" or "me too".
                guard case .excess = units[k - 1].role, !isAdditiveToo(at: k - 1, units, tokens) else { continue }
                let found = contribution(k, term: tokens[unit.tokens.lowerBound].normalized, base: 0)
                if found.value != 0 { contributions.append(found) }
            default: continue
            }
        }
        // Modifiers that modified nothing count with their own valence ("No!", "Super trip").
        for (k, unit) in units.enumerated() where !usedModifiers.contains(k) {
            guard let own = unit.own else { continue }
            contributions.append(contribution(k, term: own.term, base: own.valence))
        }
        return contributions.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    func isAdditiveToo(at k: Int, _ units: [Unit], _ tokens: [Token]) -> Bool {
        k > 0 && pronouns.contains(tokens[units[k - 1].tokens.lowerBound].normalized)
    }

    /// Contrast weighting per unit, nil where none applies: `but` halves what comes before
    /// and raises what follows; an `although` clause (to the next clause break) weighs half and
    /// the rest of the sentence one and a half.
    static func contrastWeights(_ units: [Unit]) -> [(Step.Rule, Double, Int)?] {
        var weights = [(Step.Rule, Double, Int)?](repeating: nil, count: units.count)
        func first(_ kind: SentimentRules.ContrastKind) -> Int? {
            units.firstIndex { if case .contrast(kind) = $0.role { true } else { false } }
        }
        if let but = first(.but) {
            let cause = units[but].tokens.lowerBound
            for k in 0..<but { weights[k] = (.beforeContrast, SentimentConstants.beforeContrastFactor, cause) }
            for k in (but + 1)..<units.count { weights[k] = (.afterContrast, SentimentConstants.afterContrastFactor, cause) }
        } else if let although = first(.although) {
            let cause = units[although].tokens.lowerBound
            var end = although + 1
            while end < units.count { if case .clauseBreak = units[end].role { break }; end += 1 }
            if !units[(although + 1)..<end].contains(where: \.isWord) {
                // A clause-final "though" ("Great product, shipping was slow though") marks its
                // own clause as the contrast, like a "but" at the clause's start.
                var start = although
                while start > 0 { if case .clauseBreak = units[start - 1].role { break }; start -= 1 }
                guard start > 0 else { return weights }
                for k in 0..<start { weights[k] = (.beforeContrast, SentimentConstants.beforeContrastFactor, cause) }
                for k in start..<units.count { weights[k] = (.afterContrast, SentimentConstants.afterContrastFactor, cause) }
                return weights
            }
            for k in units.indices {
                weights[k] = (although..<end).contains(k)
                    ? (.concession, SentimentConstants.beforeContrastFactor, cause)
                    : (.afterContrast, SentimentConstants.afterContrastFactor, cause)
            }
        }
        return weights
    }

    /// What `!` and `?` add to the sentence (VADER's amplifiers).
    static func punctuationEmphasis(_ units: [Unit]) -> Double {
        var exclamations = 0
        var questions = 0
        for unit in units {
            if case .marks(let e, let q) = unit.role { exclamations += e; questions += q }
        }
        var emphasis = Double(min(exclamations, SentimentConstants.maximumExclamations)) * SentimentConstants.exclamationIncrement
        if questions > 1 {
            emphasis += questions <= 3 ? Double(questions) * SentimentConstants.questionIncrement
                                       : SentimentConstants.manyQuestionsIncrement
        }
        return emphasis
    }
}

private func sign(_ x: Double) -> Double { x < 0 ? -1 : 1 }

extension SentimentRules.Cue {
    var isIdiom: Bool { if case .idiom = self { true } else { false } }

    func role(term: String) -> SentimentScorer.Unit.Role {
        switch self {
        case .negator(let stressors): .negator(emphasizedBy: stressors)
        case .intensifier(let weight): .intensifier(weight)
        case .excess(let weight): .excess(weight)
        case .contrast(let kind): .contrast(kind)
        case .idiom(let valence): .valence(term: term, valence)
        }
    }
}
