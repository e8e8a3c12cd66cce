import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Operations: losses vs width, and fitted model-size exponents

extension Optimizers {
    static let simulateOperation = ModelOperation(
        name: "simulate",
        summary: "final loss vs width N for each optimizer and spectral exponent s",
        model: Parameters.self, arguments: Grid.self,
        estimate: { model, arguments in estimate(model, arguments) },
        run: { model, arguments, monitor in
            let runs = try losses(model, arguments, monitor)
            var s = [Double](), names = [String](), widths = [Double](), mean = [Double](), se = [Double]()
            for run in runs {
                for (i, n) in run.widths.enumerated() {
                    let values = run.losses.map { $0[i] }
                    let (m, e) = meanAndError(values)
                    s.append(run.s); names.append(run.optimizer); widths.append(n); mean.append(m); se.append(e)
                }
            }
            return .table(Table(columns: [Table.Column("s", s), Table.Column("optimizer", strings: names),
                                          Table.Column("N", widths), Table.Column("test", mean),
                                          Table.Column("test_se", se)], caption: "simulation", role: .simulation))
        })

    static let exponentsOperation = ModelOperation(
        name: "exponents",
        summary: "fitted model-size exponent (test ~ N^-exponent) per optimizer and spectral exponent s",
        model: Parameters.self, arguments: Grid.self,
        estimate: { model, arguments in estimate(model, arguments) },
        run: { model, arguments, monitor in
            let runs = try losses(model, arguments, monitor)
            var s = [Double](), names = [String](), exponent = [Double](), se = [Double]()
            for run in runs {
                let x = run.widths.map { log($0) }
                let slopes = run.losses.map { trial in -slope(x, trial.map { log(max($0, 1e-300)) }) }
                let (m, e) = meanAndError(slopes)
                s.append(run.s); names.append(run.optimizer); exponent.append(m); se.append(e)
            }
            return .table(Table(columns: [Table.Column("s", s), Table.Column("optimizer", strings: names),
                                          Table.Column("exponent", exponent), Table.Column("exponent_se", se)],
                                caption: "fitted exponents", role: .simulation))
        })

    /// Losses for every (s, optimizer): `losses[trial][widthIndex]`.
    struct Run { var s: Double; var optimizer: String; var widths: [Double]; var losses: [[Double]] }

    /// The runs on one BLAS thread: the products are dim × outputs with dim in the hundreds, and with
    /// OpenBLAS's default threads muon's orthogonalisation came out different in the 5th digit from a
    /// one-thread run, so a notebook's numbers depended on the core count and on `run -j`.
    static func losses(_ model: Parameters, _ arguments: Grid, _ monitor: WorkMonitor) throws -> [Run] {
        try BLAS.singleThreaded { () throws -> [Run] in try lossesOnOneThread(model, arguments, monitor) }
    }

    private static func lossesOnOneThread(_ model: Parameters, _ arguments: Grid, _ monitor: WorkMonitor) throws -> [Run] {
        let beta = model.beta, dim = model.dim, outputs = model.outputs
        let steps = model.steps, lr = model.lr
        let exponents = arguments.s, widths = arguments.N
        let trials = arguments.replication.trials, seed = arguments.replication.seed
        if exponents.isEmpty { throw ModelError.tooFew(parameter: "s", least: 1, noun: "spectral exponents", purpose: nil) }
        if widths.count < 2 { throw ModelError.tooFew(parameter: "N", least: 2, noun: "widths", purpose: "fit an exponent") }
        for n in widths where n > Double(dim) {
            throw ModelError.exceeds(parameter: "N", value: n, bound: "dim", limit: Double(dim), reason: nil)
        }
        var results = [[[Double]]](repeating: [], count: exponents.count * names.count)
        let total = exponents.count * trials
        for (si, s) in exponents.enumerated() {
            for trial in 0..<trials {
                try monitor.checkCancelled()
                var rng = Xoshiro256StarStar(seed: UInt64(seed), stream: UInt64(trial))
                var row = [[Double]](repeating: [], count: names.count)
                for n in widths {
                    let problem = Problem(s: s, beta: beta, dim: dim, outputs: outputs, width: Int(n), rng: &rng)
                    for (oi, name) in names.enumerated() { row[oi].append(try train(name, problem, steps: steps, lr: lr)) }
                }
                for oi in names.indices { results[si * names.count + oi].append(row[oi]) }
                monitor.report(done: si * trials + trial + 1, total: total, label: "optimizers")
            }
        }
        var runs = [Run]()
        for (si, s) in exponents.enumerated() {
            for (oi, name) in names.enumerated() {
                runs.append(Run(s: s, optimizer: name, widths: widths, losses: results[si * names.count + oi]))
            }
        }
        return runs
    }

    /// Work of `losses`, counted in kernels (`Problem` and `train`): per s, trial and width N the
    /// draw of A (N × dim), Σ = AΛAᵀ/N and the cross term, one eigendecomposition per optimizer
    /// (two for diagonal) and natural's N × N preconditioner; then per step of the four optimizers
    /// seven k × N by N × N products (gd one, diagonal and natural two each, muon one with its
    /// k × k by k × N), muon's SVD of the k × N gradient, and about ten small calls.
    private static func estimate(_ model: Parameters, _ arguments: Grid) -> WorkEstimate {
        let dim = Double(model.dim), k = Double(model.outputs)
        let steps = Double(model.steps)
        let widths = arguments.N, s = Double(arguments.s.count)
        let trials = Double(arguments.replication.trials)
        let nMax = widths.max() ?? 0
        let seconds = widths.reduce(0.0) { total, n in
            let setup = WorkEstimate.drawSeconds(n * dim) + WorkEstimate.gemmSeconds(n, n, dim)
                + WorkEstimate.gemmSeconds(k, n, dim) + 5 * WorkEstimate.eigenSeconds(n) + WorkEstimate.gemmSeconds(n, n, n)
            let step = 7 * WorkEstimate.gemmSeconds(k, n, n) + WorkEstimate.gemmSeconds(k, n, k)
                + WorkEstimate.leastSquaresSeconds(n, k) + 10 * WorkEstimate.callSeconds
            return total + setup + steps * step
        }
        return WorkEstimate(bytes: 8 * (3 * nMax * dim + 4 * nMax * nMax), seconds: s * trials * seconds)
    }

    /// Least-squares slope of y on x.
    static func slope(_ x: [Double], _ y: [Double]) -> Double {
        let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
        var sxy = 0.0, sxx = 0.0
        for i in x.indices { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx) }
        return sxy / sxx
    }

    /// Mean and standard error of the mean.
    static func meanAndError(_ v: [Double]) -> (Double, Double) {
        let n = Double(v.count), mean = v.reduce(0, +) / n
        let variance = v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(1, n - 1)
        return (mean, (variance / n).squareRoot())
    }
}
