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
        /// A name the resolver found local to an enclosing function or comprehension
        /// (`Interpreter.resolve`): read from its slot, with no lookup by name.
        case local(String, Slot)
        case list([Expr])
        case unary(op: Operator, Expr)
        case binary(op: Operator, Expr, Expr)
        case call(callee: Expr, arguments: [Argument])
        case field(Expr, name: String, namePosition: SourcePosition)
        case index(Expr, Expr)
        /// `a < b <= c`: two or more comparisons, each operand evaluated once.
        case chain(Expr, [Comparison])
        /// `a and b`, `a or b`: short-circuit on scalars, elementwise on masks and vectors.
        case logical(op: LogicalOperator, Expr, Expr)
        /// `not a`.
        case not(Expr)
        /// `value if condition else otherwise`.
        case conditional(value: Expr, condition: Expr, otherwise: Expr)
        /// `lambda x, y=2: expr`.
        case lambda(FunctionDefinition)
        /// `[element for x in xs if cond ...]`.
        case comprehension(element: Expr, clauses: [ComprehensionClause])
    }

    var kind: Kind
    var position: SourcePosition
    /// The depth of the tree below and including this node; the parser bounds it so
    /// that evaluation never recurses deeply enough to overflow a thread's stack.
    var height = 1
}

/// An arithmetic, comparison or membership operator, decoded from its token once by
/// the parser; the raw value is the operator as written, for messages.
enum Operator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", remainder = "%", power = "^"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case `in` = "in", notIn = "not in"

    /// Whether this is a comparison or membership test (the others are arithmetic).
    var isComparison: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide, .floorDivide, .remainder, .power: return false
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in, .notIn: return true
        }
    }
}

/// `and` or `or`; the raw value is the keyword, for messages.
enum LogicalOperator: String, Sendable {
    case and, or
}

/// Where a resolved local lives: `depth` scopes out from the innermost running one
/// (0 is the innermost), at `index` in that scope's layout.
struct Slot: Sendable {
    var depth: Int
    var index: Int
}

/// One link of a comparison chain: the operator, where it was written, and its right operand.
struct Comparison: Sendable {
    var op: Operator
    var position: SourcePosition
    var right: Expr
}

/// A `for name in iterable` or `if condition` clause of a comprehension.
enum ComprehensionClause: Sendable {
    case loop(name: String, position: SourcePosition, iterable: Expr)
    case filter(Expr)
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

/// A parameter of a `def` or `lambda`: its name, where it was written and its default.
struct FunctionParameter: Sendable {
    var name: String
    var position: SourcePosition
    /// The default, evaluated when the function is defined (as in Python).
    var defaultValue: Expr?
}

/// A `def` or `lambda`: everything needed to make a function value.
struct FunctionDefinition: Sendable {
    /// The name (`<lambda>` for a lambda).
    var name: String
    var position: SourcePosition
    var parameters: [FunctionParameter]
    /// The body; a lambda's is one `return`.
    var body: [Statement]
    /// The docstring, if the body starts with a string.
    var doc: String?
    /// Every name the body binds (parameters, assignments, nested defs): as in Python,
    /// these are local throughout the body.
    var locals: Set<String>

    /// The names of a call's slots: the parameters in order, then the other locals sorted.
    var slotNames: [String] {
        let parameterNames = parameters.map(\.name)
        return parameterNames + locals.subtracting(parameterNames).sorted()
    }
}

/// One branch of an `if`/`elif` statement.
struct Branch: Sendable {
    var condition: Expr
    var body: [Statement]
}

/// One statement of a cell.
enum Statement: Sendable {
    /// `name = expr`
    case assign(name: String, position: SourcePosition, value: Expr)
    /// `name = expr` in a function's body, with the slot `Resolver` found for `name` in the
    /// function's scope (the parser makes only `assign`).
    case assignLocal(name: String, slot: Int, value: Expr)
    /// A bare expression.
    case expression(Expr)
    /// `?name` or `name?`: help as a pager payload.
    case help(name: String, position: SourcePosition)
    /// `def name(...): body`.
    case define(FunctionDefinition)
    /// `return expr` (or a bare `return`, giving `none`).
    case `return`(Expr?)
    /// `name[key] = value`: a table's column (`t["z"] = ...`) or an element of a list or vector.
    case setItem(name: String, position: SourcePosition, key: Expr, value: Expr)
    /// `if c: ... elif d: ... else: ...`.
    case branches([Branch], otherwise: [Statement])
}
