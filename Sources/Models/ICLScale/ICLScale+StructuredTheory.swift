import NumericCore

// MARK: - Theory for the structured covariances (FS, RRS)
//
// The end-of-training loss (t = ∞) of ICLScale+StructuredSpectrum.swift and ICLScale+StructuredPolynomial.swift,
// exact at the declared d: α = ∞ at every depth (FS: ρ; RRS: ρ + the optimal degree-L polynomial), finite α at
// depth 1 (the closed forms). Finite α at depth ≥ 2 is not derived here and is refused (simulate covers RRS).

extension ICLScaleModel {
    /// The trained FS or RRS loss at the end of training, or the error naming what is not derived.
    static func structuredLoss(_ model: Parameters) throws(ModelError) -> Double {
        let spectrum = StructuredSpectrum(d: model.d, nu: model.nu, beta: model.beta)
        let perMode = model.covariance == "fs"
        if model.alpha.isInfinite {
            if perMode { return model.rho }
            return model.rho + optimalPolynomialExcess(lambda: spectrum.lambda, weights: spectrum.weights,
                                                       depth: model.depth)
        }
        guard model.depth == 1 else {
            throw .domain(parameter: "depth", value: "\(model.depth)",
                          allowed: "depth = 1 for the \(model.covariance) theory at finite alpha "
                              + "(alpha = inf: any depth; simulate covers rrs at finite alpha)")
        }
        return spectrum.oneLayerLoss(tokens: Double(contextTokens(alpha: model.alpha, d: model.d)), rho: model.rho,
                                     perMode: perMode)
    }

    /// K = αd rounded, at least 1 (the simulation's context length).
    static func contextTokens(alpha: Double, d: Int) -> Int { max(1, Int((alpha * Double(d)).rounded())) }

    /// FS and RRS report only the end of training.
    static func requireEndOfTraining(_ times: [Double], covariance: String) throws(ModelError) {
        if let t = times.first(where: { $0.isFinite }) {
            throw .domain(parameter: "t", value: formatParameter(t),
                          allowed: "t = inf for covariance \(covariance) (end of training only)")
        }
    }

    /// `theory` for covariance fs or rrs: columns t (= inf) and loss.
    static func structuredTheory(_ model: Parameters, times: [Double]) throws(ModelError) -> Table {
        try requireEndOfTraining(times, covariance: model.covariance)
        let loss = try structuredLoss(model)
        return Table(columns: [Table.Column("t", times), Table.Column("loss", times.map { _ in loss })],
                     caption: "theory \(model.covariance) L=\(model.depth)", role: .theory)
    }
}
