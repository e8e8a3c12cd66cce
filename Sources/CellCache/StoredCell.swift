import JSON

/// One cached cell: the inputs it ran on, what it bound, and its outputs.
///
/// A cell is a hit when its source (with the engine, `sourceHash`), the settings it
/// ran under, the producer of every name it read, and the content of every file it
/// loaded are as recorded, and every file it saved is still there with the recorded
/// content. `key` digests all those inputs; it becomes the producer of the names the
/// cell binds, so a cell's key changes exactly when something upstream of it changed.
struct StoredCell: Sendable, Equatable {
    /// The cell's key (see `SessionMemo.key`).
    var key: String
    /// The digest of the engine fingerprint and the cell's source.
    var sourceHash: String
    /// `SessionSettings.description` before the cell.
    var settings: String
    /// Each name read and the key of the cell that bound it (`nil`: it was unbound).
    var reads: [String: String?]
    /// Each file loaded and its content digest.
    var filesRead: [String: String]
    /// Each file saved and its content digest.
    var filesWritten: [String: String]
    /// The names the cell bound.
    var bound: [String]
    /// The cell's nbformat outputs.
    var outputs: [JSONValue]

    /// The inputs as one JSON text (the `inputs` column).
    var inputsJSON: String {
        let names = reads.mapValues { $0.map(JSONValue.string) ?? .null }
        return JSONWriter.string([
            "names": .object(names),
            "files": .object(filesRead.mapValues(JSONValue.string)),
            "written": .object(filesWritten.mapValues(JSONValue.string)),
        ])
    }

    /// Decodes the `inputs` column; `nil` if it is not what `inputsJSON` writes.
    static func inputs(from text: String) -> (reads: [String: String?], files: [String: String], written: [String: String])? {
        guard let json = try? JSONParser.parse(text),
              let names = json["names"]?.objectValue, let files = json["files"]?.objectValue,
              let written = json["written"]?.objectValue else { return nil }
        var reads: [String: String?] = [:]
        for (name, producer) in names {
            switch producer {
            case .null: reads[name] = .some(nil)
            case .string(let key): reads[name] = key
            default: return nil
            }
        }
        guard let fileHashes = strings(files), let writtenHashes = strings(written) else { return nil }
        return (reads, fileHashes, writtenHashes)
    }

    private static func strings(_ object: [String: JSONValue]) -> [String: String]? {
        var result: [String: String] = [:]
        for (key, value) in object {
            guard let text = value.stringValue else { return nil }
            result[key] = text
        }
        return result
    }
}
