import Foundation
import JSON
import Notebook

/// Everything one report page shows, as the dictionary the `report` template reads
/// (see templates/README.md for the fields). HTML fragments built here are trusted
/// (escaped already); plain strings are escaped by Mustache's `{{…}}`.
struct ReportPage {
    /// The page's file name in the site (`ridge.html`).
    let fileName: String
    /// The page title: the notebook's leading `# heading`, else the paper title, else the file stem.
    let title: String
    /// The claims in cell order.
    let claims: [Claim]
    /// The first figure as inline SVG, for the index thumbnail.
    let thumbnail: String?
    /// `@fig-…` references that name no figure.
    let missingReferences: [String]
    /// The template context (the site adds `previous`/`next`).
    var context: [String: Any]

    /// Builds the page for `notebook`, read from `path`.
    init(notebook: Notebook, path: String, version: String) {
        let headings = Headings()
        for reserved in ["claims", "contents", "provenance", "top", "cite"] { headings.reserve(reserved) }
        let markdown = MarkdownRenderer()
        let outputs = OutputRenderer(markdown: markdown, headings: headings)
        let stem = NotebookFiles.stem(path)
        // The notebook's own title becomes the page's one H1 (not a second one below it).
        var source = notebook.cells
        let leading = Self.takeLeadingTitle(&source, markdown: markdown)
        var references = CrossReferences()
        var cells: [[String: Any]] = []
        var thumbnail: String?
        for cell in source {
            switch cell.kind {
            case .markdown:
                let attachments = cell.fields["attachments"]?.objectValue ?? [:]
                let html = Self.scrollingTables(markdown.render(cell.source, attachments: attachments, headings: headings))
                cells.append(["isMarkdown": true, "html": html])
            case .raw:
                cells.append(["isRaw": true, "source": cell.source])
            case .code:
                let figure = FigureCaption(cell: cell)
                var rendered: [[String: Any]] = []
                var captioned = false
                var labelled = false
                for output in cell.outputs {
                    guard var item = outputs.render(output) else { continue }
                    var entry: [String: Any] = ["kind": item.kind, "isFigure": item.isFigure]
                    if item.kind == "svg" || item.kind == "image" {
                        let (number, anchor) = references.addFigure(label: labelled ? nil : figure.label)
                        labelled = true
                        entry["number"] = number
                        entry["anchor"] = anchor
                        if let data = item.plotData {
                            item.html = Self.describe(item.html, kind: item.kind, as: data.altText)
                            entry["alt"] = data.altText
                            entry["csvName"] = "\(stem)-figure-\(number).csv"
                            entry["csvHref"] = "data:text/csv;charset=utf-8," + Self.percentEncoded(data.csv)
                        }
                    }
                    if item.isFigure, let caption = figure.caption, !captioned {
                        entry["caption"] = caption
                        captioned = true
                    }
                    entry["html"] = item.html
                    if thumbnail == nil, item.kind == "svg" { thumbnail = item.html }
                    rendered.append(entry)
                }
                var entry: [String: Any] = ["isCode": true, "source": figure.source, "outputs": rendered,
                                            "hasOutputs": !rendered.isEmpty, "id": cell.id ?? ""]
                if let count = cell.executionCount { entry["executionCount"] = count }
                if let seconds = cell.executionSeconds { entry["time"] = Self.duration(seconds) }
                cells.append(entry)
            }
        }
        for index in cells.indices {
            if let html = cells[index]["html"] as? String, cells[index]["isMarkdown"] != nil {
                cells[index]["html"] = references.resolve(html)
            }
        }
        let paper = notebook.paper
        let paperTitle = paper.map(\.title).flatMap { $0.isEmpty ? nil : $0 }
        fileName = stem + ".html"
        title = leading?.text ?? paperTitle ?? stem
        claims = Claim.all(in: notebook)
        self.thumbnail = thumbnail
        missingReferences = references.missing
        let provenance = Provenance(notebook: notebook, path: path, version: version)
        var bibtex = Citation.report(title: title, paper: paper, version: provenance.version, commit: provenance.commit,
                                     year: provenance.runDate.map { String($0.prefix(4)) })
        if let paper, paperTitle != nil { bibtex = Citation.paper(paper) + "\n\n" + bibtex }
        var context: [String: Any] = [
            "title": title, "headingHTML": leading?.html ?? HTML.escape(title),
            "cells": cells, "fileName": fileName,
            "toc": headings.entries.map { ["level": $0.level, "anchor": $0.anchor, "html": $0.html] as [String: Any] },
            "hasToc": !headings.entries.isEmpty,
            "claims": claims.map(Self.claimRow), "hasClaims": !claims.isEmpty,
            "tally": Self.tally(claims), "allPass": claims.allSatisfy(\.passed),
            "version": provenance.version, "seeds": provenance.seeds.joined(separator: ", "),
            "hasSeeds": !provenance.seeds.isEmpty, "bibtex": bibtex,
        ]
        if let summary = Self.evidenceSummary(claims) { context["evidenceSummary"] = summary }
        if let commit = provenance.commit { context["commit"] = commit }
        if let runDate = provenance.runDate { context["runDate"] = runDate }
        if let paper {
            // Absent fields are left out: Mustache treats an empty string as present.
            var fields: [String: Any] = ["title": paper.title, "authors": paper.authors.joined(separator: ", ")]
            // The paper's title is cited under the heading unless it is the heading.
            if let paperTitle, paperTitle != title { fields["cite"] = paperTitle }
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


    /// Removes the notebook's title — a `# heading` on the first line of a leading
    /// Markdown cell — from `cells` and returns it as text and as inline HTML.
    private static func takeLeadingTitle(_ cells: inout [Cell], markdown: MarkdownRenderer) -> (text: String, html: String)? {
        guard let index = cells.firstIndex(where: { !$0.source.allSatisfy(\.isWhitespace) }),
              cells[index].kind == .markdown else { return nil }
        var lines = cells[index].source.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        guard let first = lines.first, first.hasPrefix("# "), !first.dropFirst(2).allSatisfy(\.isWhitespace) else { return nil }
        let scratch = Headings()
        _ = markdown.render(String(first), headings: scratch)
        guard let heading = scratch.entries.first, heading.level == 1 else { return nil }
        lines.removeFirst()
        var cell = cells[index]
        cell.fields["source"] = .string(lines.joined(separator: "\n"))
        cells[index] = cell
        return (HTML.text(heading.html), heading.html)
    }

    /// Wraps every `<table>…</table>` of rendered Markdown in a horizontally scrolling box.
    static func scrollingTables(_ html: String) -> String {
        guard html.contains("<table>") else { return html }
        return html.replacingAll("<table>", with: "<div class=\"table-scroll\"><table>")
            .replacingAll("</table>", with: "</table></div>")
    }

    /// The figure with `text` as its accessible description (the SVG's `aria-label`,
    /// an image's `alt`).
    private static func describe(_ html: String, kind: String, as text: String) -> String {
        let escaped = HTML.escape(text)
        let (attribute, tagEnd) = kind == "svg" ? ("aria-label=\"", "<svg") : ("alt=\"", "<img")
        guard let tag = html.range(of: tagEnd), let close = html[tag.upperBound...].firstIndex(of: ">") else { return html }
        let opening = html[tag.lowerBound..<close]
        if let start = opening.range(of: attribute), let end = opening[start.upperBound...].firstIndex(of: "\"") {
            return html[..<start.upperBound] + escaped + html[end...]
        }
        return html[..<close] + " \(attribute)\(escaped)\"" + html[close...]
    }

    /// Percent-encoding for a `data:` URI (RFC 3986 unreserved characters stay).
    private static func percentEncoded(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
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
