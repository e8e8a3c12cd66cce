import JSON

/// What a value looks like to a Jupyter front end: a dictionary from MIME type to
/// data, with optional per-type metadata, exactly as `display_data`,
/// `execute_result` and nbformat outputs carry it.
///
/// `text/plain` is always present; richer types (`text/html`, `image/svg+xml`,
/// `text/latex`, `application/vnd.dataresource+json`,
/// `application/vnd.solvable.claim+json`) are added where they fit.
public struct MIMEBundle: Sendable, Equatable {
    /// MIME type → data (a string for text types, JSON for `+json` types).
    public var data: [String: JSONValue]
    /// MIME type → metadata (e.g. a caption), empty for most bundles.
    public var metadata: [String: JSONValue]

    /// A bundle with the given plain text and any other representations.
    public init(plain: String, _ others: [String: JSONValue] = [:], metadata: [String: JSONValue] = [:]) {
        var data = others
        data["text/plain"] = .string(plain)
        self.data = data
        self.metadata = metadata
    }

    /// A bundle from raw `data` and `metadata` objects (as read from a notebook).
    public init(data: [String: JSONValue], metadata: [String: JSONValue] = [:]) {
        self.data = data
        self.metadata = metadata
    }

    /// The `text/plain` representation (empty if missing).
    public var plainText: String { data["text/plain"]?.multilineText ?? "" }

    /// The `data` object as JSON.
    public var dataJSON: JSONValue { .object(data) }

    /// The `metadata` object as JSON.
    public var metadataJSON: JSONValue { .object(metadata) }
}

/// Well-known MIME types used across Solvable.
public enum MIMEType {
    public static let plain = "text/plain"
    public static let html = "text/html"
    public static let svg = "image/svg+xml"
    public static let latex = "text/latex"
    public static let markdown = "text/markdown"
    public static let json = "application/json"
    /// Frictionless Table Schema data, as pandas emits it.
    public static let dataResource = "application/vnd.dataresource+json"
    /// A claim's `{"text", "measured", "expect", "tol", "pass"}` record.
    public static let claim = "application/vnd.solvable.claim+json"
}
