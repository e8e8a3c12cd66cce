import JSON

/// Checks a parsed notebook against the nbformat v4 schema's required structure:
/// top-level fields, cell kinds and their required fields, cell ids (4.5), output
/// types and their fields, and MIME bundles. Unknown extra keys are allowed (they
/// are kept verbatim); the first problem found is reported with its JSON path.
enum NotebookValidator {
    /// Validates `json` and returns it split into typed parts.
    /// - Throws: `NotebookError` naming the path of the first bad field.
    static func validate(_ json: JSONValue) throws(NotebookError) -> Notebook {
        guard let top = json.objectValue else { throw NotebookError(message: "a notebook must be a JSON object") }
        guard let major = top["nbformat"]?.intValue else { throw missing("nbformat", "an integer") }
        guard major == 4 else {
            throw NotebookError(path: "nbformat", message: "nbformat \(major) is not supported (only version 4)")
        }
        guard let minor = top["nbformat_minor"]?.intValue, minor >= 0 else {
            throw missing("nbformat_minor", "a non-negative integer")
        }
        guard let metadata = top["metadata"]?.objectValue else { throw missing("metadata", "an object") }
        try validateMetadata(metadata)
        guard let cellValues = top["cells"]?.arrayValue else { throw missing("cells", "a list") }
        var cells: [Cell] = []
        var seenIDs: Set<String> = []
        for (index, value) in cellValues.enumerated() {
            let cell = try validateCell(value, path: "cells[\(index)]", requireID: minor >= 5)
            if let id = cell.id {
                guard seenIDs.insert(id).inserted else {
                    throw NotebookError(path: "cells[\(index)].id", message: "duplicate cell id '\(id)'")
                }
            }
            cells.append(cell)
        }
        var extra = top
        for key in ["nbformat", "nbformat_minor", "metadata", "cells"] { extra[key] = nil }
        return Notebook(nbformat: major, nbformatMinor: minor, metadata: metadata, cells: cells, extra: extra)
    }

    // MARK: - Parts

    private static func validateMetadata(_ metadata: [String: JSONValue]) throws(NotebookError) {
        if let kernelspec = metadata["kernelspec"] {
            guard kernelspec.objectValue != nil else { throw missing("metadata.kernelspec", "an object") }
            for key in ["name", "display_name"] where kernelspec[key]?.stringValue == nil {
                throw missing("metadata.kernelspec.\(key)", "a string")
            }
        }
        if let info = metadata["language_info"] {
            guard info.objectValue != nil, info["name"]?.stringValue != nil else {
                throw missing("metadata.language_info.name", "a string")
            }
        }
    }

    private static func validateCell(_ value: JSONValue, path: String, requireID: Bool) throws(NotebookError) -> Cell {
        guard let fields = value.objectValue else { throw NotebookError(path: path, message: "a cell must be an object") }
        guard let type = fields["cell_type"]?.stringValue else { throw missing(path + ".cell_type", "a string") }
        guard let kind = Cell.Kind(rawValue: type) else {
            throw NotebookError(path: path + ".cell_type",
                                message: "unknown cell type '\(type)' (expected code, markdown or raw)")
        }
        if let id = fields["id"] {
            guard let text = id.stringValue, isValidID(text) else {
                throw NotebookError(path: path + ".id",
                                    message: "a cell id must be 1-64 characters from a-z A-Z 0-9 - _")
            }
        } else if requireID {
            throw missing(path + ".id", "a string (nbformat 4.5 requires cell ids)")
        }
        guard fields["metadata"]?.objectValue != nil else { throw missing(path + ".metadata", "an object") }
        try validateMultiline(fields["source"], path: path + ".source")
        if kind == .code {
            guard let count = fields["execution_count"] else { throw missing(path + ".execution_count", "an integer or null") }
            guard count == .null || count.intValue != nil else {
                throw NotebookError(path: path + ".execution_count", message: "must be an integer or null")
            }
            guard let outputs = fields["outputs"]?.arrayValue else { throw missing(path + ".outputs", "a list") }
            for (index, output) in outputs.enumerated() {
                try validateOutput(output, path: path + ".outputs[\(index)]")
            }
        }
        if let attachments = fields["attachments"] {
            guard let object = attachments.objectValue else { throw missing(path + ".attachments", "an object") }
            for (name, bundle) in object { try validateBundle(bundle, path: path + ".attachments.\(name)") }
        }
        return Cell(fields: fields)
    }

    private static func validateOutput(_ value: JSONValue, path: String) throws(NotebookError) {
        guard value.objectValue != nil else { throw NotebookError(path: path, message: "an output must be an object") }
        guard let type = value["output_type"]?.stringValue else { throw missing(path + ".output_type", "a string") }
        switch type {
        case "stream":
            guard value["name"]?.stringValue != nil else { throw missing(path + ".name", "a string") }
            try validateMultiline(value["text"], path: path + ".text")
        case "display_data", "execute_result":
            try validateBundle(value["data"], path: path + ".data")
            guard value["metadata"]?.objectValue != nil else { throw missing(path + ".metadata", "an object") }
            if type == "execute_result" {
                guard let count = value["execution_count"], count == .null || count.intValue != nil else {
                    throw missing(path + ".execution_count", "an integer or null")
                }
            }
        case "error":
            for key in ["ename", "evalue"] where value[key]?.stringValue == nil {
                throw missing(path + "." + key, "a string")
            }
            guard let lines = value["traceback"]?.arrayValue, lines.allSatisfy({ $0.stringValue != nil }) else {
                throw missing(path + ".traceback", "a list of strings")
            }
        default:
            throw NotebookError(path: path + ".output_type",
                                message: "unknown output type '\(type)' (expected stream, display_data, execute_result or error)")
        }
    }

    private static func validateBundle(_ value: JSONValue?, path: String) throws(NotebookError) {
        guard let bundle = value?.objectValue else { throw missing(path, "an object (MIME type → data)") }
        for (mime, data) in bundle where !isJSONType(mime) {
            try validateMultiline(data, path: path + "." + mime)
        }
    }

    private static func validateMultiline(_ value: JSONValue?, path: String) throws(NotebookError) {
        guard let value, value.multilineText != nil else { throw missing(path, "a string or a list of strings") }
    }

    // MARK: - Helpers

    /// Whether a MIME type carries JSON rather than text (`application/json`, `*+json`).
    static func isJSONType(_ mime: String) -> Bool {
        mime == "application/json" || mime.hasSuffix("+json")
    }

    /// nbformat 4.5's id pattern `^[a-zA-Z0-9-_]+$`, 1 to 64 characters.
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 64 && id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }

    private static func missing(_ path: String, _ expected: String) -> NotebookError {
        NotebookError(path: path, message: "missing or not \(expected)")
    }
}
