import NumericCore

/// A value handed to a model or one of its operations: what the language passes
/// after evaluating `ridge(alpha=1.5, spectrum=[...], lr=cosine(0.1))`.
public enum ParameterValue: Sendable {
    case number(Double)
    case string(String)
    case vector([Double])
    case table(Table)
    case schedule(any Schedule)

    /// A short description for error messages (`1.5`, `"sgd"`, `vector of 40`).
    public var summary: String {
        switch self {
        case .number(let x): return formatParameter(x)
        case .string(let s): return "\"\(s)\""
        case .vector(let v): return "vector of \(v.count)"
        case .table(let t): return "table of \(t.rowCount) rows"
        case .schedule(let s): return s.description
        }
    }
}

/// A learning-rate or batch-size schedule: a value that models such as `sgd` read
/// step by step. Concrete schedules (`constant`, `cosine`, `wsd`, ...) live with the
/// optimisation models.
public protocol Schedule: Sendable, CustomStringConvertible {
    /// The schedule's value at step `step` (0-based) of a run of `total` steps.
    func value(at step: Int, of total: Int) -> Double
}

/// Formats a number for messages: integers without a decimal point, others with
/// up to 6 significant digits.
public func formatParameter(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    if x.rounded() == x && abs(x) < 1e15 { return String(Int64(x)) }
    var text = String(format6: x)
    if text.contains("e") { return text }
    while text.contains(".") && (text.hasSuffix("0") || text.hasSuffix(".")) { text.removeLast() }
    return text
}

extension String {
    /// `%.6g` formatting without Foundation.
    init(format6 x: Double) {
        self = gFormat(x, significant: 6)
    }
}

/// `%.{significant}g`-style formatting (C's printf semantics, trailing zeros kept).
func gFormat(_ x: Double, significant: Int) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    let format = "%.\(significant)g"
    _ = withVaList([x]) { vsnprintf(&buffer, 64, format, $0) }
    return String(cString: buffer)
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
