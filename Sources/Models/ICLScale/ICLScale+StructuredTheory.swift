import NumericCore

// MARK: - Theory for the structured covariances (FS, RRS)
//
// The loss along training and at its end (t = ∞) of ICLScale+StructuredSpectrum.swift,
// ICLScale+StructuredPolynomial.swift, ICLScale+FiniteContext.swift and ICLScale+StructuredTime.swift:
// one layer at any α in closed form (exact at the declared d); α = ∞ at any depth (FS: closed-form flow, ρ at the
// end; RRS: ρ + the Lanczos optimum at the end, the flow on Σ_k m_k q(λ_k)² before); RRS at finite α and depth ≥ 2
// from Σ̂'s exact finite-d moments (Isserlis, ICLScale+ExactMoments.swift) for L ≤ 4 and from the deterministic
// equivalent (d → ∞; O(1/d) at finite d) beyond. FS at finite α and depth ≥ 2 is not derived and is refused.

extension ICLScaleModel {
    /// The trained FS or RRS loss at each time, or the error naming what is not derived.
    static func structuredLoss(_ model: Parameters, times: [Double], monitor: WorkMonitor) throws -> [Double] {
        let spectrum = StructuredSpectrum(d: model.d, nu: model.nu, beta: model.beta)
        let perMode = model.covariance == "fs"
        let tokens = model.alpha.isInfinite ? Double.infinity : Double(contextTokens(alpha: model.alpha, d: model.d))
        if perMode, tokens.isInfinite {
            return times.map { fsInfiniteContext(spectrum, rho: model.rho, depth: model.depth, t: $0) }
        }
        if model.depth == 1 {
            return times.map { spectrum.oneLayerLoss(tokens: tokens, rho: model.rho, perMode: perMode, t: $0) }
        }
        if perMode {
                throw ModelError.domain(parameter: "depth", value: "\(model.depth)",
                                        allowed: "depth = 1 for the fs theory at finite alpha (alpha = inf: any depth)")
        }
        let lanczos = { model.rho + optimalPolynomialExcess(lambda: spectrum.lambda, weights: spectrum.weights,
                                                            depth: model.depth) }
        if tokens.isInfinite, !times.contains(where: \.isFinite) { return times.map { _ in lanczos() } }
        let quadratic = tokens.isFinite && model.depth <= exactMomentsDepth
            ? exactContextLoss(spectrum, tokens: tokens, rho: model.rho, depth: model.depth)
            : finiteContextLoss(spectrum, aspect: tokens.isInfinite ? 0 : Double(model.d) / tokens,
                                rho: model.rho, depth: model.depth)
        let values = try quadratic.gram.symmetricEigen().values
        let condition = (values.max() ?? 0) / (values.min() ?? 0)
        // The minimum at finite α needs the moment matrix inverted; the flow only evaluates it.
        guard tokens.isInfinite || !times.contains(where: \.isInfinite) || condition > 0 && condition < 1e12 else {
            throw ModelError.domain(parameter: "depth", value: "\(model.depth)",
                                    allowed: "a smaller depth for the rrs theory at these nu, d (the polynomial's moment "
                                        + "matrix has condition number above 1e12; alpha = inf, t = inf: any depth)")
        }
        let end = tokens.isInfinite ? lanczos() : try quadratic.minimum(rho: model.rho).loss
        var path = try stepFlow(quadratic, times: times.filter(\.isFinite), monitor: monitor)
            .makeIterator()
        return times.map { $0.isFinite ? quadratic.value(path.next()!, rho: model.rho) : end }
    }

    /// K = αd rounded, at least 1 (the simulation's context length).
    static func contextTokens(alpha: Double, d: Int) -> Int { max(1, Int((alpha * Double(d)).rounded())) }

    /// `theory` for covariance fs or rrs: columns t and loss.
    static func structuredTheory(_ model: Parameters, times: [Double], monitor: WorkMonitor) throws -> Table {
        let loss = try structuredLoss(model, times: times, monitor: monitor)
        return Table(columns: [Table.Column("t", times), Table.Column("loss", loss)],
                     caption: "theory \(model.covariance) L=\(model.depth)", role: .theory)
    }
}
