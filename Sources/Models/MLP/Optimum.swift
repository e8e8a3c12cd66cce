import NumericCore

/// `optimum(table)`: the best learning rate of each curve of a learning-rate sweep —
/// the transfer picture's summary. Reads columns `lr` and `loss`; curves are told
/// apart by the first other numeric column with more than one value (`width`, `depth`).
enum OptimumFunction {
    /// `optimum`'s argument.
    struct Arguments: ParameterGroup {
        @Option("a learning-rate sweep with columns lr and loss")
        var table: Table
    }

    static let function = ModelFunction(
        name: "optimum",
        summary: "the learning rate with the lowest loss on each curve of a sweep",
        doc: """
        optimum(s) for s = final(m, lr=[...], width=[...]) (or depth=[...]) returns one row per
        curve: the curve's value (e.g. width), the best lr and its loss. Runs whose loss is
        inf (diverged) or nan never win. Plot it over the sweep to mark the optima:
        plot(s, optimum(s), x="lr", y="loss", scale="loglog").
        """,
        arguments: Arguments.self
    ) { arguments, _ in
        let table = arguments.table
        guard let lr = table.numbers("lr"), let loss = table.numbers("loss") else {
            throw ModelError.missingColumns(owner: "optimum", parameter: "table", needed: ["lr", "loss"], present: table.columnNames, source: nil)
        }
        let group = table.columns.first { c in
            c.name != "lr" && c.name != "loss" && Set(c.numbers ?? []).count > 1
        }
        let keys = group?.numbers ?? [Double](repeating: 0, count: lr.count)
        var order: [Double] = []
        var best: [Double: Int] = [:]
        for i in lr.indices {
            if best[keys[i]] == nil { order.append(keys[i]) }
            guard loss[i].isFinite else { if best[keys[i]] == nil { best[keys[i]] = -1 }; continue }
            if let j = best[keys[i]], j >= 0, loss[j] <= loss[i] { continue }
            best[keys[i]] = i
        }
        let rows = order.map { best[$0]! }
        var columns: [Table.Column] = []
        if let group { columns.append(Table.Column(group.name, order)) }
        columns.append(Table.Column("lr", rows.map { $0 >= 0 ? lr[$0] : .nan }))
        columns.append(Table.Column("loss", rows.map { $0 >= 0 ? loss[$0] : .nan }))
        return .table(Table(columns: columns, caption: "optimum", role: .data))
    }
}
