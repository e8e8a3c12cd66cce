extension Diagnostic {
    /// The errors the evaluator's own checks raise — names, fields, indexing, operators,
    /// comparisons, truth values, loops, user functions, explore, help — each with its kind and its one rendering
    /// (`Diagnostic.evaluation`). Type names are as `Value.typeName` words them (`a number`).
    enum Evaluation {
        /// A name with no value; `known` feed the suggestion.
        case undefinedName(String, known: [String])
        /// A field a value does not have: `owner` (`the table`), `noun` (`column`), the names it has.
        case noField(owner: String, noun: String, name: String, names: [String])
        /// A field a scaling fit lacks; `hint` says which option would have made it.
        case noFitField(law: String, name: String, fields: [String], hint: FitFieldHint?)
        /// A field asked of a value that has none.
        case noFields(typeName: String, name: String)
        /// An index that is not a whole number (`given`: its type name or its value).
        case notWholeIndex(given: String)
        /// An index past the end (`allowed`: the indices there are, if said).
        case indexOutOfRange(index: Double, typeName: String, length: Int, allowed: String?)
        /// A value that cannot be indexed.
        case cannotIndex(typeName: String)
        /// A mask of the wrong length (`what`: `elements`, `rows`).
        case maskLength(mask: Int, typeName: String, count: Int, what: String)
        /// A value a mask cannot select from.
        case cannotMask(typeName: String)
        /// `t[0] = ...`.
        case columnKey(typeName: String)
        /// Item assignment on a value that has no items.
        case noItemAssignment(typeName: String)
        /// A new column whose length is not the table's.
        case columnLength(name: String, values: Int, rows: Int)
        /// A column given values that are neither numbers nor strings (`what`: `none`, `a list holding a number`).
        case columnValues(what: String)
        /// Lists nested past the limit.
        case nestedTooDeeply(limit: Int)
        /// An arithmetic operator on values it does not apply to (`what`: `apply '+' to`, `negate`).
        case badOperands(what: String, shown: String)
        /// Vectors (`vectors`) or sequences of different lengths under one operator.
        case lengthMismatch(noun: String, m: Int, n: Int, op: String)
        /// A swept operation whose result is neither a table nor a record.
        case unsweepableResult(typeName: String)
        /// Sweep points whose result tables do not share a column.
        case sweepColumns(missing: String)
        /// `x / 0`, `x // 0`, `x % 0`.
        case divisionByZero
        /// `(-8) ^ 0.5`.
        case negativeToFractionalPower(base: Double, exponent: Double)
        /// `0 ^ -1`.
        case zeroToNegativePower(exponent: Double)
        /// An operator the evaluator does not know (a parser bug if ever seen).
        case unknownOperator(String)
        /// `if v:` on a vector or list (`count`: its elements).
        case ambiguousTruth(typeName: String, count: Int)
        /// `if t:` on a table.
        case ambiguousTableTruth
        /// An ordering between values of two kinds.
        case cannotCompare(String, String)
        /// An operator unsupported between two kinds.
        case unsupportedOperator(op: String, String, String)
        /// `x in 2`.
        case badContainer(typeName: String)
        /// `for r in t`.
        case loopOverTable
        /// `for x in 3`.
        case cannotLoop(typeName: String, name: String)
        /// A function's local read before the function assigns it.
        case usedBeforeAssignment(String)
        /// More positional arguments than a user function takes (`takes`: `2`, `from 1 to 2`).
        case functionPositional(function: String, takes: String, parameters: Int, given: Int)
        /// A keyword a user function does not take.
        case functionKeyword(function: String, keyword: String, names: [String])
        /// A user function's parameter given twice.
        case functionDuplicate(function: String, keyword: String)
        /// A user function's required parameters left out (quoted names).
        case functionMissing(function: String, missing: [String])
        /// Nested calls past the recursion limit.
        case recursionLimit(function: String, limit: Int)
        /// Nested calls past the room on the stack.
        case stackFull(function: String, depth: Int)
        /// `explore` given other than one positional expression.
        case exploreArity
        /// `explore` inside `explore`.
        case exploreNested
        /// `explore` of an expression with no control in it.
        case exploreNoControl
        /// `?name` for a name that is nothing; `known` feed the suggestion.
        case noHelp(String, known: [String])

        /// The error kind a user sees.
        var kind: LanguageError.Kind {
            switch self {
            case .unsweepableResult, .sweepColumns: return .argument
            case .undefinedName, .noField, .noFitField, .usedBeforeAssignment, .noHelp: return .name
            case .functionPositional, .functionKeyword, .functionDuplicate, .functionMissing, .exploreArity, .exploreNested,
                 .exploreNoControl:
                return .argument
            case .recursionLimit, .stackFull: return .recursion
            case .indexOutOfRange, .maskLength: return .index
            case .columnLength, .lengthMismatch: return .argument
            case .nestedTooDeeply: return .resource
            case .divisionByZero, .negativeToFractionalPower, .zeroToNegativePower: return .domain
            case .unknownOperator: return .syntax
            case .noFields, .notWholeIndex, .cannotIndex, .cannotMask, .columnKey, .noItemAssignment, .columnValues,
                 .badOperands, .ambiguousTruth, .ambiguousTableTruth, .cannotCompare, .unsupportedOperator,
                 .badContainer, .loopOverTable, .cannotLoop:
                return .type
            }
        }

        /// The message, without the position.
        var message: String {
            switch self {
            case .undefinedName(let name, let known):
                return "name '\(name)' is not defined" + Suggestion.clause(for: name, in: known)
            case .noField(let owner, let noun, let name, let names):
                return "\(owner) has no \(noun) '\(name)' (\(noun)s: \(names.joined(separator: ", ")))"
                    + Suggestion.clause(for: name, in: names)
            case .noFitField(let law, let name, let fields, let hint):
                let listed = "a \(law) fit has no field '\(name)' (fields: \(fields.joined(separator: ", ")))"
                return listed + (hint.map { "; " + $0.text } ?? Suggestion.clause(for: name, in: fields))
            case .unsweepableResult(let typeName): return "this operation returns \(typeName), which cannot be swept"
            case .sweepColumns(let missing): return "sweep results differ: a table lacks column '\(missing)'"
            case .noFields(let typeName, let name): return "\(typeName) has no fields (asked for '\(name)')"
            case .notWholeIndex(let given): return "an index must be a whole number, not \(given)"
            case .indexOutOfRange(let index, let typeName, let length, let allowed):
                return "index \(NumberText.plain(index)) is out of range for \(typeName) of length \(length)" + (allowed.map { " (\($0))" } ?? "")
            case .cannotIndex(let typeName): return "\(typeName) cannot be indexed"
            case .maskLength(let mask, let typeName, let count, let what):
                return "a mask of \(mask) elements cannot select from \(typeName) of \(count) \(what)"
            case .cannotMask(let typeName): return "\(typeName) cannot be indexed with a mask"
            case .columnKey(let typeName):
                return "a table's columns are set by name, as in t[\"z\"] = values, not by \(typeName)"
            case .noItemAssignment(let typeName):
                return "\(typeName) does not support item assignment; only tables (columns), lists and vectors do"
            case .columnLength(let name, let values, let rows):
                return "the new column '\(name)' has \(values) values but the table has \(rows) rows"
            case .columnValues(let what): return "a column holds numbers or strings, not \(what)"
            case .nestedTooDeeply(let limit): return "lists nested more than \(limit) deep are not supported"
            case .badOperands(let what, let shown): return "cannot \(what) \(shown)"
            case .lengthMismatch(let noun, let m, let n, let op):
                return "\(noun) of different lengths (\(m) and \(n)) cannot be combined with '\(op)'"
            case .divisionByZero: return "division by zero"
            case .negativeToFractionalPower(let base, let exponent):
                return "a negative number (\(NumberText.plain(base))) to a fractional power (\(NumberText.plain(exponent))) is not a real number"
            case .zeroToNegativePower(let exponent): return "0 to a negative power (\(NumberText.plain(exponent))) is infinite"
            case .unknownOperator(let op): return "unknown operator '\(op)'"
            case .ambiguousTruth(let typeName, let count):
                return "the truth value of \(typeName) with \(count) elements is ambiguous; use any(...) or all(...)"
            case .ambiguousTableTruth:
                return "the truth value of a table is ambiguous; test len(t) > 0, or a column with any(...) or all(...)"
            case .cannotCompare(let a, let b): return "cannot compare \(a) with \(b)"
            case .unsupportedOperator(let op, let a, let b): return "'\(op)' is not supported between \(a) and \(b)"
            case .badContainer(let typeName):
                return "'in' needs a list, vector, mask, string, row or table on its right, not \(typeName)"
            case .loopOverTable:
                return "cannot loop over a table; loop over a column (for x in t.name) or the row numbers (for i in range(len(t)))"
            case .cannotLoop(let typeName, let name):
                return "cannot loop over \(typeName) in 'for \(name) in ...'; give a list, vector, range(...) or string"
            case .usedBeforeAssignment(let name): return "local variable '\(name)' is used before it is assigned"
            case .functionPositional(let function, let takes, let parameters, let given):
                return "\(function)() takes \(takes) positional argument\(parameters == 1 ? "" : "s") but \(given) \(given == 1 ? "was" : "were") given"
            case .functionKeyword(let function, let keyword, let names):
                return "\(function)() got an unexpected keyword argument '\(keyword)'"
                    + (names.isEmpty ? " (it takes no arguments)" : " (parameters: \(names.joined(separator: ", ")))")
                    + Suggestion.clause(for: keyword, in: names)
            case .functionDuplicate(let function, let keyword): return "\(function)() got multiple values for argument '\(keyword)'"
            case .functionMissing(let function, let missing):
                let list = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " and " + (missing.last ?? "")
                return "\(function)() missing \(missing.count) required argument\(missing.count == 1 ? "" : "s"): \(list)"
            case .recursionLimit(let function, let limit): return "maximum recursion depth \(limit) exceeded in \(function)"
            case .stackFull(let function, let depth):
                return "maximum recursion depth exceeded in \(function) (the stack is full after \(depth) nested calls)"
            case .exploreArity:
                return "explore takes one expression with controls in it, e.g. explore(plot(theory(ridge(alpha=slider(1, 3, 1.5), ...), ...)))"
            case .exploreNested: return "explore cannot be nested inside another explore"
            case .exploreNoControl:
                return "explore: the expression has no control; write slider(min, max, value), dropdown([...]) or checkbox(value) as a parameter value"
            case .noHelp(let name, let known):
                return "no help for '\(name)': it is not a builtin, model or variable" + Suggestion.clause(for: name, in: known)
            }
        }
    }
}

extension Diagnostic.Evaluation {
    /// The option a scaling fit's missing field needs (`Evaluation.noFitField`).
    enum FitFieldHint {
        /// `E_low`, `alpha_high`, ...: the 95% intervals of a bootstrap.
        case intervals
        /// `holdout_error`, ...: a hold-out check.
        case holdout

        /// The advice, after the list of fields.
        var text: String {
            switch self {
            case .intervals: return "intervals need fit(..., bootstrap=1000)"
            case .holdout: return "a hold-out check needs fit(..., holdout=k)"
            }
        }
    }
}
