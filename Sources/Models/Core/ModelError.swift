/// Why a model refused its parameters or its work; the language turns each case into
/// the matching user-facing error kind, pointing at the offending argument.
public enum ModelError: Error, Sendable, Equatable {
    /// A value outside its allowed range → `DomainError`.
    case domain(parameter: String, value: String, allowed: String)
    /// A bad combination or kind of arguments → `ArgumentError`.
    case argument(parameter: String?, message: String)
    /// A list that holds fewer than `least` entries (`noun`: what each entry is, plural,
    /// `values`, `widths`) → `ArgumentError`; `purpose` says what they are for, if the
    /// least is more than one.
    case tooFew(parameter: String, least: Int, noun: String, purpose: String?)
    /// Work that would not fit in memory or time → `ResourceError`.
    case resource(message: String)
    /// A parameter the model needed but did not get (a programming error surfaced
    /// as an `ArgumentError` rather than a crash).
    case missing(String)

    /// The parameter the error is about, which the language points at; `nil` for the
    /// model's work as a whole.
    public var parameter: String? {
        switch self {
        case .domain(let parameter, _, _), .missing(let parameter), .tooFew(let parameter, _, _, _): return parameter
        case .argument(let parameter, _): return parameter
        case .resource: return nil
        }
    }

    /// The message shown to the user (`Diagnostic.model` in the language's catalogue).
    public var message: String {
        switch self {
        case .domain(let p, let v, let allowed): return "\(p) = \(v) is out of range: allowed \(allowed)"
        case .argument(_, let m): return m
        case .tooFew(let p, 1, let noun, _): return "\(p) lists no \(noun): give at least one"
        case .tooFew(let p, let least, let noun, let purpose):
            return "\(p) needs at least \(least) \(noun)" + (purpose.map { " to \($0)" } ?? "")
        case .resource(let m): return m
        case .missing(let p): return "missing parameter '\(p)'"
        }
    }
}
