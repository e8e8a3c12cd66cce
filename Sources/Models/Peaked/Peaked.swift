import NumericCore

/// A linear softmax head learning a low-temperature ("peaked") teacher: the model of
/// Liu, Liu, Pehlevan & Gore 2026, "Universal One-third Time Scaling in Learning Peaked
/// Distributions".
///
/// Inputs x ~ N(0, I_d) are rms-normalised, x̂ = x·√d/‖x‖; the teacher's logits are
/// W_t x̂ / T with entries of W_t (V × d) uniform ±1/√d; the student's logits are W_s x̂ with
/// W_s = 0 at the start. Training minimises KL(p_t ‖ p_s) on fresh batches. With the student
/// on the line W_s = β W_t, the loss falls as L ≈ C/β in the window √(2 ln V) ≪ β ≪ 1/(√3 T)
/// and gradient flow gives β̇ = (lr/V)(−L'(β)) ≈ (lr/V) C/β², hence L ∝ t^(−1/3).
public enum Peaked {
    /// The `peaked(...)` family for the catalog.
    public static let family = ModelFamily(
        name: "peaked",
        summary: "Softmax head on a peaked teacher: L ∝ t^(−1/3) (Liu, Liu, Pehlevan & Gore 2026)",
        doc: """
        Teacher–student linear softmax head: V classes, Gaussian inputs in d dimensions (rms-normalised),
        teacher logits W_t x̂ / T (entries ±1/√d), student W_s from zero, trained with `optimizer`
        (sgd or adam, β₁ = 0.9, β₂ = 0.999, ε = 1e-8) on KL(p_t‖p_s) over fresh batches.
        theory(m, t=...) is the reduced one-dimensional theory for SGD: W_s = β W_t,
        t(β) = (V/lr) ∫₀^β dβ'/(−L'(β')) with L(β) the exact KL along the line (a Monte-Carlo average),
        columns t, beta, test (the KL), asymptote = C^(2/3) (V/(3 lr t))^(1/3) with C = (π²/12) ρ₂(0)
        (ρ₂ the density of the top-two teacher-logit gap at 0), and slope = d ln L / d ln t.
        simulate(m, t=..., trials=, seed=) runs the optimiser: columns t, test, test_se, beta, beta_se.
        constants(m) gives C, ρ₂(0) and the window edges √(2 ln V) and 1/(√3 T).
        The teacher is drawn once from `seed`; trials differ in their batches.
        """,
        reference: "Liu, Liu, Pehlevan & Gore 2026, Universal One-third Time Scaling in Learning Peaked Distributions "
            + "(model and the L ∝ 1/β, β̇ ∝ β⁻² reduction); constants derived here (see Peaked+Theory.swift)",
        model: Parameters.self,
        validate: { p throws(ModelError) in try Configuration(p).check() },
        operations: [theoryOperation, simulateOperation, constantsOperation])

    /// The parameters of `peaked(...)`, declared once.
    struct Parameters: ParameterGroup {
        @Option("number of classes V", range: NumericRange(lower: 2, upper: 4096))
        var V = 128
        @Option("input dimension d", range: NumericRange(lower: 1, upper: 1024))
        var dim = 32
        @Option("teacher temperature T (small = peaked)", range: NumericRange(lower: 1e-6, upper: 100))
        var temperature = 1e-3
        @Option("learning rate", range: .positive)
        var lr = 10.0
        @Option("fresh samples per step", range: NumericRange(lower: 1, upper: 65536))
        var batch = 1024
        @Option("sgd or adam", choices: ["sgd", "adam"])
        var optimizer = "sgd"
    }

    /// The numbers of one `peaked(...)` instance.
    struct Configuration {
        var classes: Int
        var dim: Int
        var temperature: Double
        var lr: Double
        var batch: Int
        var adam: Bool

        /// The instance the parameters describe.
        init(_ p: Parameters) {
            classes = p.V
            dim = p.dim
            temperature = p.temperature
            lr = p.lr
            batch = p.batch
            adam = p.optimizer == "adam"
        }

        /// SGD's stability at the start: at W_s = 0 the Hessian is (1/V)(I − 11ᵀ/V) ⊗ E[x̂x̂ᵀ]
        /// with E[x̂x̂ᵀ] = I, so gradient descent needs lr < 2V.
        func check() throws(ModelError) {
            guard adam || lr < 2 * Double(classes) else {
                throw .domain(parameter: "lr", value: formatParameter(lr),
                              allowed: "0 < lr < 2V = \(2 * classes) for sgd (stable at the start)")
            }
        }
    }

    /// The teacher W_t (V × d, entries ±1/√d) drawn from `seed` (stream 0).
    static func teacher(_ c: Configuration, seed: UInt64) -> Matrix {
        var rng = Xoshiro256StarStar(seed: seed, stream: 0)
        let scale = 1 / Double(c.dim).squareRoot()
        var w = Matrix(rows: c.classes, columns: c.dim)
        for i in w.storage.indices { w.storage[i] = rng.next() & 1 == 0 ? scale : -scale }
        return w
    }

    /// `count` rms-normalised Gaussian inputs as rows (each row has squared norm d), drawn by
    /// Marsaglia's polar method (the evaluation set and the theory's Monte-Carlo average).
    static func inputs(count: Int, dim: Int, rng: inout Xoshiro256StarStar) -> Matrix {
        var x = rng.gaussianMatrix(rows: count, columns: dim)
        normaliseRows(&x)
        return x
    }

    /// A training batch: `count` rms-normalised Gaussian inputs drawn by the ziggurat (the
    /// simulation draws count × d normals per step; the ziggurat takes one 64-bit word for ~99% of them).
    static func batch(count: Int, dim: Int, rng: inout Xoshiro256StarStar) -> Matrix {
        var x = Matrix(rows: count, columns: dim, storage: .init(unsafeUninitializedCapacity: count * dim) { buffer, filled in
            rng.fillGaussians(UnsafeMutableBufferPointer(rebasing: buffer[0..<(count * dim)]))
            filled = count * dim
        })
        normaliseRows(&x)
        return x
    }

    /// Scales every row of `x` to norm √d (a zero row stays zero).
    static func normaliseRows(_ x: inout Matrix) {
        let dim = x.columns, target = Double(dim).squareRoot()
        x.storage.withUnsafeMutableBufferPointer { p in
            for row in stride(from: 0, to: p.count, by: max(dim, 1)) {
                var norm = 0.0
                for j in row..<(row + dim) { norm += p[j] * p[j] }
                let factor = target / max(norm.squareRoot(), 1e-300)
                for j in row..<(row + dim) { p[j] *= factor }
            }
        }
    }

    /// Step counts `t` (declared 0 ≤ t ≤ 10⁷), rounded to whole steps.
    struct Steps: ParameterGroup {
        @Option("step counts", range: NumericRange(lower: 0, upper: 1e7), sweepable: false)
        var t: [Double] = Peaked.defaultSteps

        /// The grid rounded to whole steps, refused if empty.
        var steps: [Double] {
            get throws(ModelError) {
                guard !t.isEmpty else { throw .domain(parameter: "t", value: "[]", allowed: "at least one step count") }
                return t.map { $0.rounded() }
            }
        }
    }

    /// The default step grid: 0, 1 and 23 points log-spaced by √2 from 2 to 4096.
    static let defaultSteps: [Double] = [0, 1] + (2...24).map { pow(2, Double($0) / 2).rounded() }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
