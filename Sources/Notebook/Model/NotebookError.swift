/// Why a notebook could not be read, validated, run or written. Validation errors
/// name the JSON path of the bad field (`cells[3].outputs[0].name`).
public struct NotebookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file involved, if any.
    public var file: String?
    /// The JSON path of the offending field (`""` for the whole document).
    public var path: String
    /// What is wrong, in a sentence.
    public var message: String

    /// Makes an error.
    public init(file: String? = nil, path: String = "", message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// `file: path: message`, leaving out the parts that are empty.
    public var description: String {
        [file, path.isEmpty ? nil : path, message].compactMap { $0 }.joined(separator: ": ")
    }
}
