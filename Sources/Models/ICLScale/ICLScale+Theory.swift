import NumericCore

// MARK: - Theory
//
// The d → ∞ loss of the depth-L in-context gradient-descent network along its gradient flow
// (ICLScale+SpectralLoss.swift over the Marchenko–Pastur law of ICLScale+Spectrum.swift). Derived
// here for the ISO setting of Bordelon, Letey & Pehlevan (arXiv 2510.01098), whose Fig. 1 states that
// the final loss is that of L gradient steps with the optimal learning rate. Independent checks
// (ICLScalingTests): L = 1 at t = ∞ equals `icl`'s x/(1+x) + ρ (Lu et al., arXiv 2405.11751, κ = τ = ∞);
// α = ∞ gives loss − ρ = e^(−4t) (L = 1) and (1 + 4(L − 1)t)^(−L/(L−1)) (L ≥ 2) from
// du/dt = −2u^(2L−1), u = 1 − g; ρ = 0, α < 1 tends to 1 − α as L → ∞ (the unseen directions).

extension ICLScaleModel {
    /// `theory`'s parameters.
    struct TheoryArguments: ParameterGroup {
        @OptionGroup var times = Times()
    }

    static let theoryOperation = ModelOperation.table(
        "theory", "d → ∞ loss of L in-context gradient steps trained by gradient flow: columns t, loss, step",
        model: Parameters.self, arguments: TheoryArguments.self
    ) { model, arguments, monitor in
        if model.width < 1 { return try widthTheory(model, times: try arguments.times.times, monitor: monitor) }
        if model.covariance != "iso" { return try structuredTheory(model, times: try arguments.times.times, monitor: monitor) }
        let spectral = theoryLoss(alpha: model.alpha, rho: model.rho, depth: model.depth)
        let rows = try spectral.curve(try arguments.times.times, monitor: monitor)
        return Table(columns: [
            Table.Column("t", rows.map(\.t)), Table.Column("loss", rows.map(\.loss)),
            Table.Column("step", rows.map(\.step)),
        ], caption: "theory L=\(model.depth)", role: .theory)
    }
}
