// MARK: - Grids, elementary functions and reductions

extension Builtins {
    static let math: [Builtin] = [
        Builtin(name: "linspace", summary: "n evenly spaced numbers from start to stop, both included (as numpy.linspace).",
                doc: "linspace(0, 1, 5) → [0, 0.25, 0.5, 0.75, 1].",
                parameters: [.builtin("start", "first value"), .builtin("stop", "last value"),
                             .builtin("n", "how many values", kind: .integer, default: "50", allowed: "1 ≤ n ≤ 10000000")]) { c throws(LanguageError) in
            let (a, b) = (try c.number("start")!, try c.number("stop")!)
            let n = try c.integer("n", atLeast: 1, atMost: maximumGrid) ?? 50
            guard a.isFinite, b.isFinite else { throw c.error(.builtin(.needsFinite(function: "linspace", what: "start and stop"))) }
            if n == 1 { return .vector([a]) }
            return .vector((0..<n).map { i in i == n - 1 ? b : a + (b - a) * Double(i) / Double(n - 1) })
        },
        Builtin(name: "geomspace", summary: "n numbers evenly spaced on a log scale from start to stop, both included (as numpy.geomspace).",
                doc: "geomspace(10, 1e4, 4) → [10, 100, 1000, 10000]. start and stop must have the same sign and be non-zero.",
                parameters: [.builtin("start", "first value", allowed: "start ≠ 0"), .builtin("stop", "last value", allowed: "same sign as start"),
                             .builtin("n", "how many values", kind: .integer, default: "50", allowed: "1 ≤ n ≤ 10000000")]) { c throws(LanguageError) in
            let (a, b) = (try c.number("start")!, try c.number("stop")!)
            let n = try c.integer("n", atLeast: 1, atMost: maximumGrid) ?? 50
            guard a != 0, b != 0, a.isFinite, b.isFinite, (a > 0) == (b > 0) else {
                throw c.error(.builtin(.geomspaceBounds(start: a, stop: b)), at: a == 0 || !a.isFinite ? "start" : "stop")
            }
            let sign: Double = a > 0 ? 1 : -1
            let (la, lb) = (log(abs(a)), log(abs(b)))
            if n == 1 { return .vector([a]) }
            return .vector((0..<n).map { i in
                i == 0 ? a : i == n - 1 ? b : sign * exp(la + (lb - la) * Double(i) / Double(n - 1))
            })
        },
        Builtin(name: "range", summary: "Whole numbers from start up to (not including) stop, in steps (as Python's range).",
                doc: "range(4) → [0, 1, 2, 3]; range(1, 10, 3) → [1, 4, 7].",
                parameters: [.builtin("start", "first value (or the stop, if given alone)"),
                             .builtin("stop", "end, excluded", default: "none"),
                             .builtin("step", "increment", default: "1", allowed: "step ≠ 0")]) { c throws(LanguageError) in
            var start = try c.number("start")!
            var stop = try c.number("stop") ?? .nan
            if stop.isNaN { (start, stop) = (0, start) }
            let step = try c.number("step") ?? 1
            guard step != 0, step.isFinite else { throw c.error(.outOfRange(parameter: "step", value: step, allowed: "step ≠ 0", entry: nil), at: "step") }
            guard start.isFinite, stop.isFinite else { throw c.error(.builtin(.needsFinite(function: "range", what: "bounds"))) }
            let exactCount = max(0, ((stop - start) / step).rounded(.up))
            try checkGridSize(exactCount < 1e15 ? Int(exactCount) : Int(1e15), c)
            let count = Int(exactCount)
            return .vector((0..<count).map { start + Double($0) * step })
        },
        unary("sqrt", "The square root, elementwise.", domain: "x ≥ 0") { x in x >= 0 ? x.squareRoot() : nil },
        unary("log", "The natural logarithm, elementwise.", domain: "x > 0") { x in x > 0 ? log(x) : nil },
        unary("log10", "The base-10 logarithm, elementwise.", domain: "x > 0") { x in x > 0 ? log10(x) : nil },
        unary("exp", "The exponential, elementwise.", domain: "") { x in exp(x) },
        unary("abs", "The absolute value, elementwise.", domain: "") { x in abs(x) },
        unary("round", "Rounds to the nearest whole number (halves away from zero), elementwise: simulate(m, P=round(geomspace(10, 1e3, 6))).",
              domain: "") { x in x.rounded() },
        unary("floor", "The largest whole number ≤ x, elementwise.", domain: "") { x in x.rounded(.down) },
        unary("ceil", "The smallest whole number ≥ x, elementwise.", domain: "") { x in x.rounded(.up) },
        reduction("min", "The smallest of the numbers (one vector, or several numbers).") { v in v.min()! },
        reduction("max", "The largest of the numbers (one vector, or several numbers).") { v in v.max()! },
        reduction("sum", "The sum of the numbers.", allowsEmpty: true) { v in v.reduce(0, +) },
        reduction("mean", "The arithmetic mean of the numbers.") { v in v.reduce(0, +) / Double(v.count) },
        Builtin(name: "len", summary: "The number of elements of a vector or list, rows of a table, or characters of a string.",
                doc: "", parameters: [.builtin("x", "a vector, list, table or string", kind: .any)]) { c throws(LanguageError) in
            switch c.value("x")! {
            case .vector(let v): return .number(Double(v.count))
            case .mask(let m): return .number(Double(m.count))
            case .list(let v): return .number(Double(v.count))
            case .table(let t): return .number(Double(t.rowCount))
            case .string(let s): return .number(Double(s.count))
            case .record(let f): return .number(Double(f.count))
            case let v: throw c.error(.builtin(.needs(function: "len", expected: "a vector, list, table or string", given: v.typeName)), at: "x")
            }
        },
    ]

