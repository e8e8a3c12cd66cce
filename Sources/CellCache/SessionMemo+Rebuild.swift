import Language
import Notebook
import NumericCore

/// A cell of this run whose outputs came from the cache: what is needed to run it again.
struct RestoredCell {
    var source: String
    /// Each name it read and the key of its producer (`nil`: unbound).
    var reads: [String: String?]
    /// The settings it ran under.
    var settings: SessionSettings
    /// The names it bound.
    var bound: [String]
}

extension SessionMemo {
    /// The value `name` had right after the cell with key `key` ran: kept if that cell
    /// ran in this run, else rebuilt by running the restored cell again, silently, in a
    /// fresh session whose inputs are (deferred) the very values it read when it was
    /// stored. Returns `nil` (after a notice) only if that re-run fails.
    func value(_ name: String, boundBy key: String) -> Value? {
        if let cell = values[key] { return cell[name] }
        guard let cell = restored[key] else { return nil }
        let rebuild = makeSession()
        var scope = session.files
        scope.log = nil
        rebuild.files = scope
        rebuild.settings = cell.settings
        for (input, producer) in cell.reads {
            guard let producer else { continue }
            rebuild.bindDeferred(input) { [unowned self] in self.value(input, boundBy: producer) }
        }
        let outcome = rebuild.execute(cell.source, sink: OutputRecorder(keepsOutputs: false), monitor: WorkMonitor())
        if case .failure(let error) = outcome {
            notice("cell cache: re-running a cached cell to rebuild '\(name)' failed (\(error.ename): \(error.evalue)); "
                   + "run with --no-cache")
            values[key] = [:]
            return nil
        }
        var bound: [String: Value] = [:]
        for boundName in cell.bound { bound[boundName] = rebuild.variable(boundName) }
        values[key] = bound
        return bound[name]
    }
}
