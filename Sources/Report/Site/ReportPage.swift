import Foundation
import JSON
import Notebook

/// Everything one report page shows, as the dictionary the `report` template reads
/// (see templates/README.md for the fields). HTML fragments built here are trusted
/// (escaped already); plain strings are escaped by Mustache's `{{…}}`.
struct ReportPage {
    /// The page's file name in the site (`ridge.html`).
    let fileName: String
    /// The page title: the paper title, else the first heading, else the file stem.
    let title: String
    /// The claims in cell order.
    let claims: [Claim]
    /// The first figure as inline SVG, for the index thumbnail.
    let thumbnail: String?
    /// The template context.
    let context: [String: Any]

    /// Builds the page for `notebook`, read from `path`.
    init(notebook: Notebook, path: String, version: String) {
        let headings = Headings()
        for reserved in ["claims", "contents", "provenance", "top"] { headings.reserve(reserved) }
        let markdown = MarkdownRenderer()
        let outputs = OutputRenderer(markdown: markdown, headings: headings)
        var cells: [[String: Any]] = []
        var thumbnail: String?
        for cell in notebook.cells {
            switch cell.kind {
            case .markdown:
                let attachments = cell.fields["attachments"]?.objectValue ?? [:]
                cells.append(["isMarkdown": true, "html": markdown.render(cell.source, attachments: attachments, headings: headings)])
            case .raw:
                cells.append(["isRaw": true, "source": cell.source])
            case .code:
                let (caption, source) = Self.caption(of: cell)
                var rendered: [[String: Any]] = []
                var captioned = false
                for output in cell.outputs {
                    guard let item = outputs.render(output) else { continue }
                    var entry: [String: Any] = ["html": item.html, "kind": item.kind, "isFigure": item.isFigure]
                    if item.isFigure, let caption, !captioned {
                        entry["caption"] = caption
                        captioned = true
                    }
                    if thumbnail == nil, item.kind == "svg" { thumbnail = item.html }
                    rendered.append(entry)
                }
                var entry: [String: Any] = ["isCode": true, "source": source, "outputs": rendered,
                                            "hasOutputs": !rendered.isEmpty, "id": cell.id ?? ""]
                if let count = cell.executionCount { entry["executionCount"] = count }
                if let seconds = Provenance.cellSeconds(cell) { entry["time"] = Self.duration(seconds) }
                cells.append(entry)
            }
        }
        let paper = notebook.paper
        let stem = NotebookFiles.stem(path)
        fileName = stem + ".html"
        title = paper.map(\.title).flatMap { $0.isEmpty ? nil : $0 }
            ?? headings.entries.first.map { HTML.text($0.html) } ?? stem
        claims = Claim.all(in: notebook)
        self.thumbnail = thumbnail
        let provenance = Provenance(notebook: notebook, path: path, version: version)
        var context: [String: Any] = [
            "title": title, "cells": cells, "fileName": fileName,
            "toc": headings.entries.map { ["level": $0.level, "anchor": $0.anchor, "html": $0.html] as [String: Any] },
            "hasToc": !headings.entries.isEmpty,
            "claims": claims.map(Self.claimRow), "hasClaims": !claims.isEmpty,
            "tally": Self.tally(claims), "allPass": claims.allSatisfy(\.passed),
            "version": provenance.version, "seeds": provenance.seeds.joined(separator: ", "),
            "hasSeeds": !provenance.seeds.isEmpty,
        ]
        if let summary = Self.evidenceSummary(claims) { context["evidenceSummary"] = summary }
        if let commit = provenance.commit { context["commit"] = commit }
        if let runDate = provenance.runDate { context["runDate"] = runDate }
        if let paper {
            // Absent fields are left out: Mustache treats an empty string as present.
            var fields: [String: Any] = ["title": paper.title, "authors": paper.authors.joined(separator: ", ")]
            if let year = paper.year { fields["year"] = String(year) }
            if let arxiv = paper.arxiv, let url = paper.arxivURL {
                fields["arxiv"] = arxiv
                fields["arxivURL"] = url
            }
            context["paper"] = fields
        }
        self.context = context
    }

    /// `3 of 4 claims pass` (or `no claims`).
    static func tally(_ claims: [Claim]) -> String {
        claims.isEmpty ? "no claims" : "\(claims.filter(\.passed).count) of \(claims.count) claims pass"
    }

    /// Claims per kind of evidence, `simulation 3 · paper 2` (kinds with no claim left out), or `nil` with no claims.
    static func evidenceSummary(_ claims: [Claim]) -> String? {
        claims.isEmpty ? nil : EvidenceCounts(claims).entries.filter { $0.count > 0 }.map { "\($0.kind) \($0.count)" }.joined(separator: " · ")
    }

    /// The caption of a code cell and its source for display: cell metadata `caption`
    /// wins; otherwise a first source line `# caption: …` gives it (and is not shown).
    static func caption(of cell: Cell) -> (String?, String) {
        let source = cell.source
        if let caption = cell.metadata["caption"]?.stringValue { return (caption, source) }
        let lines = source.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        if let first = lines.first {
            let trimmed = first.drop { $0 == " " }
            if trimmed.lowercased().hasPrefix("# caption:") {
                let caption = trimmed.dropFirst("# caption:".count).trimmingCharacters(in: .whitespaces)
                return (caption, lines.count > 1 ? String(lines[1]) : "")
            }
        }
        return (nil, source)
    }

    private static func claimRow(_ claim: Claim) -> [String: Any] {
        [
            "text": claim.text, "measured": HTML.number(claim.measured),
            "expected": HTML.number(claim.expected), "tolerance": HTML.number(claim.tolerance),
            "pass": claim.passed, "result": claim.passed ? "PASS" : "FAIL",
            "evidence": claim.evidence?.rawValue ?? "unspecified",
        ]
    }

    private static func duration(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.0f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }
}
