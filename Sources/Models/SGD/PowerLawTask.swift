/// The power-law linear-regression task the SGD models share (`sgd`, `anytime`,
/// `seesaw`), declared once and included with `@OptionGroup var task = PowerLawTask()`:
/// x ~ N(0, Λ) with λ_k = k^−α, target power λ_k w*_k² = k^−(αβ+1), label noise σ
/// (Bordelon & Pehlevan 2022, arXiv 2106.02713, §2).
public struct PowerLawTask: ParameterGroup {
    @Option("capacity exponent α: λ_k = k^−α", range: .positive)
    public var alpha = 1.5
    @Option("source exponent β: λ_k w*_k² = k^−(αβ+1)", range: .nonNegative)
    public var beta = 1.0
    @Option("label-noise standard deviation σ", range: .nonNegative)
    public var noise = 0.5
    @Option("number of modes (features)", range: .atLeastOne)
    public var dim = 1000

    /// The task with its defaults.
    public init() {}

    /// The task with label noise `noise` by default.
    public init(noise: Double) { self.noise = noise }
}
