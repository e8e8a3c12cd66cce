import ComplexModule
import NumericCore

// MARK: - Theory at finite width and finite data
//
// Gradient flow from w = 0 on P samples with N random features F = ΨAᵀ/√N gives
// w(t) = Ĝ⁻¹(1 − e^{−Ĝt})Fᵀy/P, Ĝ = FᵀF/P, whose Laplace transform is the ridge
// estimator at ridge z divided by z. The error in mode space therefore is
// Δ(t) = L⁻¹[(v_z − w*)/z](t) and the test loss the double inverse transform
//     test(t) = L⁻¹_{z₁} L⁻¹_{z₂} [ E(z₁, z₂) / (z₁z₂) ] at t₁ = t₂ = t,
// with E(z₁, z₂) = E[(v_{z₁} − w*)ᵀ Λ (v_{z₂} − w*)] the cross error of two ridge fits on
// the same features and data. Its deterministic equivalent comes in two levels
// (Atanasov, Zavatone-Veth & Pehlevan 2024, arXiv 2405.00592, linear random features;
// derived here for two ridges and checked against `simulate` in FlowTests):
//
// Data level, at fixed A: ridge on features of covariance Σ_F = AΛAᵀ/N with target
// β (the projection of w*ψ on the features) and effective noise σ² + σ_res², where
// σ_res² is the part of the target no feature explains:
//     E = [κ₁κ₂ βᵀΣ_F(Σ_F+κ₁)⁻¹(Σ_F+κ₂)⁻¹β + (σ² + σ_res²) γ₁₂] / (1 − γ₁₂) + σ_res²,
//     κᵢ(1 − df1_F(κᵢ)/P) = zᵢ,   1 − γ₁₂ = (z₂ − z₁)/(κ₂ − κ₁)   (partial fractions).
// The bias term is a difference of one-point functions of the same matrix,
//     κ₁κ₂ (D(κ₂) − D(κ₁)) / (κ₁ − κ₂),   D(κ) = βᵀΣ_F(Σ_F+κ)⁻¹β.
// Width level, averaging over A: with κ̃ the root of κ̃(1 − df1(κ̃)/N) = κ and κ̃₀ its
// value at κ = 0 (df1(κ̃₀) = N when N < dim, else 0), df1_F(κ) ≍ df1(κ̃) and
//     D(κ) ≍ (κ̃ − κ̃₀)/κ · Σ b²λ/((λ+κ̃₀)(λ+κ̃)),   σ_res² ≍ κ̃₀ Σ b²/(λ+κ̃₀),
// where (κ̃ − κ̃₀)/κ = N/(κ̃ Σ λ/((λ+κ̃)(λ+κ̃₀))) exactly when κ̃₀ > 0 (no cancellation).
// The training error is the one-point transform
//     train(t) = L⁻¹[ D(κ(z)) + (σ² + σ_res²)/κ(z) ](2t)   (yᵀ(K+z)⁻¹y/P, K = FFᵀ/P).
// N = inf recovers the data-bottleneck theory and P = inf (κ = z) the width-bottleneck
// theory L⁻¹[D](2t) + σ_res²; FlowTests checks both against those independent paths.
// Cost per time point: 24 + 24 contour nodes, each O(dim); the 24·48 node pairs are O(1)
// each, except pairs with nearby κ̃ (late times), which sum over the modes: O(dim) still.

/// The mode sums `FlowSpectrum.twoLevelPairSums` returns for two nodes.
typealias PairSums = (power: Complex<Double>, lambda: Complex<Double>, lambdaSquared: Complex<Double>)

/// One contour node of the two-level theory: z, the width-level κ̃ with df1(κ̃), the
/// data-level ridge κ(z) = κ̃(1 − df1/N) and D(κ).
struct TwoLevelNode: Sendable {
    var z: Complex<Double>
    var kappaTilde: Complex<Double>
    var df1: Complex<Double>
    var kappa: Complex<Double>
    var explained: Complex<Double>

    var conjugate: TwoLevelNode {
        TwoLevelNode(z: z.conjugate, kappaTilde: kappaTilde.conjugate, df1: df1.conjugate,
                     kappa: kappa.conjugate, explained: explained.conjugate)
    }
}

