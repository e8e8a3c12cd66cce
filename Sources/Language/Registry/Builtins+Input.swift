// MARK: - Reading from the user

extension Builtins {
    static let input: [Builtin] = [
        Builtin(name: "input", summary: "Asks the user to type a line in the front end and returns it as a string.",
                doc: "The kernel sends the prompt as an input_request on the stdin channel and waits for the answer; an interrupt stops the wait. Front ends that do not take input (allow_stdin false) and `solvable run` give an IOError. With password=true the front end hides what is typed.",
                parameters: [
                    .builtin("prompt", "text shown before the answer", kind: .string, default: "\"\""),
                    .builtin("password", "hide what is typed", kind: .bool, default: "false"),
                ]) { context throws(LanguageError) in
            let prompt = try context.string("prompt") ?? ""
            var password = false
            if let v = context.value("password") {
                guard case .bool(let b) = v else {
                    throw context.error(.wrongKind(owner: "input", parameter: "password", expected: "true or false", given: v.typeName), at: "password")
                }
                password = b
            }
            let monitor = context.interpreter.monitor
            switch context.interpreter.sink.input(prompt, password: password, isCancelled: { monitor.isCancelled }) {
            case .success(let line): return .string(line)
            case .failure(.interrupted): throw context.error(.resource(.interrupted(during: nil)))
            case .failure(.unavailable(let why)): throw context.error(.builtin(.inputUnavailable(reason: why)))
            }
        },
    ]
}
