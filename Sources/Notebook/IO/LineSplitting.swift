import JSON

/// Multi-line strings the way nbformat stores them: a list of lines, each keeping its
/// line ending (Python's `str.splitlines(keepends=True)`).
public enum LineSplitting {
    /// Splits `text` at every line boundary Python's `splitlines` recognises
    /// (`\n`, `\r\n`, `\r`, `\v`, `\f`, `\x1c`–`\x1e`, `\x85`, U+2028, U+2029),
    /// keeping the boundary with its line.
    public static func lines(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            current.append(scalar)
            if scalar == "\r", pending == "\n" {
                current.append("\n")
                pending = scalars.next()
                result.append(String(current))
                current = String.UnicodeScalarView()
            } else if isBreak(scalar) {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }

    /// `text` as nbformat writes a multi-line field: a JSON list of lines.
    public static func jsonLines(_ text: String) -> JSONValue {
        .array(lines(text).map(JSONValue.string))
    }

    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
