import NumericCore

/// Test, training and GCV risks of ridge on deep structured linear Gaussian features
/// from the multi-level deterministic equivalent (the `deepfeat` theory).
///
/// Setting (Zavatone-Veth & Pehlevan 2023, arXiv 2303.00564): `K = Σ^½ Fᵀ F Σ^½` with
/// `F = F_L ⋯ F_1`, rows of `F_l` iid `N(0, Ω_l/N_l)`. Conditioned on F, ridge on z is
/// ridge with covariance K and the total risk is `(κ² uᵀ(K+κ)⁻²u + σ²)/(1 − df2_K(κ)/P)`,
/// `u = Σ^½ w*`, `κ(1 − df1_K(κ)/P) = λ` (the ridge equivalent of Atanasov, Zavatone-Veth
/// & Pehlevan 2024, arXiv 2405.00592). Averaging over F one layer at a time, from the
/// outermost in, with the separable Marchenko–Pastur equivalent `κ(S^½ Gᵀ Ω G S^½/N + κ)⁻¹
/// ≃ κ'(S + κ')⁻¹`, `κ = κ' δ`, `(1/N) Σ ω/(δ + d ω/N) = 1`, `d = df1_S(κ')` (Hachem,
/// Loubaton & Najim 2007 for the separable model; derived here, the paper's own equations
/// could not be read): layer l has `S` the inner layers' matrix and `Ω = Ω_{l+1}`, and
/// `d` is the same at every level, so the chain closes on the data spectrum `s = λ Ω_1`:
///
///     ψ(κ₀) (1 − d/P) = λ,   ψ = κ₀ Π_l δ_l(d),   d = Σ s/(s + κ₀)
///
/// (one self-consistent equation per layer, each δ_l a scalar root; isotropic Ω_{l+1}
/// gives δ_l = 1 − d/N_l, and one isotropic layer is randfeat's `κ₂(1 − d/P)(1 − d/N) = λ`).
/// Then `κ uᵀ(K+κ)⁻¹u ≃ g(κ₀) = Σ c κ₀/(s+κ₀)` (c = λ w*², as κ = ψ(κ₀)), so with
/// `r = ψ/ψ′` (′ = d/dκ₀): `κ² uᵀ(K+κ)⁻²u = g − r g′` and `df2_K = d + r d′`. A zero ψ
/// (ridgeless with a layer as the bottleneck, or κ₀ = 0) has `r = 0`.
struct DeepFeatureRisk: LearningCurvePoint {
    /// The renormalised ridge κ₀ seen by the data spectrum `s`.
    var kappa: Double
    /// `d = Σ s/(s+κ₀)`.
    var df1: Double
    /// `Σ s²/(s+κ₀)²`.
    var df2: Double
    /// `total − σ²`, the excess test risk.
    var excess: Double
    /// The training error `(1 − d/P)² total`.
    var train: Double
    /// The total test risk, the limit of GCV.
    var total: Double
    /// The limit of GCV: the total test risk.
    var gcv: Double { total }

    /// The risks at P samples (`.infinity` allowed), ridge λ ≥ 0 and noise SD σ.
    /// - Throws: `ModelError.notSolved` if a root solve fails (it should not for valid input).
    init(_ layers: DeepFeatureLayers, P: Double, lambda: Double, noise: Double) throws(ModelError) {
        let chain = DeepFeatureChain(layers)
        let invP = P.isInfinite ? 0 : 1 / P
        let m = min(P, layers.widths.min() ?? .infinity)
        let live = Double(chain.spectrum.count { $0 > 0 })
        var kappa0 = m < live ? RenormalizedRidge.kappa(eigenvalues: chain.spectrum, P: m, lambda: 0) : 0
        if lambda > 0 {
            let lower = max(kappa0, lambda)
            do {
                kappa0 = try RootFinding.brentExpanding(lower: lower, guess: 2 * lower) { k in
                    let point = chain.evaluate(kappa: k)
                    return point.psi * (1 - point.d * invP) - lambda
                }
            } catch {
                throw .notSolved(task: "deepfeat theory", unknown: "the κ₀ equation", at: [.init("P", P)], cause: "\(error)", parameter: nil)
            }
        }
        var point = chain.evaluate(kappa: kappa0)
        if lambda == 0 && m < live {
            // Exact, so that γ = 1 (a tie of P with a width) is detected exactly.
            point = chain.evaluate(kappa: kappa0, degreesOfFreedom: m)
        }
        let r = point.psi == 0 ? 0 : point.psi / point.psiSlope
        let bias = max(point.g - r * point.gSlope, 0)
        let gamma = (point.d + r * point.dSlope) * invP
        let sigma2 = noise * noise
        let total: Double
        if gamma >= 1 - 1e-12 {
            total = bias + sigma2 == 0 ? 0 : .infinity
            excess = total
        } else {
            total = (bias + sigma2) / (1 - gamma)
            excess = (bias + gamma * sigma2) / (1 - gamma)  // total − σ², without the cancellation
        }
        let trainFactor = 1 - point.d * invP
        kappa = kappa0
        df1 = point.d
        df2 = point.d2
        self.total = total
        train = trainFactor == 0 ? 0 : trainFactor * trainFactor * total
    }
}
