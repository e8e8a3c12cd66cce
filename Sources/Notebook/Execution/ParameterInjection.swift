import JSON

/// papermill-style parameters: `-p name=value` overrides become an extra cell tagged
/// `injected-parameters` placed right after the cell tagged `parameters` (or first,
/// if no cell is tagged), replacing any injected cell left by an earlier run.
public enum ParameterInjection {
    /// The tag of the cell whose defaults may be overridden.
    public static let parametersTag = "parameters"
    /// The tag of the cell `solvable run` adds.
    public static let injectedTag = "injected-parameters"

    /// Parses `name=value` into a name and a language literal: numbers (and the words
    /// `true`, `false`, `none`) stay as written, a bracketed list stays as written,
    /// anything else becomes a quoted string.
    /// - Throws: `NotebookError` if there is no `=` or the name is not an identifier.
    public static func parse(_ assignment: String) throws(NotebookError) -> (name: String, literal: String) {
        guard let equals = assignment.firstIndex(of: "=") else {
            throw NotebookError(path: "-p \(assignment)", message: "expected name=value")
        }
        let name = String(assignment[..<equals]).trimmingSpaces
        let value = String(assignment[assignment.index(after: equals)...]).trimmingSpaces
        guard isIdentifier(name) else {
            throw NotebookError(path: "-p \(assignment)",
                                message: "'\(name)' is not a valid name (letters, digits and _, not starting with a digit)")
        }
        return (name, literal(value))
    }

    /// The literal for a parameter value, as described in `parse`.
    public static func literal(_ value: String) -> String {
        if Double(value) != nil || ["true", "false", "none"].contains(value) { return value }
        if value.hasPrefix("["), value.hasSuffix("]") { return value }
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { return value }
        return JSONWriter.string(.string(value))
    }

    /// Returns `notebook` with a cell holding `# Parameters` and one `name = value` line
    /// per override, replacing the injected cell of an earlier run. With no overrides the
    /// notebook is returned unchanged (as papermill does), so re-running a parameterised
    /// notebook reproduces it.
    public static func inject(_ parameters: [(name: String, literal: String)], into notebook: Notebook) -> Notebook {
        guard !parameters.isEmpty else { return notebook }
        var result = notebook
        result.cells.removeAll { $0.tags.contains(injectedTag) }
        var source = "# Parameters\n"
        for (name, literal) in parameters { source += "\(name) = \(literal)\n" }
        let cell = Cell(kind: .code, source: source, id: injectedTag,
                        metadata: ["tags": [.string(injectedTag)]])
        let position = result.cells.firstIndex { $0.tags.contains(parametersTag) }.map { $0 + 1 } ?? 0
        result.cells.insert(cell, at: position)
        return result
    }

    private static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let c = scalars.first, c == " " || c == "\t" { scalars.removeFirst() }
        while let c = scalars.last, c == " " || c == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
