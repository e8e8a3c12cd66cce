import ArgumentParser
import Notebook
import Report

/// `solvable render`: notebooks to a static HTML site.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render notebooks to self-contained HTML reports plus an index page.",
        discussion: "KaTeX is copied into SITE/katex from Debian's libjs-katex; nothing is fetched from the network."
    )

    @Argument(help: "Notebooks, or directories of notebooks.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "The site directory to write.")
    var output: String

    @Option(name: .long, help: "A directory of Mustache templates (default: the built-in templates/).")
    var template: String?

    func run() throws {
        let files = try NotebookFiles.collect(paths)
        let renderer = try SiteRenderer(options: .init(templateDirectory: template,
                                                       version: Solvable.configuration.version))
        let written = try renderer.render(files, to: output)
        print("wrote \(written.count - 1) report(s) and \(output)/index.html")
    }
}
