import ArgumentParser
import Foundation
import Language

/// `solvable reference`: writes the language reference (every builtin and model from
/// the registry) as Markdown, by default to docs/REFERENCE.md.
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Write the language reference (builtins, models, parameters) as Markdown.")

    @Option(name: .shortAndLong, help: "Where to write it ('-' for standard output).")
    var output = "docs/REFERENCE.md"

    func run() throws {
        let text = Registry().referenceMarkdown
        if output == "-" {
            print(text, terminator: "")
            return
        }
        let url = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
