import Models
import NumericCore

// MARK: - Scaling-law fits of a user's runs

extension Builtins {
    /// The parameters `fit` takes only for a scaling law, after the curve-fit ones.
    static let scalingFitParameters: [ParameterSpec] = [
        .builtin("bootstrap", "resamples of the runs for 95% percentile intervals (scaling laws)", kind: .integer,
                 default: "0", allowed: "0 ≤ bootstrap ≤ 100000", keywordOnly: true),
        .builtin("seed", "seed of the resamples (default: the session's seed(n), else 0)", kind: .integer,
                 default: "none", allowed: "seed ≥ 0", keywordOnly: true),
        .builtin("loss", "the per-run loss on log L̂ − log L (scaling laws)", kind: .string, default: "\"huber\"",
                 allowed: "\"huber\" | \"mse\"", keywordOnly: true),
        .builtin("delta", "the Huber threshold (scaling laws)", default: "1e-3", allowed: "delta > 0", keywordOnly: true),
        .builtin("holdout", "hold out this many largest-compute runs and report the fit's error on them",
                 kind: .integer, default: "0", allowed: "holdout ≥ 0", keywordOnly: true),
    ]

    /// The most bootstrap resamples a scaling fit takes.
    static let maximumResamples = 100_000

    /// The names `law=` accepts for a scaling law.
    static let scalingLawNames = ScalingLaw.allCases.map(\.rawValue)

    /// Runs the scaling-law branch of `fit` when `law=` names a scaling law; `nil` for
    /// the curve laws (after checking no scaling-only option was given to them).
    static func scalingFit(_ c: inout CallContext) throws(LanguageError) -> Value? {
        let onlyScaling = scalingFitParameters.map(\.name)
        guard let lawName = try c.string("law"), let law = ScalingLaw(rawValue: lawName) else {
            if let given = onlyScaling.first(where: { c.value($0) != nil }) {
                throw c.error(.scalingFit(.scalingOnly(option: given, law: try c.string("law") ?? "powerlaw")), at: given)
            }
            return nil
        }
        guard case .table(let t) = c.value("data")! else {
            throw c.error(.scalingFit(.needsTable(law: law.rawValue, typeName: c.value("data")!.typeName)), at: "data")
        }
        for name in ["ys", "min", "max"] where c.value(name) != nil {
            throw c.error(.scalingFit(.curveOnly(option: name, law: law.rawValue)), at: name)
        }
        let inputNames = try inputColumns(&c, law: law, table: t)
        let outputName = try c.string("y") ?? "loss"
        var columns: [[Double]] = []
        for (name, parameter) in inputNames.map({ ($0, "x") }) + [(outputName, "y")] {
            columns.append(try numericColumn(c, t, name, parameter: parameter))
        }
        var request = ScalingFit.Request(law: law, inputs: Array(columns.dropLast()), inputNames: inputNames,
                                         losses: columns.last!, outputName: outputName)
        let lossName = try c.choice("loss", ["huber", "mse"]) ?? "huber"
        if lossName == "mse" {
            if c.value("delta") != nil { throw c.error(.scalingFit(.deltaWithMSE), at: "delta") }
            request.loss = .mse
        } else if let delta = try c.number("delta") {
            guard delta > 0, delta.isFinite else {
                throw c.error(.outOfRange(parameter: "delta", value: delta, allowed: "delta > 0", entry: nil), at: "delta")
            }
            request.loss = .huber(delta: delta)
        }
        request.bootstrap = try c.integer("bootstrap", atLeast: 0) ?? 0
        guard request.bootstrap <= maximumResamples else {
            throw c.error(.scalingFit(.tooManyResamples(given: request.bootstrap, limit: maximumResamples)), at: "bootstrap")
        }
        request.seed = UInt64(try c.integer("seed", atLeast: 0) ?? Int(c.interpreter.seed ?? 0))
        request.holdout = try c.integer("holdout", atLeast: 0) ?? 0
        if request.holdout > 0, request.holdout >= t.rowCount {
            throw c.error(.scalingFit(.holdout(given: request.holdout, runs: t.rowCount, most: max(0, t.rowCount - ScalingFit.minimumRuns(law)))),
                          at: "holdout")
        }
        let position = c.position
        try c.interpreter.admit(WorkEstimate.scalingFit(runs: Double(t.rowCount), resamples: Double(request.bootstrap)),
                                for: "fit(law=\"\(law.rawValue)\")", advice: "use fewer bootstrap resamples", at: position)
        do {
            let fit = try c.interpreter.withProgress { monitor in try ScalingFit.fit(request, monitor: monitor) }
            return .scalingFit(fit)
        } catch let error as FitError {
            throw c.error(.scalingFit(.failed(law: law.rawValue, reason: error.message)), at: "data")
        } catch {
            throw LanguageError(.resource(.interrupted(during: "the bootstrap")), at: position)
        }
    }

