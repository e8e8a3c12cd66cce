import ComplexModule
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How training time advances in the `flow` model: gradient flow (`rate` = 0, t is
/// continuous time) or full-batch gradient descent w ← w − η∇L̂ (`rate` = η > 0, t counts
/// steps). A mode of the Hessian with eigenvalue s keeps the fraction `decay(s, t)` of its
/// initial error: e^{−st} for the flow, (1 − ηs)^t for descent.
///
/// The theory inverts transforms on a contour (`rule(time:)`): for gradient flow the
/// fixed Talbot rule in z; for descent the same rule mapped by z' = (e^z − 1)/η with
/// Jacobian e^z/η. That map sends e^{zt} to (1 − ηζ)^t at ζ = −z' (the Cauchy integral of
/// the polynomial (1 − ηζ)^t around the Hessian's spectrum), so every transform of the
/// gradient-flow theory serves descent unchanged, evaluated at the mapped nodes. It is
/// exact while the spectrum lies in [0, 1/η) (1 − ηs > 0, enforced by the theory) and the
/// contour stays inside |Im z| < π (its scale is taken at no fewer than 20 steps).
struct FlowClock: Sendable {
    /// η, or 0 for gradient flow.
    var rate: Double

    var isFlow: Bool { rate == 0 }

    /// The error fraction a mode of eigenvalue s keeps after time t.
    func decay(_ s: Double, _ t: Double) -> Double {
        isFlow ? exp(-s * t) : pow(1 - rate * s, t)
    }

    /// 1 − decay(s, t), without cancellation for small s·t.
    func learned(_ s: Double, _ t: Double) -> Double {
        if isFlow { return -expm1(-s * t) }
        let factor = 1 - rate * s
        return factor > 0 ? -expm1(t * log1p(-rate * s)) : 1 - pow(factor, t)
    }

    /// (1 − decay(x, t))/x, the filter applied to the least-squares solution; its x → 0
    /// limit is t (flow) or ηt (descent).
    func filter(_ x: Double, _ t: Double) -> Double {
        let scale = isFlow ? t : rate * t
        return abs(x) * scale < 1e-12 ? scale : learned(x, t) / x
    }

    /// The contour rule that inverts a gradient-flow transform at time (or step count) t.
    func rule(time t: Double) -> TalbotRule {
        if isFlow { return TalbotRule(time: t) }
        let base = TalbotRule(time: t, contourTime: max(t, 20))
        var rule = base
        for k in base.nodes.indices {
            let e = Complex.exp(base.nodes[k])
            rule.nodes[k] = (1 / rate) * (e - Complex<Double>.one)
            rule.weights[k] = base.weights[k] * ((1 / rate) * e)
        }
        return rule
    }
}
