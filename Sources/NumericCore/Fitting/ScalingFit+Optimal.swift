#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Compute-optimal allocation

extension ScalingFit {
    /// The compute-optimal model size, data size and loss at a budget.
    public struct Allocation: Sendable, Equatable {
        /// Parameters N.
        public var parameters: Double
        /// Tokens D.
        public var tokens: Double
        /// The loss L(N, D) there.
        public var loss: Double
    }

    /// The (N, D) minimising L = E + A/N^α + B/D^β under the budget C = 6·N·D, for the
    /// chinchilla coefficients `c` = [E, A, B, α, β] (Hoffmann et al. 2022, eq. 4):
    /// N_opt = G (C/6)^{β/(α+β)}, D_opt = (C/6) / N_opt, G = (αA / (βB))^{1/(α+β)}.
    /// Computed in logs, so budgets up to 1e300 do not overflow.
    public static func optimalAllocation(_ c: [Double], compute: Double) -> Allocation {
        let (a, b, alpha, beta) = (c[1], c[2], c[3], c[4])
        let logBudget = log(compute / 6)
        let logG = (log(alpha * a) - log(beta * b)) / (alpha + beta)
        let logN = logG + beta / (alpha + beta) * logBudget
        let logD = logBudget - logN
        let n = exp(logN), d = exp(logD)
        return Allocation(parameters: n, tokens: d, loss: c[0] + a * exp(-alpha * logN) + b * exp(-beta * logD))
    }

    /// The allocation at `compute` with the fitted coefficients and, with a bootstrap,
    /// the 95% percentile interval of each of N, D and loss over the resamples.
    public func optimal(compute: Double) -> (estimate: Allocation, low: Allocation?, high: Allocation?) {
        let estimate = Self.optimalAllocation(self.estimate, compute: compute)
        let each = samples.map { Self.optimalAllocation($0, compute: compute) }
        guard let n = Self.percentileInterval(each.map(\.parameters)),
              let d = Self.percentileInterval(each.map(\.tokens)),
              let l = Self.percentileInterval(each.map(\.loss)) else { return (estimate, nil, nil) }
        return (estimate, Allocation(parameters: n.low, tokens: d.low, loss: l.low),
                Allocation(parameters: n.high, tokens: d.high, loss: l.high))
    }
}
