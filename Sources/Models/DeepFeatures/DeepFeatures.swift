import NumericCore

/// `deepfeat(widths=, structure=, alpha=, beta=, noise=, dim=, lambda=)`: ridge on the last
/// layer of a chain of linear Gaussian feature maps with structured weight covariances —
/// Zavatone-Veth & Pehlevan 2023, "Learning curves for deep structured Gaussian feature
/// models" (arXiv 2303.00564, NeurIPS 2023).
public enum DeepFeatures {
    /// The family's constructor parameters: the data and ridge, the widths and the
    /// per-layer structure exponents.
    struct Parameters: ParameterGroup {
        @OptionGroup var data = PowerLawParameters()
        @Option("widths N_1, ..., N_L of the feature layers (inf: an infinitely wide layer, theory only)",
                range: NumericRange(lower: 1, allowsInfinity: true))
        var widths: [Double] = [200, 200]
        @Option("structure exponents g_1, ..., g_L, one per layer: layer l's weight rows have covariance "
                + "Ω_l ∝ diag(i^-g_l) (mean eigenvalue 1); g_1 is aligned with the data modes; empty: all 0 (isotropic)",
                range: NumericRange(lower: -4, upper: 4), sweepable: false)
        var structure: [Double] = []
    }

    /// The family as the language sees it.
    public static let family = ModelFamily(
        name: "deepfeat",
        summary: "ridge on deep linear Gaussian features with structured weights: first-layer vs later-layer structure",
        doc: """
        Data as in ridge (x ~ N(0, diag λ_k), λ_k = k^-alpha, λ_k w*_k² = k^-(alpha*beta+1), or
        spectrum=/target=; y = w*·x + noise·ε). Features z = F_L ⋯ F_1 x with F_l an N_l × N_{l−1}
        matrix (N_0 = dim) whose rows are iid N(0, Ω_l/N_l), drawn afresh per trial; Ω_l =
        diag(i^-g_l)/mean, i = 1..N_{l−1} (structure = [g_1, ..., g_L]; Ω_1 acts on the data
        modes in their order, so g_1 > 0 puts weight on the high-variance modes; for l ≥ 2 only
        Ω_l's spectrum matters). Ridge on z: minimise (1/P) Σ (y − a·z)² + lambda ‖a‖².
        Theory (the multi-level deterministic equivalent, derived here from the separable
        Marchenko–Pastur equivalent one layer at a time; the paper's own equations could not be
        read here, so its equation numbers are not cited): with s_k = λ_k Ω_1,kk and
        d = Σ s/(s+κ₀), each layer l contributes a factor δ_l(d) solving
        (1/N_l) Σ_i ω_i/(δ_l + d ω_i/N_l) = 1 over the eigenvalues ω of Ω_{l+1} (Ω_{L+1} = I,
        giving δ_L = 1 − d/N_L; an isotropic layer gives 1 − d/N_l), and κ₀ solves the one
        scalar equation ψ(κ₀)(1 − d/P) = lambda, ψ = κ₀ Π_l δ_l. With g = Σ c κ₀/(s+κ₀),
        c_k = λ_k w*_k², r = ψ/ψ′ (derivatives in κ₀): bias = g − r g′, γ = (d + r d′)/P,
        total = (bias + noise²)/(1 − γ); test = total − noise² (excess risk), train =
        (1 − d/P)² total, gcv → total; kappa = κ₀, df1 = d, df2 = Σ s²/(s+κ₀)².
        One isotropic layer is randfeat; infinite widths are ridge; ridgeless isotropic with
        P < dim and P < every N_l: test = S(1 − P/dim)(1 + A) + noise²((1 + (1 − P/dim)A)/(1 − P/dim) − 1),
        S = Σ c, A = Σ_l P/(N_l − P).
        """,
        reference: "Zavatone-Veth & Pehlevan 2023, arXiv 2303.00564 (setup: deep linear Gaussian features with "
            + "structured weight covariances, ridge readout; claim: first-layer structure can help, later-layer "
            + "structure generally hurts); the equations are derived here layer by layer from the separable "
            + "deterministic equivalent (see DeepFeatureRisk.swift), as in Atanasov, Zavatone-Veth & Pehlevan 2024, "
            + "arXiv 2405.00592 for one layer",
        model: Parameters.self,
        validate: { p throws(ModelError) in
            try SpectralData.checkVectors(p.data)
            _ = try DeepFeatureLayers(p)
        },
        operations: [
            .table("theory", "deterministic-equivalent curve (P, test, train, kappa, df1, df2, gcv)",
                   model: Parameters.self, arguments: TheorySizes.self,
                   estimate: { model, arguments in theoryEstimate(model, arguments) }, run: theory),
            .table("simulate", "Monte-Carlo deep-feature ridge fits (P, test, test_se, train, train_se, gcv, gcv_se)",
                   model: Parameters.self, arguments: SimulationSizes.self,
                   estimate: { model, arguments in simulationEstimate(model, arguments) }, run: simulate),
        ])

