import Foundation
import NatoWatch
import NatoWatchFuzzDriver

/// libFuzzer entry point for the classifier: the rules are compiled once, then each input is
/// classified as an article's text (lossily decoded as UTF-8, as the pipeline does). Rules come
/// from `$NATOWATCH_TOPICS`, else `Config/topics.yaml` in the current directory or the checkout.
let fuzzClassifier: Classifier = {
    guard let rules = RulesLocator.locate(explicit: nil) else {
        fatalError("NatoWatchFuzzClassifier: no rules file; set NATOWATCH_TOPICS or run from the checkout")
    }
    do { return try Classifier(rulesFile: rules) } catch {
        fatalError("NatoWatchFuzzClassifier: cannot load \(rules.path): \(error)")
    }
}()

/// Known, reported bug (see RELIABILITY.md): `TargetYearFinder.mentions()` traps converting a
/// year range's huge end ("by 2029-99999999999999999999") to Int. While it is open, inputs with a
/// run of 19+ digits are skipped so that fuzzing can find anything else; set
/// NW_FUZZ_KNOWN_BUGS=1 to fuzz them too (and to check the fix).
#if NATOWATCH_FUZZ
    let skipKnownBugs = ProcessInfo.processInfo.environment["NW_FUZZ_KNOWN_BUGS"] == nil
#else
    let skipKnownBugs = false  // the replay driver always runs inputs as they are
#endif

func hasLongDigitRun(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    var run = 0
    for b in p {
        if b >= 0x30 && b <= 0x39 {
            run += 1
            if run >= 19 { return true }
        } else {
            run = 0
        }
    }
    return false
}

@_cdecl("LLVMFuzzerTestOneInput")
public func natowatchFuzzClassifier(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    if skipKnownBugs && hasLongDigitRun(UnsafeBufferPointer(start: data, count: size)) { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = fuzzClassifier.classify(Article(text: text))
    return 0
}

#if NATOWATCH_FUZZ
    /// SwiftPM links an executable's entry point as `<Target>_main` (and `main` to it), so libFuzzer's
    /// own `main` is not used: hand the arguments to its driver instead.
    @_cdecl("NatoWatchFuzzClassifier_main")
    public func natowatchFuzzClassifierMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv) { natowatchFuzzClassifier($0, $1) }
    }
#else
    /// Without libFuzzer (a plain `swift build`): replay the files named on the command line
    /// through the same entry point, so crash inputs kept as fixtures can be re-run anywhere.
    @main
    struct ReplayClassifier {
        static func main() {
            var count = 0
            for path in CommandLine.arguments.dropFirst() {
                guard let bytes = FileManager.default.contents(atPath: path).map(Array.init) else {
                    FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                    exit(2)
                }
                _ = bytes.withUnsafeBufferPointer { natowatchFuzzClassifier($0.baseAddress, $0.count) }
                count += 1
            }
            print("replayed \(count) inputs")
        }
    }
#endif
