import NumericCore

// The exact expected value error of TD(0) along one trajectory. Conditioned on the current
// state, the weights form a Markov jump linear system (Hu & Syed 2019, arXiv 1906.06781):
// w_(t+1) = B(s,s') w_t + c(s,s') with B = I − η φ(s)uᵀ, u = φ(s) − γφ(s'), c = η r'(s,s') φ(s),
// and w_t independent of the next transition given s_t. So, with p_s = Pr(s_t = s),
// m_s = E[w_t 1{s_t = s}] and M_s = E[w_t w_tᵀ 1{s_t = s}],
//   m_s'(t+1) = Σ_s P(s,s') (B m_s + c p_s),
//   M_s'(t+1) = Σ_s P(s,s') (B M_s Bᵀ + B m_s cᵀ + c m_sᵀ Bᵀ + c cᵀ p_s),
// with B M Bᵀ = M − η φ (Mu)ᵀ − η (Mu) φᵀ + η² (uᵀMu) φφᵀ (rank-one updates, O(N²) per transition).
// The expected value error is Σ_s D(s)(V'(s)² − 2V'(s) φ(s)ᵀm̄ + φ(s)ᵀ M̄ φ(s)), m̄ = Σ m_s, M̄ = Σ M_s.

extension TD {
    /// `theory`'s parameters.
    struct TheoryArguments: ParameterGroup {
        @OptionGroup var grid = Peaked.Steps()
    }

    /// The state-conditioned moments of the weights at one time.
    struct Moments {
        var probability: [Double]
        var mean: [[Double]]
        var second: [[Double]]

        /// w_0 = 0 and s_0 ~ D (uniform).
        init(states: Int, features: Int) {
            probability = [Double](repeating: 1 / Double(states), count: states)
            mean = [[Double]](repeating: [Double](repeating: 0, count: features), count: states)
            second = [[Double]](repeating: [Double](repeating: 0, count: features * features), count: states)
        }

        /// One TD(0) step at rate eta.
        mutating func step(eta: Double, phi: Matrix, gamma: Double, reward: (Int, Int) -> Double,
                           successors: (Int) -> [(state: Int, probability: Double)]) {
            let n = probability.count, d = phi.columns
            var p = [Double](repeating: 0, count: n)
            var m = [[Double]](repeating: [Double](repeating: 0, count: d), count: n)
            var big = [[Double]](repeating: [Double](repeating: 0, count: d * d), count: n)
            var u = [Double](repeating: 0, count: d), mu = u, bm = u
            for s in 0..<n {
                let f = (0..<d).map { phi[s, $0] }
                let ms = mean[s], bigS = second[s], ps = probability[s]
                for (next, q) in successors(s) {
                    for k in 0..<d { u[k] = f[k] - gamma * phi[next, k] }
                    var um = 0.0
                    for k in 0..<d { um += u[k] * ms[k] }
                    var umu = 0.0
                    for i in 0..<d {
                        var x = 0.0
                        for j in 0..<d { x += bigS[i * d + j] * u[j] }
                        mu[i] = x; umu += u[i] * x
                    }
                    let c = eta * reward(s, next)
                    for k in 0..<d { bm[k] = ms[k] - eta * f[k] * um }
                    p[next] += q * ps
                    for k in 0..<d { m[next][k] += q * (bm[k] + c * f[k] * ps) }
                    let ff = eta * eta * umu + c * c * ps
                    for i in 0..<d {
                        for j in 0..<d {
                            let v = bigS[i * d + j] - eta * (f[i] * mu[j] + mu[i] * f[j]) + ff * f[i] * f[j]
                                + c * (bm[i] * f[j] + f[i] * bm[j])
                            big[next][i * d + j] += q * v
                        }
                    }
                }
            }
            probability = p; mean = m; second = big
        }

        /// (E L, L(E w)) for the shaped value.
        func losses(phi: Matrix, value: [Double]) -> (expected: Double, ofMean: Double) {
            let d = phi.columns
            var mbar = [Double](repeating: 0, count: d), bigBar = [Double](repeating: 0, count: d * d)
            for s in mean.indices {
                for k in 0..<d { mbar[k] += mean[s][k] }
                for k in 0..<(d * d) { bigBar[k] += second[s][k] }
            }
            var total = 0.0
            for s in 0..<phi.rows {
                var fm = 0.0, fmf = 0.0
                for i in 0..<d {
                    fm += phi[s, i] * mbar[i]
                    for j in 0..<d { fmf += phi[s, i] * bigBar[i * d + j] * phi[s, j] }
                }
                total += value[s] * value[s] - 2 * value[s] * fm + fmf
            }
            return (total / Double(phi.rows), Configuration.loss(mbar, phi: phi, value: value))
        }
    }

