import Crypto
import Platform

/// SHA-256 digests, in hex, of the texts and files that make up a cell's cache key.
enum ContentHash {
    /// The digest of `parts`, each length-prefixed so no two lists share a digest.
    static func of(_ parts: [String]) -> String {
        var hasher = SHA256()
        for part in parts {
            let bytes = Array(part.utf8)
            hasher.update(data: Array("\(bytes.count):".utf8))
            hasher.update(data: bytes)
        }
        return hex(hasher.finalize())
    }

    /// The digest of the file at `path`, or `nil` if it cannot be read.
    static func file(_ path: String) -> String? {
        guard let bytes = try? FileIO.read(path) else { return nil }
        return hex(SHA256.hash(data: bytes))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
    }
}
