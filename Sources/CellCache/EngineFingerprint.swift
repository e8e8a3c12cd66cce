import Foundation
import Language

/// What identifies the engine that computed a cached output: the language version and
/// the running executable's size and modification time, so rebuilding `solvable`
/// (which may change any number) invalidates the whole cache.
enum EngineFingerprint {
    /// `solvable 0.1.0 <size> <mtime>` for this process.
    static let current: String = {
        let version = Session.languageInfo["version"]?.stringValue ?? "?"
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? ""
        let attributes = (try? FileManager.default.attributesOfItem(atPath: executable)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "solvable \(version) \(size) \(modified)"
    }()
}
