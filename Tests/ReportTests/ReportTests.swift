#if canImport(Glibc)
import Glibc
#endif
import Foundation
import JSON
import Notebook
import Testing
import TestSupport
import Platform
@testable import Report

/// The repository's templates/ and the Notebook fixtures.
private let repository = Repository.root

private func scratch() throws -> String { try Scratch.directory("report") }

/// A small paper notebook: duplicate headings, math, a captioned plot, a claim, hostile text.
private func paperNotebook() -> Notebook {
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\"><line x1=\"0\" y1=\"0\" x2=\"100\" y2=\"50\" stroke=\"black\"/></svg>\n"
    var plot = Cell(kind: .code, source: "# caption: Learning curve, theory vs simulation\nplot(th)", id: "plot")
    plot.outputs = [OutputJSON.displayData(.init(plain: "<Plot>", ["image/svg+xml": .string(svg)]))]
    plot.metadata = ["execution": ["iopub.execute_input": "2026-11-30T10:00:00.000000Z",
                                   "shell.execute_reply": "2026-11-30T10:00:00.250000Z"]]
    var claim = Cell(kind: .code, source: "claim(\"slope\", f.exponent, expect=-1.8, tol=0.1)\nsimulate(m, seed=7)", id: "claim")
    claim.outputs = [OutputJSON.displayData(.init(plain: "PASS", [Claim.mimeType: [
        "text": "test error decays as P^-1.8", "measured": -1.79, "expect": -1.8, "tol": 0.1, "pass": true]]))]
    var hostile = Cell(kind: .code, source: "x", id: "hostile")
    hostile.outputs = [OutputJSON.displayData(.init(plain: "simulate 100%", ["text/html": "<div><progress value=\"2\" max=\"2\"></progress> simulate 100%</div>"])),
                       OutputJSON.stream(name: "stdout", text: "<script>alert(1)</script>\n"),
                       OutputJSON.error(.init(ename: "NameError", evalue: "x", traceback: ["\u{1B}[0;31mNameError\u{1B}[0m: x"]))]
    return Notebook(metadata: ["solvable": ["paper": ["title": "Scaling laws & kernels", "authors": ["A. Author", "B. Author"],
                                                      "year": 2021, "arxiv": "2102.06701"]]],
                    cells: [
                        Cell(kind: .markdown, source: "# Results\n\nThe error $w_k^2 \\lambda_k$ and \\(a_b*c_d\\) and $$x_1 * y_2$$ and `$notmath_x_$`.", id: "m1"),
                        plot, claim,
                        Cell(kind: .markdown, source: "## Results\n\n## Results\n\n## Claims", id: "m2"),
                        hostile,
                    ])
}

@Suite struct ReportTests {
    private func renderer() throws -> SiteRenderer {
        try SiteRenderer(options: .init(templateDirectory: repository + "/templates", version: "9.9.9"))
    }

    @Test func pageHasPaperHeaderClaimsAndProvenance() throws {
        let html = try renderer().page(for: paperNotebook(), path: "/tmp/paper.ipynb")
        // The notebook's leading heading is the page's one H1; the paper is cited under it.
        #expect(html.contains("<h1 class=\"paper-title\">Results</h1>"))
        #expect(html.components(separatedBy: "<h1").count == 2)
        #expect(html.contains("Reproduces <cite>Scaling laws &amp; kernels</cite> — A. Author, B. Author · 2021"))
        #expect(html.contains("href=\"https://arxiv.org/abs/2102.06701\""))
        #expect(html.contains("<td>test error decays as P^-1.8</td><td class=\"evidence\">unspecified</td><td class=\"num\">-1.79</td><td class=\"num\">-1.8</td><td class=\"num\">0.1</td><td class=\"verdict\">PASS</td>"))
        #expect(html.contains("1 of 1 claims pass"))
        #expect(html.contains("Solvable 9.9.9"))
        #expect(html.contains("<dt>Seeds</dt><dd>7</dd>"))
        #expect(html.contains("<span class=\"time\">250 ms</span>"))
        #expect(html.contains("<figcaption><span class=\"figure-number\">Figure 1</span>: Learning curve, theory vs simulation</figcaption>"))
        #expect(html.contains("<details class=\"input\">"))
    }

    @Test func headingAnchorsAreUnique() throws {
        let html = try renderer().page(for: paperNotebook(), path: "/tmp/paper.ipynb")
        let ids = html.split(separator: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count)
        // The leading "# Results" is the page title, so the two "## Results" below it are numbered from there.
        #expect(ids.contains("results") && ids.contains("results-1") && !ids.contains("results-2"))
        #expect(ids.contains("claims-1"))  // the heading "Claims" avoids the claims table's id
        #expect(html.contains("<a href=\"#results-1\">Results</a>"))
    }

