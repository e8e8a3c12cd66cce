import Models

/// The catalogue of user-facing errors — syntax (`Syntax`), the evaluator's own checks
/// (`Evaluation`), resources (`Resource`), builtins' own checks (`Builtin`), controls
/// (`Widget`), plot options (`Plot`), scaling-law fits (`ScalingFit`), a model's refusal
/// (`ModelError`, rendered by Models), finding what is called, binding its arguments,
/// checking a parameter's kind and range, sweeping — each with its kind and its one rendering.
/// `LanguageError(_:at:)` places one in the source; `DiagnosticCatalogTests` pins the
/// full rendered traceback of every case.
enum Diagnostic {
    /// A syntax error of the lexer or the parser.
    case syntax(Syntax)
    /// An error of the evaluator's own checks.
    case evaluation(Evaluation)
    /// An error of the resource policy.
    case resource(Resource)
    /// An error of a builtin's own checks.
    case builtin(Builtin)
    /// An error of the control builtins.
    case widget(Widget)
    /// An error of a plot's controls.
    case plot(Plot)
    /// An error of a scaling-law fit or of `optimal`.
    case scalingFit(ScalingFit)
    /// A model's refusal of its parameters or its work, in Models' words.
    case model(ModelError)
    /// An error model code threw that is not a `ModelError` (`reason`: its description).
    case computationFailed(reason: String)
    /// A model parameter of a kind only builtins declare (a programming error surfaced).
    case notPassable(parameter: String)
    /// A called name that is nothing callable; `candidates` feed the suggestion.
    case notCallable(name: String, candidates: [String])
    /// A name called that holds a value, not a function.
    case notAFunction(name: String, typeName: String)
    /// A value called (`(1)(2)`).
    case cannotCall(typeName: String)
    /// More positional arguments than the callable takes.
    case tooManyPositional(owner: String, most: Int, given: Int, help: String)
    /// A parameter given twice (by position and by keyword, or by two keywords).
    case duplicateArgument(owner: String, parameter: String)
    /// A keyword the callable does not take; `model` lists an operation's model parameters.
    case unknownParameter(owner: String, parameter: String, own: [String], model: [String])
    /// A required parameter left out.
    case missingArgument(owner: String, parameter: String, meaning: String, help: String)
    /// An operation called without a model first (`given`: the type that came instead).
    case needsModel(operation: String, given: String?)
    /// An operation the model's family does not have.
    case noOperation(family: String, operation: String, available: [String])
    /// A list given to a model constructor, which takes single values.
    case singleValueHere(parameter: String)
    /// A value of the wrong kind (`expected` in words: `a number`, `a table`); a builtin's
    /// (`owner`) message names it, as its parameters are not a model's.
    case wrongKind(owner: String?, parameter: String, expected: String, given: String)
    /// A number outside the parameter's range (`entry`: its index in a vector).
    case outOfRange(parameter: String, value: Double, allowed: String, entry: Int?)
    /// A number past a resource cap of a builtin (the longest grid, the longest schedule).
    case tooLarge(owner: String, parameter: String, value: Double, allowed: String)
    /// A string that is not one of the parameter's choices.
    case notAChoice(parameter: String, value: String, choices: [String])
    /// A list given for a parameter that cannot be swept.
    case cannotSweep(parameter: String)
    /// An empty list given as a sweep.
    case emptySweep(parameter: String)
    /// A sweep grid past the limit.
    case sweepTooLarge(points: Double, factors: [(name: String, count: Int)], limit: Int)

    /// The error kind a user sees.
    var kind: LanguageError.Kind {
        switch self {
        case .syntax: return .syntax
        case .evaluation(let problem): return problem.kind
        case .resource(let problem): return problem.kind
        case .builtin(let problem): return problem.kind
        case .widget(let problem): return problem.kind
        case .plot(let problem): return problem.kind
        case .scalingFit(let problem): return problem.kind
        case .model(let problem):
            switch problem.kind {
            case .domain: return .domain
            case .argument: return .argument
            case .resource: return .resource
            }
        case .computationFailed, .notPassable: return .argument
        case .notCallable: return .name
        case .notAFunction, .cannotCall: return .type
        case .outOfRange, .notAChoice: return .domain
        case .sweepTooLarge, .tooLarge: return .resource
        case .tooManyPositional, .duplicateArgument, .unknownParameter, .missingArgument, .needsModel, .noOperation,
             .singleValueHere, .wrongKind, .cannotSweep, .emptySweep:
            return .argument
        }
    }

