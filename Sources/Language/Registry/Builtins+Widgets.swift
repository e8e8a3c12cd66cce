import Foundation

// MARK: - Controls and explore

extension Builtins {
    /// Each slider moves over at most this many steps, so a front end (and the frames
    /// of a static report) stay bounded.
    static let maximumSliderSteps = 1000

    static let widgets: [Builtin] = [
        Builtin(name: "slider", summary: "A slider as a parameter value: its value, which explore lets the reader move.",
                doc: "slider(min, max, value) is value everywhere but inside explore(...), where it becomes a slider (a FloatSlider; a FloatLogSlider with log=true, stepping in decades; an IntSlider when min, max and step are whole numbers). value defaults to the middle of the range (the geometric middle with log=true); step defaults to 1/100 of the range (of the decades with log=true), at least 1/\(maximumSliderSteps).",
                parameters: [
                    .builtin("min", "the lowest value"),
                    .builtin("max", "the highest value", allowed: "max > min"),
                    .builtin("value", "the starting value", default: "middle", allowed: "min ≤ value ≤ max"),
                    .builtin("step", "the step (in decades with log=true)", default: "range/100", keywordOnly: true),
                    .builtin("log", "step on a log scale", kind: .bool, default: "false", allowed: "needs min > 0", keywordOnly: true),
                ]) { context throws(LanguageError) in
            let control = try slider(context)
            return context.interpreter.controlValue(control, at: context.position)
        },
        Builtin(name: "dropdown", summary: "A choice among values as a parameter value: the chosen one, which explore lets the reader change.",
                doc: "dropdown([\"linear\", \"cosine\"]) is its first option (or value=) everywhere but inside explore(...), where it becomes a Dropdown.",
                parameters: [
                    .builtin("options", "the values to choose from", kind: .list),
                    .builtin("value", "the starting option", kind: .any, default: "options[0]"),
                ]) { context throws(LanguageError) in
            guard let list = context.value("options"), let options = list.elements, !options.isEmpty else {
                throw context.error(.widget(.dropdownEmpty), at: "options")
            }
            var value = options[0]
            if let chosen = context.value("value") {
                guard options.contains(where: { $0.plain == chosen.plain }) else {
                    throw context.error(.widget(.dropdownValue(shown: chosen.plain)), at: "value")
                }
                value = chosen
            }
            return context.interpreter.controlValue(Control(kind: .dropdown(options: options), value: value), at: context.position)
        },
        Builtin(name: "checkbox", summary: "A true/false parameter value, which explore shows as a checkbox.",
                doc: "checkbox(true) is true everywhere but inside explore(...), where it becomes a Checkbox.",
                parameters: [.builtin("value", "the starting value", kind: .bool, default: "false")]) { context throws(LanguageError) in
            var value = false
            if let v = context.value("value") {
                guard case .bool(let b) = v else {
                    throw context.error(.wrongKind(owner: "checkbox", parameter: "value", expected: "true or false", given: v.typeName), at: "value")
                }
                value = b
            }
            return context.interpreter.controlValue(Control(kind: .checkbox, value: .bool(value)), at: context.position)
        },
        Builtin(name: "explore", summary: "Shows an expression with its controls and redraws it when a control moves.",
                doc: "explore(expr) receives expr unevaluated: each slider(...), dropdown(...) or checkbox(...) in it becomes a Jupyter widget, and moving one re-evaluates expr with the new value (a move during a redraw cancels it; the latest value wins). A redraw reads the session's names as the last finished cell left them, so controls stay live while another cell runs. Example: explore(plot(theory(ridge(alpha=slider(1, 3, 1.5), beta=1.2, noise=0.1, dim=1000, lambda=1e-3), P=geomspace(10, 1e4, 40)), x=\"P\", y=\"test\", scale=\"loglog\")). `solvable run` saves the widgets' state and frames over the controls' grid (coarser, or none, when the cell's estimate says they would pass its time limit; the figure says which), so `solvable render` makes an offline interactive figure.",
                parameters: [.builtin("expr", "an expression with controls in it", kind: .any)]) { context throws(LanguageError) in
            throw context.error(.widget(.exploreByName))
        },
    ]

    /// The slider `slider(min, max, value, step=, log=)` describes, checked.
    private static func slider(_ context: CallContext) throws(LanguageError) -> Control {
        guard let low = try context.number("min"), let high = try context.number("max"), low.isFinite, high.isFinite else {
            throw context.error(.widget(.sliderFinite), at: "min")
        }
        guard high > low else {
            throw context.error(.widget(.sliderOrder(min: low, max: high)), at: "max")
        }
        var log = false
        if let v = context.value("log") {
            guard case .bool(let b) = v else { throw context.error(.wrongKind(owner: "slider", parameter: "log", expected: "true or false", given: v.typeName), at: "log") }
            log = b
        }
        if log && low <= 0 {
            throw context.error(.widget(.sliderLogMin(low)), at: "min")
        }
        let span = log ? Foundation.log10(high / low) : high - low
        let step = try context.number("step") ?? span / 100
        guard step.isFinite, step >= span / Double(maximumSliderSteps) else {
            throw context.error(.widget(.sliderStep(step: step, smallest: span / Double(maximumSliderSteps), steps: maximumSliderSteps)), at: "step")
        }
        let integer = !log && [low, high, step].allSatisfy { $0.rounded() == $0 } && context.value("step") != nil
        let value = try context.number("value") ?? (log ? (low * high).squareRoot() : (integer ? ((low + high) / 2).rounded(.down) : (low + high) / 2))
        guard value >= low, value <= high else {
            throw context.error(.widget(.sliderValue(value: value, min: low, max: high)), at: "value")
        }
        return Control(kind: .slider(min: low, max: high, step: step, log: log, integer: integer), value: .number(value))
    }
}
