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

@_cdecl("LLVMFuzzerTestOneInput")
public func natowatchFuzzClassifier(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
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
