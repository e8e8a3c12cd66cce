import NumericCore

/// Minibatch SGD on one drawn random-feature system (see `Flow+StochasticTheory.swift`
/// for the theory): w(0) = 0, w ← w − (η/B) Σ_{μ∈batch} f_μ(f_μᵀw − y_μ), stepped one
/// step at a time, the losses read at the requested steps. Finite P: each step's batch is
/// a uniform subset of B distinct rows of the fixed data (partial Fisher–Yates), so
/// samples repeat across steps; P = inf: B fresh draws ψ ~ N(0, Λ) per step (online).
enum FlowSGDSimulation {
    /// The drawn system's ψ-space readout: test = (v − w*)ᵀΛ(v − w*), v = Aᵀw/√N (or w).
    struct Readout {
        var projection: Matrix?
        var lambda: [Double]
        var target: [Double]

        func test(_ w: [Double]) -> Double {
            let v = projection.map { a in a.times(w, transposed: true).map { $0 / Double(a.rows).squareRoot() } } ?? w
            var loss = 0.0
            for k in lambda.indices { let d = v[k] - target[k]; loss += lambda[k] * d * d }
            return loss.isNaN ? .infinity : loss
        }
    }

    /// Finite P: SGD with data repetition on features F (P × c, F = ΨAᵀ/√N or Ψ).
    static func finiteData(features: Matrix, labels y: [Double], readout: Readout, times: [Double], eta: Double,
                           batch: Int, rng: inout Xoshiro256StarStar,
                           monitor: WorkMonitor) throws -> (test: [Double], train: [Double]) {
        let samples = features.rows, c = features.columns
        var w = [Double](repeating: 0, count: c), gradient = w
        var order = Array(0..<samples)
        var test = [Double](repeating: 0, count: times.count), train = test
        let steps = Int(times.max() ?? 0)
        let scale = eta / Double(batch)
        func record(_ step: Int) {
            for (i, t) in times.enumerated() where Int(t) == step {
                let fit = features.times(w)
                var residual = 0.0
                for m in 0..<samples { let r = fit[m] - y[m]; residual += r * r }
                test[i] = readout.test(w)
                let value = residual / Double(samples)
                train[i] = value.isNaN ? .infinity : value
            }
        }
        record(0)
        try features.storage.withUnsafeBufferPointer { f in
            for step in 0..<steps {
                if step % 1024 == 0 { try monitor.checkCancelled() }
                for j in 0..<batch {
                    let k = j + Int(rng.uniform() * Double(samples - j))
                    order.swapAt(j, k)
                }
                for k in 0..<c { gradient[k] = 0 }
                for j in 0..<batch {
                    let row = order[j] * c
                    var r = -y[order[j]]
                    for k in 0..<c { r += f[row + k] * w[k] }
                    for k in 0..<c { gradient[k] += f[row + k] * r }
                }
                for k in 0..<c { w[k] -= scale * gradient[k] }
                record(step + 1)
            }
        }
        return (test, train)
    }

    /// P = inf: online SGD, B fresh samples per step with labels ψ·w* + σε.
    static func online(readout: Readout, root: [Double], noise: Double, times: [Double], eta: Double, batch: Int,
                       rng: inout Xoshiro256StarStar, monitor: WorkMonitor) throws -> [Double] {
        let m = root.count
        let width = readout.projection?.rows ?? m
        var w = [Double](repeating: 0, count: width)
        var test = [Double](repeating: 0, count: times.count)
        let steps = Int(times.max() ?? 0)
        let scale = eta / Double(batch)
        let norm = 1 / Double(width).squareRoot()
        func record(_ step: Int) { for (i, t) in times.enumerated() where Int(t) == step { test[i] = readout.test(w) } }
        record(0)
        for step in 0..<steps {
            if step % 1024 == 0 { try monitor.checkCancelled() }
            var psi = rng.gaussianMatrix(rows: batch, columns: m)
            var y = [Double](repeating: 0, count: batch)
            for i in 0..<batch {
                var label = 0.0
                for k in 0..<m { psi.storage[i * m + k] *= root[k]; label += psi.storage[i * m + k] * readout.target[k] }
                y[i] = label + noise * rng.gaussian()
            }
            let features = readout.projection.map { Matrix.gemm(psi, $0, transposeB: true, alpha: norm) } ?? psi
            let residual = zip(features.times(w), y).map { $0 - $1 }
            let gradient = features.times(residual, transposed: true)
            for k in 0..<width { w[k] -= scale * gradient[k] }
            record(step + 1)
        }
        return test
    }
}
