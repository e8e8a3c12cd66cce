import Display
import JSON
import Models

// MARK: - complete and inspect

extension Session {
    /// Completion candidates at `cursor` (Unicode scalars from the start of `code`):
    /// inside a call, the callee's parameters first (`ridge(al` → `alpha`; `theory(m, `
    /// → the operation's and the model's parameters for `m`'s family); after `x.`, the
    /// fields of `x`; otherwise every variable, builtin, model, function, operation and
    /// constant starting with the typed prefix.
    public func complete(_ code: String, cursor: Int) -> Completion {
        let scalars = Array(code.unicodeScalars)
        let end = max(0, min(cursor, scalars.count))
        var start = end
        while start > 0 && CallScanner.isNameContinue(scalars[start - 1]) { start -= 1 }
        var prefix = ""
        prefix.unicodeScalars.append(contentsOf: scalars[start..<end])
        var candidates: [(String, String)] = []
        if start > 0 && scalars[start - 1] == "." {
            var baseStart = start - 1
            while baseStart > 0 && CallScanner.isNameContinue(scalars[baseStart - 1]) { baseStart -= 1 }
            var base = ""
            base.unicodeScalars.append(contentsOf: scalars[baseStart..<(start - 1)])
            candidates = fields(ofVariable: base).map { ($0, "field") }
        } else {
            if let frame = CallScanner.innermostCall(scalars, upTo: start), !frame.inValue {
                candidates += parameterNames(for: frame).filter { !frame.givenKeywords.contains($0) }.map { ($0, "param") }
            }
            candidates += interpreter.variables.sorted { $0.key < $1.key }.map { name, value in
                if case .closure = value { return (name, "function") }
                return (name, "variable")
            }
            candidates += registry.builtins.map { ($0.name, "function") }
            candidates += registry.families.map { ($0.name, "model") }
            candidates += registry.functions.map { ($0.name, "function") }
            candidates += registry.operationNames.map { ($0, "operation") }
            candidates += Registry.constants.map { ($0.name, "constant") }
        }
        var seen: Set<String> = []
        let matches = candidates.filter { $0.0.hasPrefix(prefix) && seen.insert($0.0).inserted }
        let types: [JSONValue] = matches.map {
            ["start": .int(start), "end": .int(end), "text": .string($0.0), "type": .string($0.1)]
        }
        return Completion(matches: matches.map(\.0), cursorStart: start, cursorEnd: end,
                          metadata: ["_jupyter_types_experimental": .array(types)])
    }

    /// Help for the name under or before `cursor` (Shift-Tab): a variable's value or
    /// model, a builtin's or model's help; inside a call's arguments, the callee's help.
    public func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MIMEBundle? {
        let scalars = Array(code.unicodeScalars)
        let at = max(0, min(cursor, scalars.count))
        var start = at, end = at
        while start > 0 && CallScanner.isNameContinue(scalars[start - 1]) { start -= 1 }
        while end < scalars.count && CallScanner.isNameContinue(scalars[end]) { end += 1 }
        var name = ""
        name.unicodeScalars.append(contentsOf: scalars[start..<end])
        let isKeyword = end < scalars.count && scalars[end] == "=" && (end + 1 >= scalars.count || scalars[end + 1] != "=")
        if !name.isEmpty, !isKeyword, let first = name.unicodeScalars.first, CallScanner.isNameStart(first),
           let topic = interpreter.helpTopic(for: name) {
            return topic.bundle
        }
        if let frame = CallScanner.innermostCall(scalars, upTo: start), let callee = frame.callee,
           let topic = interpreter.helpTopic(for: callee) {
            return topic.bundle
        }
        return nil
    }

    /// The keyword parameters of the call in `frame`.
    private func parameterNames(for frame: CallScanner.Frame) -> [String] {
        guard let callee = frame.callee else { return [] }
        if case .closure(let f)? = interpreter.variables[callee] { return f.definition.parameters.map(\.name) }
        switch registry.entry(callee) {
        case .builtin(let b)?: return b.parameters.map(\.name)
        case .family(let f)?: return f.parameters.map(\.name)
        case .function(let f)?: return f.parameters.map(\.name)
        case .operation(let op)?:
            let modelName = frame.receiver ?? frame.firstArgument
            if case .model(let m)? = interpreter.variables[modelName], let operation = m.family.operation(op) {
                return operation.parameters.map(\.name) + m.family.parameters.map(\.name)
            }
            if let family = registry.families.first(where: { modelName.hasPrefix($0.name + "(") }), let operation = family.operation(op) {
                return operation.parameters.map(\.name) + family.parameters.map(\.name)
            }
            return registry.families(withOperation: op).flatMap { $0.operation(op)?.parameters.map(\.name) ?? [] }
        case nil:
            return []
        }
    }

    /// The fields of the variable `name` (columns, parameters, fit fields), for `x.` completion.
    private func fields(ofVariable name: String) -> [String] {
        switch interpreter.variables[name] {
        case .table(let t)?: return t.columnNames
        case .record(let f)?: return f.map(\.name)
        case .model(let m)?: return m.family.parameters.map(\.name) + m.family.operations.map(\.name)
        case .fit(let f)?: return Interpreter.fitFields(f).map(\.0)
        case .scalingFit(let f)?: return ScalingFitDisplay.fields(f).map(\.0)
        case .claim?: return ["text", "measured", "expect", "pass"]
        default: return []
        }
    }
}
