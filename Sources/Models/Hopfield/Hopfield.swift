import NumericCore

/// Long-sequence dense associative memory: Chaudhry, Zavatone-Veth, Krotov & Pehlevan 2023,
/// "Long Sequence Hopfield Memory" (arXiv 2306.04532).
///
/// N binary neurons store a sequence of P random patterns ξ¹…ξᴾ (±1, cyclic) with the
/// asymmetric rule S_i ← sgn Σ_μ ξ_i^{μ+1} f(ξ^μ·S/N), with f(x) = x^d (`separation="poly"`)
/// or f(x) = e^{N(x−1)} (`"exp"`). Starting exactly at ξ^μ, the field on bit i is
/// f(1) + noise; for the polynomial the crosstalk noise has variance σ² = (P−1)(2d−1)!!/N^d.
public enum Hopfield {
    /// The `hopfield(...)` family for the catalog.
    public static let family = ModelFamily(
        name: "hopfield",
        summary: "Sequence memory in a dense associative network: capacity by signal-to-noise (Chaudhry et al. 2023)",
        doc: """
        N ±1 neurons store a cyclic sequence of P random patterns with S_i ← sgn Σ_μ ξ_i^{μ+1} f(ξ^μ·S/N),
        f(x) = x^degree (separation="poly") or e^{N(x−1)} (separation="exp").
        The sequence length P is an argument of the operations. theory(m, P=...) gives the per-bit error p = ½ erfc(1/√(2σ²)), the probability that one
        transition is recalled exactly, (1−p)^N, and that the whole sequence is, (1−p)^{NP}
        (columns P, bit_error, transition, sequence).
        simulate(m, P=..., trials=, seed=) measures the same probabilities (with _se).
        capacity(m, trials=, seed=) gives P₅₀ (recall probability ½) per transition and for the
        whole sequence: the finite-N erfc prediction, the asymptotic formula and the simulated
        value by bisection, with its standard error (transition_sim_se, sequence_sim_se: the recall's
        standard error at P₅₀ over the recall curve's measured slope there).
        """,
        reference: "Chaudhry, Zavatone-Veth, Krotov & Pehlevan 2023 (arXiv 2306.04532), signal-to-noise capacity "
            + "of the polynomial and exponential DenseNets",
        model: Configuration.self,
        operations: [theoryOperation, simulateOperation, capacityOperation])

    /// The parameters of one `hopfield(...)` instance, declared once.
    struct Configuration: ParameterGroup {
        @Option("number of neurons", range: NumericRange(lower: 2, upper: 4096))
        var N = 100
        @Option("degree d of the polynomial separation function", range: NumericRange(lower: 1, upper: 10))
        var degree = 2
        @Option("separation function: x^d or e^{N(x−1)}", choices: ["poly", "exp"])
        var separation = "poly"

        /// N, the number of neurons.
        var neurons: Int {
            get { N }
            set { N = newValue }
        }
        /// Whether the separation function is e^{N(x−1)}.
        var exponential: Bool { separation == "exp" }

        /// The separation function f applied to an overlap x = ξ·S/N ∈ [−1, 1].
        @inline(__always) func separation(_ x: Double) -> Double {
            exponential ? exp(Double(neurons) * (x - 1)) : pow(x, Double(degree))
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
