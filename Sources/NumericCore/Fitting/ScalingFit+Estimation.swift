import Dispatch
import Synchronization

// MARK: - Fitting

extension ScalingFit {
    /// What to fit and how.
    public struct Request: Sendable {
        /// The law.
        public var law: ScalingLaw
        /// Input columns (`inputs[k][i]`: input k of run i), each with its name.
        public var inputs: [[Double]], inputNames: [String]
        /// The loss of each run, and its column name.
        public var losses: [Double], outputName: String
        /// The objective's per-run loss.
        public var loss: ScalingObjective.Loss = .huber(delta: 1e-3)
        /// Resamples for the intervals (0: none).
        public var bootstrap = 0
        /// The seed of the resamples.
        public var seed: UInt64 = 0
        /// How many of the largest-compute runs to hold out (0: none).
        public var holdout = 0

        /// A request with the default objective, no bootstrap and no hold-out.
        public init(law: ScalingLaw, inputs: [[Double]], inputNames: [String], losses: [Double], outputName: String) {
            self.law = law
            self.inputs = inputs
            self.inputNames = inputNames
            self.losses = losses
            self.outputName = outputName
        }
    }

    /// The fewest runs a fit takes: one more than the law's unknowns.
    public static func minimumRuns(_ law: ScalingLaw) -> Int { law.parameterNames.count + 1 }

    /// Fits `request.law` to the runs.
    /// - Parameters:
    ///   - request: the runs and the options.
    ///   - monitor: polled between resamples; receives bootstrap progress.
    /// - Returns: the fit with its resamples and hold-out check.
    /// - Throws: `FitError` naming the first unusable run or a degenerate data set;
    ///   `WorkCancelled` if the monitor is cancelled during the bootstrap.
    public static func fit(_ request: Request, monitor: WorkMonitor = .none) throws -> ScalingFit {
        let law = request.law
        try validate(request)
        var inputs = request.inputs, losses = request.losses
        var held: [Int] = []
        if request.holdout > 0 {
            let compute = (0..<losses.count).map { i in law == .chinchilla ? 6 * inputs[0][i] * inputs[1][i] : inputs[0][i] }
            let order = compute.indices.sorted { compute[$0] != compute[$1] ? compute[$0] < compute[$1] : $0 < $1 }
            let kept = Array(order.dropLast(request.holdout))
            held = Array(order.suffix(request.holdout))
            inputs = inputs.map { column in kept.map { column[$0] } }
            losses = kept.map { losses[$0] }
        }
        let objective = ScalingObjective(law: law, loss: request.loss, inputs: inputs, losses: losses)
        let best = pointEstimate(objective)
        let estimate = law.coefficients(best.x)
        var fit = ScalingFit(law: law, inputNames: request.inputNames, outputName: request.outputName, loss: request.loss,
                             estimate: estimate, objectiveValue: best.value, count: losses.count, samples: [],
                             seed: request.seed, holdout: nil)
        if !held.isEmpty {
            let errors = held.map { i in
                abs(law.evaluate(estimate, at: request.inputs.map { $0[i] }) - request.losses[i]) / request.losses[i]
            }
            let threshold = law == .chinchilla ? 6 * request.inputs[0][held[0]] * request.inputs[1][held[0]] : request.inputs[0][held[0]]
            fit.holdout = Holdout(count: held.count, meanRelativeError: errors.reduce(0, +) / Double(errors.count),
                                  maxRelativeError: errors.max()!, threshold: threshold)
        }
        if request.bootstrap > 0 {
            fit.samples = try resample(objective, from: best.x, count: request.bootstrap, seed: request.seed, monitor: monitor)
        }
        return fit
    }

