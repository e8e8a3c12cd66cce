import NumericCore

// Monte-Carlo recall of a stored sequence (Chaudhry et al. 2023, arXiv 2306.04532): draw P
// random ±1 patterns, start the network exactly at each ξ^μ in turn, apply one update
// S_i ← sgn Σ_ν ξ_i^{ν+1} f(ξ^ν·S/N) (cyclic: ξ^{P+1} = ξ¹; a zero field counts as an error)
// and check that it lands exactly on ξ^{μ+1}. The fields of all starts are computed in blocks
// of 256 rows as F·Ξ₊ (dgemm) with F_{μν} = f(ξ^μ·ξ^ν/N), so memory stays O(256·P). The overlap
// of two ±1 patterns is N − 2·(their Hamming distance), so F is looked up by popcount in a table
// of f at the N + 1 possible overlaps: no P² products of length N and no P² calls of pow or exp.

extension Hopfield {
    /// The fraction of exact transitions and whether the whole sequence was recalled, for one
    /// draw of `patterns` patterns.
    static func recallTrial(_ c: Configuration, patterns: Int, rng: inout Xoshiro256StarStar,
                            monitor: WorkMonitor) throws -> (transitions: Double, sequence: Bool) {
        let n = c.neurons
        var xi = Matrix(rows: patterns, columns: n)
        for k in xi.storage.indices { xi.storage[k] = rng.next() & 1 == 0 ? 1 : -1 }
        // Ξ₊: row ν holds ξ^{ν+1}.
        var next = Matrix(rows: patterns, columns: n)
        for nu in 0..<patterns {
            let source = ((nu + 1) % patterns) * n
            for i in 0..<n { next.storage[nu * n + i] = xi.storage[source + i] }
        }
        let signs = Elementwise.SignBits(xi)
        // f at Hamming distance h, i.e. at the overlap fl((N − 2h)·fl(1/N)): what dgemm with
        // alpha = 1/N gives for N ≤ 256 (above, OpenBLAS adds the product in K blocks, one rounding each).
        let scale = 1 / Double(n)
        let separations = (0...n).map { c.separation(Double(n - 2 * $0) * scale) }
        var correct = 0
        let blockSize = 256
        var start = 0
        while start < patterns {
            try monitor.checkCancelled()
            let rows = min(blockSize, patterns - start)
            var separated = Matrix(rows: rows, columns: patterns,   // every entry is written by the lookup
                                   storage: .init(unsafeUninitializedCapacity: rows * patterns) { $1 = rows * patterns })
            Elementwise.hammingLookup(signs, rows: start, count: rows, against: signs, table: separations,
                                      into: &separated.storage)
            let fields = separated * next
            for r in 0..<rows {
                let target = ((start + r + 1) % patterns) * n
                var exact = true
                for i in 0..<n where fields.storage[r * n + i] * xi.storage[target + i] <= 0 { exact = false; break }
                if exact { correct += 1 }
            }
            start += rows
        }
        return (Double(correct) / Double(patterns), correct == patterns)
    }

    /// Seconds of one `recallTrial` at `patterns`, counted in kernels: per block of 256 starts the
    /// fields product (256 × P by P × N), the separation f of every pair looked up by popcount
    /// over ⌈N/64⌉ words at about 1 ns per word (fitted to bench/calibrate, N = 50 to 200), and the draws.
    static func recallSeconds(_ c: Configuration, patterns p: Double) -> Double {
        let n = Double(c.neurons), rows = min(256, p), blocks = (p / 256).rounded(.up)
        return blocks * WorkEstimate.gemmSeconds(rows, p, n) + 1e-9 * p * p * (n / 64).rounded(.up)
            + WorkEstimate.drawSeconds(p * n) / 4
    }

    /// Recall measurements of one `simulatedCapacity` bisection with guess P̂ (the two brackets at
    /// P̂/2 and 2P̂, about eight bisection steps and the two probes near P̂), in units of the cost at P̂.
    static let capacityProbes = 14.0

