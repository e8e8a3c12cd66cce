/// Unconstrained minimisation of a smooth function of a few variables by limited-memory
/// BFGS (Liu & Nocedal 1989; Nocedal & Wright, *Numerical Optimization*, 2nd ed.,
/// Algorithm 7.4 two-loop recursion, Algorithm 3.5/3.6 strong-Wolfe line search with
/// c₁ = 1e-4, c₂ = 0.9).
///
/// Written here because none of the packages this project may use (swift-numerics,
/// swift-algorithms, swift-collections, …) provides a quasi-Newton optimiser.
///
/// Stops when the largest gradient component is at most `gradientTolerance`, when one
/// step lowers f by at most `functionTolerance` relative to max(|f|, 1) — scipy's
/// L-BFGS-B `ftol` criterion — or after `maxIterations`. A non-finite value of f is
/// treated as "too far" by the line search, so an objective may overflow off its domain.
public enum LBFGS {
    /// When to stop and how much curvature history to keep.
    public struct Options: Sendable {
        /// Correction pairs kept (m in Nocedal & Wright).
        public var memory = 10
        /// The most iterations.
        public var maxIterations = 1000
        /// Stop when every |∂f/∂xᵢ| is at most this.
        public var gradientTolerance = 1e-10
        /// Stop when a step lowers f by at most this times max(|f|, 1).
        public var functionTolerance = 1e-15
        /// Function evaluations allowed in one line search.
        public var maxLineSearchSteps = 40
        /// The default options.
        public init() {}
    }

    /// Why the minimiser stopped.
    public enum Stop: String, Sendable {
        case gradient, function, iterations, lineSearch
    }

    /// A (local) minimum found.
    public struct Result: Sendable {
        /// The minimiser.
        public var x: [Double]
        /// f at `x`.
        public var value: Double
        /// Iterations taken.
        public var iterations: Int
        /// Why it stopped.
        public var stop: Stop
    }

    /// Minimises `f` from `start`.
    /// - Parameters:
    ///   - start: the initial point.
    ///   - options: tolerances.
    ///   - f: returns f(x) and writes ∇f(x) into its second argument (same length as x).
    /// - Returns: the best point reached.
    public static func minimize(from start: [Double], options: Options = Options(),
                                _ f: ([Double], inout [Double]) -> Double) -> Result {
        let n = start.count
        var x = start
        var g = [Double](repeating: 0, count: n)
        var fx = f(x, &g)
        guard fx.isFinite else { return Result(x: x, value: fx, iterations: 0, stop: .lineSearch) }
        var s: [[Double]] = [], y: [[Double]] = [], rho: [Double] = []
        var alphaWork = [Double](repeating: 0, count: options.memory)
        for iteration in 0..<options.maxIterations {
            var largest = 0.0
            for component in g where abs(component) > largest { largest = abs(component) }
            if largest <= options.gradientTolerance {
                return Result(x: x, value: fx, iterations: iteration, stop: .gradient)
            }
            // Two-loop recursion: d = −H g.
            var q = g
            for k in stride(from: s.count - 1, through: 0, by: -1) {
                let a = rho[k] * dot(s[k], q)
                alphaWork[k] = a
                for i in 0..<n { q[i] -= a * y[k][i] }
            }
            if let last = s.indices.last {
                let gamma = dot(s[last], y[last]) / dot(y[last], y[last])
                for i in 0..<n { q[i] *= gamma }
            }
            for k in s.indices {
                let b = rho[k] * dot(y[k], q)
                for i in 0..<n { q[i] += s[k][i] * (alphaWork[k] - b) }
            }
            var d = q
            for i in 0..<n { d[i] = -q[i] }
            var slope = dot(g, d)
            if !(slope < 0) {  // not a descent direction: restart from steepest descent
                s.removeAll(); y.removeAll(); rho.removeAll()
                for i in 0..<n { d[i] = -g[i] }
                slope = dot(g, d)
            }
            let firstStep = s.isEmpty ? min(1, 1 / max(dot(g, g).squareRoot(), 1e-300)) : 1
            guard let step = lineSearch(x: x, fx: fx, slope: slope, direction: d, initial: firstStep, options: options, f) else {
                return Result(x: x, value: fx, iterations: iteration, stop: .lineSearch)
            }
            var sk = [Double](repeating: 0, count: n), yk = sk
            for i in 0..<n { sk[i] = step.x[i] - x[i]; yk[i] = step.gradient[i] - g[i] }
            let previous = fx
            x = step.x; fx = step.value; g = step.gradient
            let sy = dot(sk, yk)
            if sy > 1e-300 {
                if s.count == options.memory { s.removeFirst(); y.removeFirst(); rho.removeFirst() }
                s.append(sk); y.append(yk); rho.append(1 / sy)
            }
            if previous - fx <= options.functionTolerance * max(abs(previous), abs(fx), 1) {
                return Result(x: x, value: fx, iterations: iteration + 1, stop: .function)
            }
        }
        return Result(x: x, value: fx, iterations: options.maxIterations, stop: .iterations)
    }

