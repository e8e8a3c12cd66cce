import JSON

/// The cells this kernel ran with `store_history`, answering `history_request`s
/// (`tail`, `range`, `search`) as IPython's history manager does: entries are
/// `[session, line, input]`, or `[session, line, [input, output]]` with `output`.
/// History lives in memory for the life of the process, in session number 1.
public struct History: Sendable {
    /// One stored cell.
    public struct Entry: Sendable, Equatable {
        /// The execution count of the cell.
        public var line: Int
        /// The cell's source.
        public var input: String
        /// The `text/plain` of its result, if it had one.
        public var output: String?
    }

    /// The session number of this kernel's history.
    public static let session = 1
    /// Stored cells, oldest first.
    public private(set) var entries: [Entry] = []

    /// Makes an empty history.
    public init() {}

    /// Stores a cell.
    public mutating func append(line: Int, input: String, output: String?) {
        entries.append(Entry(line: line, input: input, output: output))
    }

    /// Answers a `history_request` content object.
    /// - Returns: the `history` array of the reply.
    public func answer(_ request: JSONValue) -> [JSONValue] {
        let withOutput = request["output"]?.boolValue ?? false
        let selected: [Entry]
        switch request["hist_access_type"]?.stringValue ?? "tail" {
        case "range":
            let session = request["session"]?.intValue ?? 0
            // IPython: 0 and negative offsets of 0 are the current session.
            guard session == 0 || session == Self.session else { return [] }
            let start = request["start"]?.intValue ?? 0
            let stop = request["stop"]?.intValue
            selected = entries.filter { entry in entry.line >= start && (stop.map { entry.line < $0 } ?? true) }
        case "search":
            let pattern = Array((request["pattern"]?.stringValue ?? "*").unicodeScalars)
            var found = entries.filter { Glob.matches(pattern, Array($0.input.unicodeScalars)) }
            if request["unique"]?.boolValue ?? false {
                var seen = Set<String>()
                found = found.reversed().filter { seen.insert($0.input).inserted }.reversed()
            }
            selected = Self.last(request["n"]?.intValue, of: found)
        default:
            selected = Self.last(request["n"]?.intValue ?? 10, of: entries)
        }
        return selected.map { entry in
            let input: JSONValue = .string(entry.input)
            let item: JSONValue = withOutput ? [input, entry.output.map(JSONValue.string) ?? .null] : input
            return [.int(Self.session), .int(entry.line), item]
        }
    }

    private static func last(_ n: Int?, of list: [Entry]) -> [Entry] {
        guard let n, n >= 0 else { return list }
        return Array(list.suffix(n))
    }
}

/// Shell-style wildcard matching (`*`, `?`, `[abc]`, `[!abc]`) over a whole string,
/// as IPython's history search (SQLite GLOB) uses it.
enum Glob {
    /// Whether `text` matches `pattern` entirely.
    static func matches(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
        var p = 0, t = 0
        var starP = -1, starT = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "*" {
                starP = p; starT = t; p += 1
            } else if p < pattern.count, let width = single(pattern, p, text[t]) {
                p += width; t += 1
            } else if starP >= 0 {
                p = starP + 1; starT += 1; t = starT
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    /// If the pattern element at `p` matches `c`, its width in the pattern.
    private static func single(_ pattern: [Unicode.Scalar], _ p: Int, _ c: Unicode.Scalar) -> Int? {
        switch pattern[p] {
        case "?": return 1
        case "[":
            var i = p + 1
            let negate = i < pattern.count && (pattern[i] == "!" || pattern[i] == "^")
            if negate { i += 1 }
            var hit = false
            var first = true
            while i < pattern.count, pattern[i] != "]" || first {
                if i + 2 < pattern.count, pattern[i + 1] == "-", pattern[i + 2] != "]" {
                    if pattern[i] <= c && c <= pattern[i + 2] { hit = true }
                    i += 3
                } else {
                    if pattern[i] == c { hit = true }
                    i += 1
                }
                first = false
            }
            guard i < pattern.count else { return pattern[p] == c ? 1 : nil } // unclosed: literal '['
            return hit != negate ? i - p + 1 : nil
        default:
            return pattern[p] == c ? 1 : nil
        }
    }
}