    /// Mean per-transition and whole-sequence recall over `trials` draws at `patterns`.
    static func simulatedRecall(_ c: Configuration, patterns: Int, trials: Int, seed: UInt64,
                                monitor: WorkMonitor) throws -> (transition: Double, transitionSE: Double, sequence: Double, sequenceSE: Double) {
        var sum = 0.0, sumSquares = 0.0, wins = 0.0
        // One BLAS thread: the fields products are a few hundred rows each, and OpenBLAS's idle
        // workers spun (sched_yield) between them, an eighth of the CPU time; the fields are unchanged.
        try BLAS.singleThreaded { () throws -> Void in
            for trial in 0..<trials {
                var rng = Xoshiro256StarStar(seed: seed &+ UInt64(patterns) &* 1_000_003, stream: UInt64(trial))
                let r = try recallTrial(c, patterns: patterns, rng: &rng, monitor: monitor)
                sum += r.transitions; sumSquares += r.transitions * r.transitions
                if r.sequence { wins += 1 }
            }
        }
        let t = Double(trials), mean = sum / t, q = wins / t
        let se = trials > 1 ? (max(0, sumSquares / t - mean * mean) / (t - 1)).squareRoot() : 0
        return (mean, se, q, (q * (1 - q) / t).squareRoot())
    }

    /// A simulated P₅₀ and its standard error.
    struct SimulatedCapacity {
        var p50: Double
        var standardError: Double
    }

    /// P₅₀ by bisection on whole P between `lower` (recall > ½) and `upper` (recall < ½),
    /// refined by linear interpolation of the recall probability at the final bracket.
    ///
    /// Its standard error is the delta method's: the recall probability's standard error at
    /// P₅₀ over the recall curve's slope there, SE(P₅₀) = SE(r)/|dr/dP|. The slope is the
    /// least-squares line through the recall measured at P₅₀·(1 ± 0.1) and at every
    /// bisection point within P₅₀·(1 ± 0.2) (each P is an independent draw); SE(r) is the
    /// binomial √(¼/trials) for the whole sequence and the probes' mean standard error per
    /// transition. A flat measured slope (too few trials to see the curve fall) gives an
    /// infinite standard error rather than a spurious small one.
    static func simulatedCapacity(_ c: Configuration, sequence: Bool, guess: Double, trials: Int, seed: UInt64,
                                  monitor: WorkMonitor) throws -> SimulatedCapacity {
        var measured: [Int: (rate: Double, se: Double)] = [:]
        func rate(_ p: Int) throws -> Double {
            if let known = measured[p] { return known.rate }
            let r = try simulatedRecall(c, patterns: p, trials: trials, seed: seed, monitor: monitor)
            measured[p] = sequence ? (r.sequence, r.sequenceSE) : (r.transition, r.transitionSE)
            return measured[p]!.rate
        }
        var lo = max(2, Int(guess / 2)), hi = max(lo + 1, Int(guess * 2))
        var rateLo = try rate(lo), rateHi = try rate(hi)
        while rateLo < 0.5 && lo > 2 { hi = lo; rateHi = rateLo; lo = max(2, lo / 2); rateLo = try rate(lo) }
        while rateHi >= 0.5 && hi < 4_000_000 { lo = hi; rateLo = rateHi; hi *= 2; rateHi = try rate(hi) }
        while hi - lo > 1 && Double(hi - lo) > 0.005 * Double(lo) {
            let mid = (lo + hi) / 2
            let r = try rate(mid)
            if r >= 0.5 { lo = mid; rateLo = r } else { hi = mid; rateHi = r }
        }
        let p50 = rateLo == rateHi ? Double(lo) : Double(lo) + (rateLo - 0.5) / (rateLo - rateHi) * Double(hi - lo)
        let probes = [0.9, 1.1].map { max(2, Int(($0 * p50).rounded())) }
        for p in probes { _ = try rate(p) }
        let window = measured.filter { Double($0.key) >= 0.8 * p50 - 0.5 && Double($0.key) <= 1.2 * p50 + 0.5 }
        let points = window.keys.sorted()
        let slope = (try? LinearRegression.fit(x: points.map(Double.init), y: points.map { window[$0]!.rate }))?.slope ?? 0
        let rateSE = sequence ? (0.25 / Double(trials)).squareRoot()
                              : probes.map { measured[$0]!.se }.reduce(0, +) / Double(probes.count)
        return SimulatedCapacity(p50: p50, standardError: slope < 0 ? rateSE / -slope : .infinity)
    }

    /// `simulate`'s parameters.
    struct SimulationArguments: ParameterGroup {
        @Option("sequence lengths", range: NumericRange(lower: 2, upper: 1_000_000), sweepable: false)
        var P: [Double] = [25, 50, 100, 200, 400, 800]
        @OptionGroup var replication = Replication(trials: 20)
    }

