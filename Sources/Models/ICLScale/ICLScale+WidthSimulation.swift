import NumericCore

// MARK: - Residual-stream width N < D: simulation
//
// The finite system of ICLScale+Width.swift, drawn from the seed. N = round(width·d) ≥ 1; an embedding Q (N × d,
// orthonormal rows: Vᵀ of the thin SVD of an N × d Gaussian matrix, so its row space is Haar) is drawn per trial
// (ISO, FS) or per context (RRS, which composes it with the context's random rotation).
// ISO (finite α): tokens x ~ N(0, I/d), w ~ N(0, I_d), y = x·w + ε; the stream sees z = Qx, Σ̂_N = (d/K) Σ zzᵀ and
// b_N = (d/K) Σ y z = Σ̂_N v + n_N with v = Qw; the query loss is ρ + (1/d)|w − Qᵀv|² + (1/d)|v − v_L|², so each
// context is a SpectralLoss in Σ̂_N's eigenbasis plus the constant (1/d)|w − Qᵀv|², and the steps are trained by the
// same gradient flow as at full width and tested on fresh contexts.
// FS, RRS (α = ∞): Σ_N = QΛQᵀ, v = Σ_N⁻¹QΛw, residual (1/d)(wᵀΛw − vᵀΣ_N v). FS: the first layer is Σ_N⁻¹, so a
// context's loss is ρ + its residual. RRS: in Σ_N's eigenbasis (s, U) the excess is (1/d) Σ_j s_j q(s_j)² ṽ_j²; q
// (degree L, q(0) = 1, Chebyshev coefficients on [0, λ₁]) minimises the training mean and is scored on test contexts.

extension ICLScaleModel {
    /// An N × d matrix with orthonormal rows spanning a Haar-random subspace.
    static func randomEmbedding(rows n: Int, d: Int, rng: inout Xoshiro256StarStar) throws -> Matrix {
        try Matrix(rows: n, columns: d, storage: rng.gaussians(n * d)).svd().vt
    }

    /// The stream width N = round(width·d), at least 1.
    static func streamWidth(_ model: Parameters) -> Int { max(1, Int((model.width * Double(model.d)).rounded())) }

    /// `count` ISO contexts seen through `embedding`: the mean loss as a function of the shared step g.
    private static func projectedLoss(_ model: Parameters, embedding q: Matrix, tokens: Int, count: Int,
                                      rng: inout Xoshiro256StarStar, monitor: WorkMonitor) throws -> SpectralLoss {
        let d = model.d
        var loss = SpectralLoss(s: [], a: [], c: [], n: [], rho: model.rho, depth: model.depth)
        let tokenSD = 1 / Double(d).squareRoot(), noiseSD = model.rho.squareRoot()
        let scale = Double(d) / Double(tokens), share = 1 / (Double(d) * Double(count))
        for _ in 0..<count {
            try monitor.checkCancelled()
            let x = Matrix(rows: tokens, columns: d, storage: rng.gaussians(tokens * d, standardDeviation: tokenSD))
            let w = rng.gaussians(d)
            let y = zip(x.times(w), rng.gaussians(tokens, standardDeviation: noiseSD)).map { $0 + $1 }
            let z = Matrix.gemm(x, q, transposeB: true)   // K × N
            let v = q.times(w)
            let inStream = zip(z.times(v), y).map { $1 - $0 }   // r·xᵢ + εᵢ
            let remainder = zip(w, q.times(v, transposed: true)).map { $0 - $1 }
            loss.rho += dot(remainder, remainder) * share
            var covariance = z.gram()
            for i in covariance.storage.indices { covariance.storage[i] *= scale }
            let noise = z.times(inStream, transposed: true).map { $0 * scale }
            try loss.appendContext(covariance: covariance, signal: v, noise: noise, share: share)
        }
        return loss
    }

