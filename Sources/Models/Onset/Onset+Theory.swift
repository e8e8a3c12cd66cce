import NumericCore

// MARK: - Theory: the bias/variance split over initialisations

extension Onset {
    /// The split at each P: one model's risk E_1 (`RenormalizedRisk.gcv`), the
    /// infinite-ensemble risk E_∞ (`totalInfinite`) and E_E = E_∞ + (E_1 − E_∞)/E
    /// (`Ensemble.totalRisk`; Ruben et al. 2024), against the N = ∞ ridge risk.
    /// - Returns: a theory table: P, test, bias, variance, test1, kernel.
    static func theory(_ model: Parameters, _ arguments: TheorySizes, _ monitor: WorkMonitor) throws -> Table {
        let (data, noise, lambda) = try Ridge.setting(model.data)
        let sizes = try arguments.sizes
        let finite = try Ridge.curve(data: data, sizes: sizes, N: model.N, lambda: lambda, noise: noise, monitor: monitor)
        let kernel = try Ridge.curve(data: data, sizes: sizes, N: .infinity, lambda: lambda, noise: noise, monitor: monitor)
        let parts = finite.map { Split($0, noise: noise, members: Double(model.E)) }
        return Table(columns: [
            Table.Column("P", sizes),
            Table.Column("test", parts.map(\.test)),
            Table.Column("bias", parts.map(\.bias)),
            Table.Column("variance", parts.map(\.variance)),
            Table.Column("test1", parts.map(\.single)),
            Table.Column("kernel", kernel.map(\.excess)),
        ], caption: "theory", role: .theory)
    }

    /// The excess risks of one theory point.
    struct Split {
        /// E_E − σ², the E-member ensemble's excess risk.
        var test: Double
        /// E_∞ − σ², the bias-limited (ensemble-averaged) excess risk.
        var bias: Double
        /// V = E_1 − E_∞, the variance over initialisations of one model.
        var variance: Double
        /// E_1 − σ², one model's excess risk.
        var single: Double

        /// The split of `r` for an ensemble of `members`.
        init(_ r: RenormalizedRisk, noise: Double, members: Double) {
            let sigma2 = noise * noise
            bias = r.totalInfinite - sigma2
            single = r.excess
            variance = r.gcv.isInfinite ? .infinity : r.gcv - r.totalInfinite
            test = Ensemble.totalRisk(r, noise: noise, members: members) - sigma2
        }
    }

    /// Two theory curves: width N (width-limited) and the kernel limit.
    static func theoryEstimate(_ model: PowerLawParameters, _ arguments: TheorySizes) -> WorkEstimate {
        Ridge.theoryEstimate(model, arguments, widthLimited: true) + Ridge.theoryEstimate(model, arguments)
    }
}