    // MARK: - Line search

    private struct Point {
        var t: Double, x: [Double], value: Double, gradient: [Double], slope: Double
    }

    /// A step length t along `direction` satisfying the strong Wolfe conditions
    /// (Nocedal & Wright Algorithm 3.5), or the best decrease found, or `nil`.
    private static func lineSearch(x: [Double], fx: Double, slope: Double, direction: [Double], initial: Double,
                                   options: Options, _ f: ([Double], inout [Double]) -> Double) -> Point? {
        let c1 = 1e-4, c2 = 0.9
        var evaluations = 0
        func probe(_ t: Double) -> Point {
            evaluations += 1
            var xt = x
            for i in xt.indices { xt[i] += t * direction[i] }
            var gt = [Double](repeating: 0, count: x.count)
            let value = f(xt, &gt)
            return Point(t: t, x: xt, value: value.isFinite ? value : .infinity, gradient: gt, slope: dot(gt, direction))
        }
        let origin = Point(t: 0, x: x, value: fx, gradient: [], slope: slope)
        var previous = origin
        var t = initial
        while evaluations < options.maxLineSearchSteps {
            let current = probe(t)
            if !current.value.isFinite {
                t = 0.5 * (previous.t + t)  // overflowed: come back
                continue
            }
            if current.value > fx + c1 * t * slope || (evaluations > 1 && current.value >= previous.value) {
                return zoom(low: previous, high: current, fx: fx, slope: slope, c1: c1, c2: c2,
                            budget: options.maxLineSearchSteps - evaluations, probe)
            }
            if abs(current.slope) <= -c2 * slope { return current }
            if current.slope >= 0 {
                return zoom(low: current, high: previous, fx: fx, slope: slope, c1: c1, c2: c2,
                            budget: options.maxLineSearchSteps - evaluations, probe)
            }
            previous = current
            t *= 2
        }
        return previous.t > 0 && previous.value < fx ? previous : nil
    }

    /// Narrows [low, high] (low has the smaller value) to a strong-Wolfe point by
    /// safeguarded cubic interpolation (Nocedal & Wright Algorithm 3.6, eq. 3.59).
    private static func zoom(low: Point, high: Point, fx: Double, slope: Double, c1: Double, c2: Double,
                             budget: Int, _ probe: (Double) -> Point) -> Point? {
        var lo = low, hi = high
        for _ in 0..<max(budget, 0) {
            let t = interpolate(lo, hi)
            let current = probe(t)
            if current.value > fx + c1 * t * slope || current.value >= lo.value {
                hi = current
            } else {
                if abs(current.slope) <= -c2 * slope { return current }
                if current.slope * (hi.t - lo.t) >= 0 { hi = lo }
                lo = current
            }
            if abs(hi.t - lo.t) <= 1e-16 * max(abs(lo.t), 1e-300) { break }
        }
        return lo.t > 0 && lo.value < fx ? lo : nil
    }

    /// The minimiser of the cubic through two points' values and slopes, kept inside the
    /// middle 80% of the interval (bisection when the cubic has no usable minimum).
    private static func interpolate(_ a: Point, _ b: Point) -> Double {
        let lower = min(a.t, b.t), upper = max(a.t, b.t), width = upper - lower
        var t = 0.5 * (a.t + b.t)
        if b.value.isFinite {
            let d1 = a.slope + b.slope - 3 * (a.value - b.value) / (a.t - b.t)
            let radicand = d1 * d1 - a.slope * b.slope
            if radicand >= 0 {
                let d2 = (b.t > a.t ? 1.0 : -1.0) * radicand.squareRoot()
                let cubic = b.t - (b.t - a.t) * (b.slope + d2 - d1) / (b.slope - a.slope + 2 * d2)
                if cubic.isFinite { t = cubic }
            }
        }
        return min(max(t, lower + 0.1 * width), upper - 0.1 * width)
    }

    @inline(__always) private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in a.indices { sum += a[i] * b[i] }
        return sum
    }
}
