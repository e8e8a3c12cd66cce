import NumericCore

// `widetheory` at finite data, samples = P > 0 (α = P/dim): the infinite-width limit of
// `widetrain(samples=P)`, derived here (Bordelon & Pehlevan 2025, arXiv 2502.02531, treat finite
// α, but only their abstract and introduction could be read here, so nothing below is theirs).
//
// The empirical loss is ½ tr[(S − B) Σ̂ (S − B)ᵀ], Σ̂ = XXᵀ/P, so the exact depth-2 closure of
// DeepLinear+Wide.swift holds at every width with E = (S − B)Σ̂; width enters only through the
// start (Q₁, Q₂ Wishart/N, B of order 1/(γ√N)), which as N → ∞ is Q₁ = Q₂ = I, B = 0. So the
// infinite-width μP depth-2 run on a given data set is the deterministic dim × dim recursion
//   B' = B + η₀(Q₂E + EQ₁) + η₀²γ² EBᵀE,  Q₁' = Q₁ + η₀γ²(EᵀB + BᵀE) + η₀²γ² EᵀQ₂E,
//   Q₂' = Q₂ + η₀γ²(EBᵀ + BEᵀ) + η₀²γ² EQ₁Eᵀ,   E = (S − B)Σ̂,  from B = 0, Q₁ = Q₂ = I.      (F1)
// It does NOT decouple in the eigenbasis of Σ̂: the start's law is rotation invariant, so one may
// take Σ̂ = Λ diagonal, but the teacher's right singular vectors are then a Haar rotation away
// from that basis and EᵀB, BᵀE mix the eigen-directions (only S's alignment with Σ̂ would make
// the modes separate). What does hold at every depth: B stays zero on the null space of Σ̂
// (by induction Bx = 0 and Q₁x = x for Σ̂x = 0), so at α < 1 the test loss cannot fall below the
// min-norm value ½‖S(I − Π)‖², E = ½Σs²(1 − α) (Π the projection on the data's span).
// The lazy runs are linear: depth 1 (from B = 0, rate η₀) and the NTK parameterisation at any
// depth (kernel L, B(0) with i.i.d. entries of variance 1/γ₀²) give S − B ← (S − B)M with
// M = I − kη₀Σ̂ (k = 1 or L), whose mean over B(0) is
//   test = ½‖SMⁿ‖² + (v/2)‖Mⁿ‖²,  train = ½ tr[SMⁿΣ̂MⁿSᵀ] + (v/2) tr[MⁿΣ̂Mⁿ]   (v = 0 or dim/γ₀²). (F2)
// These decouple in Σ̂'s eigenbasis: over a Haar teacher E‖So_k‖² = Σs²/dim, so the mean test
// loss is ½(Σs²/dim + v) Σ_k (1 − kη₀λ_k)^{2n}, which in the proportional limit (dim, P → ∞ at
// α fixed) is an average over the Marchenko–Pastur law of aspect 1/α (tested, with the exact
// finite-dim moment E tr Σ̂² = dim(dim + P + 1)/P at n = 1).
// The theory is exact at infinite width and finite dim, P, and given the data; the mean over
// data sets is taken over `trials` seeded draws of teacher and data (the same draws as
// widetrain's first width), so it carries a standard error. μP at depth ≥ 3 would need the
// DMFT with dim × dim matrix-valued kernels (not derived here; refused).

extension DeepLinear {
    /// `widetheory`'s parameters: the rates and steps, and the data (P samples, drawn `trials` times).
    struct WideTheoryArguments: ParameterGroup {
        @OptionGroup var wide = WideArguments()
        @Option("training samples P (0: the whitened population loss)", range: NumericRange(lower: 0, upper: 100_000))
        var samples = 0
        @OptionGroup var replication = Replication(trials: 4, fewest: 2)
    }

    /// Seconds of `widetheory` at samples > 0: per draw and rate the teacher and data, Σ̂, and per
    /// step about ten dim × dim products (μP, Eq. (F1)) or three (lazy, Eq. (F2)).
    static func wideDataEstimate(_ c: Configuration, _ t: WideTheoryArguments) -> WorkEstimate {
        let d = Double(c.dim), p = Double(t.samples), last = t.wide.steps.max() ?? 0
        let products = t.wide.param == "mup" && c.depth > 1 ? 10.0 : 3.0
        let draw = WorkEstimate.drawSeconds(d * p + 2 * d * d) + 2 * WorkEstimate.eigenSeconds(d) + WorkEstimate.gemmSeconds(d, d, p)
        // Measured (release): 2.9 µs a μP step at dim 8, 34 µs at dim 32 — the small products cost less than
        // a full call each, so three calls' overhead per step.
        let step = products * WorkEstimate.gemmSeconds(d, d, d) + 3 * WorkEstimate.callSeconds
        let runs = Double(t.wide.eta.count * t.replication.trials)
        return WorkEstimate(bytes: 8 * (d * p + 16 * d * d) + 8 * 6 * runs * Double(t.wide.steps.count),
                            seconds: runs * (draw + last * step))
    }

