import Display
import JSON

/// A control written as a parameter value — `slider(1, 3, 1.5)`, `dropdown([...])`,
/// `checkbox(true)`. Outside `explore` it is just its value; inside, `explore` records
/// it and re-evaluates the expression with the value the user picks.
struct Control: Sendable {
    /// What the user moves.
    enum Kind: Sendable {
        /// A range; `log` steps in log10 (`step` is then in decades); `integer` keeps
        /// whole numbers.
        case slider(min: Double, max: Double, step: Double, log: Bool, integer: Bool)
        /// A choice among values.
        case dropdown(options: [Value])
        /// True or false.
        case checkbox
    }

    var kind: Kind
    /// The value the expression gets now.
    var value: Value
    /// The parameter it sets (`alpha` in `alpha=slider(...)`), shown beside it.
    var label = ""

    /// The control as the explore display carries it (see `Exploration.bundle`).
    var json: JSONValue {
        switch kind {
        case .slider(let min, let max, let step, let log, let integer):
            return ["kind": "slider", "label": .string(label), "min": .double(min), "max": .double(max),
                    "step": .double(step), "log": .bool(log), "integer": .bool(integer), "value": setting]
        case .dropdown(let options):
            return ["kind": "dropdown", "label": .string(label), "options": .array(options.map { .string($0.plain) }),
                    "value": setting]
        case .checkbox:
            return ["kind": "checkbox", "label": .string(label), "value": setting]
        }
    }

    /// The current value as a front end sets it: a number, an option's index, a bool.
    var setting: JSONValue {
        switch (kind, value) {
        case (.dropdown(let options), _):
            return .int(options.firstIndex { $0.plain == value.plain } ?? 0)
        case (_, .bool(let b)): return .bool(b)
        case (_, .number(let x)): return .double(x)
        default: return .null
        }
    }

    /// The value a front end's `setting` stands for, or an error naming the range.
    func value(for setting: JSONValue) throws(LanguageError) -> Value {
        switch kind {
        case .slider(let min, let max, _, _, let integer):
            guard let x = setting.doubleValue, x.isFinite else {
                throw LanguageError(.widget(.sliderSetting(label: label, shown: JSONWriter.string(setting))), at: nil)
            }
            guard x >= min - 1e-12 * Swift.max(1, abs(min)), x <= max + 1e-12 * Swift.max(1, abs(max)) else {
                throw LanguageError(.widget(.sliderSettingRange(label: label, value: x, min: min, max: max)), at: nil)
            }
            return .number(integer ? x.rounded() : Swift.min(Swift.max(x, min), max))
        case .dropdown(let options):
            guard let i = setting.intValue, options.indices.contains(i) else {
                throw LanguageError(.widget(.dropdownIndex(label: label, shown: JSONWriter.string(setting), count: options.count)), at: nil)
            }
            return options[i]
        case .checkbox:
            guard let b = setting.boolValue else {
                throw LanguageError(.widget(.checkboxSetting(label: label, shown: JSONWriter.string(setting))), at: nil)
            }
            return .bool(b)
        }
    }
}

/// Where a control call is written: the cell run whose text holds it (for a call in a
/// user function's body, the cell that defined the function) and its offset there, so
/// controls at the same offset of different cells stay apart.
struct ControlKey: Hashable, Sendable {
    /// The cell run (`CallFrames.source`).
    var source: Int
    /// The offset of the call in that cell.
    var offset: Int
}

/// The controls met while `explore` evaluates its expression, keyed by where each
/// control call is written, and the values the user set for them.
struct ControlBoard {
    /// Whether an `explore` is evaluating (outside, a control is just its value).
    var capturing = false
    /// The user's values, by where the control's call is written.
    var settings: [ControlKey: Value] = [:]
    /// The controls met, in evaluation order, with where they are written.
    var seen: [(key: ControlKey, control: Control)] = []
    /// The estimated seconds (`WorkEstimate`) of the operations admitted so far.
    var estimatedSeconds = 0.0
}

/// One `explore(expr)`: the unevaluated expression and its controls, kept by the
/// session so a front end can re-evaluate it with new control values.
struct Exploration: Sendable {
    /// The expression `explore` received.
    var expression: Expr
    /// The cell run the expression was written in (`CallFrames.source`).
    var source: Int
    /// Its controls, by where their call is written.
    var controls: [(key: ControlKey, control: Control)]

    /// The MIME type of an explore display: `{id, controls: [...]}` beside the view's
    /// own representations (SVG, HTML, text) as the fallback for static front ends.
    static let mimeType = "application/vnd.solvable.explore+json"

    /// The display of exploration `id` showing `view`.
    func bundle(id: Int, view: MIMEBundle?) -> MIMEBundle {
        var data = view?.data ?? ["text/plain": .string("none")]
        data[Self.mimeType] = ["id": .int(id), "controls": .array(controls.map(\.control.json))]
        return MIMEBundle(data: data, metadata: view?.metadata ?? [:])
    }
}
