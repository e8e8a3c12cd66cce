/// One point of a ridge-type deterministic-equivalent learning curve, as the theory
/// tables of ridge, random features and deep features print it.
protocol LearningCurvePoint {
    /// The renormalised ridge.
    var kappa: Double { get }
    /// The first degrees of freedom.
    var df1: Double { get }
    /// The second degrees of freedom.
    var df2: Double { get }
    /// The excess test risk E[(f − f*)²].
    var excess: Double { get }
    /// The training error.
    var train: Double { get }
    /// The limit of the GCV estimate (the total test risk).
    var gcv: Double { get }
}

extension RenormalizedRisk: LearningCurvePoint {}
