import Numerics

// MARK: - Theory
//
// What it computes: the expected test loss E[(v − w*)ᵀ Λ (v − w*)] (and, for finite P,
// the training error) of gradient flow from w = 0, exact as dim → ∞ at fixed N/dim,
// P/dim, by first- and second-order deterministic equivalents and numerical Laplace
// inversion (fixed Talbot, 24 nodes, ~1e-10 relative). Cost per time point: O(dim)
// (a few Newton passes per contour node; two-point sums by partial fractions, or
// directly — n² passes, still linear in dim — when late times crowd the κ's together).
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
// Data bottleneck (N = inf). With Λ̂ = ΨᵀΨ/P, Δ(t) = −e^{−Λ̂t}w* + Λ̂⁻¹(1 − e^{−Λ̂t})Ψᵀε/P:
//   bias  = w*ᵀ e^{−Λ̂t} Λ e^{−Λ̂t} w*, a double inverse transform of the two-point
//           equivalent z₁z₂ w*ᵀ(Λ̂+z₁)⁻¹Λ(Λ̂+z₂)⁻¹w* ≍ κ₁κ₂ Σ b²/((λ+κ₁)(λ+κ₂)) / (1 − γ₁₂),
//           γ₁₂ = (1/P) Σ λ²/((λ+κ₁)(λ+κ₂)) (at z₁ = z₂ the ridge bias of arXiv 2405.00592);
//   var   = (σ²/P) tr[Λ (1 − e^{−Λ̂t})² Λ̂⁻¹] = (σ²/P)(2J(t) − J(2t)), J = L⁻¹[κ df1(κ)/z²]
//           (its atom κ₀P/z² at z = 0, present for P < dim, cancels and is removed exactly);
//   train = w*ᵀΛ̂e^{−2Λ̂t}w* + σ² tr[e^{−2Kt}]/P  →  L⁻¹[Σ b²/(λ+κ)](2t) + σ² L⁻¹[1/κ](2t).
// Here κ(1 − df1(κ)/P) = z. P = N = inf gives Σ b_k² e^{−2λ_k t} exactly.

extension Flow {
    static let theoryOperation = ModelOperation(
        name: "theory",
        summary: "expected test (and train) loss vs time t, exact for N = inf or P = inf",
        parameters: [ParameterSpec("t", "training times (gradient-flow time)", kind: .vector,
                                   range: .nonNegative, sweepable: false)],
        run: { model, arguments, monitor in
            let p = try FlowParameters(model)
            let times = try flowGrid(arguments, "t", .nonNegative)
            return .table(try theoryTable(p, times: times, monitor: monitor))
        })

    /// The theory table (columns t, test, and train when P is finite).
    static func theoryTable(_ p: FlowParameters, times: [Double], monitor: WorkMonitor) throws -> Table {
        if p.width.isFinite && p.samples.isFinite {
            throw ModelError.argument(parameter: "P", message: """
                theory(flow) is exact only with N = inf or P = inf (here N = \(formatParameter(p.width)), \
                P = \(formatParameter(p.samples))); use simulate(...) for both finite
                """)
        }
        let spectrum = p.spectrum
        var test = [Double](), train = [Double]()
        for (i, t) in times.enumerated() {
            try monitor.checkCancelled()
            if p.samples.isInfinite {
                test.append(try widthLimitedLoss(spectrum, width: p.width, time: t))
            } else {
                let point = try dataLimitedLoss(spectrum, samples: p.samples, noise: p.noise, time: t)
                test.append(point.test)
                train.append(point.train)
            }
            if i % 16 == 15 { monitor.report(done: i + 1, total: times.count, label: "theory flow") }
        }
        var columns = [Table.Column("t", times), Table.Column("test", test)]
        if p.samples.isFinite { columns.append(Table.Column("train", train)) }
        return Table(columns: columns, caption: "theory", role: .theory)
    }

    /// L(t) at P = inf and width N (N = inf: Σ b² e^{−2λt}).
    static func widthLimitedLoss(_ spectrum: FlowSpectrum, width: Double, time t: Double) throws(ModelError) -> Double {
        if t == 0 { return spectrum.initialLoss }
        if width.isInfinite { return spectrum.infiniteLimit(time: t) }
        let rule = TalbotRule(time: 2 * t)
        let solved = try solve(rule.nodes, width, spectrum)
        let values = zip(rule.nodes, solved).map { z, s in (s.kappa / z) * s.moments.b1 }
        return max(0, rule.invert(values))
    }

