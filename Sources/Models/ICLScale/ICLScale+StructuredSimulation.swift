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
// RRS, any depth: the error is e = q(Σ̂) w − p(Σ̂) n and the loss is ρ + (1/d) eᵀ Λ e; with q = 1 + Σ_j c_j φ_j in the
// U-basis of ICLScale+StructuredQuadratic.swift (on [0, M], M = λ₁(1 + √(d/K))² the spectral edge), it is quadratic
// in c; the training loss (mean over training contexts) is minimised exactly — the end of training, the minimum over
// polynomials that the steps η_ℓ = 1/root reach when its roots are real — and that c is scored on the test contexts.
// FS, depth 1: Γ = diag(γ) in Σ's basis, each γ_k the least-squares fit Σ w_k b_k / Σ b_k², b = Σ̂w + n; tested
// as ρ + (1/d) Σ_k λ_k (w_k − γ_k b_k)². Loss is reported as the mean and standard error over trials.

extension ICLScaleModel {
    /// One drawn context in Σ's eigenbasis: w, Σ̂ (nil at α = ∞: Σ̂ = Λ) and n (zero at α = ∞).
    private static func drawContext(_ spectrum: StructuredSpectrum, tokens: Int?, rho: Double,
                                    rng: inout Xoshiro256StarStar) -> (w: [Double], covariance: Matrix?, n: [Double]) {
        let d = spectrum.lambda.count
        let w = zip(spectrum.omega, rng.gaussians(d)).map { $0.squareRoot() * $1 }
        guard let tokens else { return (w, nil, [Double](repeating: 0, count: d)) }
        let sd = spectrum.lambda.map { $0.squareRoot() }
        var z = Matrix(rows: tokens, columns: d, storage: rng.gaussians(tokens * d))
        for i in 0..<tokens { for k in 0..<d { z.storage[i * d + k] *= sd[k] } }
        let noise = rng.gaussians(tokens, standardDeviation: rho.squareRoot())
        var covariance = z.gram()
        for i in covariance.storage.indices { covariance.storage[i] /= Double(tokens) }
        let n = z.times(noise, transposed: true).map { $0 * Double(d).squareRoot() / Double(tokens) }
        return (w, covariance, n)
    }

    /// Adds `count` RRS contexts' quadratic loss in the Chebyshev coefficients of q. The columns of u are
    /// φ_j(Σ̂) w + ψ_j(Σ̂) n = (U_j(X) − U_j(−1)) w + R_j(X) n / c₀, built by the three-term recurrences of
    /// ICLScale+StructuredQuadratic.swift (U_j = 2X U_{j−1} − U_{j−2}, R_j = 2U_{j−1} − 2R_{j−1} − R_{j−2}) with
    /// X = Σ̂/c₀ − 1 applied to vectors (one Σ̂-times-vector per recurrence and degree), in Σ's eigenbasis where the metric is Λ itself: the
    /// same quadratic form as in Σ̂'s eigenbasis (e = V(q(s) w̃ − p(s) ñ)), without diagonalising Σ̂ per context.
    private static func accumulatePolynomial(_ loss: inout QuadraticLoss, _ spectrum: StructuredSpectrum,
                                             tokens: Int?, rho: Double, depth: Int, count: Int,
                                             rng: inout Xoshiro256StarStar, monitor: WorkMonitor) throws {
        let d = spectrum.lambda.count, share = 1 / (Double(d) * Double(count)), center = loss.center
        let zero = [Double](repeating: 0, count: d)
        for _ in 0..<count {
            try monitor.checkCancelled()
            let (w, covariance, n) = drawContext(spectrum, tokens: tokens, rho: rho, rng: &rng)
            /// 2X v − before, X = Σ̂/c₀ − 1 (Σ̂ = Λ at α = ∞).
            func step(_ v: [Double], _ before: [Double]) -> [Double] {
                let product = covariance?.times(v) ?? zip(spectrum.lambda, v).map { $0 * $1 }
                return (0..<d).map { k in 2 * (product[k] / center - v[k]) - before[k] }
            }
            var u = Matrix(rows: d, columns: depth)
            var (wBefore, wU) = (zero, w)   // U_{j−2}(X) w, U_{j−1}(X) w
            var (nBefore, nU) = (zero, n)   // the same for n
            var (rBefore, r) = (zero, zero) // R_{j−2}(X) n, R_{j−1}(X) n
            for j in 1...depth {
                let wNext = step(wU, wBefore), nNext = tokens == nil ? zero : step(nU, nBefore)
                let rNext = (0..<d).map { k in 2 * nU[k] - 2 * r[k] - rBefore[k] }
                let atMinusOne = Double(j + 1) * (j % 2 == 0 ? 1 : -1)
                for k in 0..<d { u.storage[k * depth + j - 1] = wNext[k] - atMinusOne * w[k] + rNext[k] / center }
                (wBefore, wU, nBefore, nU, rBefore, r) = (wU, wNext, nU, nNext, r, rNext)
            }
            var su = u, sw = w
            for k in 0..<d {
                sw[k] *= spectrum.lambda[k]
                for j in 0..<depth { su.storage[k * depth + j] *= spectrum.lambda[k] }
            }
            loss.gram = Matrix.gemm(u, transposeA: true, su, alpha: share, beta: 1, into: loss.gram)
            axpy(share, u.times(sw, transposed: true), &loss.linear)
            loss.constant += share * dot(w, sw)
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

    /// Time and memory of the structured `simulate`: per context K·d Gaussians, Σ̂ (K·d²), for rrs 2L products
    /// Σ̂-times-vector (d² each) and the d×d×L products of the quadratic form.
    static func structuredEstimate(_ model: Parameters, _ arguments: SimulationArguments) -> WorkEstimate {
        let d = Double(model.d), k = model.alpha.isInfinite ? 0 : max(1, (model.alpha * d).rounded())
        let count = Double(arguments.contexts + arguments.tests), depth = Double(model.depth)
        var perContext = WorkEstimate.drawSeconds(k * (d + 1) + d) + WorkEstimate.gemmSeconds(d, d, k)
        if model.covariance == "rrs" { perContext += 2 * WorkEstimate.gemmSeconds(d, depth, d) }
        return WorkEstimate(bytes: 8 * (k * d + 3 * d * d + d * depth),
                            seconds: Double(arguments.replication.trials) * count * perContext)
    }
}