    /// The best L-BFGS minimum from the `screenedStarts` best points of the grid.
    static func pointEstimate(_ objective: ScalingObjective, weights: [Double] = []) -> LBFGS.Result {
        let grid = objective.law.initialGrid
        var gradient = [Double](repeating: 0, count: grid[0].count)
        let values = grid.map { objective.value($0, gradient: &gradient, weights: weights) }
        let order = grid.indices.filter { values[$0].isFinite }
            .sorted { values[$0] != values[$1] ? values[$0] < values[$1] : $0 < $1 }
        var best: LBFGS.Result?
        for start in order.prefix(screenedStarts) {
            let result = minimize(objective, from: grid[start], weights: weights)
            if result.value.isFinite, result.value < best?.value ?? .infinity { best = result }
        }
        return best ?? LBFGS.Result(x: grid[0], value: .infinity, iterations: 0, stop: .lineSearch)
    }

    /// One L-BFGS run on the objective.
    static func minimize(_ objective: ScalingObjective, from start: [Double], weights: [Double]) -> LBFGS.Result {
        LBFGS.minimize(from: start) { theta, gradient in objective.value(theta, gradient: &gradient, weights: weights) }
    }

    /// `count` bootstrap refits, on all cores; resample b draws from stream b of `seed`.
    static func resample(_ objective: ScalingObjective, from start: [Double], count: Int, seed: UInt64,
                         monitor: WorkMonitor) throws -> [[Double]] {
        let n = objective.count
        let law = objective.law
        let results = Mutex([[Double]](repeating: [], count: count))
        let done = Atomic<Int>(0)
        let label = "bootstrap \(law.rawValue) fit"
        monitor.report(done: 0, total: count, label: label)
        DispatchQueue.concurrentPerform(iterations: count) { b in
            if monitor.isCancelled { return }
            var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(b))
            var weights = [Double](repeating: 0, count: n)
            for _ in 0..<n { weights[min(n - 1, Int(rng.uniform() * Double(n)))] += 1 }
            let result = minimize(objective, from: start, weights: weights)
            let coefficients = law.coefficients(result.x)
            results.withLock { $0[b] = coefficients }
            let finished = done.add(1, ordering: .relaxed).newValue
            if finished % 10 == 0 || finished == count { monitor.report(done: finished, total: count, label: label) }
        }
        try monitor.checkCancelled()
        return results.withLock { $0 }
    }

    /// Checks the runs: lengths, positivity, enough runs and spread.
    static func validate(_ request: Request) throws(FitError) {
        let law = request.law
        guard request.inputs.count == law.inputCount, request.inputNames.count == law.inputCount else {
            throw FitError("the \(law.rawValue) law takes \(law.inputCount) input column\(law.inputCount == 1 ? "" : "s"), got \(request.inputs.count)")
        }
        let n = request.losses.count
        for (k, column) in request.inputs.enumerated() {
            guard column.count == n else { throw FitError("column '\(request.inputNames[k])' has \(column.count) values but '\(request.outputName)' has \(n)") }
            if let i = column.indices.first(where: { !(column[$0] > 0) || !column[$0].isFinite }) {
                throw FitError("run \(i) has \(request.inputNames[k]) = \(column[i]); a scaling law needs \(request.inputNames[k]) > 0")
            }
            guard Set(column).count >= 2 else {
                throw FitError("every run has the same \(request.inputNames[k]); its exponent cannot be fitted")
            }
        }
        if let i = request.losses.indices.first(where: { !(request.losses[$0] > 0) || !request.losses[$0].isFinite }) {
            throw FitError("run \(i) has \(request.outputName) = \(request.losses[i]); a scaling law needs \(request.outputName) > 0")
        }
        let needed = minimumRuns(law)
        guard n - request.holdout >= needed else {
            let heldOut = request.holdout > 0 ? " after holding out \(request.holdout)" : ""
            throw FitError("the \(law.rawValue) law has \(law.parameterNames.count) unknowns and needs at least \(needed) runs, but \(n - request.holdout) remain\(heldOut)")
        }
        if case .huber(let delta) = request.loss, !(delta > 0) || !delta.isFinite {
            throw FitError("the Huber threshold delta = \(delta) must be a positive number")
        }
    }
}
