import ComplexModule
import NumericCore

// MARK: - Theory
//
// What it computes: the expected test loss E[(v − w*)ᵀ Λ (v − w*)] (and, for finite P,
// the training error) of gradient flow from w = 0, exact as dim → ∞ at fixed N/dim,
// P/dim, by deterministic equivalents and numerical Laplace inversion (fixed Talbot,
// 24 nodes, ~1e-10 relative for one transform, ~1e-7 for the double transform of the
// finite-P test loss). Cost per time point: O(dim) (a few Newton passes per contour node;
// for close pairs of nodes at late times, 24·48 direct pair sums, still linear in dim).
//
// Width bottleneck (P = inf). With b = Λ^{1/2} w* and G = Λ^{1/2}(AᵀA/N)Λ^{1/2} the
// error obeys d(Λ^{1/2}Δ)/dt = −G Λ^{1/2}Δ, so L(t) = bᵀ e^{−2Gt} b exactly: a
// one-point function of G (the model of arXiv 2402.01092 §2, written symmetrically).
// G has the spectrum of a sample covariance of N draws, so
//     ∫₀^∞ e^{−zs} bᵀe^{−Gs}b ds = bᵀ(G + z)⁻¹b ≍ (κ/z) Σ_k b_k²/(λ_k + κ),
// κ(1 − df1(κ)/N) = z, and L(t) is that transform inverted at s = 2t. At t = ∞ it gives
// κ₀ Σ b_k²/(λ_k+κ₀) with df1(κ₀) = N: the infinite-data random-feature limit
// (Atanasov et al. 2024, arXiv 2405.00592, linear random features, P → ∞).
//
// Finite P (any N, including N = inf): the two-level theory in Flow+TwoLevelTheory.swift.
// P = N = inf gives Σ b_k² e^{−2λ_k t} exactly.

extension Flow {
    /// `theory`'s parameters.
    struct TheoryArguments: ParameterGroup {
        @Option("training times (gradient-flow time; steps when eta > 0)", range: .nonNegative, sweepable: false)
        var t: [Double]
    }

    static let theoryOperation = ModelOperation.table(
        "theory", "expected test (and train) loss vs time t (deterministic equivalents, any N and P)",
        model: FlowParameters.self, arguments: TheoryArguments.self,
        estimate: { p, arguments in
            if p.gamma > 0 { return featureLearningCost(p, modes: Double(p.dim), times: arguments.t) }
            if p.isStochastic { return stochasticCost(p, times: arguments.t) }
            return theoryCost(p, points: Double(arguments.t.count))
        }) { p, arguments, monitor in
            try requireValues(arguments.t, "t")
            return try theoryTable(p, times: arguments.t, monitor: monitor)
        }

    /// Memory and time of a theory curve: each time point is a few O(dim) passes per
    /// contour node, many more for the double transform of finite P (seconds per
    /// dim·point; with the mode sums four modes at a time, measured idle at dim 1e5 as 3.8e-7
    /// for finite P and 1.35e-7 for finite N on the slower of two hosts, about 0.6 times that
    /// on the other).
    static func theoryCost(_ p: FlowParameters, points: Double) -> WorkEstimate {
        let dim = Double(p.dim)
        let perModePoint = p.P.isFinite ? 3e-7 : (p.N.isFinite ? 1e-7 : 5e-9)
        return WorkEstimate(bytes: 8 * 8 * dim + 24 * points, seconds: perModePoint * dim * points)
    }

    /// The theory table (columns t, test, and train when P is finite).
    static func theoryTable(_ p: FlowParameters, times: [Double], monitor: WorkMonitor) throws -> Table {
        let spectrum = p.spectrum
        if p.gamma > 0 {
            try p.checkFeatureLearning("theory")
            let test = try FeatureLearningFlow(spectrum: spectrum, gamma: p.gamma).losses(at: times, monitor: monitor)
            return Table(columns: [Table.Column("t", times), Table.Column("test", test)], caption: "theory", role: .theory)
        }
        try p.checkBatch()
        if !p.clock.isFlow { try checkDescent(p, times: times) }
        if p.isStochastic {
            try checkStepLimit(times)
            let losses = try stochasticLosses(p, times: times, monitor: monitor)
            var columns = [Table.Column("t", times), Table.Column("test", losses.test)]
            if p.P.isFinite { columns.append(Table.Column("train", losses.train)) }
            return Table(columns: columns, caption: "theory", role: .theory)
        }
        var test = [Double](), train = [Double]()
        for (i, t) in times.enumerated() {
            try monitor.checkCancelled()
            if p.P.isInfinite {
                test.append(try widthLimitedLoss(spectrum, width: p.N, time: t, clock: p.clock))
            } else {
                let point = try twoLevelLoss(spectrum, width: p.N, samples: p.P, noise: p.noise, time: t,
                                             clock: p.clock)
                test.append(point.test)
                train.append(point.train)
            }
            monitor.report(done: i + 1, total: times.count, label: "theory flow")
        }
        var columns = [Table.Column("t", times), Table.Column("test", test)]
        if p.P.isFinite { columns.append(Table.Column("train", train)) }
        return Table(columns: columns, caption: "theory", role: .theory)
    }

    /// L(t) at P = inf and width N (N = inf: Σ b² e^{−2λt}).
    static func widthLimitedLoss(_ spectrum: FlowSpectrum, width: Double, time t: Double,
                                 clock: FlowClock = FlowClock(rate: 0)) throws(ModelError) -> Double {
        if t == 0 { return spectrum.initialLoss }
        if width.isInfinite { return spectrum.infiniteLimit(time: t, clock: clock) }
        let rule = clock.rule(time: 2 * t)
        let solved = try solve(rule.nodes, width: width, spectrum)
        let values = zip(rule.nodes, solved).map { z, s in (s.kappa / z) * s.moments.b1 }
        return max(0, rule.invert(values))
    }

    /// Gradient descent: whole step counts, and η below 1/s_max so that every mode of
    /// the Hessian decays monotonically (the contour map of `FlowClock` needs it).
    private static func checkDescent(_ p: FlowParameters, times: [Double]) throws(ModelError) {
        let edge: Double
        do { edge = try FlowRenormalization.spectrumEdge(width: p.N, samples: p.P, spectrum: p.spectrum) } catch {
            throw .notSolved(task: "flow theory", unknown: "the top of the Hessian's spectrum", at: [], cause: nil, parameter: "eta")
        }
        if p.eta * edge >= 1 {
            throw .domain(parameter: "eta", value: formatParameter(p.eta), allowed: """
                eta < 1/s_max = \(formatParameter(1 / edge)) for theory (s_max = \(formatParameter(edge)) is the top of \
                the Hessian's spectrum; simulate runs any eta, and diverges above 2/s_max)
                """)
        }
        try checkSteps(times)
    }

    /// κ and mode sums at the contour nodes, as a `ModelError` on failure.
    static func solve(_ nodes: [Complex<Double>], width: Double = .infinity, samples: Double = .infinity,
                      _ spectrum: FlowSpectrum) throws(ModelError) -> [(kappa: Complex<Double>, moments: FlowMoments)] {
        do { return try FlowRenormalization.kappas(at: nodes, width: width, samples: samples, spectrum: spectrum) } catch {
            throw .notSolved(task: "flow theory", unknown: "the renormalised ridge κ", at: [], cause: nil, parameter: nil)
        }
    }
}
