#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The scaling laws fitted to a researcher's training runs (Hoffmann et al. 2022,
/// "Training Compute-Optimal Large Language Models", arXiv 2203.15556):
///
/// - `chinchilla`: L(N, D) = E + A / N^α + B / D^β (their eq. 2), N parameters, D tokens.
/// - `offsetPowerlaw`: L(x) = E + A / x^α, the same law in one variable.
///
/// Both are fitted in log space as in their Appendix D.2: with E = eᵉ, A = eᵃ, B = eᵇ,
/// log L̂ = LSE(a − α log N, b − β log D, e), so the unknowns `θ` are
/// `[e, a, b, α, β]` (chinchilla) or `[e, a, α]` (offset power law).
public enum ScalingLaw: String, Sendable, CaseIterable {
    case chinchilla
    case offsetPowerlaw = "offset_powerlaw"

    /// How many input columns the law reads (N and D, or x).
    public var inputCount: Int { self == .chinchilla ? 2 : 1 }

    /// The coefficients' names in the order of `ScalingFit.estimate`.
    public var parameterNames: [String] {
        self == .chinchilla ? ["E", "A", "B", "alpha", "beta"] : ["E", "A", "alpha"]
    }

    /// The law in words, for displays.
    public var formula: String {
        self == .chinchilla ? "L = E + A/N^alpha + B/D^beta" : "L = E + A/x^alpha"
    }

    /// The natural coefficients (E, A, [B,] α, [β]) of the log-space unknowns θ.
    public func coefficients(_ theta: [Double]) -> [Double] {
        self == .chinchilla
            ? [exp(theta[0]), exp(theta[1]), exp(theta[2]), theta[3], theta[4]]
            : [exp(theta[0]), exp(theta[1]), theta[2]]
    }

    /// The log-space unknowns θ of natural coefficients (the inverse of `coefficients`).
    public func theta(_ coefficients: [Double]) -> [Double] {
        self == .chinchilla
            ? [log(coefficients[0]), log(coefficients[1]), log(coefficients[2]), coefficients[3], coefficients[4]]
            : [log(coefficients[0]), log(coefficients[1]), coefficients[2]]
    }

    /// The law's value at inputs `x` (N, D or x) for natural `coefficients`.
    public func evaluate(_ coefficients: [Double], at x: [Double]) -> Double {
        self == .chinchilla
            ? coefficients[0] + coefficients[1] * pow(x[0], -coefficients[3]) + coefficients[2] * pow(x[1], -coefficients[4])
            : coefficients[0] + coefficients[1] * pow(x[0], -coefficients[2])
    }

    /// The grid of initial θ that Hoffmann et al. (Appendix D.2) start L-BFGS from:
    /// α, β ∈ {0, 0.5, …, 2}, e ∈ {−1, −0.5, …, 1}, a, b ∈ {0, 5, …, 25}
    /// (4500 points for chinchilla, 150 for the offset power law).
    public var initialGrid: [[Double]] {
        let exponents = stride(from: 0.0, through: 2.0, by: 0.5).map { $0 }
        let offsets = stride(from: -1.0, through: 1.0, by: 0.5).map { $0 }
        let scales = stride(from: 0.0, through: 25.0, by: 5.0).map { $0 }
        var grid: [[Double]] = []
        switch self {
        case .chinchilla:
            for e in offsets { for a in scales { for b in scales { for alpha in exponents { for beta in exponents {
                grid.append([e, a, b, alpha, beta])
            } } } } }
        case .offsetPowerlaw:
            for e in offsets { for a in scales { for alpha in exponents { grid.append([e, a, alpha]) } } }
        }
        return grid
    }
}
