import NumericCore

// MARK: - Simulation
//
// The finite-d system of ICLScale+SpectralLoss.swift: `contexts` training contexts (K = αd tokens
// each, tasks w ~ N(0, I_d), noise variance ρ) are drawn from the seed; for each, Σ̂ = (d/K) Σ xᵢxᵢᵀ is
// diagonalised and w̃ = Vᵀw, ñ = Vᵀn give its exact query-averaged loss as a function of g. The step g is
// trained by the same gradient flow on the mean of these losses, and the trained network is tested on
// `tests` fresh contexts. Trials repeat with independent streams; loss and step are reported as the
// mean and standard error over trials.

extension ICLScaleModel {
    /// `simulate`'s parameters.
    struct SimulationArguments: ParameterGroup {
        @OptionGroup var times = Times()
        @Option("training contexts per trial", range: NumericRange(lower: 1, upper: 1e5), sweepable: false)
        var contexts = 64
        @Option("test contexts per trial", range: NumericRange(lower: 1, upper: 1e5), sweepable: false)
        var tests = 128
        @OptionGroup var replication = Replication(trials: 8, fewest: 2)
    }

    static let simulationOperation = ModelOperation.table(
        "simulate", "finite-d contexts: train the L equal steps by gradient flow, test on fresh contexts: "
            + "t, loss, loss_se, step, step_se",
        model: Parameters.self, arguments: SimulationArguments.self,
        estimate: { model, arguments in
            if model.width < 1 { return widthEstimate(model, arguments) }
            if model.covariance != "iso" { return structuredEstimate(model, arguments) }
            // Per context: K·d² for Σ̂, an eigendecomposition, K·d Gaussians; the flow takes about 2000
            // evaluations of E′ over contexts·d eigenvalues at ≈ 2.5 ns per eigenvalue and layer (measured:
            // d = 64 and 128, L = 4, 64 + 64 contexts, 4 trials: 0.28 s and 1.0 s of CPU).
            let d = Double(model.d), k = max(1, (model.alpha * d).rounded())
            let perTrial = Double(arguments.contexts + arguments.tests)
            let draws = perTrial * (k * (d + 1) + d)
            let seconds = perTrial * (WorkEstimate.gemmSeconds(d, d, k) + WorkEstimate.eigenSeconds(d))
                + WorkEstimate.drawSeconds(draws)
                + 5e-6 * Double(arguments.contexts) * d * Double(model.depth)
            return WorkEstimate(bytes: 8 * (k * d + 2 * d * d + 4 * perTrial * d),
                                seconds: Double(arguments.replication.trials) * seconds)
        }
    ) { model, arguments, monitor in
        guard model.d <= 1024 else {
            throw ModelError.domain(parameter: "d", value: "\(model.d)", allowed: "2 ≤ d ≤ 1024 for simulate")
        }
        if model.width < 1 { return try widthSimulation(model, arguments, monitor: monitor) }
        if model.covariance != "iso" { return try structuredSimulation(model, arguments, monitor: monitor) }
        guard model.alpha.isFinite else {
            throw ModelError.domain(parameter: "alpha", value: "inf", allowed: "alpha > 0 and finite for simulate")
        }
        let d = model.d, tokens = max(1, Int((model.alpha * Double(d)).rounded()))
        let times = try arguments.times.times, trials = arguments.replication.trials
        var losses = [[Double]](repeating: [], count: times.count), steps = losses
        for trial in 0..<trials {
            try monitor.checkCancelled()
            monitor.report(done: trial, total: trials, label: "simulate iclscale")
            var rng = Xoshiro256StarStar(seed: arguments.replication.seed64, stream: UInt64(trial))
            let training = try sampledLoss(d: d, tokens: tokens, rho: model.rho, depth: model.depth,
                                           count: arguments.contexts, rng: &rng, monitor: monitor)
            let test = try sampledLoss(d: d, tokens: tokens, rho: model.rho, depth: model.depth,
                                       count: arguments.tests, rng: &rng, monitor: monitor)
            for (i, row) in try training.curve(times, monitor: monitor).enumerated() {
                losses[i].append(test.loss(row.step))
                steps[i].append(row.step)
            }
        }
        monitor.report(done: trials, total: trials, label: "simulate iclscale")
        let loss = losses.map(meanAndStandardError), step = steps.map(meanAndStandardError)   // ICL+Simulation.swift
        return Table(columns: [
            Table.Column("t", times), Table.Column("loss", loss.map(\.0)), Table.Column("loss_se", loss.map(\.1)),
            Table.Column("step", step.map(\.0)), Table.Column("step_se", step.map(\.1)),
        ], caption: "simulation d=\(d) L=\(model.depth)", role: .simulation)
    }

    /// The mean query-averaged loss of `count` sampled contexts as a function of g.
    static func sampledLoss(d: Int, tokens: Int, rho: Double, depth: Int, count: Int,
                            rng: inout Xoshiro256StarStar, monitor: WorkMonitor) throws -> SpectralLoss {
        var loss = SpectralLoss(s: [], a: [], c: [], n: [], rho: rho, depth: depth)
        let tokenSD = 1 / Double(d).squareRoot(), noiseSD = rho.squareRoot()
        let scale = Double(d) / Double(tokens), share = 1 / (Double(d) * Double(count))
        for _ in 0..<count {
            try monitor.checkCancelled()
            let x = Matrix(rows: tokens, columns: d, storage: rng.gaussians(tokens * d, standardDeviation: tokenSD))
            let w = rng.gaussians(d)
            let noise = rng.gaussians(tokens, standardDeviation: noiseSD)
            var covariance = x.gram()
            for i in covariance.storage.indices { covariance.storage[i] *= scale }
            // n = (d/K) Σ εᵢ xᵢ = (d/K) Xᵀε.
            let n = x.times(noise, transposed: true).map { $0 * scale }
            try loss.appendContext(covariance: covariance, signal: w, noise: n, share: share)
        }
        return loss
    }
}

extension ICLScaleModel.SpectralLoss {
    /// Adds one sampled context: the eigenvalues s_j of its (scaled) sample covariance and, in that
    /// eigenbasis, the signal's and noise's weights a_j = ŵ_j², c_j = ŵ_j n̂_j, n_j = n̂_j², each times `share`.
    mutating func appendContext(covariance: Matrix, signal: [Double], noise: [Double], share: Double) throws(LinearAlgebraError) {
        let (values, vectors) = try covariance.symmetricEigen()
        let wRotated = vectors.times(signal, transposed: true), nRotated = vectors.times(noise, transposed: true)
        for j in values.indices {
            s.append(max(values[j], 0))
            a.append(wRotated[j] * wRotated[j] * share)
            c.append(wRotated[j] * nRotated[j] * share)
            n.append(nRotated[j] * nRotated[j] * share)
        }
    }
}
