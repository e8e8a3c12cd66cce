import NumericCore

// Signal-to-noise theory of sequence recall (Chaudhry, Zavatone-Veth, Krotov & Pehlevan 2023,
// arXiv 2306.04532). Started at ξ^μ, bit i's field times ξ_i^{μ+1} is f(1) = 1 plus crosstalk
// Σ_{ν≠μ} ξ_i^{ν+1} ξ_i^{μ+1} f(m^ν), m^ν = ξ^ν·ξ^μ/N, a sum of P − 1 zero-mean terms of variance
// E[f(m)²]. Gaussian crosstalk gives the bit error p = ½ erfc(1/√(2σ²)), σ² = (P − 1) E[f(m)²],
// a transition is exact with probability (1 − p)^N and the whole sequence with (1 − p)^{NP}.
// E[f(m)²] is exact at finite N: m = 1 − 2k/N with k ~ Binomial(N, ½), so for f(x) = x^d it is the
// binomial average of m^{2d} (→ (2d−1)!!/N^d), and for f(x) = e^{N(x−1)} it is ((1 + e^{−4})/2)^N.
// Asymptotic capacities (large N, poly): P ≈ N^d / (2 (2d−1)!! ln N) per transition and
// N^d / (2 (d+1) (2d−1)!! ln N) for the whole sequence; for exp, P ≈ 1/(2 ln N · E[f²]) and
// 1/(2 ln(N P) · E[f²]) (solved by iteration).

extension Hopfield {
    /// E[f(m)²] for the overlap m of two independent random patterns, exact at finite N.
    static func crosstalkMoment(_ c: Configuration) -> Double {
        let n = Double(c.neurons)
        if c.exponential { return pow((1 + exp(-4.0)) / 2, n) }
        var sum = 0.0
        for k in 0...c.neurons {
            let logWeight = lgamma(n + 1) - lgamma(Double(k) + 1) - lgamma(n - Double(k) + 1) - n * log(2.0)
            let m = 1 - 2 * Double(k) / n
            sum += exp(logWeight) * pow(m, Double(2 * c.degree))
        }
        return sum
    }

    /// (2d − 1)!!.
    static func doubleFactorial(_ d: Int) -> Double { (1...max(d, 1)).reduce(1.0) { $0 * Double(2 * $1 - 1) } }

    /// The per-bit error ½ erfc(1/√(2σ²)) for a sequence of `patterns` (real-valued for root finding).
    static func bitError(_ c: Configuration, patterns: Double, moment: Double) -> Double {
        let variance = max(patterns - 1, 0) * moment
        guard variance > 0 else { return 0 }
        return 0.5 * erfc(1 / (2 * variance).squareRoot())
    }

    /// The per-transition and whole-sequence recall probabilities at `patterns`.
    static func recall(_ c: Configuration, patterns: Double, moment: Double) -> (bit: Double, transition: Double, sequence: Double) {
        let p = bitError(c, patterns: patterns, moment: moment)
        let logOne = log1p(-p) * Double(c.neurons)
        return (p, exp(logOne), exp(logOne * patterns))
    }

    /// P₅₀ from the finite-N erfc form: the P where the recall probability is ½.
    /// - Throws: `ModelError.domain` naming N when P₅₀ is beyond the largest double: with the
    ///   exponential separation it grows as ((1+e⁻⁴)/2)^-N, which overflows above N ≈ 1050 (the
    ///   root search then ran into inf and failed with an unreadable bracketing error).
    static func predictedCapacity(_ c: Configuration, sequence: Bool) throws -> Double {
        let moment = crosstalkMoment(c)
        let guess = capacityGuess(c)
        guard (16 * guess).isFinite else {
            var largest = c
            while !(16 * capacityGuess(largest)).isFinite { largest.neurons -= 1 }
            throw ModelError.domain(parameter: "N", value: String(c.neurons),
                                    allowed: "N ≤ \(largest.neurons) for capacity with separation = \"exp\" (P₅₀ ~ ((1+e⁻⁴)/2)^-N overflows a double beyond)")
        }
        return try RootFinding.brentExpanding(lower: 1.0, guess: guess) { p in
            let r = recall(c, patterns: p, moment: moment)
            return (sequence ? r.sequence : r.transition) - 0.5
        }
    }

    /// The starting point of the P₅₀ search, 1/(2 ln N · E[crosstalk²]).
    static func capacityGuess(_ c: Configuration) -> Double {
        2 / (crosstalkMoment(c) * 2 * log(Double(c.neurons)))
    }

    /// The large-N formulas for P₅₀ (per transition, whole sequence).
    static func asymptoticCapacity(_ c: Configuration) -> (transition: Double, sequence: Double) {
        let n = Double(c.neurons), lnN = log(n)
        if c.exponential {
            let moment = crosstalkMoment(c)
            let transition = 1 / (2 * lnN * moment)
            var sequence = transition
            // ln N + ln P, not ln(N·P), which overflowed to inf (sequence = 0) near N = 1050.
            for _ in 0..<50 { sequence = 1 / (2 * (lnN + log(sequence)) * moment) }
            return (transition, sequence)
        }
        let base = pow(n, Double(c.degree)) / (2 * doubleFactorial(c.degree) * lnN)
        return (base, base / Double(c.degree + 1))
    }

    // MARK: - Operations

    /// The sequence lengths of `theory`.
    struct Lengths: ParameterGroup {
        @Option("sequence lengths", range: NumericRange(lower: 2), sweepable: false)
        var P: [Double] = [25, 50, 100, 200, 400, 800]
    }

    static let theoryOperation = ModelOperation.table(
        "theory", "signal-to-noise recall probabilities: per bit, per transition, whole sequence",
        model: Configuration.self, arguments: Lengths.self) { c, arguments, _ in
            let grid = arguments.P
            let moment = crosstalkMoment(c)
            let rows = grid.map { recall(c, patterns: $0, moment: moment) }
            return Table(columns: [Table.Column("P", grid), Table.Column("bit_error", rows.map(\.bit)),
                                   Table.Column("transition", rows.map(\.transition)),
                                   Table.Column("sequence", rows.map(\.sequence))],
                         caption: "theory", role: .theory)
        }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
