import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Theory
//
// Posterior of Bayesian linear regression with x ~ N(0, I_d), n samples, noise σ and
// prior N(0, prior·I/d): Σ = (σ²/n)(S + λI)⁻¹, μ = (S + λI)⁻¹Xᵀy/n with S = XᵀX/n and
// λ = σ²d/(prior·n). With the Marchenko–Pastur resolvent of S (aspect γ = d/n),
//   g(λ) = (1/d) tr(S + λ)⁻¹ = [√((1−γ+λ)² + 4γλ) − (1−γ+λ)] / (2γλ),  h = −g′(λ),
// the deterministic equivalents are
//   tr Σ = (σ²d/n)·g,   v = ‖w* − μ‖² = λ²h + (σ²d/n)(g − λh),   s² = σ² + tr Σ.
// (With prior = 1, v = λg = tr Σ: the Bayes identity E‖w* − μ‖² = tr Σ, tested.)
// Given a query, t − m = x·(w* − μ) ~ N(0, v) and the k samples are N(m, s²); the
// best-of-k (teacher reward, temperature 0) keeps the sample nearest t, so with
// a = t − m and p(r) = Φ((a+r)/s) − Φ((a−r)/s),
//   E[(ŷ − t)² | a] = ∫₀^∞ 2r (1 − p(r))^k dr,
// averaged over a ~ N(0, v) by Gauss–Hermite. For large k, p(r) ≈ 2r φ_s(a), giving
//   error ≈ C/k²,  C = E_a[π s² e^{a²/s²}] = π s² / √(1 − 2v/s²)   (needs 2v < s²),
// the Θ(1/k²) law of Halder & Pehlevan with its extreme-value coefficient.
// Accuracy: quadrature to ~1e-9 relative; the deterministic equivalents are exact as
// d, n → ∞ at fixed d/n (finite-d corrections O(1/d) are seen in the tests).

extension JudgeModel {
    static let theoryOperation = ModelOperation(
        name: "theory",
        summary: "best-of-k error (temperature 0, teacher reward): error, coefficient (C in error ≈ C/k²), v, s2",
        model: Setup.self, arguments: NoArguments.self
    ) { model, _, _ in
        let temperature = model.temperature
        guard temperature == 0 else {
            throw ModelError.domain(parameter: "temperature", value: formatParameter(temperature),
                                    allowed: "temperature = 0 for theory (no closed form at finite k and T > 0: "
                                        + "use limit for k → ∞, or simulate)")
        }
        guard model.reward == "teacher" else {
            throw ModelError.notSupported(operation: "theory", parameter: "reward", value: model.reward, supported: "teacher",
                                          reason: "another judge has no closed form at finite k", alternative: "limit(m) for k → ∞, or simulate")
        }
        let posterior = model.posterior
        try posterior.checkDigits(noise: model.noise)
        let k = model.k
        let error = try bestOfKError(k: k, v: posterior.v, s2: posterior.s2)
        return .table(Table(columns: [
            Table.Column("error", [error]),
            Table.Column("coefficient", [posterior.bestOfKCoefficient]),
            Table.Column("v", [posterior.v]),
            Table.Column("s2", [posterior.s2]),
        ], caption: "theory", role: .theory))
    }

    /// The high-dimensional deterministic equivalents of the posterior.
    struct PosteriorEquivalent {
        /// Refuses a posterior whose numbers have no digits left, naming `noise`: s² below the
        /// normal doubles (σ = 1e-300 made v/s² = 0/0, and the quadrature never converged), or
        /// 1 − 2v/s² within 1e-10 of 0, where the coefficient's √(1 − 2v/s²) is rounding noise
        /// (d/n = 1/2 at tiny σ, where 1 − 2v/s² = O(λ); σ = 1e-10 gave C = inf).
        func checkDigits(noise: Double) throws(ModelError) {
            try checkVariance(noise: noise, operation: "theory")
            guard abs(1 - 2 * v / s2) >= 1e-10 else {
                throw .domain(parameter: "noise", value: formatParameter(noise), allowed: "a noise at which 1 − 2v/s² "
                              + "(in the coefficient C = π s²/√(1 − 2v/s²)) is at least 1e-10 in size for theory; here it is 0 "
                              + "to rounding (d/n = 1/2 at a tiny noise): use a larger noise, another d/n, or simulate")
            }
        }

        /// Refuses an s² below the normal doubles or a non-finite v (see `checkDigits`).
        func checkVariance(noise: Double, operation: String) throws(ModelError) {
            guard s2 >= 1e-290, s2.isFinite, v.isFinite else {
                throw .domain(parameter: "noise", value: formatParameter(noise), allowed: "a noise at which the predictive "
                              + "variance s² = σ² + tr Σ stays above 1e-290 for \(operation) (here it underflows)")
            }
        }

