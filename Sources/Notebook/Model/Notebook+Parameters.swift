import Language

// MARK: - Parameters a run may override

extension Notebook {
    /// The names the cell tagged `parameters` assigns (`lr = 1e-3` gives `lr`), in
    /// order; `nil` when no cell carries the tag. Only top-level assignments count: a
    /// line that starts, outside brackets, with `name =` (not `==`).
    public var parameterNames: [String]? {
        guard let cell = cells.first(where: { $0.kind == .code && $0.tags.contains(ParameterInjection.parametersTag) })
        else { return nil }
        var names: [String] = []
        var depth = 0
        for line in cell.source.split(separator: "\n", omittingEmptySubsequences: false) {
            if depth == 0, let match = line.prefixMatch(of: /\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/) {
                let name = String(match.1)
                if !names.contains(name) { names.append(name) }
            }
            for c in line.prefix(while: { $0 != "#" }) {
                if "([{".contains(c) { depth += 1 } else if ")]}".contains(c) { depth = max(0, depth - 1) }
            }
        }
        return names
    }

    /// Checks that every `-p` override names a parameter of this notebook (papermill
    /// only warns; a misspelt name silently running the defaults is a wrong result).
    /// - Throws: `NotebookError` naming the first unknown override, with the closest
    ///   parameter as a suggestion and the full list, or saying no cell is tagged.
    public func checkOverrides(_ names: [String]) throws(NotebookError) {
        guard !names.isEmpty else { return }
        guard let known = parameterNames else {
            throw NotebookError(path: "-p \(names[0])",
                                message: "the notebook has no cell tagged 'parameters', so there is nothing to override")
        }
        for name in names where !known.contains(name) {
            let list = known.isEmpty ? "none" : known.joined(separator: ", ")
            throw NotebookError(path: "-p \(name)", message: "the notebook has no parameter '\(name)'"
                                + Suggestion.clause(for: name, in: known) + " (its parameters: \(list))")
        }
    }
}
