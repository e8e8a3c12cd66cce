import NumericCore

/// `subsample(nu=[...], dim=, lambda=, signal=, noise=, featurenoise=, readout=)`: an ensemble of
/// ridge regressions, member k reading a random fraction ν_k of the features with its own feature
/// noise and readout noise — Ruben & Pehlevan 2023, "Learning curves for noisy heterogeneous
/// feature-subsampled ridge ensembles" (arXiv 2307.03176), isotropic data.
public enum Subsample {
    /// The family's parameters: the members' fractions, the data and the three noises.
    struct Parameters: ParameterGroup {
        @Option("feature fraction ν_k read by each member (one entry per member, K = its length)",
                range: NumericRange(lower: 0, lowerInclusive: false, upper: 1), sweepable: false)
        var nu: [Double] = [1]
        @Option("number of features M (x ~ N(0, I_M))", range: NumericRange(lower: 1, upper: 1e6))
        var dim = 200
        @Option("ridge λ: each member minimises (1/P) Σ (y − a·z)^2 + λ ‖a‖^2", range: .nonNegative)
        var lambda = 0.0
        @Option("target power |w*|² = S, spread evenly over the M features", range: .positive)
        var signal = 1.0
        @Option("label-noise standard deviation σ", range: .nonNegative)
        var noise = 0.0
        @Option("feature-noise standard deviation ω (per feature, independent per member, train and test)",
                range: .nonNegative)
        var featurenoise = 0.0
        @Option("readout-noise standard deviation η (added to each member's output at test)", range: .nonNegative)
        var readout = 0.0
    }

    /// The family as the language sees it.
    public static let family = ModelFamily(
        name: "subsample",
        summary: "ensemble of ridge models on random feature subsets (fractions nu), feature and readout noise",
        doc: """
        Data x ~ N(0, I_dim), y = w*·x + ε, |w*|² = signal spread evenly, ε ~ N(0, noise²). Member k
        (K = length of nu) reads a random subset of M_k = round(nu_k·dim) features (independent subsets),
        each with its own feature noise, z_k = x_S + featurenoise·ξ_k (train and test), fits ridge
        (1/P) Σ (y − a·z_k)² + lambda ‖a‖² on the same P samples and outputs a_k·z_k + η_k at test
        (η_k ~ N(0, readout²), independent). The ensemble predicts the members' mean.
        Theory (derived here; only the paper's abstract could be read, so its equation numbers are not
        cited): with a = 1 + featurenoise², κ_k = lambda + κ_k (M_k/P) a/(a + κ_k), c_k = 1/(a + κ_k),
        f_k = M_k/dim, shared features n_kl = M_k (k = l) or M_k M_l/dim (k ≠ l, the ν_k ν_l overlap),
        γ_kl = c_k c_l n_kl (1 + featurenoise² δ_kl)²/P,
        Ē_kl = signal·(c_k c_l (n_kl/dim)(1 + featurenoise² δ_kl) − c_k f_k − c_l f_l + 1) + noise²,
        E_kl = Ē_kl/(1 − γ_kl) + readout² δ_kl and E = (1/K²) Σ_kl E_kl. nu = [1] without noise is ridge
        on isotropic data. Each member's double-descent peak sits at P = M_k (ridgeless): different
        fractions spread the peaks, and readout noise is averaged down as readout²/K.
        Columns: test = E − noise² (ensemble excess), total = E, member = the members' mean E_kk − noise².
        """,
        reference: "Ruben & Pehlevan 2023, arXiv 2307.03176 (setup: heterogeneous feature-subsampled ridge ensembles "
            + "with feature and readout noise); formulas derived here (see SubsampleRisk.swift)",
        model: Parameters.self,
        validate: { p throws(ModelError) in _ = try features(p) },
        operations: [
            .table("theory", "deterministic-equivalent ensemble error (P, test, total, member)",
                   model: Parameters.self, arguments: TheorySizes.self,
                   estimate: { model, arguments in
                       WorkEstimate(bytes: 8 * Double(model.nu.count), seconds: 1e-8 * Double(model.nu.count * model.nu.count * arguments.P.count))
                   }, run: theory),
            .table("simulate", "Monte-Carlo ensembles (P, test, total, member; each with _se)",
                   model: Parameters.self, arguments: SimulationSizes.self,
                   estimate: { model, arguments in simulationEstimate(model, arguments) }, run: simulate),
        ])

    /// The members' feature counts M_k = round(ν_k · dim), refused when `nu` is empty, longer
    /// than 100 members, or a member would read no feature.
    static func features(_ p: Parameters) throws(ModelError) -> [Int] {
        guard !p.nu.isEmpty else { throw .tooFew(parameter: "nu", least: 1, noun: "fractions (one per member)", purpose: nil) }
        guard p.nu.count <= 100 else { throw .tooMany(parameter: "nu", count: p.nu.count, most: 100, noun: "fractions (one per member)") }
        return try p.nu.map { (nu: Double) throws(ModelError) -> Int in
            let m = Int((nu * Double(p.dim)).rounded())
            guard m >= 1 else {
                throw .domain(parameter: "nu", value: formatParameter(nu),
                              allowed: "nu ≥ 1/(2·dim) = \(formatParameter(0.5 / Double(p.dim))) so that a member reads a feature")
            }
            return m
        }
    }

    /// The risk at P for a checked parameter set.
    static func risk(_ p: Parameters, features: [Int], P: Double) -> SubsampleRisk {
        SubsampleRisk(features: features, dim: p.dim, P: P, lambda: p.lambda, signal: p.signal, noise: p.noise,
                      featureNoise: p.featurenoise, readout: p.readout)
    }

    /// Memory and time of `simulate`: per trial and P, the P × dim draw and one ridge fit per member.
    static func simulationEstimate(_ model: Parameters, _ arguments: SimulationSizes) -> WorkEstimate {
        let dim = Double(model.dim), trials = Double(arguments.replication.trials)
        var bytes = 0.0, seconds = 0.0
        for nu in model.nu {
            let member = max(1, (nu * dim).rounded())
            let fit = SimulationSupport.ridgeEstimate(sizes: arguments.P, dim: member, features: member, trials: trials)
            bytes = max(bytes, fit.bytes)
            seconds += fit.seconds
        }
        let draws = trials * WorkEstimate.drawSeconds(arguments.P.reduce(0) { $0 + $1 * dim })
        let largest = arguments.P.max() ?? 0
        return WorkEstimate(bytes: bytes + 8 * largest * dim, seconds: seconds + draws)
    }
}