    /// The deterministic-equivalent curve at each P (see `DeepFeatureRisk`).
    /// - Returns: a theory table: P, test, train, kappa (κ₀), df1, df2, gcv.
    static func theory(_ model: Parameters, _ arguments: TheorySizes, _ monitor: WorkMonitor) throws -> Table {
        let layers = try DeepFeatureLayers(model)
        let sizes = try arguments.sizes
        var risks: [DeepFeatureRisk] = []
        for (i, p) in sizes.enumerated() {
            try monitor.checkCancelled()
            risks.append(try DeepFeatureRisk(layers, P: p, lambda: model.data.lambda, noise: model.data.noise))
            if sizes.count >= 16 && (i % 16 == 15 || i == sizes.count - 1) {
                monitor.report(done: i + 1, total: sizes.count, label: "theory deepfeat")
            }
        }
        return Ridge.theoryTable(sizes: sizes, risks: risks)
    }

    /// Monte-Carlo curve: per P and trial, fresh data and fresh F_1, ..., F_L from stream (trial, P).
    /// - Returns: a simulation table: P, test, test_se, train, train_se, gcv, gcv_se.
    static func simulate(_ model: Parameters, _ arguments: SimulationSizes, _ monitor: WorkMonitor) throws -> Table {
        let layers = try DeepFeatureLayers(model)
        let widths = try layers.simulationWidths()
        try SimulationSupport.checkBudget(simulationEstimate(model, arguments), monitor)
        let (lambda, noise) = (model.data.lambda, model.data.noise)
        // One BLAS thread: the per-trial products and solves are a few hundred wide, too small for
        // OpenBLAS's workers to pay for their hand-off and spinning.
        return try BLAS.singleThreaded { () throws -> Table in
            try SimulationSupport.monteCarlo(arguments, measures: ["test", "train", "gcv"], label: "simulate deepfeat",
                                             monitor: monitor) { p, rng in
                let trial = try DeepFeatureTrial(layers, widths: widths, p: p, lambda: lambda, noise: noise, rng: &rng)
                return [trial.test, trial.train, trial.gcv]
            }
        }
    }

    /// Memory and time of a theory curve: per P, a root solve of ~15 evaluations, each one
    /// pass over the modes and, per structured layer, an inner root solve (~10 passes over
    /// its N_l eigenvalues); 3e-9 s per element visited (timed with bench/deepfeat.sh's
    /// build at dim 2e4, widths 5000: 0.04 s isotropic, 0.09 s structured for 50 points;
    /// estimated 0.045 s and 0.16 s).
    static func theoryEstimate(_ model: Parameters, _ arguments: TheorySizes) -> WorkEstimate {
        let dim = model.data.modeCount
        var inner = 0.0
        for (l, n) in model.widths.enumerated() where l + 1 < model.widths.count && n.isFinite {
            if l + 1 < model.structure.count, model.structure[l + 1] != 0 { inner += 10 * n }
        }
        let points = Double(arguments.P.count)
        return WorkEstimate(bytes: 8 * (3 * dim + model.widths.filter(\.isFinite).reduce(0, +)),
                            seconds: 3e-9 * 15 * points * (dim + inner))
    }

    /// Memory and time of a simulation: per trial the data draw, the L weight draws and
    /// products `Z_l = Z_{l−1} F_lᵀ`, and the ridge fit on the last layer (as `ridgeEstimate`).
    static func simulationEstimate(_ model: Parameters, _ arguments: SimulationSizes) -> WorkEstimate {
        let dim = model.data.modeCount
        guard let last = model.widths.last, model.widths.allSatisfy(\.isFinite) else {
            return WorkEstimate(bytes: 0, seconds: 0)  // refused by `simulate`, which names widths
        }
        let trials = Double(arguments.replication.trials)
        let inputs = [dim] + model.widths.dropLast()
        let weights = zip(model.widths, inputs).reduce(0) { $0 + $1.0 * $1.1 }
        let fit = SimulationSupport.ridgeEstimate(sizes: arguments.P, dim: dim, features: last, trials: trials,
                                                  extra: weights + dim)
        var seconds = fit.seconds, bytes = fit.bytes
        for p in arguments.P {
            let products = zip(model.widths, inputs).reduce(0) { $0 + WorkEstimate.gemmSeconds(p, $1.0, $1.1) }
            seconds += trials * (products + WorkEstimate.drawSeconds(weights))
            bytes = max(bytes, 8 * (p * dim + weights + 2 * p * (model.widths.max() ?? 0)))
        }
        return WorkEstimate(bytes: bytes, seconds: seconds)
    }
}
