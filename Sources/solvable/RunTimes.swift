import JSON
import Notebook
import Platform

/// How long each notebook took the last time `run -j` ran it, so the next run can start
/// the longest first (longest-processing-time scheduling, Graham 1969): with the short
/// notebooks left for the end, the jobs finish at nearly the same time. Kept per notebook
/// directory in `.solvable-cache/run-times.json` (file name → seconds), written atomically.
///
/// A run served from the cell cache is much shorter than a cold one; so that such runs do
/// not erase what a cold run measured, a new time replaces the old one only upwards or by
/// halving it at most (`max(new, old/2)`). A cached run of every notebook halves them all
/// and leaves their order unchanged.
struct RunTimes {
    /// Seconds per notebook path, as recorded by earlier runs.
    private(set) var seconds: [String: Double] = [:]
    /// The saved notebook's own cell times, for a notebook with no recorded time (ordering only).
    private var savedSeconds: [String: Double] = [:]

    /// Reads the recorded times of the notebooks in `files`. For a notebook with none (a fresh
    /// clone has no `.solvable-cache`) the sum of its cells' saved execution times
    /// (`Cell.executionSeconds`) stands in, for ordering only: a rougher hint, since cells last
    /// served from the cache count 0; an unreadable notebook counts 0.
    init(reading files: [String]) {
        for (directory, names) in Self.byDirectory(files) {
            guard let bytes = try? FileIO.read(Self.path(directory)), case .object(let table)? = try? JSONParser.parse(bytes)
            else { continue }
            for (name, file) in names { if let s = table[name]?.doubleValue { seconds[file] = s } }
        }
        for file in files where seconds[file] == nil {
            guard let notebook = try? Notebook(contentsOf: file) else { continue }
            savedSeconds[file] = notebook.cells.compactMap(\.executionSeconds).reduce(0, +)
        }
    }

    /// `files` reordered longest time first; equal times keep their order.
    func longestFirst(_ files: [String]) -> [String] {
        let order = files.indices.sorted { a, b in
            let (x, y) = (estimate(files[a]), estimate(files[b]))
            return x != y ? x > y : a < b
        }
        return order.map { files[$0] }
    }

    private func estimate(_ file: String) -> Double { seconds[file] ?? savedSeconds[file] ?? 0 }

    /// Records this run's times (see the type's comment) and writes them beside the
    /// notebooks; a directory that cannot be written is skipped (timing is only a hint).
    mutating func record(_ measured: [String: Double]) {
        for (file, new) in measured { seconds[file] = max(new, (seconds[file] ?? 0) / 2) }
        for (directory, names) in Self.byDirectory(Array(measured.keys)) {
            var table: [String: JSONValue] = [:]
            if let bytes = try? FileIO.read(Self.path(directory)), case .object(let old)? = try? JSONParser.parse(bytes) {
                table = old
            }
            for (name, file) in names { table[name] = .double(seconds[file]!) }
            let cache = FileIO.parentDirectory(of: Self.path(directory))
            try? FileIO.makeDirectories(cache)
            try? FileIO.writeAtomically(Array(JSONWriter.string(.object(table)).utf8), to: Self.path(directory), durable: false)
        }
    }

    private static func path(_ directory: String) -> String {
        (directory.isEmpty ? "." : directory) + "/.solvable-cache/run-times.json"
    }

    /// The files grouped by directory: directory → (file name, path) of each file in it.
    private static func byDirectory(_ files: [String]) -> [String: [(name: String, file: String)]] {
        var groups: [String: [(name: String, file: String)]] = [:]
        for file in files {
            let slash = file.lastIndex(of: "/")
            let directory = slash.map { $0 == file.startIndex ? "/" : String(file[..<$0]) } ?? ""
            let name = slash.map { String(file[file.index(after: $0)...]) } ?? file
            groups[directory, default: []].append((name, file))
        }
        return groups
    }
}
