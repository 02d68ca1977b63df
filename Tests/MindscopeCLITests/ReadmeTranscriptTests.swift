import Foundation
import Testing
import TestSupport

/// The README's transcripts are the tool's own output: each block after a marker
///
///     <!-- transcript: analyze corpora/store_survey.csv --persona cfo -->
///     <!-- transcript head=3: tag corpora/ecommerce_feedback.csv -->
///
/// is `$ mindscope ARGS`, then what `mindscope ARGS` prints from the repository root (standard
/// output, its first N lines and `…` with `head=N`, then standard error). This test fails when
/// a block and the tool disagree; `MINDSCOPE_UPDATE_README=1 swift test --filter Readme`
/// rewrites the blocks.
@Suite struct ReadmeTranscriptTests {
    struct Transcript {
        var marker: Range<String.Index>
        var block: Range<String.Index>
        var arguments: [String]
        var head: Int?
    }

    static let readme = Fixtures.root.appendingPathComponent("README.md")

    /// The markers and their ```text blocks, in order.
    static func transcripts(in text: String) throws -> [Transcript] {
        var result: [Transcript] = []
        var searchFrom = text.startIndex
        while let marker = text.range(of: "<!-- transcript", range: searchFrom..<text.endIndex) {
            guard let close = text.range(of: "-->", range: marker.upperBound..<text.endIndex),
                  let colon = text.range(of: ":", range: marker.upperBound..<close.lowerBound) else {
                Issue.record("a transcript marker without ': ARGS -->'")
                return result
            }
            let options = text[marker.upperBound..<colon.lowerBound].trimmingCharacters(in: .whitespaces)
            let head = options.hasPrefix("head=") ? Int(options.dropFirst(5)) : nil
            let arguments = try words(String(text[colon.upperBound..<close.lowerBound]))
            // The block ends at the first line that is only ``` (the block may be empty).
            guard let open = text.range(of: "\n```text\n", range: close.upperBound..<text.endIndex),
                  open.lowerBound == close.upperBound,
                  let end = text.range(of: "\n```\n", range: text.index(before: open.upperBound)..<text.endIndex) else {
                Issue.record("transcript '\(arguments.joined(separator: " "))': the marker must be followed by a ```text block")
                return result
            }
            let block = open.upperBound..<max(open.upperBound, end.lowerBound)
            result.append(Transcript(marker: marker.lowerBound..<close.upperBound, block: block,
                                     arguments: arguments, head: head))
            searchFrom = end.upperBound
        }
        return result
    }

    /// Shell-like words: spaces separate, double quotes group.
    static func words(_ line: String) throws -> [String] {
        var words: [String] = [], current = "", quoted = false, any = false
        for character in line {
            if character == "\"" { quoted.toggle(); any = true; continue }
            if character == " " && !quoted {
                if any || !current.isEmpty { words.append(current) }
                current = ""; any = false
                continue
            }
            current.append(character)
        }
        if any || !current.isEmpty { words.append(current) }
        return words
    }

    /// What the block after a marker should hold.
    func expected(_ transcript: Transcript) throws -> String {
        let run = try CLITests().run(transcript.arguments, in: Fixtures.root)
        #expect(run.status == 0, "mindscope \(transcript.arguments.joined(separator: " ")): \(run.stderr)")
        var out = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if out.last == "" { out.removeLast() }
        if let head = transcript.head, out.count > head { out = Array(out.prefix(head)) + ["…"] }
        let command = "$ mindscope " + transcript.arguments.map { $0.contains(" ") || $0.isEmpty ? "\"\($0)\"" : $0 }.joined(separator: " ")
        let err = run.stderr.split(separator: "\n").map(String.init)
        return ([command] + out + err).joined(separator: "\n")
    }

    @Test func theReadmeTranscriptsAreWhatTheToolPrints() throws {
        var text = try String(contentsOf: Self.readme, encoding: .utf8)
        let transcripts = try Self.transcripts(in: text)
        #expect(transcripts.count >= 4)
        let update = ProcessInfo.processInfo.environment["MINDSCOPE_UPDATE_README"] == "1"
        // From the end, so earlier ranges stay valid while blocks are replaced.
        for transcript in transcripts.reversed() {
            let expected = try expected(transcript)
            if update {
                text.replaceSubrange(transcript.block, with: expected + (transcript.block.isEmpty ? "\n" : ""))
            } else {
                #expect(String(text[transcript.block]) == expected,
                        "README transcript 'mindscope \(transcript.arguments.joined(separator: " "))' differs from the tool's output; run MINDSCOPE_UPDATE_README=1 swift test --filter Readme")
            }
        }
        if update { try text.write(to: Self.readme, atomically: true, encoding: .utf8) }
    }
}
