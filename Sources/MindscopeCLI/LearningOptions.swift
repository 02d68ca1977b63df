import ArgumentParser
import Foundation
import Mindscope
import MindscopeText

/// Learning phrase valences from the file's ratings (`tag`, `analyze`, `report`).
struct LearningOptions: ParsableArguments {
    @Flag(help: "Do not learn phrase valences from the file's ratings.")
    var noLearn = false

    @Option(help: ArgumentHelp("Write the learned phrase valences to FILE: a lexicon that --sentiment-lexicon loads later (then nothing new is learned).", valueName: "FILE"))
    var saveLearned: String?

    func validate() throws {
        if noLearn, saveLearned != nil { throw ValidationError("--save-learned with --no-learn: nothing would be learned to save") }
    }

    /// Opens the --save-learned file before any work: an unwritable path stops the run here.
    func open() throws -> AtomicFile? {
        guard let saveLearned else { return nil }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: saveLearned, isDirectory: &isFolder), isFolder.boolValue {
            throw Terminal.fail(.unreadable(path: saveLearned, reason: "is a folder; --save-learned needs a file path"))
        }
        Terminal.noteNewFolder(parentOf: saveLearned)
        do { return try AtomicFile(URL(fileURLWithPath: saveLearned)) } catch { throw Terminal.fail(error) }
    }

    /// The learned lexicons for this run: loaded ones, none (--no-learn), or learned from the
    /// rows `reader` reads ahead. Says what was learned on stderr, and saves it to `file`.
    func learn(_ set: LexiconSet, reader: SurveyReader, analyzer: TextAnalyzer, quiet: Bool, saving file: AtomicFile?) throws -> RatingLearning {
        let learning: RatingLearning
        if let loaded = set.learned {
            learning = RatingLearning(loaded: loaded)
        } else if noLearn {
            learning = RatingLearning(nothing: "")
        } else {
            do { learning = try RatingLearning.learn(from: reader, analyzer: analyzer, frequencies: set.frequencies, report: { Terminal.error($0) }) }
            catch { throw Terminal.fail(error) }
        }
        if !quiet, !learning.note.isEmpty { Terminal.error("mindscope: \(learning.note)") }
        if let file {
            do {
                try file.write(Array(learning.full.rendered.utf8))
                try file.commit()
            } catch {
                throw Terminal.fail(error)
            }
            if !quiet { Terminal.error("mindscope: \(learning.full.count) learned phrases written to \(saveLearned ?? "")") }
        }
        return learning
    }
}