    /// Seconds per (step × transition × feature²) of the moment recursion and per step of its
    /// bookkeeping, fitted to bench/calibrate's td cells (CPU time: 0.33 s for 16 states, 4 features
    /// and 32768 steps; 1.4 s for 64 states, 16 features and 4096 steps).
    static let theorySecondsPerUnit = 1.2e-8, theoryStepSeconds = 4e-6

    static let theoryOperation = ModelOperation.table(
        "theory", "exact expected value error along a trajectory (moment recursion), error of the mean weights, fixed point",
        model: Parameters.self, arguments: TheoryArguments.self,
        estimate: { model, arguments in
            let c = Configuration(model)
            let steps = arguments.grid.t.max() ?? 0
            let units = steps * 2 * Double(c.states) * Double(c.features * c.features)
            return WorkEstimate(bytes: 8 * 3 * Double(c.states * c.features * c.features),
                                seconds: theorySecondsPerUnit * units + theoryStepSeconds * steps)
        }) { model, arguments, monitor in
            let c = Configuration(model)
            try c.check()
            // With a trace, w' = w + η(r − uᵀw)(γλe + φ(s)) is bilinear in (w, e): the moments E[w ⊗ e^⊗k] need
            // E[w ⊗ e^⊗(k+1)] and the recursion above does not close, so no exact theory is offered for λ > 0.
            guard c.lambda == 0 else {
                throw ModelError.domain(parameter: "lambda", value: formatParameter(c.lambda),
                                        allowed: "lambda = 0 for theory (its exact moment recursion is TD(0)'s); simulate and fixedpoint take 0 ≤ lambda ≤ 1")
            }
            let steps = try arguments.grid.steps
            let phi = c.phi, (reward, value) = try c.shaped()
            let fixed = Configuration.loss(try c.fixedPoint(), phi: phi, value: value)
            var loss = [Double](repeating: 0, count: steps.count), ofMean = loss
            var moments = Moments(states: c.states, features: c.features)
            let total = Int(steps.max() ?? 0)
            var done = 0
            for index in steps.indices.sorted(by: { steps[$0] < steps[$1] }) {
                while done < Int(steps[index]) {
                    if done % 64 == 0 {
                        try monitor.checkCancelled()
                        monitor.report(done: done, total: total, label: "theory td")
                    }
                    moments.step(eta: c.rate(done), phi: phi, gamma: c.gamma, reward: reward, successors: c.successors)
                    done += 1
                }
                (loss[index], ofMean[index]) = moments.losses(phi: phi, value: value)
            }
            return Table(columns: [Table.Column("t", steps), Table.Column("loss", loss), Table.Column("loss_mean", ofMean),
                                   Table.Column("fixed", [Double](repeating: fixed, count: steps.count)),
                                   Table.Column("lr", steps.map { c.rate(Int($0)) })],
                         caption: "theory", role: .theory)
        }

    static let fixedPointOperation = ModelOperation.table(
        "fixedpoint", "per state: reward, true value, the TD fixed point's value estimate and the least-squares projection",
        model: Parameters.self, arguments: NoArguments.self,
        estimate: { model, _ in
            let c = Configuration(model)
            return WorkEstimate(bytes: 8 * Double(c.states * (c.states + c.features)),
                                seconds: 2.5e-10 * Double(c.states * c.states * c.states))  // 0.034 s at 512 states
        }) { model, _, _ in
            let c = Configuration(model)
            try c.check()
            let phi = c.phi, v = try c.value(), w = try c.fixedPoint(), psi = v.map { c.shaping * $0 }
            let projection: [Double]
            do { projection = try phi.leastSquares(v) } catch {
                throw ModelError.domain(parameter: "features", value: "\(c.features)", allowed: "a full-rank feature matrix")
            }
            func fit(_ w: [Double], _ s: Int) -> Double { (0..<c.features).reduce(0.0) { $0 + phi[s, $1] * w[$1] } }
            let states = Array(0..<c.states)
            return Table(columns: [Table.Column("state", states.map(Double.init)), Table.Column("reward", c.reward),
                                   Table.Column("value", v), Table.Column("td_value", states.map { psi[$0] + fit(w, $0) }),
                                   Table.Column("projection", states.map { fit(projection, $0) })],
                         caption: "TD fixed point", role: .theory)
        }
}
