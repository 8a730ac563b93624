import Foundation
import Logging
import NatoWatch

/// Sends swift-log output to standard error, journald-style when `JOURNAL_STREAM` is set.
enum LoggingSetup {
    static func bootstrap(level: String) {
        let lvl = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in
            var h = StderrLogHandler(label: label, journald: ProcessInfo.processInfo.environment["JOURNAL_STREAM"] != nil)
            h.logLevel = lvl
            return h
        }
    }
}
