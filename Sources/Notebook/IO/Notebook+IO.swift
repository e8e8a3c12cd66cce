#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JSON
import Platform

// MARK: - Reading and writing

extension Notebook {
    /// Parses and validates notebook text.
    /// - Throws: `NotebookError` for invalid JSON (with the byte offset) or a bad field (with its path).
    public init(parsing bytes: [UInt8]) throws(NotebookError) {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw NotebookError(message: error.description)
        }
        self = try NotebookValidator.validate(json)
    }

    /// Reads and validates the notebook at `path`.
    /// - Throws: `NotebookError` naming the file and, for a bad field, its path.
    public init(contentsOf path: String) throws(NotebookError) {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            throw NotebookError(file: path, message: error.message)
        }
        do {
            try self.init(parsing: bytes)
        } catch {
            var located = error
            located.file = path
            throw located
        }
    }

    /// The file text as Jupyter writes it: one-space indent, sorted keys, trailing newline.
    public func serialized() -> String {
        JSONWriter.string(json, style: .notebook) + "\n"
    }

    /// Writes the notebook atomically: a temporary file in the same directory is
    /// written, flushed to disk and renamed over `path`, so a reader (or a crash)
    /// sees either the old notebook or the new one, never a half-written file.
    /// - Throws: `NotebookError` if the file cannot be written; the original is untouched.
    public func write(to path: String) throws(NotebookError) {
        do {
            try FileIO.writeAtomically(Array(serialized().utf8), to: path)
        } catch {
            throw NotebookError(file: path, message: error.message)
        }
    }
}

// MARK: - Upgrading to 4.5

extension Notebook {
    /// Brings a 4.0–4.4 notebook to 4.5 as nbformat does when it writes one: every
    /// cell gets an id. Ids are derived from the cell's position and source (not from
    /// a random generator), so re-running an old notebook twice gives the same file.
    public mutating func upgradeToCurrentMinor() {
        guard nbformat == 4 else { return }
        var used = Set(cells.compactMap(\.id))
        for index in cells.indices where cells[index].id == nil {
            var salt = 0
            var candidate: String
            repeat {
                candidate = Self.derivedID(index: index, source: cells[index].source, salt: salt)
                salt += 1
            } while used.contains(candidate)
            used.insert(candidate)
            cells[index].id = candidate
        }
        nbformatMinor = max(nbformatMinor, 5)
    }

    /// An 8-hex-digit id (the length nbformat uses) from FNV-1a over position and source.
    static func derivedID(index: Int, source: String, salt: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array("\(index):\(salt):".utf8) + Array(source.utf8) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let folded = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
        let hex = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