    @Test func mathReachesKaTeXUntouched() throws {
        let html = try renderer().page(for: paperNotebook(), path: "/tmp/paper.ipynb")
        #expect(html.contains("$w_k^2 \\lambda_k$"))
        #expect(html.contains("\\(a_b*c_d\\)"))
        #expect(html.contains("$$x_1 * y_2$$"))
        #expect(html.contains("<code>$notmath_x_$</code>"))
        #expect(!html.contains("<em>"))
    }

    @Test func untrustedTextIsEscapedAndANSIRemoved() throws {
        let html = try renderer().page(for: paperNotebook(), path: "/tmp/paper.ipynb")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("<pre class=\"error\">NameError: x</pre>"))
        #expect(!html.contains("<progress"))  // progress bars are not results
    }

    @Test func siteHasIndexKaTeXAndNoOutsideReferences() throws {
        let directory = try scratch()
        let path = directory + "/paper.ipynb"
        try paperNotebook().write(to: path)
        let fixture = repository + "/Tests/NotebookTests/Fixtures/jupyter_full.ipynb"
        let site = directory + "/site"
        let written = try renderer().render([path, fixture], to: site)
        #expect(written.map { String($0.split(separator: "/").last!) } == ["paper.html", "jupyter_full.html", "index.html"])
        let index = String(decoding: try FileIO.read(site + "/index.html"), as: UTF8.self)
        #expect(index.contains("href=\"paper.html\"") && index.contains("1 of 1 claims pass"))
        #expect(index.contains("<svg xmlns"))  // the first figure as a thumbnail
        for file in ["katex.min.js", "katex.min.css", "auto-render.min.js", "fonts/KaTeX_Main-Regular.woff2"] {
            #expect(access(site + "/katex/" + file, R_OK) == 0, "missing katex/\(file)")
        }
        for page in written {
            let html = String(decoding: try FileIO.read(page), as: UTF8.self)
            for reference in references(in: html) {
                let external = reference.contains("://") || reference.hasPrefix("//") || reference.hasPrefix("/") || reference.hasPrefix("..")
                let allowedLink = reference.hasPrefix("https://arxiv.org/abs/") || reference.hasPrefix("http://www.w3.org/")
                #expect(!external || allowedLink, "\(page) refers outside the site: \(reference)")
                if !external, !reference.hasPrefix("#"), !reference.hasPrefix("data:") {
                    let file = reference.split(separator: "#").first.map(String.init) ?? reference
                    #expect(access(site + "/" + file, R_OK) == 0, "\(page) refers to missing \(file)")
                }
            }
        }
    }

    @Test func missingKaTeXIsAClearError() throws {
        let renderer = try SiteRenderer(options: .init(templateDirectory: repository + "/templates",
                                                       katexDirectory: "/nonexistent/katex", version: "1"))
        #expect {
            try renderer.render([], to: try scratch() + "/site")
        } throws: { error in
            (error as? ReportError)?.description.contains("install Debian's libjs-katex") == true
        }
    }

    @Test func missingTemplatesAreAClearError() {
        #expect {
            try SiteRenderer(options: .init(templateDirectory: "/nonexistent", version: "1"))
        } throws: { error in
            (error as? ReportError)?.description == "template directory /nonexistent has no report.mustache"
        }
    }

    /// Every `src="…"`, `href="…"` and CSS `url(…)` value in a page.
    private func references(in html: String) -> [String] {
        var found: [String] = []
        for marker in ["src=\"", "href=\"", "url("] {
            for piece in html.components(separatedBy: marker).dropFirst() {
                let end: Character = marker == "url(" ? ")" : "\""
                found.append(String(piece.prefix { $0 != end }).trimmingCharacters(in: .init(charactersIn: "'\"")))
            }
        }
        return found
    }
}

@Suite struct PaperHeaderTests {
    @Test func absentFieldsLeaveNoEmptyLinks() throws {
        let notebook = Notebook(metadata: ["solvable": ["paper": ["title": "Only a title"]]],
                                cells: [Cell(kind: .markdown, source: "text", id: "a")])
        let html = try SiteRenderer(options: .init(templateDirectory: repository + "/templates", version: "1"))
            .page(for: notebook, path: "/tmp/x.ipynb")
        #expect(html.contains("<h1 class=\"paper-title\">Only a title</h1>"))
        #expect(!html.contains("href=\"\""))
        #expect(!html.contains("arXiv"))
    }
}

