import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Compute-optimal frontier
//
// Bordelon, Atanasov & Pehlevan 2024 (arXiv 2402.01092, §6): with compute C = N·t
// (online, P = inf) the loss L(N, C/N) is minimised over the width. Here the P = inf
// theory (Flow+Theory.swift) is minimised over log N ∈ [0, log C] (t ≥ 1) by a
// 17-point scan followed by golden-section search to 1e-4 in log N. For a − 1 < b the
// paper's prediction is N* ~ C^{1/(1+b)}, t* ~ C^{b/(1+b)}, L* ~ C^{−(a−1)/(1+b)}.

extension Flow {
    /// `frontier`'s parameters.
    struct FrontierArguments: ParameterGroup {
        @Option("compute budgets C = N·t", range: NumericRange(lower: 1, lowerInclusive: false), sweepable: false)
        var C: [Double]
    }

    // Each budget scans and refines widths, each a width-limited loss: about 1.75e-5 s per
    // mode and budget (idle bench/calibrate: 0.88 s for five budgets at dim = 1e4, 8.9 s at 1e5).
    static let frontierOperation = ModelOperation.table(
        "frontier", "compute-optimal width N*, time t* and loss L* at compute C = N·t (P = inf theory)",
        model: FlowParameters.self, arguments: FrontierArguments.self,
        estimate: { p, arguments in
            WorkEstimate(bytes: 8 * 8 * Double(p.dim), seconds: 1.75e-5 * Double(p.dim) * Double(arguments.C.count))
        }) { model, arguments, monitor in
            var p = model
            if !p.clock.isFlow {
                throw ModelError.domain(parameter: "eta", value: formatParameter(p.eta),
                                        allowed: "eta = 0 for frontier (compute C = N·t is defined for gradient flow)")
            }
            try requireValues(arguments.C, "C")
            if p.gamma > 0 {
                throw ModelError.domain(parameter: "gamma", value: formatParameter(p.gamma),
                                        allowed: "gamma = 0 for frontier (its theory is the lazy finite-width one)")
            }
            p.P = .infinity
            return try frontierTable(p, budgets: arguments.C, monitor: monitor)
        }

    /// Columns C, N, t, test (= L*), one row per budget.
    static func frontierTable(_ p: FlowParameters, budgets: [Double], monitor: WorkMonitor) throws -> Table {
        let spectrum = p.spectrum
        var widths = [Double](), times = [Double](), losses = [Double]()
        for (i, budget) in budgets.enumerated() {
            try monitor.checkCancelled()
            let best = try optimum(spectrum, budget: budget)
            widths.append(best.width)
            times.append(budget / best.width)
            losses.append(best.loss)
            monitor.report(done: i + 1, total: budgets.count, label: "frontier flow")
        }
        return Table(columns: [Table.Column("C", budgets), Table.Column("N", widths), Table.Column("t", times),
                               Table.Column("test", losses)], caption: "compute-optimal", role: .theory)
    }

    /// The width minimising the theory loss at compute `budget`.
    static func optimum(_ spectrum: FlowSpectrum, budget: Double) throws(ModelError) -> (width: Double, loss: Double) {
        let upper = log(budget)
        func loss(_ u: Double) throws(ModelError) -> Double {
            try widthLimitedLoss(spectrum, width: exp(u), time: budget / exp(u))
        }
        let u = try ScalarMinimum.scanThenGolden(lower: 0, upper: upper, scan: 16, tolerance: 1e-4, loss)
        return (exp(u), try loss(u))
    }
}
