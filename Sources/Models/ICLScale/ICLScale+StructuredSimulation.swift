import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Simulation for the structured covariances (FS, RRS)
//
// The finite-d system of ICLScale+StructuredSpectrum.swift, drawn from the seed: per trial, `contexts` training and
// `tests` fresh contexts of K = αd tokens zᵢ ~ N(0, Λ) (xᵢ = zᵢ/√d), tasks w ~ N(0, Ω), label noise of variance ρ;
// Σ̂ = (1/K) Σ zᵢzᵢᵀ, n = (√d/K) Σ εᵢzᵢ (α = ∞: Σ̂ = Λ, n = 0). The draws are in Σ's eigenbasis: an RRS context
// rotated by O has Σ̂ = O Σ̂_Λ Oᵀ, eigenvectors O V_Λ, and VᵀΣV, Vᵀw, Vᵀn all free of O, so the rotation is invisible
// to a network whose learned quantities are rotation-invariant; what differs between FS and RRS is what is learned.
//
// RRS, any depth: in Σ̂'s eigenbasis (s, V) the error is e = q(s) w̃ − p(s) ñ with w̃ = Vᵀw, ñ = Vᵀn, and the loss is
// ρ + (1/d) eᵀ S e, S = VᵀΛV. Writing q = 1 + Σ_j c_j φ_j, φ_j(s) = T_j(2s/M − 1) − (−1)^j (Chebyshev on [0, M],
// M = λ₁(1 + √(d/K))² the spectral edge), p = (1 − q)/s = −Σ c_j φ_j/s, the loss is quadratic in c; the training
// loss (mean over training contexts) is minimised exactly — the end of training, the minimum over polynomials that
// the steps η_ℓ = 1/root reach when its roots are real — and that c is scored on the test contexts.
// FS, depth 1: Γ = diag(γ) in Σ's basis, each γ_k the least-squares fit Σ w_k b_k / Σ b_k², b = Σ̂w + n; tested
// as ρ + (1/d) Σ_k λ_k (w_k − γ_k b_k)². Loss is reported as the mean and standard error over trials.

extension ICLScaleModel {
    /// One drawn context in Σ's eigenbasis: w, Σ̂ (nil at α = ∞: Σ̂ = Λ) and n (zero at α = ∞).
    private static func drawContext(_ spectrum: StructuredSpectrum, tokens: Int?, rho: Double,
                                    rng: inout Xoshiro256StarStar) -> (w: [Double], covariance: Matrix?, n: [Double]) {
        let d = spectrum.lambda.count
        let w = spectrum.omega.map { $0.squareRoot() * rng.gaussian() }
        guard let tokens else { return (w, nil, [Double](repeating: 0, count: d)) }
        let sd = spectrum.lambda.map { $0.squareRoot() }
        var z = Matrix(rows: tokens, columns: d)
        for i in 0..<tokens { for k in 0..<d { z.storage[i * d + k] = sd[k] * rng.gaussian() } }
        let noiseSD = rho.squareRoot()
        let noise = (0..<tokens).map { _ in noiseSD * rng.gaussian() }
        var covariance = z.gram()
        for i in covariance.storage.indices { covariance.storage[i] /= Double(tokens) }
        let n = z.times(noise, transposed: true).map { $0 * Double(d).squareRoot() / Double(tokens) }
        return (w, covariance, n)
    }

    /// Adds `count` RRS contexts' quadratic loss in the Chebyshev coefficients of q.
    private static func accumulatePolynomial(_ loss: inout QuadraticLoss, _ spectrum: StructuredSpectrum,
                                             tokens: Int?, rho: Double, depth: Int, count: Int,
                                             rng: inout Xoshiro256StarStar, monitor: WorkMonitor) throws {
        let d = spectrum.lambda.count, share = 1 / (Double(d) * Double(count))
        for _ in 0..<count {
            try monitor.checkCancelled()
            let (w, covariance, n) = drawContext(spectrum, tokens: tokens, rho: rho, rng: &rng)
            var s = spectrum.lambda, wRotated = w, nRotated = n, metric = Matrix.diagonal(spectrum.lambda)
            if let covariance {
                let (values, vectors) = try covariance.symmetricEigen()
                s = values.map { max($0, 0) }
                wRotated = vectors.times(w, transposed: true)
                nRotated = vectors.times(n, transposed: true)
                var scaled = vectors   // diag(√λ) V, so S = VᵀΛV is its Gram matrix
                for k in 0..<d {
                    let r = spectrum.lambda[k].squareRoot()
                    for j in 0..<d { scaled.storage[k * d + j] *= r }
                }
                metric = scaled.gram()
            }
            var u = Matrix(rows: d, columns: depth)
            for k in 0..<d {
                let (phi, psi) = QuadraticLoss.basis(x: s[k] / loss.center - 1, depth: depth, center: loss.center)
                for j in 0..<depth { u.storage[k * depth + j] = phi[j] * wRotated[k] + psi[j] * nRotated[k] }
            }
            let su = metric * u, sw = metric.times(wRotated)
            loss.gram = Matrix.gemm(u, transposeA: true, su, alpha: share, beta: 1, into: loss.gram)
            axpy(share, u.times(sw, transposed: true), &loss.linear)
            loss.constant += share * dot(wRotated, sw)
        }
    }

