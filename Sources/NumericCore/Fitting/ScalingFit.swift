/// A scaling law fitted to training runs, with percentile-bootstrap intervals.
///
/// Point estimate (Hoffmann et al. 2022, arXiv 2203.15556, Appendix D.2): the
/// `ScalingObjective` is evaluated at every point of `ScalingLaw.initialGrid`; L-BFGS
/// runs from the `screenedStarts` best of them (ties broken by grid order) and the lowest
/// minimum wins. Intervals: each of `bootstrap` resamples of the runs (drawn with
/// replacement from stream b of the seed, so the same seed gives the same intervals on
/// any number of threads) is refitted by L-BFGS from the point estimate; the 95% interval
/// of a coefficient is the 2.5th–97.5th percentile of its resampled values (linear
/// interpolation between order statistics, numpy's default).
public struct ScalingFit: Sendable {
    /// The law fitted.
    public var law: ScalingLaw
    /// The input columns (N, D or x) and the loss column, as named by the user.
    public var inputNames: [String], outputName: String
    /// The objective's per-run loss.
    public var loss: ScalingObjective.Loss
    /// The fitted coefficients, in the order of `law.parameterNames`.
    public var estimate: [Double]
    /// The objective at the estimate.
    public var objectiveValue: Double
    /// The runs the estimate was fitted on.
    public var count: Int
    /// The bootstrap estimates (one coefficient vector per resample); empty without a bootstrap.
    public var samples: [[Double]]
    /// The seed of the resamples.
    public var seed: UInt64
    /// The hold-out check, if one was asked for.
    public var holdout: Holdout?

    /// How well a fit on the smaller-compute runs predicts the largest-compute ones.
    public struct Holdout: Sendable, Equatable {
        /// The runs held out (the largest compute: 6·N·D, or x).
        public var count: Int
        /// Mean of |L̂ − L| / L over the held-out runs.
        public var meanRelativeError: Double
        /// Largest |L̂ − L| / L over the held-out runs.
        public var maxRelativeError: Double
        /// The smallest compute held out (6·N·D, or x).
        public var threshold: Double
    }

    /// L-BFGS starts taken from the best grid points.
    public static let screenedStarts = 24
    /// The interval's coverage.
    public static let confidence = 0.95

    /// The coefficient called `name` (`E`, `A`, `B`, `alpha`, `beta`).
    public func coefficient(_ name: String) -> Double? {
        law.parameterNames.firstIndex(of: name).map { estimate[$0] }
    }

    /// The 95% percentile interval of coefficient `index`, or `nil` without a bootstrap.
    public func interval(_ index: Int) -> (low: Double, high: Double)? {
        Self.percentileInterval(samples.map { $0[index] })
    }

    /// The law at `inputs` with the fitted coefficients.
    public func predict(_ inputs: [Double]) -> Double { law.evaluate(estimate, at: inputs) }

    /// The 2.5th and 97.5th percentiles of `values` (numpy's linear method), or `nil` if empty.
    public static func percentileInterval(_ values: [Double]) -> (low: Double, high: Double)? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        func quantile(_ p: Double) -> Double {
            let h = Double(sorted.count - 1) * p
            let i = Int(h.rounded(.down)), j = min(i + 1, sorted.count - 1)
            return sorted[i] + (h - Double(i)) * (sorted[j] - sorted[i])
        }
        let tail = (1 - confidence) / 2
        return (quantile(tail), quantile(1 - tail))
    }
}