    static let simulateOperation = ModelOperation.table(
        "simulate", "measured recall probabilities per transition and for the whole sequence",
        model: Configuration.self, arguments: SimulationArguments.self,
        estimate: { model, arguments in
            let n = Double(model.N)
            let grid = arguments.P
            let trials = Double(arguments.replication.trials)
            let seconds = grid.reduce(0) { $0 + recallSeconds(model, patterns: max($1.rounded(), 2)) } * trials
            return WorkEstimate(bytes: 8 * ((grid.max() ?? 0) * (2 * n + 512)), seconds: seconds)
        }) { c, arguments, monitor in
            let grid = arguments.P.map { Int($0.rounded()) }
            let trials = arguments.replication.trials, seed = arguments.replication.seed64
            var rows: [(transition: Double, transitionSE: Double, sequence: Double, sequenceSE: Double)] = []
            for (k, p) in grid.enumerated() {
                monitor.report(done: k, total: grid.count, label: "simulate hopfield")
                rows.append(try simulatedRecall(c, patterns: max(p, 2), trials: trials, seed: seed, monitor: monitor))
            }
            monitor.report(done: grid.count, total: grid.count, label: "simulate hopfield")
            return Table(columns: [
                Table.Column("P", grid.map(Double.init)),
                Table.Column("transition", rows.map(\.transition)), Table.Column("transition_se", rows.map(\.transitionSE)),
                Table.Column("sequence", rows.map(\.sequence)), Table.Column("sequence_se", rows.map(\.sequenceSE)),
            ], caption: "simulation", role: .simulation)
        }

    /// `capacity`'s parameters.
    struct CapacityArguments: ParameterGroup {
        @OptionGroup var replication = Replication(trials: 10)
        @Option("1 to also find P₅₀ by simulation, 0 for theory only", range: NumericRange(lower: 0, upper: 1),
                sweepable: false)
        var simulate = 1
    }

    static let capacityOperation = ModelOperation(
        name: "capacity",
        summary: "P₅₀ per transition and for the whole sequence: erfc theory, asymptotic formula, simulation",
        model: Configuration.self, arguments: CapacityArguments.self,
        estimate: { c, arguments in
            // Only the simulated bisection costs anything; simulate=0 is closed-form theory.
            guard arguments.simulate != 0, let p = try? predictedCapacity(c, sequence: false),
                  let q = try? predictedCapacity(c, sequence: true) else {
                return WorkEstimate(bytes: 0, seconds: 0)
            }
            let perGuess = capacityProbes * Double(arguments.replication.trials)
            return WorkEstimate(bytes: 8 * 2 * p * (2 * Double(c.neurons) + 512),
                                seconds: perGuess * (recallSeconds(c, patterns: p) + recallSeconds(c, patterns: q)))
        },
        run: { c, arguments, monitor in
            let trials = arguments.replication.trials, seed = arguments.replication.seed64
            let transition = try predictedCapacity(c, sequence: false), sequence = try predictedCapacity(c, sequence: true)
            let asymptotic = asymptoticCapacity(c)
            var fields: [(name: String, value: Double)] = [
                ("transition", transition), ("transition_asymptotic", asymptotic.transition),
                ("sequence", sequence), ("sequence_asymptotic", asymptotic.sequence),
            ]
            if arguments.simulate == 1 {
                guard transition <= 200_000 else {
                    throw ModelError.tooLarge(work: "capacity's simulation of P₅₀", needs: .count(transition.rounded(), unit: "patterns"),
                                              limit: .count(200_000, unit: "patterns"), at: [.init("N", Double(c.neurons))],
                                              remedy: "pass simulate=0")
                }
                let simulatedTransition = try simulatedCapacity(c, sequence: false, guess: transition, trials: trials, seed: seed, monitor: monitor)
                let simulatedSequence = try simulatedCapacity(c, sequence: true, guess: sequence, trials: trials, seed: seed, monitor: monitor)
                fields += [("transition_sim", simulatedTransition.p50), ("transition_sim_se", simulatedTransition.standardError),
                           ("sequence_sim", simulatedSequence.p50), ("sequence_sim_se", simulatedSequence.standardError)]
            }
            return .record(fields)
        })
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
