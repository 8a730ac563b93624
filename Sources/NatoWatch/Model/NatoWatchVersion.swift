/// natowatch's version, as reported by `--version` and in the User-Agent.
public enum NatoWatchVersion {
    public static let string = "0.1.0"
    public static let projectURL = "https://github.com/natowatch/natowatch"
    public static var userAgent: String { "natowatch/\(string) (+\(projectURL))" }
}
