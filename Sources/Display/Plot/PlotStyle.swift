/// The look of every plot: the colour-blind-safe palette and the stylesheet embedded
/// in each SVG.
///
/// All rules are scoped to `svg.solvable-plot`, and they are the same for every plot,
/// so several plots inlined in one HTML page cannot disturb each other. Colours come
/// from `currentColor` and CSS variables: JupyterLab's theme variables when the SVG is
/// inlined there, otherwise light colours, or dark ones under
/// `prefers-color-scheme: dark`.
enum PlotStyle {
    /// Okabe & Ito's colour-blind-safe palette (Okabe & Ito 2008, "Color Universal
    /// Design"), without yellow, which is unreadable on white; its black is the text
    /// colour (`currentColor`), so it turns white in dark mode. Series cycle through it.
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", nil]

    /// Palette colours replaced in dark mode, where the darkest blue reads poorly.
    static let darkOverrides = [0: "#3A9AD9"]

    /// The font stack: the platform UI sans-serif, then common fallbacks.
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

    /// The class attribute for palette slot `slot`: its colour `c<k>`, plus `alt`
    /// (dashed lines, open markers) from the second pass through the palette on, so
    /// that up to 14 series stay distinguishable.
    static func classes(slot: Int) -> String {
        "c\(slot % palette.count)" + (slot >= palette.count ? " alt" : "")
    }

    /// The `<style>` element's content. The dark-mode block comes last so that its
    /// rules win over the equally specific light ones.
    static let css: String = {
        let root = "svg.solvable-plot"
        var rules = [
            "\(root){color:var(--jp-content-font-color1,#1f1f1f);--solvable-bg:var(--jp-layout-color0,#ffffff);"
                + "font-family:\(fontFamily);font-size:11px}",
            "\(root) .bg{fill:var(--solvable-bg)}",
            "\(root) text{fill:currentColor}",
            "\(root) .frame{fill:none;stroke:currentColor;stroke-width:1}",
            "\(root) .grid{fill:none;stroke:currentColor;stroke-opacity:.1;stroke-width:1}",
            "\(root) .ticks{fill:none;stroke:currentColor;stroke-width:1}",
            "\(root) .frame,\(root) .grid,\(root) .ticks{shape-rendering:crispEdges}",
            "\(root) .minor{stroke-opacity:.6}",
            "\(root) .title{font-size:15px;font-weight:600}",
            "\(root) .label{font-size:13px}",
            "\(root) .legend text{font-size:12px}",
            "\(root) .legend-box{fill:var(--solvable-bg);fill-opacity:.88;stroke:currentColor;stroke-opacity:.3}",
            "\(root) .line{fill:none;stroke:currentColor;stroke-width:2;stroke-linejoin:round;stroke-linecap:round}",
            "\(root) .marker{fill:currentColor;stroke:var(--solvable-bg);stroke-width:.75}",
            "\(root) .err{fill:none;stroke:currentColor;stroke-width:1.2}",
            "\(root) .alt .line{stroke-dasharray:7 3}",
            "\(root) .alt .marker{fill:var(--solvable-bg);stroke:currentColor;stroke-width:1.5}",
        ]
        for (index, colour) in palette.enumerated() {
            if let colour { rules.append("\(root) .c\(index){color:\(colour)}") }
        }
        rules.append("@media (prefers-color-scheme:dark){\(root){color:var(--jp-content-font-color1,#e6e6e6);"
            + "--solvable-bg:var(--jp-layout-color0,#1e1e1e)}"
            + darkOverrides.sorted { $0.key < $1.key }.map { "\(root) .c\($0.key){color:\($0.value)}" }.joined()
            + "}")
        return rules.joined(separator: "\n")
    }()
}
