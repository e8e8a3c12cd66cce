import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The exact gradient-flow (or gradient-descent) losses of one drawn system (see
/// `Flow+Simulation.swift`), by eigendecomposition of the smaller of the two Gram matrices.
enum FlowSimulation {
    /// P = inf: L(t) = bᵀ e^{−2Gt} b with G = XᵀX/N, X = A·Λ^{1/2}.
    static func population(_ a: Matrix, root: [Double], b: [Double], times: [Double],
                           clock: FlowClock) throws -> [Double] {
        switch try populationEigen(a, root: root, b: b) {
        case let .wide(s, proj):
            let top = s.last ?? 0
            let total = dot(b, b)
            return times.map { t in
                var learned = 0.0
                for i in s.indices where s[i] > 1e-13 * top {
                    learned += proj[i] * proj[i] / s[i] * clock.learned(s[i], 2 * t)
                }
                let loss = total - learned
                return loss.isNaN ? .infinity : max(0, loss)
            }
        case let .tall(values, coef):
            return times.map { t in
                var sum = 0.0
                for i in values.indices { sum += coef[i] * coef[i] * clock.decay(max(0, values[i]), 2 * t) }
                return sum.isNaN ? .infinity : sum
            }
        }
    }

    /// The spectrum of G = XᵀX/N, X = A·Λ^{1/2}, from the smaller Gram: N ≤ M gives the
    /// eigenvalues s of H = XXᵀ/N with the projections u_iᵀXb/√N; N > M the eigenvalues of
    /// G with the coefficients v_iᵀb.
    enum PopulationEigen {
        case wide(values: [Double], projections: [Double])
        case tall(values: [Double], coefficients: [Double])

        /// Rates s_i and drives r_i = u_iᵀXb/√N of the flow on the features (H's eigenbasis).
        var ratesAndDrives: (rates: [Double], drives: [Double]) {
            switch self {
            case let .wide(s, proj): return (s, proj)
            case let .tall(s, coef): return (s, s.indices.map { max(0, s[$0]).squareRoot() * coef[$0] })
            }
        }
    }

    static func populationEigen(_ a: Matrix, root: [Double], b: [Double]) throws -> PopulationEigen {
        let n = a.rows, m = a.columns
        var x = a
        for i in 0..<n { for k in 0..<m { x.storage[i * m + k] *= root[k] } }
        let scale = 1 / Double(n)
        if n <= m {
            // Nonzero spectrum from H = XXᵀ/N: (v_iᵀb)² = (u_iᵀ X b/√N)² / s_i.
            let (s, u) = try x.outerGram(alpha: scale).symmetricEigen()
            let c = x.times(b).map { $0 * scale.squareRoot() }
            return .wide(values: s, projections: u.times(c, transposed: true))
        }
        var g = x.gram()
        for i in g.storage.indices { g.storage[i] *= scale }
        let (values, vectors) = try g.symmetricEigen()
        return .tall(values: values, coefficients: vectors.times(b, transposed: true))
    }

    /// Finite P: features F = Ψ (no projection) or ΨAᵀ/√N; w(t) = h(FᵀF/P)Fᵀy/P.
    static func finiteData(psi: Matrix, labels y: [Double], projection: Matrix?, lambda: [Double],
                           target: [Double], times: [Double], clock: FlowClock) throws -> (test: [Double], train: [Double]) {
        let samples = psi.rows
        let features: Matrix
        if let a = projection {
            features = Matrix.gemm(psi, a, transposeB: true, alpha: 1 / Double(a.rows).squareRoot())
        } else {
            features = psi
        }
        let c = features.columns
        let invP = 1 / Double(samples)
        var test = [Double](), train = [Double]()
        func record(_ w: [Double], _ trainLoss: Double) {
            let v = projection.map { a in a.times(w, transposed: true).map { $0 / Double(a.rows).squareRoot() } } ?? w
            var loss = 0.0
            for k in lambda.indices { let d = v[k] - target[k]; loss += lambda[k] * d * d }
            // Descent above 2/s_max diverges: report inf, never nan.
            test.append(loss.isNaN ? .infinity : loss)
            train.append(trainLoss.isNaN ? .infinity : trainLoss)
        }
        if c <= samples {
            var g = features.gram()
            for i in g.storage.indices { g.storage[i] *= invP }
            let (values, vectors) = try g.symmetricEigen()
            let q = vectors.times(features.times(y, transposed: true).map { $0 * invP }, transposed: true)
            for t in times {
                let w = vectors.times(values.indices.map { clock.filter(values[$0], t) * q[$0] })
                let fit = features.times(w)
                var residual = 0.0
                for i in 0..<samples { let r = y[i] - fit[i]; residual += r * r }
                record(w, residual * invP)
            }
        } else {
            let (values, vectors) = try features.outerGram(alpha: invP).symmetricEigen()
            let a = vectors.times(y, transposed: true)
            let featuresU = Matrix.gemm(features, transposeA: true, vectors)   // Fᵀ U, c × P
            for t in times {
                let w = featuresU.times(values.indices.map { clock.filter(values[$0], t) * a[$0] * invP })
                var residual = 0.0
                for i in values.indices { residual += a[i] * a[i] * clock.decay(max(0, values[i]), 2 * t) }
                record(w, residual * invP)
            }
        }
        return (test, train)
    }
}
