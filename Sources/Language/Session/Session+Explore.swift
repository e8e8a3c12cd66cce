import Display
import JSON
import NumericCore

// MARK: - Re-evaluating an explore with new control values

extension Session {
    /// The MIME type of an `explore` display (`{id, controls}` beside the view).
    public static let exploreMIMEType = Exploration.mimeType

    /// Re-evaluates exploration `id` (from its display) with its controls set to
    /// `settings` (one per control, in the display's order: a number for a slider, an
    /// option index for a dropdown, a bool for a checkbox).
    /// - Returns: the new view (the same representations the first display had, the
    ///   explore JSON carrying the new values), or the error, pointing at the control.
    public func reexplore(_ id: Int, settings: [JSONValue], sink: OutputSink, monitor: WorkMonitor) -> Result<MIMEBundle, CellError> {
        guard interpreter.explorations.indices.contains(id) else {
            return .failure(LanguageError(.widget(.noExplore(id: id)), at: nil).cellError(source: ""))
        }
        var exploration = interpreter.explorations[id]
        guard settings.count == exploration.controls.count else {
            return .failure(LanguageError(.widget(.settingCount(id: id, controls: exploration.controls.count, given: settings.count)), at: nil).cellError(source: ""))
        }
        interpreter.sink = sink
        interpreter.startCell(WorkMonitor(parent: monitor) { monitor.report(done: $0.done, total: $0.total, label: $0.label) })
        defer {
            interpreter.sink = NullSink()
            interpreter.monitor = WorkMonitor.none
        }
        do throws(LanguageError) {
            var values: [ControlKey: Value] = [:]
            for (i, entry) in exploration.controls.enumerated() {
                let value = try entry.control.value(for: settings[i])
                values[entry.key] = value
                exploration.controls[i].control.value = value
            }
            let (value, _) = try interpreter.evaluateExploring(exploration.expression, source: exploration.source, settings: values)
            interpreter.explorations[id] = exploration
            return .success(exploration.bundle(id: id, view: value.bundle(registry: registry)))
        } catch {
            return .failure(error.cellError(source: ""))
        }
    }
}
