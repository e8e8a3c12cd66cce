import Foundation

// MARK: - SVG for renderers without CSS variables

extension Plot {
    /// The figure as SVG for files and rasterisers (librsvg): the same drawing with the
    /// stylesheet's CSS variables resolved to the light theme and no dark-mode block,
    /// since `var()` is not understood by every SVG renderer.
    public func standaloneSVG() -> String {
        svg().replacingOccurrences(of: PlotStyle.css, with: PlotStyle.standaloneCSS)
    }
}

extension PlotStyle {
    /// `css` with `var(--solvable-bg)` as white, every `var(--name, fallback)` as its
    /// fallback, and the `prefers-color-scheme: dark` block dropped.
    static let standaloneCSS: String = {
        var text = css
        if let media = text.range(of: "\n@media") { text = String(text[..<media.lowerBound]) }
        text = text.replacingOccurrences(of: "var(--solvable-bg)", with: "#ffffff")
        text = text.replacingOccurrences(of: #"var\(--[A-Za-z0-9-]+,([^()]+)\)"#, with: "$1", options: .regularExpression)
        return text
    }()
}
