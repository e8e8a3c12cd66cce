import Platform

extension Cell {
    /// Seconds the cell took when it last ran, from the `execution` timestamps Jupyter (and
    /// `solvable run`) write into its metadata; `nil` if it has none. A cell served from the
    /// cell cache keeps the saved timing if its outputs are the saved ones, and is otherwise
    /// stamped with the moment it was restored (time 0).
    public var executionSeconds: Double? {
        guard let execution = metadata["execution"],
              let start = (execution["iopub.execute_input"] ?? execution["iopub.status.busy"])?.stringValue.flatMap(Timestamp.init(iso8601:)),
              let end = execution["shell.execute_reply"]?.stringValue.flatMap(Timestamp.init(iso8601:)) else { return nil }
        return start.seconds(to: end)
    }
}
