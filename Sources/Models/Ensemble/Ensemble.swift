import NumericCore

/// `ensemble(alpha=, beta=, noise=, dim=, lambda=, K=, N=)`: K random-feature ridge
/// models, each with its own N × dim projection, trained on the same P samples with the
/// same ridge, predictions averaged — Ruben, Tong, Chaudhry & Pehlevan 2024, "No Free
/// Lunch From Random Feature Ensembles" (arXiv 2412.05418).
public enum Ensemble {
    /// The family's constructor parameters: the data, the ridge, K and N.
    struct Parameters: ParameterGroup {
        @OptionGroup var data = PowerLawParameters()
        @Option("number of ensemble members", range: .atLeastOne)
        var K = 1
        @Option("random features per member (the paper's N; total features K·N)", range: NumericRange(lower: 1, allowsInfinity: true))
        var N = 100.0
    }

    /// The family as the language sees it.
    public static let family = ModelFamily(
        name: "ensemble",
        summary: "average of K random-feature ridge models with N features each: ensembles vs width",
        doc: """
        Data and estimator as in randfeat (x ~ N(0, diag λ_k), λ_k = k^-alpha,
        λ_k w*_k² = k^-(alpha*beta+1), features z = F_k x with F_k iid N(0, 1/N), ridge
        (1/P) Σ (y − a·z)^2 + lambda ‖a‖^2), for K members with independent F_k fitted to
        the same P samples; the prediction is the members' mean. N is per member, as in
        the paper; the total number of features is K·N.
        Theory (Ruben et al. 2024, from the authors' code): κ₂ solves
        κ₂ (1 − df1/P)(1 − df1/N) = lambda; E_1 is one member's total risk (see randfeat),
        E_∞ = (κ₂² Σ λw²/(λ+κ₂)² + noise²)/(1 − df2/P) the K → ∞ limit, and
        E_K = E_∞ + (E_1 − E_∞)/K. Columns: test = E_K − noise² (excess),
        test1 = E_1 − noise², testinf = E_∞ − noise², kappa = κ₂.
        optimal(m, K=[...], total=M, P=...) minimises E_K over lambda at N = M/K features
        per member: at fixed total features the optimised risk increases with K (no free lunch).
        """,
        reference: "Ruben, Tong, Chaudhry & Pehlevan 2024, arXiv 2412.05418 (E_K = E_∞ + (E_1 − E_∞)/K and the "
            + "no-free-lunch theorem); κ₂ from Atanasov, Zavatone-Veth & Pehlevan 2024, arXiv 2405.00592",
        model: Parameters.self,
        validate: { p throws(ModelError) in try SpectralData.checkVectors(p.data) },
        operations: [
            .table("theory", "E_K learning curve (P, test, test1, testinf, kappa)",
                   model: Parameters.self, arguments: TheorySizes.self,
                   estimate: { model, arguments in Ridge.theoryEstimate(model.data, arguments, widthLimited: model.N.isFinite) }, run: theory),
            .table("simulate", "Monte-Carlo ensembles (P, test, test_se, test1, test1_se, train, train_se)",
                   model: Parameters.self, arguments: SimulationSizes.self,
                   estimate: { model, arguments in simulationEstimate(model, arguments) }, run: simulate),
            .table("optimal", "ridge-optimised E_K against K at fixed total features (K, N, lambda, test)",
                   model: Parameters.self, arguments: OptimalArguments.self,
                   estimate: { model, arguments in optimalEstimate(model, arguments) }, run: optimal),
        ])

    /// E_K from the single-member and infinite-ensemble risks of one point.
    static func totalRisk(_ r: RenormalizedRisk, noise: Double, members k: Double) -> Double {
        let one = r.gcv, infinite = r.totalInfinite
        if one.isInfinite || infinite.isInfinite { return .infinity }
        return infinite + (one - infinite) / k
    }

    /// The E_K theory curve at each P.
    /// - Returns: a theory table: P, test (E_K excess), test1 (K = 1), testinf (K = ∞), kappa.
    static func theory(_ model: Parameters, _ arguments: TheorySizes, _ monitor: WorkMonitor) throws -> Table {
        let (data, noise, lambda) = try Ridge.setting(model.data)
        let k = Double(model.K), n = model.N
        let sizes = try arguments.sizes
        let risks = try Ridge.curve(data: data, sizes: sizes, N: n, lambda: lambda, noise: noise, monitor: monitor)
        let sigma2 = noise * noise
        return Table(columns: [
            Table.Column("P", sizes),
            Table.Column("test", risks.map { totalRisk($0, noise: noise, members: k) - sigma2 }),
            Table.Column("test1", risks.map(\.excess)),
            Table.Column("testinf", risks.map { $0.totalInfinite - sigma2 }),
            Table.Column("kappa", risks.map(\.kappa)),
        ], caption: "theory", role: .theory)
    }
}
