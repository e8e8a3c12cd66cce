import ComplexModule
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NumericCore

/// The renormalised ridge of a sample covariance built from random projections and
/// samples: κ̃(z), the root of
///
///     κ̃ (1 − df1(κ̃)/N) (1 − df1(κ̃)/P) = z,   df1(κ̃) = Σ_k λ_k/(λ_k + κ̃),
///
/// continued analytically off the positive real axis. With N = inf it is the
/// data-level κ of Ĝ = XᵀX/P (rows of X from N(0, Λ)); with P = inf the width-level κ
/// of Λ^{1/2}(AᵀA/N)Λ^{1/2}; with both finite the two-level κ̃ of linear random features,
/// whose data-level ridge is κ = κ̃(1 − df1(κ̃)/N). It gives the first-order
/// deterministic equivalents z (Ĝ + z)⁻¹ ≍ κ (Λ + κ)⁻¹ (Atanasov, Zavatone-Veth &
/// Pehlevan 2024, arXiv 2405.00592, the "S-transform" renormalisation and its chain
/// rule for linear random features; Bach 2023 for random projections).
///
/// The contour nodes are solved in order: the real node by Brent's method above the
/// last zero of the product (so the root is the physical one), each next node by
/// Newton's method started from a first-order step along the contour, so the
/// continuation stays on the physical branch. Converges to 1e-13 relative.
enum FlowRenormalization {
    /// Failure to converge (never seen on power-law spectra; reported, never hidden).
    struct Failure: Error {}

    /// κ̃ at each node of `nodes` (the first must be real and positive) for `width` N
    /// projections and `samples` P draws (both inf give κ̃ = z).
    static func kappas(at nodes: [Complex<Double>], width: Double, samples: Double,
                       spectrum: FlowSpectrum) throws(Failure) -> [(kappa: Complex<Double>, moments: FlowMoments)] {
        var out: [(kappa: Complex<Double>, moments: FlowMoments)] = []
        out.reserveCapacity(nodes.count)
        if width.isInfinite && samples.isInfinite {
            for z in nodes { out.append((z, spectrum.moments(z))) }
            return out
        }
        let z0 = nodes[0].real
        let total = spectrum.lambda.reduce(0, +)
        let floor = try kappaAtZero(draws: min(width, samples), spectrum: spectrum)
        let equation = { (kappa: Double) -> Double in
            let df1 = spectrum.df1(kappa)
            return kappa * (1 - df1 / width) * (1 - df1 / samples) - z0
        }
        let k0: Double
        if equation(floor) >= 0 {
            // z₀ is below the rounding of the product at the floor (very late times with a
            // narrow bottleneck): the root is the floor to double precision.
            k0 = floor
        } else {
            do {
                k0 = try RootFinding.brentExpanding(lower: floor, guess: floor + 2 * z0 + total / min(width, samples),
                                                    equation)
            } catch { throw Failure() }
        }
        var kappa = Complex(k0)
        var moments = spectrum.moments(kappa)
        out.append((kappa, moments))
        for index in 1..<nodes.count {
            let z = nodes[index]
            // First-order predictor: dκ̃/dz = 1/h'(κ̃).
            let slope = derivative(kappa, moments, width, samples)
            kappa = kappa + (z - nodes[index - 1]) / slope
            var converged = false
            for _ in 0..<80 {
                moments = spectrum.moments(kappa)
                let residual = kappa * (Complex<Double>.one - (1 / width) * moments.df1)
                    * (Complex<Double>.one - (1 / samples) * moments.df1) - z
                let scale = z.length + kappa.length
                if residual.length <= 1e-14 * scale { converged = true; break }
                var step = residual / derivative(kappa, moments, width, samples)
                // Damp steps that would cross onto the cut (Re κ ≤ −λ_min side).
                while step.length > 0.5 * kappa.length && step.length > 1e-300 { step = 0.5 * step }
                kappa = kappa - step
            }
            guard converged else { throw Failure() }
            out.append((kappa, moments))
        }
        return out
    }

    /// κ(0): the root of df1(κ₀) = n when n < dim (under-sampled: G has a null space),
    /// else 0.
    static func kappaAtZero(draws n: Double, spectrum: FlowSpectrum) throws(Failure) -> Double {
        if n.isInfinite || n >= Double(spectrum.count) { return 0 }
        let total = spectrum.lambda.reduce(0, +)
        do {
            return try RootFinding.brentExpanding(lower: 0, guess: total / n) { spectrum.df1($0) - n }
        } catch { throw Failure() }
    }

    /// s_max, the top of the deterministic-equivalent spectrum of the Hessian (FᵀF/P, or
    /// AΛAᵀ/N at P = inf, or Λ): on the real axis left of the spectrum of −Λ the
    /// equation z = κ̃(1 − df1/N)(1 − df1/P) has its maximum at z = −s_max (where the real
    /// branch of κ̃(z) ends). Found by a scan over κ̃ = −λ₁ − d, d on a log grid, and
    /// golden-section refinement; λ₁ when N = P = inf.
    static func spectrumEdge(width: Double, samples: Double, spectrum: FlowSpectrum) throws(Failure) -> Double {
        let top = spectrum.lambda.max() ?? 0
        if width.isInfinite && samples.isInfinite { return top }
        let total = spectrum.lambda.reduce(0, +)
        func z(_ logGap: Double) -> Double {
            let kappa = -top - exp(logGap)
            let df1 = spectrum.df1(kappa)
            return kappa * (1 - df1 / width) * (1 - df1 / samples)
        }
        let lower = log(1e-12 * top), upper = log(1e3 * (top + total))
        let peak = ScalarMinimum.scanThenGolden(lower: lower, upper: upper, scan: 200,
                                                tolerance: 1e-10 * max(1, abs(lower), abs(upper))) { -z($0) }
        let edge = -z(peak)
        guard edge.isFinite && edge > 0 else { throw Failure() }
        return edge
    }

    /// h'(κ̃) for h(κ̃) = κ̃(1 − df1/N)(1 − df1/P) − z, with d df1/dκ̃ = −Σλ/(λ+κ̃)².
    private static func derivative(_ kappa: Complex<Double>, _ m: FlowMoments,
                                   _ width: Double, _ samples: Double) -> Complex<Double> {
        let fromWidth = Complex<Double>.one - (1 / width) * m.df1
        let fromSamples = Complex<Double>.one - (1 / samples) * m.df1
        return fromWidth * fromSamples
            + kappa * m.dfPrime * ((1 / width) * fromSamples + (1 / samples) * fromWidth)
    }
}