    /// One α = ∞ structured context through `embedding`: the residual and the stream's (s_j, s_j ṽ_j²/d).
    private static func projectedModes(_ spectrum: StructuredSpectrum, embedding q: Matrix, needsModes: Bool,
                                       rng: inout Xoshiro256StarStar) throws -> (residual: Double, s: [Double], weight: [Double]) {
        let d = spectrum.lambda.count
        let w = zip(spectrum.omega, rng.gaussians(d)).map { $0.squareRoot() * $1 }
        let lw = zip(spectrum.lambda, w).map { $0 * $1 }
        var scaled = q   // Q diag(√λ): its Gram matrix QΛQᵀ
        for i in 0..<q.rows { for k in 0..<d { scaled.storage[i * d + k] *= spectrum.lambda[k].squareRoot() } }
        let stream = Matrix.gemm(scaled, scaled, transposeB: true)
        let b = q.times(lw)
        let (values, vectors) = try stream.symmetricEigen()
        let bRotated = vectors.times(b, transposed: true)
        var explained = 0.0, s: [Double] = [], weight: [Double] = []
        for j in values.indices where values[j] > 1e-12 * values.max()! {
            let vj = bRotated[j] / values[j]
            explained += vj * bRotated[j]
            if needsModes { s.append(values[j]); weight.append(values[j] * vj * vj / Double(d)) }
        }
        return ((dot(w, lw) - explained) / Double(d), s, weight)
    }

    /// `simulate` at width < 1: columns t, loss, loss_se (and step, step_se for ISO).
    static func widthSimulation(_ model: Parameters, _ arguments: SimulationArguments, monitor: WorkMonitor) throws -> Table {
        let times = try arguments.times.times, trials = arguments.replication.trials
        let d = model.d, n = streamWidth(model)
        let caption = "simulation \(model.covariance) d=\(d) N=\(n) L=\(model.depth)"
        if model.covariance == "iso" {
            guard model.alpha.isFinite else {
                throw ModelError.domain(parameter: "alpha", value: "inf", allowed: "alpha > 0 and finite for simulate")
            }
            let tokens = contextTokens(alpha: model.alpha, d: d)
            var losses = [[Double]](repeating: [], count: times.count), steps = losses
            for trial in 0..<trials {
                monitor.report(done: trial, total: trials, label: "simulate iclscale")
                var rng = Xoshiro256StarStar(seed: arguments.replication.seed64, stream: UInt64(trial))
                let q = try randomEmbedding(rows: n, d: d, rng: &rng)
                let training = try projectedLoss(model, embedding: q, tokens: tokens, count: arguments.contexts,
                                                 rng: &rng, monitor: monitor)
                let test = try projectedLoss(model, embedding: q, tokens: tokens, count: arguments.tests,
                                             rng: &rng, monitor: monitor)
                for (i, row) in try training.curve(times, monitor: monitor).enumerated() {
                    losses[i].append(test.loss(row.step))
                    steps[i].append(row.step)
                }
            }
            monitor.report(done: trials, total: trials, label: "simulate iclscale")
            let loss = losses.map(meanAndStandardError), step = steps.map(meanAndStandardError)
            return Table(columns: [
                Table.Column("t", times), Table.Column("loss", loss.map(\.0)), Table.Column("loss_se", loss.map(\.1)),
                Table.Column("step", step.map(\.0)), Table.Column("step_se", step.map(\.1)),
            ], caption: caption, role: .simulation)
        }
        try requireEndOfTraining(times, covariance: model.covariance)
        guard model.alpha.isInfinite else {
            throw ModelError.domain(parameter: "alpha", value: formatParameter(model.alpha),
                                    allowed: "alpha = inf for simulate with covariance \(model.covariance) at width < 1")
        }
        let spectrum = StructuredSpectrum(d: d, nu: model.nu, beta: model.beta)
        let perMode = model.covariance == "fs", depth = model.depth, edge = spectrum.lambda[0]
        // φ_j(s) = T_j(2s/M − 1) − (−1)^j, j = 1…L: q = 1 + Σ c_j φ_j has q(0) = 1.
        func basis(_ s: Double) -> [Double] {
            let x = 2 * s / edge - 1
            var before = 1.0, now = x, out: [Double] = []
            for j in 1...depth {
                out.append(now - (j % 2 == 0 ? 1 : -1))
                (before, now) = (now, 2 * x * now - before)
            }
            return out
        }
        var losses: [Double] = []
        for trial in 0..<trials {
            monitor.report(done: trial, total: trials, label: "simulate iclscale")
            var rng = Xoshiro256StarStar(seed: arguments.replication.seed64, stream: UInt64(trial))
            let fixed = try randomEmbedding(rows: n, d: d, rng: &rng)
            var gram = Matrix(rows: depth, columns: depth), linear = [Double](repeating: 0, count: depth)
            var test: [(Double, [Double], [Double])] = []
            for context in 0..<(arguments.contexts + arguments.tests) {
                try monitor.checkCancelled()
                let q = perMode ? fixed : try randomEmbedding(rows: n, d: d, rng: &rng)
                let (residual, s, weight) = try projectedModes(spectrum, embedding: q, needsModes: !perMode, rng: &rng)
                if context < arguments.contexts {
                    for (sj, mj) in zip(s, weight) {
                        let phi = basis(sj)
                        for a in 0..<depth {
                            linear[a] += mj * phi[a]
                            for b in 0..<depth { gram.storage[a * depth + b] += mj * phi[a] * phi[b] }
                        }
                    }
                } else {
                    test.append((residual, s, weight))
                }
            }
            let c = perMode ? [] : try gram.choleskySolve(linear.map { -$0 })
            let scores = test.map { residual, s, weight in
                zip(s, weight).reduce(residual) { total, mode in
                    let q = 1 + dot(c, basis(mode.0))
                    return total + mode.1 * q * q
                }
            }
            losses.append(model.rho + scores.reduce(0, +) / Double(scores.count))
        }
        monitor.report(done: trials, total: trials, label: "simulate iclscale")
        let (loss, se) = meanAndStandardError(losses)
        return Table(columns: [
            Table.Column("t", times), Table.Column("loss", times.map { _ in loss }),
            Table.Column("loss_se", times.map { _ in se }),
        ], caption: caption, role: .simulation)
    }

