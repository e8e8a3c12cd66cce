import Display

// MARK: - explore(expr): a special form over the controls in its expression

extension Interpreter {
    /// `explore(expr)` receives `expr` unevaluated: it evaluates it once, recording the
    /// controls met (`slider`, `dropdown`, `checkbox`), keeps the expression so a front
    /// end can re-evaluate it (`ExploreShelf.redraw`) with a copy of the session, and
    /// displays the view with the controls.
    /// - Returns: `nil` when the call is not `explore` (a variable named so shadows it).
    func exploreCall(_ callee: Expr, _ arguments: [Argument], at position: SourcePosition) throws(LanguageError) -> Value? {
        guard case .name("explore") = callee.kind, variables["explore"] == nil else { return nil }
        guard arguments.count == 1, let argument = arguments.first, argument.label == nil else {
            throw LanguageError(.evaluation(.exploreArity), at: position)
        }
        guard !controls.capturing else {
            throw LanguageError(.evaluation(.exploreNested), at: callee.position)
        }
        let source = frames.source
        let (value, seen, seconds) = try evaluateExploring(argument.value, source: source, settings: [:])
        guard !seen.isEmpty else {
            throw LanguageError(.evaluation(.exploreNoControl), at: argument.value.position)
        }
        var labels: [Int: String] = [:]
        Self.keywordLabels(argument.value, into: &labels)
        let named = seen.enumerated().map { i, entry in
            var control = entry.control
            control.label = (entry.key.source == source ? labels[entry.key.offset] : nil) ?? "control \(i + 1)"
            return (key: entry.key, control: control)
        }
        let exploration = Exploration(expression: argument.value, source: source, controls: named)
        let id = explores.add(ExploreShelf.Entry(exploration: exploration, estimatedSeconds: seconds, cellStart: cellStart,
                                                 cellLimit: limits.seconds), from: self)
        sink.display(exploration.bundle(id: id, view: value.bundle(registry: registry)), displayID: nil, update: false)
        return Value.none
    }

    /// Evaluates `expression`, written in cell run `source`, with the controls at the
    /// keys of `settings` set to those values; returns the value, the controls met and
    /// the estimated seconds of the operations it ran.
    func evaluateExploring(_ expression: Expr, source: Int, settings: [ControlKey: Value]) throws(LanguageError)
        -> (Value, [(key: ControlKey, control: Control)], Double) {
        controls = ControlBoard(capturing: true, settings: settings)
        let outer = frames.source
        frames.source = source
        defer {
            controls = ControlBoard()
            frames.source = outer
        }
        let value = try evaluate(expression)
        return (value, controls.seen, controls.estimatedSeconds)
    }

    /// The value a control call at `position` evaluates to: its own value, or inside
    /// `explore` the user's setting, recording the control the first time it is met.
    func controlValue(_ control: Control, at position: SourcePosition) -> Value {
        guard controls.capturing else { return control.value }
        let key = ControlKey(source: frames.source, offset: position.offset)
        if !controls.seen.contains(where: { $0.key == key }) {
            controls.seen.append((key, control))
        }
        return controls.settings[key] ?? control.value
    }

    /// The keyword each call argument is passed as, by the offset of its value
    /// (`alpha` for the slider in `ridge(alpha=slider(...))`).
    static func keywordLabels(_ e: Expr, into labels: inout [Int: String]) {
        switch e.kind {
        case .call(let callee, let arguments):
            keywordLabels(callee, into: &labels)
            for argument in arguments {
                if let label = argument.label { labels[argument.value.position.offset] = label }
                keywordLabels(argument.value, into: &labels)
            }
        case .list(let items): items.forEach { keywordLabels($0, into: &labels) }
        case .unary(_, let a), .not(let a), .field(let a, _, _): keywordLabels(a, into: &labels)
        case .binary(_, let a, let b), .index(let a, let b), .logical(_, let a, let b):
            keywordLabels(a, into: &labels)
            keywordLabels(b, into: &labels)
        case .chain(let a, let rest):
            keywordLabels(a, into: &labels)
            rest.forEach { keywordLabels($0.right, into: &labels) }
        case .conditional(let a, let b, let c): [a, b, c].forEach { keywordLabels($0, into: &labels) }
        case .comprehension(let element, _): keywordLabels(element, into: &labels)
        case .number, .string, .bool, .none, .name, .local, .lambda: break
        }
    }
}
