/// Decides which waiting request starts next: at most `maxConcurrency` in flight in all, and at most
/// `perHost` per host (scheme, host and port of the initial URL), first come first served per host,
/// hosts taken in turn so one slow host does not hold back the rest.
///
/// A plain value: the fetch loop owns it and calls it from its one thread.
struct TransferScheduler {
    let maxConcurrency: Int
    let perHost: Int
    private var waiting: [String: [Int]] = [:]
    /// Next index to take in each host's `waiting` list (a queue without O(n) removals).
    private var heads: [String: Int] = [:]
    private var active: [String: Int] = [:]
    /// Hosts with waiting work, in turn order.
    private var hostOrder: [String] = []
    private(set) var inFlight = 0

    init(maxConcurrency: Int, perHost: Int) {
        self.maxConcurrency = max(1, maxConcurrency)
        self.perHost = max(1, perHost)
    }

    /// Queues request number `index` for host key `host`.
    mutating func enqueue(_ index: Int, host: String) {
        if waiting[host] == nil {
            waiting[host] = []
            heads[host] = 0
            hostOrder.append(host)
        }
        waiting[host, default: []].append(index)
    }

    /// True when nothing is waiting.
    var isIdle: Bool { hostOrder.isEmpty }

    /// The next request to start, with its host, or nil when every slot is taken or nothing can start.
    mutating func next() -> (index: Int, host: String)? {
        guard inFlight < maxConcurrency else { return nil }
        for position in hostOrder.indices {
            let host = hostOrder[position]
            guard active[host, default: 0] < perHost, let queue = waiting[host], let head = heads[host] else {
                continue
            }
            let index = queue[head]
            if head + 1 == queue.count {
                waiting[host] = nil
                heads[host] = nil
                hostOrder.remove(at: position)
            } else {
                heads[host] = head + 1
                // Rotate: this host goes to the back so others get a turn.
                hostOrder.remove(at: position)
                hostOrder.append(host)
            }
            active[host, default: 0] += 1
            inFlight += 1
            return (index, host)
        }
        return nil
    }

    /// Frees the slot a finished request held.
    mutating func finished(host: String) {
        active[host, default: 1] -= 1
        if active[host] == 0 { active[host] = nil }
        inFlight -= 1
    }

    /// The scheduling key of a URL: lower-cased `scheme://host:port`, or the scheme alone for `file:`.
    static func hostKey(for url: String) -> String {
        guard let components = URLComponentsLite(url) else { return url }
        return components.key
    }
}

/// Just enough URL parsing for a scheduling key, without Foundation's URL normalisation surprises.
struct URLComponentsLite {
    let scheme: String
    let authority: String

    init?(_ url: String) {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        scheme = url[..<colon].lowercased()
        var rest = url[url.index(after: colon)...]
        guard rest.hasPrefix("//") else {
            authority = ""
            return
        }
        rest = rest.dropFirst(2)
        let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var host = rest[..<end]
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        authority = host.lowercased()
    }

    var key: String {
        if scheme == "file" { return "file:" }
        let afterIPv6 = authority.lastIndex(of: "]").map { authority[authority.index(after: $0)...] } ?? authority[...]
        let hasPort = afterIPv6.contains(":")
        let port = scheme == "https" ? ":443" : ":80"
        return "\(scheme)://\(authority)\(hasPort ? "" : port)"
    }
}
