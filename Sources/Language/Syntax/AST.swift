/// An expression with the position of its first token (or of its operator, for
/// binary operations), so that errors point at the right place.
struct Expr: Sendable {
    /// The shapes an expression can take.
    indirect enum Kind: Sendable {
        case number(Double)
        case string(String)
        case bool(Bool)
        case none
        case name(String)
        case list([Expr])
        case unary(op: String, Expr)
        case binary(op: String, Expr, Expr)
        case call(callee: Expr, arguments: [Argument])
        case field(Expr, name: String, namePosition: SourcePosition)
        case index(Expr, Expr)
    }

    var kind: Kind
    var position: SourcePosition
    /// The depth of the tree below and including this node; the parser bounds it so
    /// that evaluation never recurses deeply enough to overflow a thread's stack.
    var height = 1
}

/// One argument of a call: positional (`label == nil`) or keyword (`alpha=1.5`).
struct Argument: Sendable {
    /// The keyword, if any.
    var label: String?
    /// Where the keyword (or, if positional, the value) starts.
    var position: SourcePosition
    /// The value.
    var value: Expr
}

/// One statement of a cell.
enum Statement: Sendable {
    /// `name = expr`
    case assign(name: String, position: SourcePosition, value: Expr)
    /// A bare expression.
    case expression(Expr)
    /// `?name` or `name?`: help as a pager payload.
    case help(name: String, position: SourcePosition)
}