extension Flow {
    /// Test and train loss at width N and P samples (either may be inf).
    static func twoLevelLoss(_ spectrum: FlowSpectrum, width: Double, samples: Double, noise: Double,
                             time t: Double, clock: FlowClock = FlowClock(rate: 0))
        throws(ModelError) -> (test: Double, train: Double) {
        if t == 0 { return (spectrum.initialLoss, spectrum.initialLoss + noise * noise) }
        let floor: Double
        do { floor = try FlowRenormalization.kappaAtZero(draws: width, spectrum: spectrum) } catch {
            throw .notSolved(task: "flow theory", unknown: "the width-level κ(0)", at: [], cause: nil, parameter: nil)
        }
        var residual = 0.0
        if floor > 0 { for k in spectrum.lambda.indices { residual += spectrum.power[k] / (spectrum.lambda[k] + floor) } }
        residual *= floor
        let effectiveNoise = noise * noise + residual
        let rule = clock.rule(time: t), rule2 = clock.rule(time: 2 * t)
        let first = try twoLevelNodes(rule.nodes, width: width, samples: samples, floor: floor, spectrum)
        let second = try twoLevelNodes(rule2.nodes, width: width, samples: samples, floor: floor, spectrum)
        // The O(dim) pair sums of close nodes, each computed once: (j, k) and (k, j) give the
        // same bits, (k, j) against the conjugate node the conjugate of (j, k)'s.
        let count = first.count
        var pairSums = [PairSums?](repeating: nil, count: 2 * count * count)
        func sums(_ j: Int, _ k: Int, _ conjugate: Bool) -> PairSums {
            let (low, high) = (min(j, k), max(j, k))
            let slot = (conjugate ? count * count : 0) + low * count + high
            let stored: PairSums
            if let known = pairSums[slot] {
                stored = known
            } else {
                let b = conjugate ? first[high].kappaTilde.conjugate : first[high].kappaTilde
                stored = spectrum.twoLevelPairSums(first[low].kappaTilde, b)
                pairSums[slot] = stored
            }
            guard conjugate && j > k else { return stored }
            return (stored.power.conjugate, stored.lambda.conjugate, stored.lambdaSquared.conjugate)
        }
        let test = rule.invertDouble { j, k, conjugate in
            let a = first[j], b = conjugate ? first[k].conjugate : first[k]
            let bias: Complex<Double>, oneMinusGamma: Complex<Double>
            if (b.kappaTilde - a.kappaTilde).length > 1e-3 * a.kappaTilde.length {
                bias = (a.kappa * b.kappa) * ((b.explained - a.explained) / (a.kappa - b.kappa))
                oneMinusGamma = (b.z - a.z) / (b.kappa - a.kappa)
            } else {
                // Nearby κ̃ (late times, or a node with itself): the difference quotients
                // in closed form over the modes, free of cancellation.
                (bias, oneMinusGamma) = closeQuotients(a, b, sums(j, k, conjugate), width: width, samples: samples)
            }
            let gamma = Complex<Double>.one - oneMinusGamma
            let cross = (bias + effectiveNoise * gamma) / oneMinusGamma + Complex(residual)
            return cross / (a.z * b.z)
        }
        let train = rule2.invert(second.map { $0.explained + effectiveNoise / $0.kappa })
        return (max(0, test), max(0, train))
    }

    /// The bias term κ_aκ_b(D_b − D_a)/(κ_a − κ_b) and 1 − γ = (z_b − z_a)/(κ_b − κ_a) for
    /// nearby nodes, from the exact identities (with L_n = Σ λⁿ/((λ+κ̃_a)(λ+κ̃_b)) and
    /// B = Σ b²λ/((λ+κ̃_a)(λ+κ̃_b)))
    ///     (κ_b − κ_a)/(κ̃_b − κ̃_a) = 1 − L₂/N,
    ///     bias = κ_a D_a − κ_a B/(1 − L₂/N),
    ///     (z_b − z_a)/(κ̃_b − κ̃_a) = (1 − L₂/N) − [L₂ − (L₂ df1_b − κ̃_a df1_a L₁)/N]/P.
    /// `sums` are `FlowSpectrum.twoLevelPairSums(κ̃_a, κ̃_b)`.
    private static func closeQuotients(_ a: TwoLevelNode, _ b: TwoLevelNode, _ sums: PairSums, width: Double,
                                       samples: Double) -> (bias: Complex<Double>, oneMinusGamma: Complex<Double>) {
        let kappaRate = Complex<Double>.one - (1 / width) * sums.lambdaSquared
        let bias = a.kappa * a.explained - a.kappa * sums.power / kappaRate
        let spread = sums.lambdaSquared * b.df1 - a.kappaTilde * a.df1 * sums.lambda
        let zRate = kappaRate - (1 / samples) * (sums.lambdaSquared - (1 / width) * spread)
        return (bias, zRate / kappaRate)
    }

    /// κ̃(z), κ(z) and D(κ) at each contour node.
    private static func twoLevelNodes(_ nodes: [Complex<Double>], width: Double, samples: Double, floor: Double,
                                      _ spectrum: FlowSpectrum) throws(ModelError) -> [TwoLevelNode] {
        let solved = try solve(nodes, width: width, samples: samples, spectrum)
        return zip(nodes, solved).map { z, node in
            let kt = node.kappa, m = node.moments
            let sums = spectrum.twoLevelSums(kt, floor: floor)
            let fromWidth = Complex<Double>.one - (1 / width) * m.df1
            let fromSamples = Complex<Double>.one - (1 / samples) * m.df1
            // κ = κ̃(1 − df1/N) = z/(1 − df1/P): take the factor that is not near zero
            // (late times drive one of them to zero), so κ keeps full relative precision.
            let kappa = fromSamples.length >= fromWidth.length ? z / fromSamples : kt * fromWidth
            // (κ̃ − κ̃₀)/κ, exact in both cases.
            let ratio = floor > 0 ? width / (kt * sums.t) : kt / kappa
            return TwoLevelNode(z: z, kappaTilde: kt, df1: m.df1, kappa: kappa, explained: ratio * sums.s)
        }
    }
}