    /// `widetheory` at samples > 0: the infinite-width test and train loss, mean and SE over data draws.
    static func wideDataTable(_ c: Configuration, _ t: WideTheoryArguments, monitor: WorkMonitor) throws -> Table {
        guard t.wide.param == "ntk" || c.depth <= 2 else {
            throw ModelError.domain(parameter: "depth", value: String(c.depth),
                                    allowed: "depth ≤ 2 for widetheory with param=\"mup\" and samples > 0 (the finite-data DMFT at depth ≥ 3 is not derived)")
        }
        guard t.wide.branchScale(depth: c.depth) == nil else {
            throw ModelError.domain(parameter: "residual", value: "\"\(t.wide.residual)\"",
                                    allowed: "\"none\" for widetheory with samples > 0 (finite data is derived for plain networks only)")
        }
        let steps = try t.wide.stepCounts()
        let names = ["eta", "step", "loss", "loss_se", "train", "train_se"]
        var columns = [[Double]](repeating: [], count: names.count)
        let trials = t.replication.trials
        for (index, eta) in t.wide.eta.enumerated() {
            var runs: [WideRun] = []
            for trial in 0..<trials {
                try monitor.checkCancelled()
                monitor.report(done: index * trials + trial, total: t.wide.eta.count * trials, label: "widetheory deeplinear")
                // widetrain's stream for its first width: the same teacher and data.
                var rng = Xoshiro256StarStar(seed: t.replication.seed64, stream: UInt64(trial))
                runs.append(try wideDataRun(c, t, eta: eta, steps: steps, rng: &rng, monitor: monitor))
            }
            for (i, n) in steps.enumerated() {
                let (test, testSE) = meanAndError(runs.map { $0.test[i] })
                let (train, trainSE) = meanAndError(runs.map { $0.train[i] })
                for (k, value) in [eta, Double(n), test, testSE, train, trainSE].enumerated() { columns[k].append(value) }
            }
        }
        monitor.report(done: t.wide.eta.count * trials, total: t.wide.eta.count * trials, label: "widetheory deeplinear")
        return Table(columns: zip(names, columns).map { Table.Column($0, $1) },
                     caption: "infinite width (\(t.wide.param)), P = \(t.samples): mean over \(trials) data sets", role: .theory)
    }

    /// One data set: Eq. (F1) (μP, depth 2) or Eq. (F2) (depth 1, NTK) at rate `eta`.
    static func wideDataRun(_ c: Configuration, _ t: WideTheoryArguments, eta: Double, steps: [Int],
                            rng: inout Xoshiro256StarStar, monitor: WorkMonitor) throws -> WideRun {
        let (teacher, _, _) = try drawTeacher(c, rng: &rng)
        let x = rng.gaussianMatrix(rows: c.dim, columns: t.samples)
        let covariance = Matrix.gemm(x, x, transposeB: true, alpha: 1 / Double(t.samples))
        let identity = Matrix.identity(c.dim)
        let lazy = c.depth == 1 || t.wide.param == "ntk"
        // Lazy: difference D = SMⁿ and power Mⁿ. μP: difference D = S − B, with B, Q₁, Q₂.
        var difference = teacher, power = identity, product = Matrix(rows: c.dim, columns: c.dim), q1 = identity, q2 = identity
        var kernel = identity
        if lazy {
            let rate = Double(c.depth == 1 ? 1 : c.depth) * eta
            for i in kernel.storage.indices { kernel.storage[i] -= rate * covariance.storage[i] }
        }
        let noise = c.depth == 1 || !lazy ? 0 : Double(c.dim) / (t.wide.gamma * t.wide.gamma)
        let g2 = t.wide.gamma * t.wide.gamma
        func advance() {
            if lazy {
                difference = difference * kernel
                if noise > 0 { power = power * kernel }
                return
            }
            let e = difference * covariance
            let eq2e = Matrix.gemm(Matrix.gemm(e, transposeA: true, q2), e)
            let eq1e = Matrix.gemm(Matrix.gemm(e, q1), e, transposeB: true)
            let ebe = Matrix.gemm(Matrix.gemm(e, product, transposeB: true), e)
            var b = Matrix.gemm(q2, e, alpha: eta, beta: 1, into: product)
            b = Matrix.gemm(e, q1, alpha: eta, beta: 1, into: b)
            let ebT = Matrix.gemm(e, product, transposeB: true), etB = Matrix.gemm(e, transposeA: true, product)
            for i in b.storage.indices { b.storage[i] += eta * eta * g2 * ebe.storage[i] }
            let d = c.dim
            for r in 0..<d {
                for s in 0..<d {
                    q1[r, s] += eta * g2 * (etB[r, s] + etB[s, r]) + eta * eta * g2 * eq2e[r, s]
                    q2[r, s] += eta * g2 * (ebT[r, s] + ebT[s, r]) + eta * eta * g2 * eq1e[r, s]
                }
            }
            product = b
            for i in difference.storage.indices { difference.storage[i] = teacher.storage[i] - b.storage[i] }
        }
        func half(_ m: Matrix, _ weighted: Matrix) -> Double { 0.5 * zip(m.storage, weighted.storage).map { $0 * $1 }.reduce(0, +) }
        var run = WideRun(test: [Double?](repeating: nil, count: steps.count), train: [Double?](repeating: nil, count: steps.count))
        var done = 0, diverged = false
        for index in steps.indices.sorted(by: { steps[$0] < steps[$1] }) {
            while done < steps[index], !diverged {
                if done % 64 == 0 { try monitor.checkCancelled() }
                advance()
                done += 1
                if done % 16 == 0 || done == steps[index] { diverged = !difference.storage.allSatisfy { abs($0) < 1e100 } }
            }
            if diverged { continue }
            var test = half(difference, difference), train = half(difference, difference * covariance)
            if noise > 0 { test += noise * half(power, power); train += noise * half(power, power * covariance) }
            guard test.isFinite, train.isFinite else { diverged = true; continue }
            run.test[index] = test
            run.train[index] = train
        }
        return run
    }
}
