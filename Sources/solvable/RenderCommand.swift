import ArgumentParser
import Notebook
import Report

/// `solvable render`: notebooks to a static HTML site (and, with `--pdf`, PDFs).
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render notebooks to self-contained HTML reports plus an index page.",
        discussion: """
        KaTeX is copied into SITE/katex from Debian's libjs-katex; nothing is fetched from the network. \
        Nothing is written if any notebook cannot be read. Figures are numbered; a code cell's leading \
        `#| label: fig-name` and `#| fig-cap: text` (or `# caption: text`) label and caption its figure, \
        and Markdown refers to it as @fig-name.
        """
    )

    @Argument(help: "Notebooks, or directories of notebooks.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "The site directory to write.")
    var output: String

    @Option(name: .long, help: "A directory of Mustache templates (default: the built-in templates/).")
    var template: String?

    @Flag(name: .long, help: "Also print each report to SITE/NAME.pdf with headless Chromium.")
    var pdf = false

    func run() throws {
        let files = try NotebookFiles.collect(paths)
        let printer = pdf ? try PDFPrinter() : nil
        let renderer = try SiteRenderer(options: .init(templateDirectory: template,
                                                       version: Solvable.configuration.version,
                                                       warn: { printError("warning: " + $0) }))
        let written = try renderer.render(files, to: output)
        print("wrote \(written.count - 1) report(s) and \(output)/index.html")
        if let printer {
            for page in written.dropLast() { print("wrote " + (try printer.print(page))) }
        }
    }
}
