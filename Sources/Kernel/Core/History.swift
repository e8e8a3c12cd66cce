import JSON

/// The cells this kernel ran with `store_history`, answering `history_request`s
/// (`tail`, `range`, `search`) as IPython's history manager does: entries are
/// `[session, line, input]`, or `[session, line, [input, output]]` with `output`.
/// History lives in memory for the life of the process, in session number 1, and
/// is bounded: a result's text/plain is kept to `maximumOutputBytes` (the history
/// protocol shows it as a reminder, and IPython keeps none by default), and when the
/// stored text passes `maximumStoredBytes` the oldest cells are forgotten first.
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
    /// The UTF-8 bytes of every stored input and output.
    public private(set) var storedBytes = 0
    /// The longest output kept, in UTF-8 bytes (longer ones are cut, with a note).
    public let maximumOutputBytes: Int
    /// The most text kept in all; an input longer than this alone is not stored.
    public let maximumStoredBytes: Int

    /// Makes an empty history with the given bounds (4 KiB per output, 16 MiB in all).
    public init(maximumOutputBytes: Int = 4 << 10, maximumStoredBytes: Int = 16 << 20) {
        self.maximumOutputBytes = maximumOutputBytes
        self.maximumStoredBytes = maximumStoredBytes
    }

    /// Stores a cell, cutting a long output and forgetting the oldest cells to stay
    /// within the bounds.
    public mutating func append(line: Int, input: String, output: String?) {
        let kept = output.map { Self.cut($0, to: maximumOutputBytes) }
        let entry = Entry(line: line, input: input, output: kept)
        let size = Self.bytes(entry)
        guard size <= maximumStoredBytes else { return }
        var dropped = 0
        while storedBytes + size > maximumStoredBytes, dropped < entries.count {
            storedBytes -= Self.bytes(entries[dropped])
            dropped += 1
        }
        entries.removeFirst(dropped)
        entries.append(entry)
        storedBytes += size
    }

    private static func bytes(_ entry: Entry) -> Int {
        entry.input.utf8.count + (entry.output?.utf8.count ?? 0)
    }

    /// `text` cut at a character boundary to at most about `limit` bytes, with a note.
    private static func cut(_ text: String, to limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var end = text.utf8.index(text.utf8.startIndex, offsetBy: limit)
        while end > text.startIndex, end.samePosition(in: text.unicodeScalars) == nil { end = text.utf8.index(before: end) }
        return String(text.unicodeScalars[..<end]) + "… [\(text.utf8.count - limit) more bytes not kept in history]"
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
