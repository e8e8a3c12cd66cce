// Monte-Carlo of the same SGD: fresh Gaussian minibatches x ~ N(0, Λ) every step, the real
// update, independent trials with seeded streams (Xoshiro256StarStar(seed:stream:)).
//
// With X = Z Λ^{1/2} (Z standard normal, B × dim): residual r = Z (Λ^{1/2} e) − ξ and gradient
// g = Λ^{1/2} Zᵀ r / B — two BLAS dgemv calls on the freshly drawn Z, no scaling of Z needed.

import NumericCore

extension SGDSetup {
    /// Runs `trials` independent SGD runs and returns the mean learning curve at `times`
    /// with its standard error (sample SD / √trials).
    /// - Parameters:
    ///   - times: sorted update counts in 0...steps.
    ///   - trials: number of independent runs (≥ 1).
    ///   - seed: trial i uses `Xoshiro256StarStar(seed: seed, stream: i)`.
    ///   - monitor: polled for cancellation every 64 steps; progress reported per trial.
    /// - Throws: `WorkCancelled` if interrupted; `ModelError.domain` naming `lr` if a run overflows.
    public func simulate(times: [Int], trials: Int, seed: UInt64, monitor: WorkMonitor = .none) throws -> SGDCurve {
        let rows = times.count
        var sum = [Double](repeating: 0, count: rows), sumSq = sum, lastSum = sum, gSum = sum, gSumSq = sum
        // One BLAS thread: two tiny dgemv calls per step, between which OpenBLAS's second thread
        // spun (a sixth of the CPU time of the seesaw notebook).
        try BLAS.singleThreaded { () throws -> Void in
            for trial in 0..<trials {
                var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(trial))
                let run = try simulateOnce(times: times, rng: &rng, monitor: monitor)
                for i in 0..<rows {
                    sum[i] += run.test[i]; sumSq[i] += run.test[i] * run.test[i]
                    lastSum[i] += run.last[i]; gSum[i] += run.gnorm2[i]; gSumSq[i] += run.gnorm2[i] * run.gnorm2[i]
                }
                monitor.report(done: trial + 1, total: trials, label: "sgd simulate")
            }
        }
        let n = Double(trials)
        func standardErrors(_ sum: [Double], _ sumSq: [Double]) -> [Double] {
            zip(sum, sumSq).map { total, sq in
                let mu = total / n
                return trials > 1 ? (max(0, sq / n - mu * mu) / (n - 1)).squareRoot() : 0
            }
        }
        var seen = [Double](repeating: 0, count: steps + 1)
        for t in 0..<steps { seen[t + 1] = seen[t] + batches[t] }
        return SGDCurve(times: times, samples: times.map { seen[$0] }, test: sum.map { $0 / n },
                        testError: standardErrors(sum, sumSq), last: lastSum.map { $0 / n }, gnorm2: gSum.map { $0 / n },
                        gnorm2Error: standardErrors(gSum, gSumSq))
    }

    /// One SGD run; returns its curve (no standard errors).
    func simulateOnce(times: [Int], rng: inout Xoshiro256StarStar, monitor: WorkMonitor) throws -> SGDCurve {
        let n = dim
        let maxBatch = Int(batches.max() ?? 1)
        let roots = lambdas.map { $0.squareRoot() }
        var e = target.map { -$0 }
        var mean = e
        let averaged = averaging != .none
        var z = [Double](repeating: 0, count: maxBatch * n)
        var u = [Double](repeating: 0, count: n), h = u, g = u
        var r = [Double](repeating: 0, count: maxBatch)
        var curve = SGDCurve(times: times, samples: [], test: [], testError: [], last: [], gnorm2: [])
        var next = 0
        let last = times.last ?? 0
        for t in 0...last {
            let b = Int(batch(at: t))
            // Draw the batch and form the gradient at the current iterate.
            z.withUnsafeMutableBufferPointer { rng.fillGaussians(UnsafeMutableBufferPointer(rebasing: $0[0..<(b * n)])) }
            for k in 0..<n { u[k] = roots[k] * e[k] }
            for i in 0..<b { r[i] = -noise * rng.gaussian() }
            z.withUnsafeBufferPointer { pz in
                u.withUnsafeBufferPointer { pu in
                    r.withUnsafeMutableBufferPointer { pr in
                        BLAS.gemv(rows: b, columns: n, pz, pu, beta: 1, pr)
                    }
                }
            }
            z.withUnsafeBufferPointer { pz in
                r.withUnsafeBufferPointer { pr in
                    h.withUnsafeMutableBufferPointer { ph in
                        BLAS.gemv(rows: b, columns: n, pz, transposed: true, pr, beta: 0, ph)
                    }
                }
            }
            let inverseBatch = 1 / Double(b)
            var g2 = 0.0
            for k in 0..<n {
                let gk = roots[k] * h[k] * inverseBatch
                g[k] = gk
                g2 += gk * gk
            }
            if next < times.count && times[next] == t {
                var risk = 0.0, averagedRisk = 0.0
                for k in 0..<n {
                    risk += lambdas[k] * e[k] * e[k]
                    averagedRisk += lambdas[k] * mean[k] * mean[k]
                }
                curve.test.append(averaged ? averagedRisk : risk)
                curve.last.append(risk)
                curve.gnorm2.append(g2)
                next += 1
            }
            if t == last { break }
            var eta = rates[t]
            if normalized { eta = g2 > 0 ? eta / g2.squareRoot() : 0 }
            for k in 0..<n { e[k] -= eta * g[k] }
            if averaged {
                let a = averagingWeight(afterUpdate: t + 1)
                for k in 0..<n { mean[k] += a * (e[k] - mean[k]) }
            }
            if t & 63 == 0 {
                try monitor.checkCancelled()
                if !e[0].isFinite || !g2.isFinite { throw divergence(at: t + 1) }
            }
        }
        return curve
    }
}
