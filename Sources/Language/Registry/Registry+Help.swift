import Models

// MARK: - Help topics from the registry

extension Registry {
    /// The help of whatever `name` refers to (builtin, model, function, operation,
    /// constant), or `nil`.
    public func help(for name: String) -> HelpTopic? {
        switch entry(name) {
        case .builtin(let b)?:
            var rows = b.parameters.map(Self.row)
            if let v = b.variadic { rows.insert(HelpTopic.Row(name: "\(v)...", meaning: "any number of positional values", type: "any", defaultText: "", allowed: ""), at: 0) }
            if let k = b.extraKeywords { rows.append(HelpTopic.Row(name: "name=...", meaning: k, type: "any", defaultText: "", allowed: "")) }
            return HelpTopic(signature: b.signature, summary: b.summary, rows: rows, sections: [], doc: b.doc, reference: "")
        case .family(let f)?:
            let sections = f.operations.map { op in
                HelpTopic.Section(title: "\(op.name)(m\(op.parameters.map { ", " + Self.argumentText($0) }.joined()))",
                                  summary: op.summary, rows: op.parameters.map(Self.row))
            }
            return HelpTopic(signature: "\(f.name)(\(f.parameters.map(Self.argumentText).joined(separator: ", ")))",
                             summary: f.summary, rows: f.parameters.map(Self.row),
                             sections: sections, doc: f.doc, reference: f.reference)
        case .function(let f)?:
            return HelpTopic(signature: "\(f.name)(\(f.parameters.map(Self.argumentText).joined(separator: ", ")))",
                             summary: f.summary, rows: f.parameters.map(Self.row), sections: [], doc: f.doc, reference: f.reference)
        case .operation(let name)?:
            let owners = families(withOperation: name)
            let sections = owners.compactMap { family -> HelpTopic.Section? in
                guard let op = family.operation(name) else { return nil }
                return HelpTopic.Section(title: "\(name)(\(family.name)\(op.parameters.map { ", " + Self.argumentText($0) }.joined()))",
                                         summary: op.summary, rows: op.parameters.map(Self.row))
            }
            return HelpTopic(signature: "\(name)(model, ...)",
                             summary: "An operation of the models \(owners.map(\.name).joined(separator: ", ")); its parameters depend on the model's family. Any model parameter given as a list is swept.",
                             rows: [], sections: sections, doc: "", reference: owners.map(\.reference).filter { !$0.isEmpty }.joined(separator: "; "))
        case nil:
            if let c = Self.constants.first(where: { $0.name == name }) {
                return HelpTopic(signature: name, summary: c.meaning, rows: [], sections: [], doc: "", reference: "")
            }
            return nil
        }
    }

    /// `alpha=1.5` or `P` (required).
    static func argumentText(_ spec: ParameterSpec) -> String {
        if let value = defaultText(spec) { return "\(spec.name)=\(value)" }
        return spec.keywordOnly ? "\(spec.name)=" : spec.name
    }

    /// The default as written in a call (`50`, `"linear"`, `none`), or `nil` if there is none.
    static func defaultText(_ spec: ParameterSpec) -> String? {
        spec.defaultText ?? spec.defaultValue.map(Value.parameterText)
    }

    /// A help row from a model parameter.
    static func row(_ spec: ParameterSpec) -> HelpTopic.Row {
        HelpTopic.Row(name: spec.name, meaning: spec.meaning, type: kindText(spec.kind),
                      defaultText: defaultText(spec) ?? "required",
                      allowed: allowedText(spec))
    }

    /// The kind in words.
    static func kindText(_ kind: ParameterSpec.Kind) -> String {
        switch kind {
        case .real: return "number"
        case .integer: return "integer"
        case .choice: return "string"
        case .vector: return "vector"
        case .table: return "table"
        case .schedule: return "schedule or number"
        case .string: return "string"
        case .bool: return "bool"
        case .list: return "list"
        case .any: return "any"
        case .value(let name): return name
        case .oneOf(let kinds):
            let words = kinds.map(kindText)
            return words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + words.last!
        }
    }

    /// The allowed values in words (`alpha > 0`, `"sgd" | "adam"`).
    static func allowedText(_ spec: ParameterSpec) -> String {
        if let words = spec.allowedText { return words }
        switch spec.kind {
        case .choice(let options): return options.map { "\"\($0)\"" }.joined(separator: " | ")
        case .table, .string, .bool, .list, .any, .value, .oneOf: return ""
        case .real, .integer, .vector, .schedule:
            return spec.range == .any && !spec.range.allowsInfinity ? "" : spec.range.describe(spec.name)
        }
    }
}

extension Registry {
    /// `help()`: every builtin, model, function and operation with its one-line summary.
    var overview: HelpTopic {
        func row(_ name: String, _ type: String, _ summary: String) -> HelpTopic.Row {
            HelpTopic.Row(name: name, meaning: summary, type: type, defaultText: "", allowed: "")
        }
        var sections = [HelpTopic.Section(title: "Builtins", summary: "", rows: builtins.map { row($0.name, "builtin", $0.summary) })]
        if !families.isEmpty {
            sections.append(HelpTopic.Section(title: "Models", summary: "", rows: families.map { row($0.name, "model", $0.summary) }))
        }
        if !functions.isEmpty {
            sections.append(HelpTopic.Section(title: "Functions", summary: "", rows: functions.map { row($0.name, "function", $0.summary) }))
        }
        let ops = operationNames
        if !ops.isEmpty {
            sections.append(HelpTopic.Section(title: "Operations", summary: "called as op(model, ...)",
                                              rows: ops.map { row($0, "operation", "on " + families(withOperation: $0).map(\.name).joined(separator: ", ")) }))
        }
        return HelpTopic(signature: "help(name)", summary: "Solvable: type help(name) or ?name for details.",
                         rows: [], sections: sections, doc: "", reference: "")
    }
}