    /// Time and memory of `simulate` at width < 1: per context the K·d Gaussians, Z = XQᵀ (K·d·N), Σ̂_N (K·N²) and
    /// its eigendecomposition (ISO); an SVD for RRS's embedding, QΛQᵀ (N²·d) and an N³ eigendecomposition (FS, RRS).
    static func widthEstimate(_ model: Parameters, _ arguments: SimulationArguments) -> WorkEstimate {
        let d = Double(model.d), n = Double(streamWidth(model)), count = Double(arguments.contexts + arguments.tests)
        let trials = Double(arguments.replication.trials)
        if model.covariance == "iso" {
            let k = Double(contextTokens(alpha: model.alpha.isFinite ? model.alpha : 1, d: model.d))
            let perContext = WorkEstimate.drawSeconds(k * (d + 1) + d) + WorkEstimate.gemmSeconds(k, n, d)
                + WorkEstimate.gemmSeconds(n, n, k) + WorkEstimate.eigenSeconds(n)
                + 5e-6 * n * Double(model.depth) * Double(arguments.contexts) / count
            return WorkEstimate(bytes: 8 * (k * d + k * n + n * d + 4 * count * n), seconds: trials * count * perContext)
        }
        var perContext = WorkEstimate.gemmSeconds(n, n, d) + WorkEstimate.eigenSeconds(n) + WorkEstimate.drawSeconds(d)
            + 1e-8 * n * Double(model.depth * model.depth)
        if model.covariance == "rrs" { perContext += WorkEstimate.eigenSeconds(n) + WorkEstimate.drawSeconds(n * d) }
        return WorkEstimate(bytes: 8 * (3 * n * d + 2 * n * n), seconds: trials * count * perContext)
    }
}
