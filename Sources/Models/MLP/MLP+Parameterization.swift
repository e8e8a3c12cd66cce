#if canImport(Glibc)
import Glibc
#endif

/// How a parameterisation scales initialisation, multipliers and per-layer learning
/// rates with width N and depth L, relative to a base model (N₀, L₀), with
/// m_N = N/N₀ and m_L = L/L₀. Follows CompleteP (Dey et al. 2025, arXiv 2505.01618,
/// Table 1) for Adam and the μP / depth-μP derivations of Bordelon, Noci, Li, Hanin &
/// Pehlevan 2023 (arXiv 2309.16620) for SGD:
///
/// | quantity                         | sp      | mup      | mup_depth (α = ½)      | completep (α = 1)   |
/// |----------------------------------|---------|----------|------------------------|---------------------|
/// | hidden init variance             | 1/N     | 1/N      | 1/N                    | 1/N                 |
/// | readout init variance            | 1/N     | 1/N₀     | 1/N₀                   | 1/N₀                |
/// | readout multiplier               | 1       | 1/m_N    | 1/m_N                  | 1/m_N               |
/// | residual branch multiplier       | 1       | 1        | m_L^-½                 | m_L^-1              |
/// | hidden Adam LR                   | η       | η/m_N    | η/m_N · m_L^(α−1)      | η/m_N · m_L^(α−1)   |
/// | hidden SGD LR                    | η       | η        | η · m_L^(2α−1)         | η · m_L^(2α−1)      |
/// | readout and embedding SGD LR     | η       | η·m_N    | η·m_N                  | η·m_N               |
/// | readout and embedding Adam LR    | η       | η        | η                      | η                   |
/// | Adam ε (hidden)                  | ε       | ε/m_N    | ε/m_N · m_L^-α         | ε/m_N · m_L^-α      |
///
/// `branch_alpha` overrides α (the branch multiplier) for the μP-family rows; the depth
/// factors of the learning rate apply to mup_depth and completep only. The SGD rates keep each
/// block's feature update O(1/L) and the readout's O(1) (derivation in the doc text).
struct MLPScaling: Equatable {
    var hiddenInitVariance: Double
    var readoutInitVariance: Double
    var readoutMultiplier: Double
    var branchMultiplier: Double
    var hiddenLearningRate: Double
    var outerLearningRate: Double
    var hiddenEpsilon: Double
    var outerEpsilon: Double

    /// The scaling for a parameterisation at width N and depth L.
    init(param: String, width: Int, depth: Int, baseWidth: Int, baseDepth: Int, branchAlpha: Double?,
         optimizer: String, lr: Double, epsilon: Double) {
        let n = Double(width)
        let mN = n / Double(baseWidth), mL = Double(depth) / Double(baseDepth)
        let defaultAlpha: Double = ["mup_depth": 0.5, "completep": 1][param] ?? 0
        let alpha = param == "sp" ? 0 : (branchAlpha ?? defaultAlpha)
        hiddenInitVariance = 1 / n
        if param == "sp" {
            readoutInitVariance = 1 / n
            readoutMultiplier = 1
            branchMultiplier = 1
            hiddenLearningRate = lr
            outerLearningRate = lr
            hiddenEpsilon = epsilon
            outerEpsilon = epsilon
            return
        }
        readoutInitVariance = 1 / Double(baseWidth)
        readoutMultiplier = 1 / mN
        branchMultiplier = pow(mL, -alpha)
        // μP alone corrects width only; the depth factors belong to the depth-aware rows.
        let depthScaled = param != "mup"
        if optimizer == "adam" {
            hiddenLearningRate = lr / mN * (depthScaled ? pow(mL, alpha - 1) : 1)
            outerLearningRate = lr
        } else {
            hiddenLearningRate = lr * (depthScaled ? pow(mL, 2 * alpha - 1) : 1)
            outerLearningRate = lr * mN
        }
        hiddenEpsilon = epsilon / mN * pow(mL, -alpha)
        outerEpsilon = epsilon
    }
}