        /// ‖w* − μ‖², the posterior mean's squared error.
        var v: Double
        /// Predictive variance σ² + tr Σ.
        var s2: Double

        /// Evaluates g, h and the two equivalents in forms free of cancellation: g = 2/(root + b)
        /// when b ≥ 0 (root − b would cancel at large λ), h = g(1 + γg)/root from differentiating
        /// γλg² + bg − 1 = 0, and g − λh = g(root − c)/(2 root) with c = λ + γ − 1 and
        /// root − c = 4λ/(root + c) when c ≥ 0. The textbook differences lost every digit at
        /// λ ≳ 1e8 (huge noise or tiny prior) and turned v negative at λ ≲ 1e-16.
        init(d: Double, n: Double, noise: Double, prior: Double) {
            let gamma = d / n
            let lambda = noise * noise * d / (prior * n)
            let b = 1 - gamma + lambda
            let root = (b * b + 4 * gamma * lambda).squareRoot()
            let g = b >= 0 ? 2 / (root + b) : (root - b) / (2 * gamma * lambda)
            let h = g * (1 + gamma * g) / root
            let c = lambda + gamma - 1
            let gap = c >= 0 ? 4 * lambda / (root + c) : root - c
            let varianceScale = noise * noise * gamma
            v = lambda * lambda * h + varianceScale * g * gap / (2 * root)
            s2 = noise * noise + varianceScale * g
        }

        /// C in error ≈ C/k² (infinite when 2v ≥ s²: the law then fails).
        var bestOfKCoefficient: Double {
            2 * v < s2 ? Double.pi * s2 / (1 - 2 * v / s2).squareRoot() : .infinity
        }
    }

    /// Exact best-of-k error for a ~ N(0, v) and samples N(m, s²), by quadrature.
    ///
    /// p(r), the chance that one sample lands within r of the target at offset a, is
    /// written with upper tails, p = ½[erfc((|a| − r)/(s√2)) − erfc((|a| + r)/(s√2))], and
    /// (1 − p)^k as exp(k·log1p(−p)): both keep full relative precision when the offset is
    /// many s away (the outer Gauss–Hermite nodes), where the difference of two CDFs near 1
    /// would leave rounding noise that k = 10⁴ amplifies past any quadrature tolerance.
    ///
    /// The integral runs in units of s (u = r/s, offset a/s) and is scaled by s² at the end, so
    /// the quadrature's absolute tolerances are relative to the answer whatever σ and the prior:
    /// in units of the data they had made s = 100 never converge and s = 1e-8 meaningless.
    static func bestOfKError(k: Int, v: Double, s2: Double) throws -> Double {
        let offsetScale = (v / s2).squareRoot()
        let rule = try Quadrature.gaussHermiteNormal(48)
        let root2 = 2.0.squareRoot()
        var total = 0.0
        for (z, weight) in rule {
            let a = abs(offsetScale * z)
            let integrand = { (u: Double) -> Double in
                let p = 0.5 * (erfc((a - u) / root2) - erfc((a + u) / root2))
                return 2 * u * exp(Double(k) * log1p(-min(1, max(0, p))))
            }
            // The mass sits below a + 10; split so the small scale 1/k near 0 is resolved.
            let upper = a + 10
            let knee = min(upper, 20 / Double(k) + a / Double(k))
            // The answer runs from ~1/k² (a ≈ 0, k = 10⁶) to ~a² (v ≫ s²): tolerances fixed in
            // absolute terms were either loose (k = 10⁶ came out 48% high) or below the rounding
            // noise (far offsets never converged). A 64-panel Simpson sets the scale instead, and
            // the tolerance, 1e-9 of it, stays above the integrand's own rounding noise, which
            // k·ε amplifies to 1e-10 at k = 10⁶.
            let scale = compositeSimpson(0, knee, integrand) + compositeSimpson(knee, upper, integrand)
            total += weight * (Quadrature.simpson(0, knee, tolerance: 1e-9 * scale, integrand)
                + Quadrature.simpson(knee, upper, tolerance: 1e-9 * scale, integrand))
        }
        return s2 * total
    }

    /// Composite Simpson's rule on 64 panels: a cheap estimate of the integral's size.
    private static func compositeSimpson(_ a: Double, _ b: Double, _ f: (Double) -> Double) -> Double {
        let panels = 64
        let h = (b - a) / Double(panels)
        var sum = f(a) + f(b)
        for i in 1..<panels { sum += Double(i % 2 == 1 ? 4 : 2) * f(a + Double(i) * h) }
        return sum * h / 3
    }
}

extension JudgeModel.Setup {
    /// The deterministic-equivalent posterior of this setup (v, s²), shared by `theory` and `limit`.
    var posterior: JudgeModel.PosteriorEquivalent {
        JudgeModel.PosteriorEquivalent(d: Double(d), n: Double(n), noise: noise, prior: prior)
    }
}