    /// The message, without the position.
    var message: String {
        switch self {
        case .syntax(let problem):
            return problem.message
        case .evaluation(let problem):
            return problem.message
        case .resource(let problem):
            return problem.message
        case .builtin(let problem):
            return problem.message
        case .widget(let problem):
            return problem.message
        case .plot(let problem):
            return problem.message
        case .scalingFit(let problem):
            return problem.message
        case .model(let problem):
            return problem.message
        case .computationFailed(let reason):
            return "the computation failed: \(reason)"
        case .notPassable(let parameter):
            return "\(parameter) is not a model parameter of a kind the language can pass"
        case .notCallable(let name, let candidates):
            return "'\(name)' is not a builtin, model or function" + Suggestion.clause(for: name, in: candidates)
        case .notAFunction(let name, let typeName):
            return "'\(name)' is \(typeName), not a function"
        case .cannotCall(let typeName):
            return "\(typeName) cannot be called"
        case .tooManyPositional(let owner, let most, let given, let help):
            return "\(owner) takes at most \(most) positional argument\(most == 1 ? "" : "s") (got \(given)); see help(\(help))"
        case .duplicateArgument(let owner, let parameter):
            return "\(owner) got two values for '\(parameter)'"
        case .unknownParameter(let owner, let parameter, let own, let model):
            let names = own + model
            let groups = [own.joined(separator: ", "), model.isEmpty ? "" : "the model's " + model.joined(separator: ", ")]
            let list = names.isEmpty ? " (it takes no keyword arguments)"
                : " (parameters: \(groups.filter { !$0.isEmpty }.joined(separator: " and ")))"
            return "\(owner) has no parameter '\(parameter)'" + list + Suggestion.clause(for: parameter, in: names)
        case .missingArgument(let owner, let parameter, let meaning, let help):
            return "\(owner) needs the argument '\(parameter)' (\(meaning)); see help(\(help))"
        case .needsModel(let operation, let given):
            return "\(operation) needs a model as its first argument" + (given.map { ", not \($0)" } ?? ", e.g. \(operation)(m, ...)")
        case .noOperation(let family, let operation, let available):
            return "\(family) has no operation '\(operation)'; it has \(available.joined(separator: ", "))"
        case .singleValueHere(let parameter):
            return "\(parameter) takes a single value here; to sweep it, give the list in an operation, e.g. theory(m, \(parameter)=[...])"
        case .wrongKind(let owner, let parameter, let expected, let given):
            return (owner.map { "\($0): " } ?? "") + "\(parameter) must be \(expected), not \(given)"
        case .tooLarge(let owner, let parameter, let value, let allowed):
            return "\(parameter) = \(NumberText.plain(value)) is too large for \(owner): allowed \(allowed)"
        case .outOfRange(let parameter, let value, let allowed, let entry):
            return "\(parameter) = \(NumberText.plain(value))\(entry.map { " (entry \($0))" } ?? "") is out of range: allowed \(allowed)"
        case .notAChoice(let parameter, let value, let choices):
            return "\(parameter) = \"\(value)\" is not allowed: use one of \(choices.map { "\"\($0)\"" }.joined(separator: ", "))"
                + Suggestion.clause(for: value, in: choices)
        case .cannotSweep(let parameter):
            return "\(parameter) cannot be swept; give a single value"
        case .emptySweep(let parameter):
            return "\(parameter) is an empty list; a sweep needs at least one value"
        case .sweepTooLarge(let points, let factors, let limit):
            return "the sweep has \(NumberText.plain(points)) points (\(factors.map { "\($0.count) \($0.name)" }.joined(separator: " × "))); the limit is \(limit) points: sweep fewer values"
        }
    }
}

extension LanguageError {
    /// The error `diagnostic` describes, at `position`.
    init(_ diagnostic: Diagnostic, at position: SourcePosition?) {
        self.init(diagnostic.kind, diagnostic.message, at: position)
    }
}
