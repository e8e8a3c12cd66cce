import JSON
import Language
import Notebook

/// The cell cache of one headless run: a `CellMemo` over the run's `Session` and a
/// `CellStore`.
///
/// A cell's key digests its inputs: the engine and its source (`sourceHash`), the
/// session settings it starts under (seed, limits), for every session name it read
/// the key of the cell that bound that name (or "unbound"), and the content of every
/// file it loaded. Keys therefore chain: a cell's key changes exactly when its source
/// or something it transitively read changed, and a cell that read nothing a changed
/// cell bound keeps its key. What a cell reads is learnt by running it (the session
/// records reads and bindings), so a stored entry is a hit when each input it recorded
/// still has the recorded producer or content (a verifying trace, as build systems keep).
///
/// On a hit the outputs are restored without running the cell, and the names it bound
/// are left deferred in the session: if a later cell that does run reads one, the hit
/// cell is re-run silently in a separate session on exactly the inputs it recorded
/// (`SessionMemo+Rebuild.swift`), so a restored value is never a stale one.
///
/// Cells that stop with an error, or that change the settings (`seed(n)`,
/// `limits(...)`), are not stored: they always run. A hit whose saved files are gone
/// or changed is a miss, so the cell runs and writes them again.
public final class SessionMemo: CellMemo {
    let session: Session
    let store: CellStore
    let makeSession: () -> Session
    private let refresh: [String]
    let notice: (String) -> Void
    private let log = FileAccessLog()

    /// The key of the cell that bound each session name, as the run stands.
    var producers: [String: String] = [:]
    /// The cells restored from the cache in this run, by key (rebuilt on demand).
    var restored: [String: RestoredCell] = [:]
    /// Values bound by cells of this run, by producer key and name.
    var values: [String: [String: Value]] = [:]
    private var pendingSourceHash = ""
    /// The cells restored from the cache, by position among code cells (from 1).
    public private(set) var restoredCells: [Int] = []

    /// A memo for a run of `session` with the cache at `path`, or `nil` (after a
    /// notice) if no cache can be opened there.
    /// - Parameters:
    ///   - refresh: cells to run regardless of the cache, by position among code cells
    ///     (`3`) or id; their new outputs replace the stored ones.
    ///   - makeSession: makes the sessions that rebuild restored cells (like `session`).
    ///   - notice: where messages about the cache go (a rebuilt cache, a failed rebuild).
    public init?(session: Session, cachePath path: String, refresh: [String] = [],
                 makeSession: @escaping () -> Session = { Session() }, notice: @escaping (String) -> Void) {
        guard let store = CellStore.open(path: path, engine: EngineFingerprint.current, notice: notice) else { return nil }
        self.session = session
        self.store = store
        self.refresh = refresh
        self.makeSession = makeSession
        self.notice = notice
        session.files.log = log
    }

    /// The cache of notebooks in `directory`: `directory/.solvable-cache/cells.sqlite`.
    public static func path(forNotebooksIn directory: String) -> String {
        (directory.isEmpty ? "." : directory) + "/.solvable-cache/cells.sqlite"
    }

    public func recall(_ cell: Cell, codeCell: Int) -> [JSONValue]? {
        let sourceHash = ContentHash.of([EngineFingerprint.current, cell.source])
        pendingSourceHash = sourceHash
        if refresh.contains(String(codeCell)) || (cell.id.map(refresh.contains) ?? false) { return nil }
        let settings = session.settings
        let candidates: [StoredCell]
        do {
            candidates = try store.candidates(sourceHash: sourceHash)
        } catch {
            notice("cell cache: cannot read \(store.path) (\(error)); the cell runs")
            return nil
        }
        guard let hit = candidates.first(where: { matches($0, settings: settings) }) else { return nil }
        try? store.touch(key: hit.key)
        restored[hit.key] = RestoredCell(source: cell.source, reads: hit.reads, settings: settings, bound: hit.bound)
        for name in hit.bound {
            producers[name] = hit.key
            session.bindDeferred(name) { [unowned self] in self.value(name, boundBy: hit.key) }
        }
        restoredCells.append(codeCell)
        return hit.outputs
    }

    public func willRun(_ cell: Cell, codeCell: Int) {
        session.startTrace()
    }

    public func didRun(_ cell: Cell, codeCell: Int, outputs: [JSONValue], succeeded: Bool) {
        let trace = session.stopTrace()
        guard succeeded else { return }
        var reads: [String: String?] = [:]
        for name in trace.namesRead { reads[name] = .some(producers[name]) }
        var filesRead: [String: String] = [:]
        for path in trace.filesRead { filesRead[path] = ContentHash.file(path) ?? "missing" }
        var filesWritten: [String: String] = [:]
        for path in trace.filesWritten { filesWritten[path] = ContentHash.file(path) ?? "missing" }
        let key = Self.key(sourceHash: pendingSourceHash, settings: trace.settingsBefore.description,
                           reads: reads, files: filesRead)
        var bound: [String: Value] = [:]
        for name in trace.namesBound {
            producers[name] = key
            bound[name] = session.variable(name)
        }
        values[key] = bound
        guard trace.settingsBefore == trace.settingsAfter else { return }
        let stored = StoredCell(key: key, sourceHash: pendingSourceHash, settings: trace.settingsBefore.description,
                                reads: reads, filesRead: filesRead, filesWritten: filesWritten,
                                bound: trace.namesBound, outputs: outputs)
        do {
            try store.save(stored)
        } catch {
            notice("cell cache: cannot write \(store.path) (\(error)); this cell is not cached")
        }
    }

    /// Whether `stored` was made on the inputs the session has now.
    private func matches(_ stored: StoredCell, settings: SessionSettings) -> Bool {
        guard stored.settings == settings.description else { return false }
        for (name, producer) in stored.reads where producers[name] != producer { return false }
        for (path, digest) in stored.filesRead where ContentHash.file(path) != digest { return false }
        for (path, digest) in stored.filesWritten where ContentHash.file(path) != digest { return false }
        return true
    }

    /// The key of a cell: its source hash, settings, and each input, sorted by name.
    static func key(sourceHash: String, settings: String, reads: [String: String?], files: [String: String]) -> String {
        var parts = [sourceHash, settings]
        for (name, producer) in reads.sorted(by: { $0.key < $1.key }) { parts += ["name", name, producer ?? "unbound"] }
        for (path, digest) in files.sorted(by: { $0.key < $1.key }) { parts += ["file", path, digest] }
        return ContentHash.of(parts)
    }
}
