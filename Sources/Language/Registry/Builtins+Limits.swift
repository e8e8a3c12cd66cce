import NumericCore

// MARK: - Resource limits

extension Builtins {
    static let limits: [Builtin] = [
        Builtin(name: "limits", summary: "Shows or raises the memory and time a cell may use.",
                doc: """
                Every cell may hold at most `memory` bytes of values (the session's variables \
                included) and run at most `seconds`; work estimated to pass either is refused up \
                front, and work that runs past the time limit stops with a ResourceError. \
                limits() shows the limits in force with what the session holds (held) and how long \
                this cell has run (elapsed). limits(seconds=3600, memory=16e9) raises them for the \
                session; with cell=true only for the rest of this cell. Defaults: 8 GiB and 600 s.
                """,
                parameters: [
                    .builtin("seconds", "time limit per cell", default: "600",
                                     allowed: "0 < seconds ≤ \(Int(ResourceLimits.maximumSeconds))", keywordOnly: true),
                    .builtin("memory", "memory limit in bytes (8 GiB)", default: "8589934592",
                                     allowed: "1e6 ≤ memory ≤ the machine's memory", keywordOnly: true),
                    .builtin("cell", "set the limits for the rest of this cell only", kind: .bool,
                                     default: "false", keywordOnly: true),
                ]) { c throws(LanguageError) in
            let interpreter = c.interpreter
            let seconds = try c.number("seconds"), memory = try c.number("memory")
            if let seconds, !(seconds > 0 && seconds <= ResourceLimits.maximumSeconds) {
                throw c.error(.outOfRange(parameter: "seconds", value: seconds,
                                    allowed: "0 < seconds ≤ \(Int(ResourceLimits.maximumSeconds)) (one day)", entry: nil), at: "seconds")
            }
            let physical = Interpreter.physicalMemory
            if let memory, !(memory >= 1e6 && memory <= physical) {
                throw c.error(.outOfRange(parameter: "memory", value: memory, allowed: "1e6 ≤ memory ≤ \(NumberText.plain(physical)) "
                                    + "(this machine's memory, \(ResourceLimits.describe(bytes: physical)))", entry: nil),
                              at: "memory")
            }
            var cell = false
            if let v = c.value("cell") {
                guard case .bool(let b) = v else { throw c.error(.wrongKind(owner: "limits", parameter: "cell", expected: "true or false", given: v.typeName), at: "cell") }
                cell = b
            }
            interpreter.setLimits(seconds: seconds, memory: memory, cell: cell)
            if seconds != nil || memory != nil { return .none }
            let now = interpreter.limits
            return .record([
                Value.Field("seconds", .number(now.seconds)),
                Value.Field("memory", .number(now.bytes)),
                Value.Field("held", .number(interpreter.heldBytes())),
                Value.Field("elapsed", .number((interpreter.elapsedSeconds * 1000).rounded() / 1000)),
            ])
        },
    ]
}