@Suite struct ProvenanceTests {
    @Test func commitIsReadFromTheRepositoryWithoutRunningGit() throws {
        let commit = try #require(Provenance.gitCommit(directory: repository + "/Tests/ReportTests"))
        #expect(commit.count == 12 && commit.allSatisfy(\.isHexDigit))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", repository, "rev-parse", "--short=12", "HEAD"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let expected = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(commit == expected)
        #expect(Provenance.gitCommit(directory: "/proc") == nil)
    }
}

@Suite struct CaptionTests {
    @Test func metadataWinsAndCaptionLinesAreHiddenFromTheCode() {
        var cell = Cell(kind: .code, source: "# caption: from the comment\nplot(t)", id: "a")
        var figure = FigureCaption(cell: cell)
        #expect(figure.caption == "from the comment" && figure.label == nil && figure.source == "plot(t)")
        cell.metadata = ["caption": "from metadata", "label": "fig-meta"]
        figure = FigureCaption(cell: cell)
        #expect(figure.caption == "from metadata" && figure.label == "fig-meta" && figure.source == "plot(t)")
        let plain = FigureCaption(cell: Cell(kind: .code, source: "# a comment\nx", id: "b"))
        #expect(plain.caption == nil && plain.label == nil && plain.source == "# a comment\nx")
    }

    @Test func quartoCellOptionsGiveLabelAndCaption() {
        let cell = Cell(kind: .code, source: "#| label: fig-curve\n#| fig-cap: \"Test error, theory vs simulation\"\nplot(t)", id: "q")
        let figure = FigureCaption(cell: cell)
        #expect(figure.caption == "Test error, theory vs simulation" && figure.label == "fig-curve" && figure.source == "plot(t)")
    }
}

@Suite struct ReportsIITests {
    private func page(_ cells: [Cell], metadata: [String: JSONValue] = [:]) throws -> String {
        try SiteRenderer(options: .init(templateDirectory: repository + "/templates", version: "1"))
            .page(for: Notebook(metadata: metadata, cells: cells), path: "/tmp/x.ipynb")
    }

    @Test func aLineStartingWithInlineCodeStaysInItsParagraph() throws {
        let html = try page([Cell(kind: .markdown, source: "the error (see the\n`icl-task-alignment` report).\n\n```\n`fenced`\n```", id: "m")])
        #expect(html.contains("<p>the error (see the\n<code>icl-task-alignment</code> report).</p>")
                || html.contains("<p>the error (see the <code>icl-task-alignment</code> report).</p>"))
        #expect(!html.contains(CodeLineGuard.marker))
        #expect(html.contains("`fenced`"))  // code blocks are left alone
    }

    @Test func crossReferencesResolveForwardAndFlagUnknownLabels() throws {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"p\"></svg>"
        var plot = Cell(kind: .code, source: "#| label: fig-a\nplot(t)", id: "p")
        plot.outputs = [OutputJSON.displayData(.init(plain: "<Plot>", ["image/svg+xml": .string(svg)]))]
        let html = try page([Cell(kind: .markdown, source: "See @fig-a and @fig-b, mail a@fig-a.org, `@fig-a`.", id: "m"), plot])
        #expect(html.contains("See <a class=\"xref\" href=\"#fig-a\">Figure 1</a> and <span class=\"xref missing\">?@fig-b</span>"))
        #expect(html.contains("mail a@fig-a.org") && html.contains("<code>@fig-a</code>"))
        #expect(html.contains("<figure class=\"output svg\" id=\"fig-a\">"))
    }

    @Test func plotDataGivesCSVAndAltText() throws {
        let data: JSONValue = ["title": "T", "scale": "loglog", "xlabel": "P", "ylabel": "test",
                               "series": [["label": "theory, exact", "style": "line", "x": [1, 10], "y": [0.5, .null]],
                                          ["label": "", "style": "markers", "x": [1], "y": [0.25], "se": [0.01]]]]
        let plot = try #require(PlotData(data))
        #expect(plot.csv == "series,style,P,test,test_se\n\"theory, exact\",line,1.0,0.5,\n\"theory, exact\",line,10.0,,\n"
                + "series 2,markers,1.0,0.25,0.01\n")
        #expect(plot.altText == "Plot \"T\" of test against P, log–log axes, 2 series: theory, exact (line, 1 point, P 1 to 10, test 0.5); "
                + "series 2 (markers, 1 point, P 1, test 0.25).")
        #expect(PlotData(["series": [["x": [1], "y": []]]]) == nil)
    }
}
