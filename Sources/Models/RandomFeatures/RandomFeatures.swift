import NumericCore

/// `randfeat(alpha=, beta=, noise=, dim=, lambda=, N=)`: ridge regression on linear
/// random features `z = F x`, F ∈ R^{N×dim} with iid N(0, 1/N) entries — the
/// two-level deterministic equivalent of Atanasov, Zavatone-Veth & Pehlevan 2024
/// (arXiv 2405.00592, linear random features) with the finite-N risk of Ruben, Tong,
/// Chaudhry & Pehlevan 2024 (arXiv 2412.05418).
public enum RandomFeatures {
    /// The family's constructor parameters: the data and ridge, and `N`.
    struct Parameters: ParameterGroup {
        @OptionGroup var data = PowerLawParameters()
        @Option("number of random features (inf: ridge on x, theory only)", range: NumericRange(lower: 1, allowsInfinity: true))
        var N = 100.0
    }

    /// The family as the language sees it.
    public static let family = ModelFamily(
        name: "randfeat",
        summary: "ridge on N linear random features of power-law Gaussian data: double descent, width bottleneck",
        doc: """
        Data as in ridge (x ~ N(0, diag λ_k), λ_k = k^-alpha, λ_k w*_k² = k^-(alpha*beta+1),
        y = w*·x + noise·ε). Features z = F x with F an N × dim matrix of iid N(0, 1/N)
        entries, drawn afresh per trial; the estimator minimises
        (1/P) Σ (y − a·z)^2 + lambda ‖a‖^2 (same normalisation as ridge).
        Theory: κ₂ solves κ₂ (1 − df1/P)(1 − df1/N) = lambda (symmetric in N and P);
        ρ = (N − df1)/(N − df2), γ = (df1 − ρ (df1 − df2))/P and the total risk is
        E = (κ₂² Σ λw²/(λ+κ₂)² ρ + κ₂ Σ λw²/(λ+κ₂) (1 − ρ) + noise²)/(1 − γ).
        test = E − noise² (excess risk, no noise floor), train = (1 − df1/P)² E, gcv → E.
        Ridgeless, the risk diverges at N = P (double descent); for N < P it is limited by
        the width (variance- and approximation-limited regime); N = inf recovers ridge.
        """,
        reference: "Atanasov, Zavatone-Veth & Pehlevan 2024, arXiv 2405.00592 (linear random features, "
            + "two-level renormalisation); Ruben, Tong, Chaudhry & Pehlevan 2024, arXiv 2412.05418 (E_1 formula, "
            + "from the authors' code)",
        model: Parameters.self,
        validate: { p throws(ModelError) in try SpectralData.checkVectors(p.data) },
        operations: [
            .table("theory", "deterministic-equivalent curve (P, test, train, kappa, df1, df2, gcv)",
                   model: Parameters.self, arguments: TheorySizes.self,
                   estimate: { model, arguments in Ridge.theoryEstimate(model.data, arguments, widthLimited: model.N.isFinite) }, run: theory),
            .table("simulate", "Monte-Carlo random-feature ridge fits (P, test, test_se, train, train_se, gcv, gcv_se)",
                   model: Parameters.self, arguments: SimulationSizes.self,
                   estimate: { model, arguments in simulationEstimate(model.data, width: model.N, arguments, members: 1) },
                   run: simulate),
        ])

    /// The deterministic-equivalent curve at each P (see `RenormalizedRisk`).
    /// - Returns: a theory table: P, test, train, kappa (κ₂), df1, df2, gcv.
    static func theory(_ model: Parameters, _ arguments: TheorySizes, _ monitor: WorkMonitor) throws -> Table {
        let (data, noise, lambda) = try Ridge.setting(model.data)
        let n = model.N
        let sizes = try arguments.sizes
        let risks = try Ridge.curve(data: data, sizes: sizes, N: n, lambda: lambda, noise: noise, monitor: monitor)
        return Ridge.theoryTable(sizes: sizes, risks: risks)
    }

    /// Monte-Carlo curve: per P and trial, fresh data and a fresh F from stream (trial, P).
    /// - Returns: a simulation table: P, test, test_se, train, train_se, gcv, gcv_se.
    static func simulate(_ model: Parameters, _ arguments: SimulationSizes, _ monitor: WorkMonitor) throws -> Table {
        let n = try simulationWidth(model.N)
        try SimulationSupport.checkBudget(simulationEstimate(model.data, width: model.N, arguments, members: 1), monitor)
        let (data, noise, lambda) = try Ridge.setting(model.data)
        // One BLAS thread: the fits are small, and OpenBLAS's idle second thread spun between
        // them (a third of random-feature-ensembles' CPU time). Not in the shared Monte-Carlo
        // loop: other families print rounding-level values (a 1e-24 interpolation residual)
        // that the thread count moves.
        return try BLAS.singleThreaded { () throws -> Table in
            try SimulationSupport.monteCarlo(arguments, measures: ["test", "train", "gcv"], label: "simulate randfeat",
                                             monitor: monitor) { p, rng in
                let trial = try RandomFeatureTrial(data: data, p: p, n: n, k: 1, lambda: lambda, noise: noise, rng: &rng)
                return [trial.test, trial.train, trial.gcv]
            }
        }
    }

    /// The feature count `N` (declared `N ≥ 1`, `inf` and fractions allowed for the theory)
    /// as a finite whole number: simulations cannot use N = inf.
    static func simulationWidth(_ n: Double) throws(ModelError) -> Int {
        try NumericRange(lower: 1, upper: 1e9, whole: true).check(n, parameter: "N", purpose: "to simulate")
        return Int(n)
    }

    /// Memory and time of a random-feature simulation with `members` projections per trial.
    static func simulationEstimate(_ model: PowerLawParameters, width n: Double, _ arguments: SimulationSizes,
                                   members: Double) -> WorkEstimate {
        let dim = model.modeCount
        // N = inf cannot be simulated: leave the refusal to `simulate`, which names N.
        guard n.isFinite else { return WorkEstimate(bytes: 0, seconds: 0) }
        let trials = Double(arguments.replication.trials)
        let sizes = arguments.P
        return SimulationSupport.ridgeEstimate(sizes: sizes, dim: dim, features: n,
                                               trials: trials, fitsPerTrial: members, extra: dim,
                                               projected: true)
    }
}
