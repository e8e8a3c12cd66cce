import Display
import JSON
import Language

/// nbformat v4 output objects, built the way nbformat writes them: text fields and
/// text MIME data split into lists of lines, JSON MIME data kept as JSON.
public enum OutputJSON {
    /// A `stream` output.
    public static func stream(name: String, text: String) -> JSONValue {
        ["output_type": "stream", "name": .string(name), "text": LineSplitting.jsonLines(text)]
    }

    /// A `display_data` output.
    public static func displayData(_ bundle: MIMEBundle) -> JSONValue {
        ["output_type": "display_data", "data": data(bundle), "metadata": bundle.metadataJSON]
    }

    /// An `execute_result` output with the cell's execution count.
    public static func executeResult(_ bundle: MIMEBundle, executionCount: Int) -> JSONValue {
        [
            "output_type": "execute_result", "execution_count": .int(executionCount),
            "data": data(bundle), "metadata": bundle.metadataJSON,
        ]
    }

    /// An `error` output.
    public static func error(_ error: CellError) -> JSONValue {
        [
            "output_type": "error", "ename": .string(error.ename), "evalue": .string(error.evalue),
            "traceback": .array(error.traceback.map(JSONValue.string)),
        ]
    }

    /// The `data` object with every text type split into lines.
    static func data(_ bundle: MIMEBundle) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for (mime, value) in bundle.data {
            if !NotebookValidator.isJSONType(mime), case .string(let text) = value {
                object[mime] = LineSplitting.jsonLines(text)
            } else {
                object[mime] = value
            }
        }
        return .object(object)
    }
}