    /// The input column names: `x=["N", "D"]` for chinchilla (default N and D), `x="C"` for one variable.
    private static func inputColumns(_ c: inout CallContext, law: ScalingLaw, table t: Table) throws(LanguageError) -> [String] {
        let names: [String]
        switch c.value("x") {
        case nil:
            names = law == .chinchilla ? ["N", "D"] : [t.columnNames.first ?? ""]
        case .string(let s)?:
            names = [s]
        case .list(let items)?:
            var strings: [String] = []
            for item in items {
                guard case .string(let s) = item else { throw c.error(.builtin(.columnNames(parameter: "x", typeName: item.typeName)), at: "x") }
                strings.append(s)
            }
            names = strings
        case let v?:
            throw c.error(.wrongKind(owner: "fit", parameter: "x", expected: "a column name or a list of them", given: v.typeName), at: "x")
        }
        guard names.count == law.inputCount else {
            let wanted = law == .chinchilla ? "two columns, x=[\"N\", \"D\"] (parameters, tokens)" : "one column, x=\"N\""
            throw c.error(.scalingFit(.inputCount(law: law.rawValue, wanted: wanted, given: names.count)), at: "x")
        }
        return names
    }

    /// The numeric column `name` of `t`, or an error naming the columns, at argument
    /// `parameter` if given, else at `data` (`fit`'s curve and scaling branches share it).
    static func numericColumn(_ c: CallContext, _ t: Table, _ name: String, parameter: String) throws(LanguageError) -> [Double] {
        if let numbers = t.numbers(name) { return numbers }
        let problem: Diagnostic.Builtin = t.column(name) == nil ? .noColumn(name, names: t.columnNames) : .textColumn(name)
        throw c.error(.builtin(problem), at: c.value(parameter) != nil ? parameter : "data")
    }

    static let scaling: [Builtin] = [
        Builtin(name: "optimal", summary: "The compute-optimal N, D and loss of a chinchilla fit at budgets C = 6·N·D, with intervals.",
                doc: """
                optimal(f, C=[1e21, 1e23]) gives a table with columns C, N, D, loss (Hoffmann et al. 2022, eq. 4: \
                N = G (C/6)^(beta/(alpha+beta)), D = C/(6N), G = (alpha A / (beta B))^(1/(alpha+beta))). When f was \
                fitted with bootstrap=, the columns N_low, N_high, D_low, D_high, loss_low, loss_high hold the 95% \
                percentile interval over the resamples. Given a model first, optimal(m, ...) is that \
                model's operation instead (e.g. ensemble's optimal(m, K=...); see help(ensemble)).
                """,
                parameters: [
                    .builtin("f", "a chinchilla fit: fit(runs, law=\"chinchilla\", ...)", kind: .value("fit")),
                    .builtin("C", "compute budgets in FLOPs", kind: .vector, allowed: "C > 0", keywordOnly: false),
                ]) { c throws(LanguageError) in
            guard case .scalingFit(let f) = c.value("f")! else {
                throw c.error(.scalingFit(.optimalNeedsFit(typeName: c.value("f")!.typeName)), at: "f")
            }
            guard f.law == .chinchilla else {
                throw c.error(.scalingFit(.optimalNeedsChinchilla(law: f.law.rawValue)), at: "f")
            }
            let budgets = try c.numbers("C")!
            if let bad = budgets.first(where: { !($0 > 0) || !$0.isFinite }) {
                throw c.error(.outOfRange(parameter: "C", value: bad, allowed: "C > 0 (FLOPs)", entry: nil), at: "C")
            }
            let rows = budgets.map { f.optimal(compute: $0) }
            var columns = [Table.Column("C", budgets)]
            for (name, path) in [("N", \ScalingFit.Allocation.parameters), ("D", \.tokens), ("loss", \.loss)] {
                columns.append(Table.Column(name, rows.map { $0.estimate[keyPath: path] }))
                if !f.samples.isEmpty {
                    columns.append(Table.Column(name + "_low", rows.map { $0.low![keyPath: path] }))
                    columns.append(Table.Column(name + "_high", rows.map { $0.high![keyPath: path] }))
                }
            }
            return .table(Table(columns: columns, caption: "compute-optimal allocation"))
        },
    ]
}
