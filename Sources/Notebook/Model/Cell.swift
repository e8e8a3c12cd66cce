import JSON

/// One notebook cell, held as its JSON object so that fields Solvable does not know
/// (attachments, tool-specific keys) survive untouched; the accessors below read and
/// write the nbformat fields in place.
public struct Cell: Sendable, Equatable {
    /// The three nbformat cell kinds.
    public enum Kind: String, Sendable, CaseIterable {
        case code, markdown, raw
    }

    /// The cell's JSON object, exactly as read or as it will be written.
    public var fields: [String: JSONValue]

    /// Wraps a cell object (already validated by the reader).
    public init(fields: [String: JSONValue]) {
        self.fields = fields
    }

    /// A new cell of the given kind with `source` split into lines as nbformat writes it.
    public init(kind: Kind, source: String, id: String?, metadata: [String: JSONValue] = [:]) {
        fields = ["cell_type": .string(kind.rawValue), "metadata": .object(metadata)]
        fields["source"] = LineSplitting.jsonLines(source)
        if let id { fields["id"] = .string(id) }
        if kind == .code {
            fields["outputs"] = .array([])
            fields["execution_count"] = .null
        }
    }

    /// The cell kind (`.raw` for anything unreadable; the reader rejects unknown kinds).
    public var kind: Kind {
        fields["cell_type"]?.stringValue.flatMap(Kind.init(rawValue:)) ?? .raw
    }

    /// The cell id (nbformat 4.5), if present.
    public var id: String? {
        get { fields["id"]?.stringValue }
        set { fields["id"] = newValue.map(JSONValue.string) }
    }

    /// The source as one string (joined from a list of lines if stored that way).
    public var source: String {
        fields["source"]?.multilineText ?? ""
    }

    /// The cell metadata object.
    public var metadata: [String: JSONValue] {
        get { fields["metadata"]?.objectValue ?? [:] }
        set { fields["metadata"] = .object(newValue) }
    }

    /// The cell's tags (`metadata.tags`).
    public var tags: [String] {
        metadata["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// The outputs of a code cell (empty for other kinds).
    public var outputs: [JSONValue] {
        get { fields["outputs"]?.arrayValue ?? [] }
        set { fields["outputs"] = .array(newValue) }
    }

    /// The execution count of a code cell (`nil` when never run).
    public var executionCount: Int? {
        get { fields["execution_count"]?.intValue }
        set { fields["execution_count"] = newValue.map(JSONValue.int) ?? .null }
    }
}