    /// The most values a grid builtin (`linspace`, `geomspace`, `range`, plotted steps) makes.
    static let maximumGrid = 10_000_000

    /// Refuses grids that would not fit in memory.
    private static func checkGridSize(_ n: Int, _ c: CallContext) throws(LanguageError) {
        if n > maximumGrid {
            throw c.error(.builtin(.tooManyValues(function: c.name, n: n, limit: maximumGrid)), at: "n")
        }
    }

    /// A one-argument function applied to a number or elementwise to a vector; `f`
    /// returns `nil` outside its domain.
    private static func unary(_ name: String, _ summary: String, domain: String,
                              _ f: @escaping @Sendable (Double) -> Double?) -> Builtin {
        Builtin(name: name, summary: summary, doc: "",
                parameters: [.builtin("x", "a number or a vector", kind: .oneOf([.real, .vector]), allowed: domain)]) { c throws(LanguageError) in
            let value = c.value("x")!
            guard let numbers = value.numbers else {
                throw c.error(.builtin(.needs(function: name, expected: "a number or a vector", given: value.typeName)), at: "x")
            }
            var out: [Double] = []
            out.reserveCapacity(numbers.count)
            for x in numbers {
                guard let y = f(x) else {
                    throw c.error(.builtin(.undefinedAt(function: name, x: x, allowed: domain)), at: "x")
                }
                out.append(y)
            }
            if case .number = value { return .number(out[0]) }
            return .vector(out)
        }
    }

    /// A reduction over one vector or several numbers.
    private static func reduction(_ name: String, _ summary: String, allowsEmpty: Bool = false,
                                  _ f: @escaping @Sendable ([Double]) -> Double) -> Builtin {
        Builtin(name: name, summary: summary, doc: "\(name)(v) or \(name)(a, b, ...).",
                parameters: [], variadic: "values") { c throws(LanguageError) in
            var numbers: [Double] = []
            for argument in c.rest {
                guard let v = argument.value.numbers else {
                    throw LanguageError(.builtin(.needs(function: name, expected: "numbers or vectors", given: argument.value.typeName)), at: argument.position)
                }
                numbers += v
            }
            if numbers.isEmpty && !allowsEmpty {
                throw c.error(.builtin(.emptyInput(function: name, what: "no numbers")))
            }
            return .number(f(numbers))
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