    /// Adds `count` FS contexts' per-mode sums (Σ w_k², Σ w_k b_k, Σ b_k²)/count.
    private static func accumulateModes(_ sums: inout [[Double]], _ spectrum: StructuredSpectrum, tokens: Int?,
                                        rho: Double, count: Int, rng: inout Xoshiro256StarStar,
                                        monitor: WorkMonitor) throws {
        let share = 1 / Double(count)
        for _ in 0..<count {
            try monitor.checkCancelled()
            let (w, covariance, n) = drawContext(spectrum, tokens: tokens, rho: rho, rng: &rng)
            let signal = covariance?.times(w) ?? zip(spectrum.lambda, w).map { $0 * $1 }
            for k in w.indices {
                let b = signal[k] + n[k]
                sums[k][0] += share * w[k] * w[k]
                sums[k][1] += share * w[k] * b
                sums[k][2] += share * b * b
            }
        }
    }

    /// `simulate` for covariance fs or rrs: columns t, loss, loss_se. Its matrices are d × d with d in the tens,
    /// where OpenBLAS's threads cost more than they save (at d = 24 they doubled the CPU time), so it runs on one
    /// BLAS thread.
    static func structuredSimulation(_ model: Parameters, _ arguments: SimulationArguments,
                                     monitor: WorkMonitor) throws -> Table {
        try BLAS.singleThreaded { () throws -> Table in
            try structuredSimulationOnOneThread(model, arguments, monitor: monitor)
        }
    }

    private static func structuredSimulationOnOneThread(_ model: Parameters, _ arguments: SimulationArguments,
                                                        monitor: WorkMonitor) throws -> Table {
        let times = try arguments.times.times
        let perMode = model.covariance == "fs"
        if perMode, model.depth != 1 {
            throw ModelError.domain(parameter: "depth", value: "\(model.depth)",
                                    allowed: "depth = 1 for simulate with covariance fs")
        }
        let d = model.d, spectrum = StructuredSpectrum(d: d, nu: model.nu, beta: model.beta)
        let tokens: Int? = model.alpha.isInfinite ? nil : contextTokens(alpha: model.alpha, d: d)
        let aspect = tokens.map { Double(d) / Double($0) } ?? 0
        let center = spectrum.lambda[0] * pow(1 + aspect.squareRoot(), 2) / 2
        let trials = arguments.replication.trials
        var losses = [[Double]](repeating: [], count: times.count)
        for trial in 0..<trials {
            monitor.report(done: trial, total: trials, label: "simulate iclscale")
            var rng = Xoshiro256StarStar(seed: arguments.replication.seed64, stream: UInt64(trial))
            if perMode {
                var train = [[Double]](repeating: [0, 0, 0], count: d), test = train
                try accumulateModes(&train, spectrum, tokens: tokens, rho: model.rho, count: arguments.contexts,
                                    rng: &rng, monitor: monitor)
                try accumulateModes(&test, spectrum, tokens: tokens, rho: model.rho, count: arguments.tests,
                                    rng: &rng, monitor: monitor)
                for (i, t) in times.enumerated() {
                    var total = model.rho
                    for k in 0..<d {
                        // Matrix-gradient flow dγ_k/dt = −d ∂E/∂γ_k on the training mean, from γ = 0.
                        let rate = 2 * spectrum.lambda[k] * train[k][2] * t
                        let gamma = train[k][2] > 0 ? train[k][1] / train[k][2] * (t.isInfinite ? 1 : -expm1(-rate)) : 0
                        total += spectrum.lambda[k] * (test[k][0] - 2 * gamma * test[k][1]
                                                       + gamma * gamma * test[k][2]) / Double(d)
                    }
                    losses[i].append(total)
                }
            } else {
                var train = QuadraticLoss(size: model.depth, center: center), test = train
                try accumulatePolynomial(&train, spectrum, tokens: tokens, rho: model.rho, depth: model.depth,
                                         count: arguments.contexts, rng: &rng, monitor: monitor)
                try accumulatePolynomial(&test, spectrum, tokens: tokens, rho: model.rho, depth: model.depth,
                                         count: arguments.tests, rng: &rng, monitor: monitor)
                var path = try stepFlow(train, times: times.filter(\.isFinite), monitor: monitor)
                    .makeIterator()
                let end = times.contains(where: \.isInfinite) ? try train.minimum(rho: model.rho).c : []
                for (i, t) in times.enumerated() {
                    losses[i].append(test.value(t.isFinite ? path.next()! : end, rho: model.rho))
                }
            }
        }
        monitor.report(done: trials, total: trials, label: "simulate iclscale")
        let loss = losses.map(meanAndStandardError)
        return Table(columns: [
            Table.Column("t", times), Table.Column("loss", loss.map(\.0)), Table.Column("loss_se", loss.map(\.1)),
        ], caption: "simulation \(model.covariance) d=\(d) L=\(model.depth)", role: .simulation)
    }

    /// Time and memory of the structured `simulate`: per context K·d Gaussians, Σ̂ (K·d²), its eigendecomposition
    /// and VᵀΛV (d³) for rrs, and the d×d×L products of the quadratic form.
    static func structuredEstimate(_ model: Parameters, _ arguments: SimulationArguments) -> WorkEstimate {
        let d = Double(model.d), k = model.alpha.isInfinite ? 0 : max(1, (model.alpha * d).rounded())
        let count = Double(arguments.contexts + arguments.tests), depth = Double(model.depth)
        var perContext = WorkEstimate.drawSeconds(k * (d + 1) + d) + WorkEstimate.gemmSeconds(d, d, k)
        if model.covariance == "rrs", k > 0 {
            perContext += WorkEstimate.eigenSeconds(d) + 2 * WorkEstimate.gemmSeconds(d, d, d)
        }
        if model.covariance == "rrs" { perContext += 2 * WorkEstimate.gemmSeconds(d, depth, d) }
        return WorkEstimate(bytes: 8 * (k * d + 3 * d * d + d * depth),
                            seconds: Double(arguments.replication.trials) * count * perContext)
    }
}
