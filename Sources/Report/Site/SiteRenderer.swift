import Foundation
import Notebook
import Platform

/// Renders notebooks to a static site: one self-contained HTML page per notebook
/// (inline CSS and SVG), an `index.html` listing every paper with its claim tally and
/// first figure, and KaTeX copied from Debian's `libjs-katex` into `SITE/katex/`.
/// Nothing is fetched from the network and no page refers outside the site.
public struct SiteRenderer {
    /// Settings of a render.
    public struct Options: Sendable {
        /// The directory of Mustache templates (`nil`: the built-in `templates/`).
        public var templateDirectory: String?
        /// Where KaTeX is installed.
        public var katexDirectory: String
        /// The Solvable version, for the provenance footer.
        public var version: String

        /// Makes options.
        public init(templateDirectory: String? = nil, katexDirectory: String = "/usr/share/javascript/katex",
                    version: String) {
            self.templateDirectory = templateDirectory
            self.katexDirectory = katexDirectory
            self.version = version
        }
    }

    private let options: Options
    private let templates: TemplateSet

    /// Prepares a renderer, loading the templates.
    /// - Throws: `ReportError` if the templates cannot be found or parsed.
    public init(options: Options) throws(ReportError) {
        self.options = options
        guard let directory = options.templateDirectory ?? TemplateSet.defaultDirectory() else {
            throw ReportError("cannot find the report templates; pass --template DIR or set SOLVABLE_TEMPLATES")
        }
        templates = try TemplateSet(directory: directory)
    }

    /// The HTML page for one notebook (read from `path`, used for names and provenance).
    public func page(for notebook: Notebook, path: String) -> String {
        templates.render("report", ReportPage(notebook: notebook, path: path, version: options.version).context)
    }

    /// Renders every notebook in `paths` into `site`, with `index.html` and KaTeX.
    /// - Returns: the paths of the pages written, index last.
    /// - Throws: `ReportError` for a missing KaTeX, an unreadable notebook or an unwritable site.
    @discardableResult
    public func render(_ paths: [String], to site: String) throws(ReportError) -> [String] {
        try copyKaTeX(to: site + "/katex")
        var written: [String] = []
        var papers: [[String: Any]] = []
        var usedNames: Set<String> = []
        for path in paths {
            let notebook: Notebook
            do { notebook = try Notebook(contentsOf: path) } catch { throw ReportError(error.description) }
            let page = ReportPage(notebook: notebook, path: path, version: options.version)
            guard usedNames.insert(page.fileName).inserted else {
                throw ReportError("two notebooks would both be written to \(page.fileName): \(path)")
            }
            let target = site + "/" + page.fileName
            try write(templates.render("report", page.context), to: target)
            written.append(target)
            var entry: [String: Any] = [
                "title": page.title, "href": page.fileName, "tally": ReportPage.tally(page.claims),
                "allPass": page.claims.allSatisfy(\.passed), "hasClaims": !page.claims.isEmpty,
            ]
            if let paper = page.context["paper"] { entry["paper"] = paper }
            if let thumbnail = page.thumbnail { entry["thumbnail"] = thumbnail }
            papers.append(entry)
        }
        let index = site + "/index.html"
        try write(templates.render("index", ["papers": papers, "version": options.version, "title": "Solvable reports"]), to: index)
        written.append(index)
        return written
    }

    // MARK: - Files

    private func write(_ html: String, to path: String) throws(ReportError) {
        try write(bytes: Array(html.utf8), to: path)
    }

    private func write(bytes: [UInt8], to path: String) throws(ReportError) {
        do {
            try FileIO.writeAtomically(bytes, to: path, durable: false)
        } catch {
            throw ReportError("cannot write \(path): \(error.message)")
        }
    }

    /// Copies `katex.min.js`, `katex.min.css`, the auto-render extension and the fonts.
    private func copyKaTeX(to destination: String) throws(ReportError) {
        let source = options.katexDirectory
        let manager = FileManager.default
        guard manager.fileExists(atPath: source + "/katex.min.js") else {
            throw ReportError("KaTeX not found at \(source): install Debian's libjs-katex (apt-get install libjs-katex)")
        }
        let autoRender = ["contrib/auto-render.min.js", "contrib/auto-render.js"]
            .map { source + "/" + $0 }.first { manager.fileExists(atPath: $0) }
        guard let autoRender else { throw ReportError("KaTeX at \(source) has no contrib/auto-render.js") }
        var files = [(source + "/katex.min.js", "katex.min.js"), (source + "/katex.min.css", "katex.min.css"),
                     (autoRender, "auto-render.min.js")]
        let fonts = (try? manager.contentsOfDirectory(atPath: source + "/fonts")) ?? []
        files += fonts.map { (source + "/fonts/" + $0, "fonts/" + $0) }
        do {
            try NotebookFiles.makeDirectory(destination + "/fonts")
        } catch {
            throw ReportError(error.description)
        }
        for (from, to) in files {
            guard let data = manager.contents(atPath: from) else { throw ReportError("cannot read \(from)") }
            if let existing = manager.contents(atPath: destination + "/" + to), existing == data { continue }
            try write(bytes: [UInt8](data), to: destination + "/" + to)
        }
    }
}
