#if FUZZING
import Foundation

/// libFuzzer's entry point. The target comes from `MINDSCOPE_FUZZ_TARGET` (csv, tsv, jsonl,
/// text, persona, lexicon, tokenizer-ascii): one binary serves them all.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzHarness.run(FuzzEntry.target, Data(bytes: bytes, count: count))
    return 0
}

enum FuzzEntry {
    static let target: FuzzHarness.Target = {
        let name = ProcessInfo.processInfo.environment["MINDSCOPE_FUZZ_TARGET"] ?? ""
        guard let target = FuzzHarness.Target(rawValue: name) else {
            fatalError("set MINDSCOPE_FUZZ_TARGET to one of \(FuzzHarness.Target.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return target
    }()
}
#else
import Foundation

/// Without libFuzzer (a plain build): replays saved inputs through the same harness, so a
/// crash found by the fuzzer can be reproduced with `MindscopeFuzz TARGET FILE...`.
@main
struct Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzHarness.Target(rawValue: name), arguments.count > 1 else {
            FileHandle.standardError.write(Data("usage: MindscopeFuzz \(FuzzHarness.Target.allCases.map(\.rawValue).joined(separator: "|")) FILE...\n".utf8))
            exit(64)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): cannot read\n".utf8))
                exit(3)
            }
            FuzzHarness.run(target, data)
        }
    }
}
#endif
