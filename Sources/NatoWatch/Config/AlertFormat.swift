/// How alert lines are written.
public enum AlertFormat: String, Sendable, Equatable {
    /// One JSON object per line (the default).
    case jsonl
    /// One readable line per alert.
    case text
}
