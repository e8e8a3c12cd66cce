import NumericCore
@testable import Models

/// Shorthand for building parameter sets in the ridge-family tests.
func parameters(_ values: [String: Double], vectors: [String: [Double]] = [:]) -> ParameterSet {
    var set = ParameterSet()
    for (k, v) in values { set[k] = .number(v) }
    for (k, v) in vectors { set[k] = .vector(v) }
    return set
}

extension Table {
    /// The numeric column `name` (empty if missing, so a test fails rather than traps).
    func values(_ name: String) -> [Double] { numbers(name) ?? [] }
}

/// How many standard errors a simulated mean lies from the theory value.
func zScore(theory: Double, mean: Double, standardError: Double) -> Double {
    abs(mean - theory) / standardError
}

/// Least-squares slope of log y against log x.
func logLogSlope(_ x: [Double], _ y: [Double]) -> Double {
    let lx = x.map { log($0) }, ly = y.map { log($0) }
    let mx = lx.reduce(0, +) / Double(lx.count), my = ly.reduce(0, +) / Double(ly.count)
    var sxy = 0.0, sxx = 0.0
    for i in lx.indices { sxy += (lx[i] - mx) * (ly[i] - my); sxx += (lx[i] - mx) * (lx[i] - mx) }
    return sxy / sxx
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