    /// Test and train loss at N = inf and P samples.
    static func dataLimitedLoss(_ spectrum: FlowSpectrum, samples: Double, noise: Double,
                                time t: Double) throws(ModelError) -> (test: Double, train: Double) {
        if t == 0 { return (spectrum.initialLoss, spectrum.initialLoss + noise * noise) }
        let rule = TalbotRule(time: t), rule2 = TalbotRule(time: 2 * t)
        let s1 = try solve(rule.nodes, samples, spectrum)
        let s2 = try solve(rule2.nodes, samples, spectrum)
        let bias = rule.invertDouble { j, k, conjugate in
            let (zj, kj, mj) = (rule.nodes[j], s1[j].kappa, s1[j].moments)
            var (zk, kk, mk) = (rule.nodes[k], s1[k].kappa, s1[k].moments)
            if conjugate { zk = zk.conjugate; kk = kk.conjugate; mk = conjugated(mk) }
            let numerator: FlowComplex, gamma: FlowComplex
            if j == k && !conjugate {
                numerator = mj.b2
                gamma = (1 / samples) * mj.d2
            } else if (kk - kj).magnitude > 1e-3 * kj.magnitude {
                // Partial fractions: 1/((λ+κj)(λ+κk)) = (1/(λ+κj) − 1/(λ+κk))/(κk − κj).
                let gap = kk - kj
                numerator = (mj.b1 - mk.b1) / gap
                gamma = (1 / samples) * ((mj.d1 - mk.d1) / gap)
            } else {
                // Nodes too close for partial fractions (late times): sum directly.
                let pair = spectrum.pairSums(kj, kk)
                numerator = pair.power
                gamma = (1 / samples) * pair.lambdaSquared
            }
            return (kj * kk * numerator) / ((FlowComplex.one - gamma) * (zj * zk))
        }
        var test = bias
        var train = rule2.invert(s2.map(\.moments.b1))
        if noise > 0 {
            // The atom ν₀ = κ₀P of tr[Λ f(Λ̂)] at 0 (P < dim, df1(κ₀) = P) gives ν₀τ in J(τ),
            // which cancels in 2J(t) − J(2t); remove it analytically. With δ = κ − κ₀ from
            // κδ Σλ/((λ+κ)(λ+κ₀)) = zP (exact), κ df1(κ) − ν₀ = δ Σλ²/((λ+κ)(λ+κ₀)), so
            // (κ df1 − ν₀)/z² = P Σλ²/(…) / (κ z Σλ/(…)) with no cancellation at late times.
            let k0: Double
            do { k0 = try FlowRenormalization.kappaAtZero(draws: samples, spectrum: spectrum) } catch {
                throw .argument(parameter: nil, message: "flow theory: κ(0) did not converge")
            }
            let regular = { (z: FlowComplex, s: (kappa: FlowComplex, moments: FlowMoments)) -> FlowComplex in
                if k0 == 0 { return (s.kappa * s.moments.df1) / (z * z) }
                let sums = spectrum.atomSums(s.kappa, k0)
                return (samples * sums.lambdaSquared) / (s.kappa * z * sums.lambda)
            }
            let j1 = rule.invert(zip(rule.nodes, s1).map(regular))
            let j2 = rule2.invert(zip(rule2.nodes, s2).map(regular))
            test += noise * noise / samples * (2 * j1 - j2)
            train += noise * noise * rule2.invert(s2.map { 1 / $0.kappa })
        }
        return (max(0, test), max(0, train))
    }

    /// κ and mode sums at the contour nodes, as a `ModelError` on failure.
    private static func solve(_ nodes: [FlowComplex], _ draws: Double, _ spectrum: FlowSpectrum)
        throws(ModelError) -> [(kappa: FlowComplex, moments: FlowMoments)] {
        do { return try FlowRenormalization.kappas(at: nodes, draws: draws, spectrum: spectrum) } catch {
            throw .argument(parameter: nil, message: "flow theory: the renormalised ridge κ did not converge")
        }
    }

    private static func conjugated(_ m: FlowMoments) -> FlowMoments {
        FlowMoments(df1: m.df1.conjugate, dfPrime: m.dfPrime.conjugate, b1: m.b1.conjugate,
                    b2: m.b2.conjugate, d1: m.d1.conjugate, d2: m.d2.conjugate)
    }
}
