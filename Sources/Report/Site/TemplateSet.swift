import Foundation
import Mustache

/// The Mustache templates a site is rendered with: every `*.mustache` file of a
/// directory, registered under its base name (`report`, `index`, and partials such as
/// `style` and `cell`). Users restyle reports by copying `templates/` and passing
/// `--template DIR`.
struct TemplateSet {
    private let library: MustacheLibrary

    /// Loads every template in `directory`.
    /// - Throws: `ReportError` if the directory has no `report` or `index` template or
    ///   a template does not parse (with the file and Mustache's reason).
    init(directory: String) throws(ReportError) {
        var library = MustacheLibrary()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = directory + "/" + name
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ReportError("cannot read template \(path)")
            }
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                throw ReportError("template \(path) does not parse: \(error)")
            }
        }
        for required in ["report", "index"] where library.getTemplate(named: required) == nil {
            throw ReportError("template directory \(directory) has no \(required).mustache")
        }
        self.library = library
    }

    /// Renders the named template with `context`.
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Where the built-in templates are: `$SOLVABLE_TEMPLATES`, else a `templates/`
    /// directory holding `report.mustache` above the running executable (the source
    /// checkout, for `.build/release/solvable`), else `share/solvable/templates` next to
    /// an installed `bin/`.
    static func defaultDirectory() -> String? {
        if let env = ProcessInfo.processInfo.environment["SOLVABLE_TEMPLATES"], !env.isEmpty { return env }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? ""
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in ["templates", "share/solvable/templates"] {
                let path = directory.appendingPathComponent(candidate).path
                if FileManager.default.fileExists(atPath: path + "/report.mustache") { return path }
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }
}

/// A report could not be produced; the message says what to fix.
public struct ReportError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    /// Makes an error with a message.
    public init(_ description: String) {
        self.description = description
    }
}
