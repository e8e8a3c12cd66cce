// The Swift side of bench/ridge.sh: times the ridge theory curve (100 P values,
// dim = 100000) and the ridge simulation (dim = 2000, 12 P values, 8 trials), the
// same work as bench/ridge_numpy.py. Prints one JSON object per measurement.
import Models
import NumericCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock seconds of `body`, best of `repeats`.
/// Wall-clock seconds of `body` (best of `repeats`) and the process CPU seconds of that
/// best run (the machine may be shared: CPU time shows the work itself).
func seconds(repeats: Int, _ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    let clock = ContinuousClock()
    var best = (wall: Double.infinity, cpu: Double.infinity)
    for _ in 0..<repeats {
        let start = Double(clock_gettime_nsec_np_fallback()) 
        let d = try clock.measure(body)
        let cpu = (Double(clock_gettime_nsec_np_fallback()) - start) * 1e-9
        let wall = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        if wall < best.wall { best = (wall, cpu) }
    }
    return best
}

/// Process CPU time in nanoseconds.
func clock_gettime_nsec_np_fallback() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// `count` values from `a` to `b`, evenly spaced in log (numpy's geomspace).
func geomspace(_ a: Double, _ b: Double, _ count: Int) -> [Double] {
    (0..<count).map { a * pow(b / a, Double($0) / Double(count - 1)) }
}

let arguments = CommandLine.arguments.dropFirst()
let which = arguments.first ?? "all"

if which == "all" || which == "theory" {
    let model = ParameterSet(["alpha": .number(1.5), "beta": .number(1.2), "noise": .number(0.1),
                              "dim": .number(100_000), "lambda": .number(0)])
    let grid = ParameterSet(["P": .vector(geomspace(10, 1e4, 100))])
    var table: Table?
    let t = try seconds(repeats: 5) { table = try ridge("theory", model, grid) }
    let last = table?.numbers("test")?.last ?? .nan
    print("{\"bench\": \"ridge_theory\", \"dim\": 100000, \"points\": 100, \"seconds\": \(t.wall), \"cpu_seconds\": \(t.cpu), \"test_last\": \(last)}")
}

if which == "all" || which == "simulate" {
    let model = ParameterSet(["alpha": .number(1.5), "beta": .number(1.2), "noise": .number(0.1),
                              "dim": .number(2000), "lambda": .number(1e-4)])
    let sizes = geomspace(20, 4000, 12).map { $0.rounded() }
    let grid = ParameterSet(["P": .vector(sizes), "trials": .number(8), "seed": .number(1)])
    var table: Table?
    let t = try seconds(repeats: 1) { table = try ridge("simulate", model, grid) }
    let last = table?.numbers("test")?.last ?? .nan
    print("{\"bench\": \"ridge_simulate\", \"dim\": 2000, \"points\": 12, \"trials\": 8, \"seconds\": \(t.wall), \"cpu_seconds\": \(t.cpu), \"test_last\": \(last)}")
}

/// Runs a ridge operation as the language does (typed parameters read from the sets).
func ridge(_ operation: String, _ model: ParameterSet, _ arguments: ParameterSet) throws -> Table? {
    guard case .table(let table)? = try Ridge.family.operation(operation)?.run(model, arguments, .none) else { return nil }
    return table
}
