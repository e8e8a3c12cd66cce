extension Diagnostic {
    /// The errors of the control builtins (`slider`, `dropdown`, `explore` called
    /// indirectly) and of the settings a front end sends back for an `explore`
    /// (`Session.reexplore`), each with its kind and its one rendering (`Diagnostic.widget`).
    /// `label` is the control's label; `shown` is a setting as JSON spells it.
    enum Widget {
        /// `dropdown([])` or options that are not a list.
        case dropdownEmpty
        /// A `dropdown` value (`shown`: as the language prints it) not among the options.
        case dropdownValue(shown: String)
        /// `explore` reached through a variable, which would evaluate its argument.
        case exploreByName
        /// A slider whose bounds are not finite.
        case sliderFinite
        /// A slider whose max is not above its min.
        case sliderOrder(min: Double, max: Double)
        /// A logarithmic slider whose min is not positive.
        case sliderLogMin(Double)
        /// A slider step too fine for the most steps a slider has.
        case sliderStep(step: Double, smallest: Double, steps: Int)
        /// A slider value outside its bounds.
        case sliderValue(value: Double, min: Double, max: Double)

        /// A front end's slider setting that is not a finite number.
        case sliderSetting(label: String, shown: String)
        /// A front end's slider setting outside the slider's bounds.
        case sliderSettingRange(label: String, value: Double, min: Double, max: Double)
        /// A front end's dropdown setting that is not an index of its options.
        case dropdownIndex(label: String, shown: String, count: Int)
        /// A front end's checkbox setting that is not a bool.
        case checkboxSetting(label: String, shown: String)
        /// A front end's redraw of an explore the session does not have.
        case noExplore(id: Int)
        /// A front end's redraw with a setting count other than the explore's controls.
        case settingCount(id: Int, controls: Int, given: Int)

        /// The error kind a user sees.
        var kind: LanguageError.Kind {
            switch self {
            case .dropdownEmpty, .exploreByName, .sliderFinite: return .argument
            case .sliderSetting, .sliderSettingRange, .dropdownIndex, .checkboxSetting, .settingCount: return .argument
            case .noExplore: return .name
            case .dropdownValue, .sliderOrder, .sliderLogMin, .sliderStep, .sliderValue: return .domain
            }
        }

        /// The message, without the position.
        var message: String {
            switch self {
            case .dropdownEmpty: return "dropdown: options must be a non-empty list, e.g. dropdown([\"a\", \"b\"])"
            case .dropdownValue(let shown): return "dropdown: value \(shown) is not one of the options"
            case .exploreByName:
                return "explore must be called by name, as explore(expr), so that it receives the expression unevaluated"
            case .sliderFinite: return "slider needs finite min and max"
            case .sliderOrder(let low, let high):
                return "slider: max = \(NumberText.plain(high)) must be greater than min = \(NumberText.plain(low))"
            case .sliderLogMin(let low): return "slider: log=true needs min > 0 (got min = \(NumberText.plain(low)))"
            case .sliderStep(let step, let smallest, let steps):
                return "slider: step = \(NumberText.plain(step)) is out of range: allowed \(NumberText.plain(smallest)) ≤ step (at most \(steps) steps)"
            case .sliderValue(let value, let low, let high):
                return "slider: value = \(NumberText.plain(value)) is outside [\(NumberText.plain(low)), \(NumberText.plain(high))]"
            case .sliderSetting(let label, let shown): return "\(label): a slider takes a number, not \(shown)"
            case .sliderSettingRange(let label, let value, let low, let high):
                return "\(label) = \(NumberText.plain(value)) is outside the slider's range [\(NumberText.plain(low)), \(NumberText.plain(high))]"
            case .dropdownIndex(let label, let shown, let count): return "\(label): option index \(shown) is not in 0..<\(count)"
            case .checkboxSetting(let label, let shown): return "\(label): a checkbox takes true or false, not \(shown)"
            case .noExplore(let id): return "no explore with id \(id) in this session"
            case .settingCount(let id, let controls, let given): return "explore \(id) has \(controls) controls, got \(given) values"
            }
        }
    }
}
