import Foundation

/// Finds the rules file when none is given on the command line.
public enum RulesLocator {
    /// Order: `explicit` (`--rules`), then `$NATOWATCH_TOPICS`, then `./Config/topics.yaml`,
    /// then `Config/topics.yaml` next to the executable's project (`<exe>/../../../Config`,
    /// which is the checkout when run from `.build/<config>/`), then `/etc/natowatch/topics.yaml`.
    public static func locate(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: URL? = Bundle.main.executableURL) -> URL? {
        if let explicit { return URL(fileURLWithPath: explicit) }
        var candidates: [URL] = []
        if let env = environment["NATOWATCH_TOPICS"], !env.isEmpty { return URL(fileURLWithPath: env) }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Config/topics.yaml"))
        if let exe = executable?.resolvingSymlinksInPath() {
            var dir = exe.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(dir.appendingPathComponent("Config/topics.yaml"))
                dir = dir.deletingLastPathComponent()
            }
        }
        candidates.append(URL(fileURLWithPath: "/etc/natowatch/topics.yaml"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
