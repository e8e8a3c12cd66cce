import Display

// MARK: - Output, help and session state

extension Builtins {
    static let output: [Builtin] = [
        Builtin(name: "print", summary: "Writes values to standard output, separated by spaces.",
                doc: "Strings print without quotes; other values as their text/plain form.",
                parameters: [], variadic: "values") { context throws(LanguageError) in
            context.interpreter.sink.stream(.stdout, context.rest.map(\.value.printed).joined(separator: " ") + "\n")
            return .none
        },
        Builtin(name: "warn", summary: "Writes values to standard error, separated by spaces.",
                doc: "For warnings that should stand out from results.",
                parameters: [], variadic: "values") { context throws(LanguageError) in
            context.interpreter.sink.stream(.stderr, context.rest.map(\.value.printed).joined(separator: " ") + "\n")
            return .none
        },
        Builtin(name: "show", summary: "Displays each value (tables, plots, fits...) as rich output.",
                doc: "Only the last expression of a cell is shown automatically (plots and claims always are); show() displays anything earlier.",
                parameters: [], variadic: "values") { context throws(LanguageError) in
            let interpreter = context.interpreter
            for argument in context.rest {
                if let bundle = argument.value.bundle(registry: interpreter.registry) {
                    interpreter.sink.display(bundle, displayID: nil, update: false)
                }
            }
            return .none
        },
        Builtin(name: "clear", summary: "Clears the cell's output so far.",
                doc: "With wait=true the output is cleared only when new output arrives (avoids flicker in loops of displays).",
                parameters: [.builtin("wait", "clear only when new output arrives", kind: .bool, default: "false")]) { context throws(LanguageError) in
            var wait = false
            if let v = context.value("wait") {
                guard case .bool(let b) = v else { throw context.error(.wrongKind(owner: "clear", parameter: "wait", expected: "true or false", given: v.typeName), at: "wait") }
                wait = b
            }
            context.interpreter.sink.clearOutput(wait: wait)
            return .none
        },
        Builtin(name: "help", summary: "Shows the help of a builtin, model, function or operation (or lists them all).",
                doc: "help(ridge) shows the signature, a table of parameters with meaning, default and allowed range, the operations and the paper. ?ridge shows the same in the pager.",
                parameters: [.builtin("topic", "a builtin, model, model instance or its name", kind: .any, default: "none")]) { context throws(LanguageError) in
            let interpreter = context.interpreter
            let topic: HelpTopic?
            switch context.value("topic") {
            case nil, .none?: topic = interpreter.registry.overview
            case .function(let name)?: topic = interpreter.registry.help(for: name)
            case .closure(let f)?: topic = f.helpTopic
            case .string(let name)?:
                topic = interpreter.helpTopic(for: name)
                if topic == nil {
                    throw context.error(.evaluation(.noHelp(name, known: interpreter.knownNames)), at: "topic")
                }
            case .model(let m)?: topic = interpreter.registry.help(for: m.family.name)
            case let v?: topic = HelpTopic(signature: v.typeName, summary: v.plain, rows: [], sections: [], doc: "", reference: "")
            }
            if let topic { interpreter.sink.display(topic.bundle, displayID: nil, update: false) }
            return .none
        },
        Builtin(name: "seed", summary: "Sets the session's random seed, the default seed= of simulations.",
                doc: "After seed(n), every operation with a seed parameter that is not given one uses n, so re-running a notebook gives identical numbers.",
                parameters: [.builtin("n", "the seed", kind: .integer, allowed: "0 ≤ n < 2^53, whole")]) { context throws(LanguageError) in
            guard let n = try context.integer("n", atLeast: 0) else { return .none }
            context.interpreter.seed = Double(n)
            return .none
        },
    ]
}
