import NumericCore

extension ModelError {
    /// The message shown to the user (`Diagnostic.model` in the language's catalogue):
    /// the one place where models' errors are worded.
    public var message: String {
        switch self {
        case .domain(let p, let v, let allowed):
            return "\(p) = \(v) is out of range: allowed \(allowed)"
        case .exceeds(let p, let v, let bound, let limit, let reason):
            return "\(p) = \(formatParameter(v)) is out of range: allowed \(p) ≤ \(bound.map { "\($0) = " } ?? "")\(formatParameter(limit))"
                + (reason.map { " (\($0))" } ?? "")
        case .tooFew(let p, 1, let noun, _):
            return "\(p) lists no \(noun): give at least one"
        case .tooFew(let p, let least, let noun, let purpose):
            return "\(p) needs at least \(least) \(noun)" + (purpose.map { " to \($0)" } ?? "")
        case .tooMany(let p, let count, let most, let noun):
            return "\(p) lists \(count) \(noun): give at most \(most)"
        case .countMismatch(let p, let count, let noun, let other, let expected, let per, let orNone):
            return "\(p) has \(count) \(noun) but \(other) has \(expected): give one per \(per)" + (orNone ? " (or none)" : "")
        case .missingColumns(let owner, let p, let needed, let present, let source):
            let columns = needed.map { "'\($0)'" }
            let list = columns.count < 2 ? columns.joined() : columns.dropLast().joined(separator: ", ") + " and " + columns.last!
            return "\(owner): \(p) needs the numeric column\(needed.count == 1 ? "" : "s") \(list)"
                + (source.map { " (from \($0))" } ?? "")
                + "; the table has " + (present.isEmpty ? "no columns" : present.joined(separator: ", "))
        case .badEntry(let owner, let p, let column, let row, let value, let allowed):
            return "\(owner): column '\(column)' of \(p) must be \(allowed) (row \(row): \(formatParameter(value)))"
        case .notIncreasing(let owner, let p, let column, let row, let value, let previous):
            return "\(owner): column '\(column)' of \(p) must increase (row \(row): \(formatParameter(value)) after \(formatParameter(previous)))"
        case .notSupported(let operation, let p, let value, let supported, let reason, let alternative):
            return "\(operation)(m) covers only \(p) = \"\(supported)\"" + (reason.map { " (\($0))" } ?? "")
                + "; for \(p) = \"\(value)\" use \(alternative)(m)"
        case .scheduleTooLong(let p, let warmup, nil, let total):
            return "\(p): warmup = \(warmup) steps is not shorter than the run (steps = \(total)); allowed 0 ≤ warmup < steps"
        case .scheduleTooLong(let p, let warmup, let decay?, let total):
            return "\(p): warmup (\(warmup)) plus decay (\(decay) steps) is longer than the run (\(total) steps)"
        case .phaseTooShort(let p, let value, let phase, let rule, let batch, let remedy):
            return "\(p) = \(formatParameter(value)) is too small: phase \(phase) of the \(rule) rule holds less than one batch of "
                + "\(formatParameter(batch)); \(remedy)"
        case .notSolved(let task, let unknown, let at, let cause, _):
            return "\(task): \(unknown) did not converge" + Self.settings(at) + (cause.map { " (\($0))" } ?? "")
        case .decompositionFailed(let matrix, let size, let cause, let remedy):
            return "the eigendecomposition of the \(size) × \(size) \(matrix) failed (\(cause))" + (remedy.map { "; \($0)" } ?? "")
        case .tooLarge(let work, let needs, let limit, let at, let remedy):
            return "\(work) needs \(needs.needed)\(Self.settings(at)) (limit \(limit.cap)): \(remedy)"
        case .overLimits(let estimate, let limits, let remedy):
            return (limits.refusal(of: estimate) ?? "this fits the limits") + ": " + remedy
        case .missing(let p):
            return "missing parameter '\(p)'"
        case .misdeclared(_, .notFromParameterSet):
            return "parameters can only be read from a ParameterSet"
        case .misdeclared(_, .notAnOption):
            return "a ParameterGroup may hold only @Option and @OptionGroup properties"
        case .misdeclared(_, .unreadable(let reason)):
            return "could not read the parameters: \(reason)"
        }
    }

    /// ` at tau = 0.5, lambda = 1`, or nothing.
    private static func settings(_ at: [Setting]) -> String {
        at.isEmpty ? "" : " at " + at.map { "\($0.name) = \(formatParameter($0.value))" }.joined(separator: ", ")
    }
}

extension ModelError.Amount {
    /// As needed: `about 5.2 GiB of memory`, `1000000000 steps`.
    var needed: String {
        switch self {
        case .bytes(let b): return "about \(ResourceLimits.describe(bytes: b)) of memory"
        case .count(let n, let unit): return "\(formatParameter(n)) \(unit)"
        }
    }

    /// As a cap: `3.7 GiB`, `5000000`.
    var cap: String {
        switch self {
        case .bytes(let b): return ResourceLimits.describe(bytes: b)
        case .count(let n, _): return formatParameter(n)
        }
    }
}
