import Display
import Foundation
import Models
import NumericCore

// MARK: - Plot control: labels, styles, colours, limits, size, legend, several y, fit overlays

extension Builtins {
    /// The options `plot` takes beyond what to draw.
    static let plotControlParameters: [ParameterSpec] = [
        .builtin("label", "legend text of the data series (a list: one per series)", kind: .oneOf([.string, .list]),
                         default: "none", keywordOnly: true),
        .builtin("style", "how the data series are drawn (a list: one per series)", kind: .oneOf([.string, .list]),
                         default: "by table", allowed: "\"line\" | \"markers\" | \"both\" | \"dashed\" | \"dashed+markers\"", keywordOnly: true),
        .builtin("color", "CSS colour of the data series (a list: one per series)", kind: .oneOf([.string, .list]),
                         default: "palette", allowed: "\"#0072B2\", \"#07b\", a CSS name", keywordOnly: true),
        .builtin("xlim", "the x range shown, [low, high]", kind: .list, default: "data", allowed: "low < high", keywordOnly: true),
        .builtin("ylim", "the y range shown, [low, high]", kind: .list, default: "data", allowed: "low < high", keywordOnly: true),
        .builtin("size", "the figure's [width, height] in px", kind: .list, default: "[640, 420]",
                         allowed: "200 ≤ each ≤ 4000", keywordOnly: true),
        .builtin("legend", "where the legend goes", kind: .string, default: "\"best\"",
                         allowed: Plot.LegendPlacement.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " | "), keywordOnly: true),
    ]

    /// `plot` with the control options: fits among the items are drawn over the data,
    /// `y=["a", "b"]` draws each column, and the options restyle the data series.
    static func withPlotControls(_ base: Builtin) -> Builtin {
        var builtin = base
        builtin.parameters += plotControlParameters
        builtin.doc += """
             plot(runs, f, x="N", y="loss") draws a fit f over its data (a scaling-law fit with its 95% bootstrap band; \
            a chinchilla fit as one curve per value of its other input). y=["test", "train"] draws several columns. \
            label=, style= ("line", "markers", "both", "dashed", "dashed+markers") and color= restyle the data series \
            (one value, or a list with one per series); xlim=[lo, hi], ylim=[lo, hi], size=[w, h], \
            legend="upper left" | … | "none". save(p, "fig.png") or "fig.pdf" renders through librsvg.
            """
        let draw = base.run
        builtin.run = { c throws(LanguageError) in
            var fits: [BoundArgument] = []
            c.rest.removeAll { argument in
                switch argument.value {
                case .fit, .scalingFit: fits.append(argument); return true
                default: return false
                }
            }
            var plot = try drawColumns(&c, draw)
            let dataSeries = plot.series.count
            try applyLimits(c, to: &plot)
            let tables = c.rest.compactMap { argument -> Table? in if case .table(let t) = argument.value { return t }; return nil }
            let xName = try c.string("x") ?? tables.first?.columnNames.first ?? "x"
            for fit in fits {
                do throws(PlotError) {
                    switch fit.value {
                    case .fit(let f): try plot.overlay(f)
                    case .scalingFit(let f): try plot.overlay(f, x: xName, tables: tables)
                    default: break
                    }
                } catch {
                    throw LanguageError(.plot(.spec(error)), at: error.parameter.flatMap { c.value($0) != nil ? c.position(of: $0) : nil } ?? fit.position)
                }
            }
            try restyle(c, &plot, dataSeries: dataSeries)
            return .plot(plot)
        }
        return builtin
    }

    /// The plot of every column of `y=[...]` (series labelled by column), or of the one `y`.
    private static func drawColumns(_ c: inout CallContext, _ draw: (inout CallContext) throws(LanguageError) -> Value) throws(LanguageError) -> Plot {
        guard case .list(let items)? = c.value("y") else { return try plotValue(draw(&c)) }
        var names: [String] = []
        for item in items {
            guard case .string(let s) = item else { throw c.error(.builtin(.columnNames(parameter: "y", typeName: item.typeName)), at: "y") }
            names.append(s)
        }
        guard !names.isEmpty else { throw c.error(.plot(.yEmpty), at: "y") }
        var combined: Plot?
        for name in names {
            var one = c
            one.arguments["y"] = BoundArgument(value: .string(name), position: c.position(of: "y"))
            var plot = try plotValue(draw(&one))
            for k in plot.series.indices { plot.series[k].label = plot.series[k].label.isEmpty ? name : "\(plot.series[k].label) \(name)" }
            if combined == nil { combined = plot } else { combined!.series += plot.series }
        }
        combined!.ylabel = try c.string("ylabel") ?? names.joined(separator: ", ")
        return combined!
    }

    private static func plotValue(_ value: Value) -> Plot {
        if case .plot(let p) = value { return p }
        return Plot(series: [])
    }

    /// xlim, ylim, size and legend.
    private static func applyLimits(_ c: CallContext, to plot: inout Plot) throws(LanguageError) {
        for (name, log) in [("xlim", plot.scale.logX), ("ylim", plot.scale.logY)] {
            guard let pair = try c.numbers(name) else { continue }
            guard pair.count == 2, pair[0] < pair[1], pair.allSatisfy(\.isFinite) else {
                throw c.error(.plot(.badRange(parameter: name, shown: Value.vectorText(pair))), at: name)
            }
            guard !log || pair[0] > 0 else {
                throw c.error(.plot(.logRange(parameter: name, shown: Value.vectorText(pair))), at: name)
            }
            if name == "xlim" { plot.xlim = pair[0]...pair[1] } else { plot.ylim = pair[0]...pair[1] }
        }
        if let size = try c.numbers("size") {
            guard size.count == 2, size.allSatisfy({ $0 >= 200 && $0 <= 4000 }) else {
                throw c.error(.plot(.badSize(shown: Value.vectorText(size))), at: "size")
            }
            (plot.width, plot.height) = (size[0], size[1])
        }
        if let legend = try c.choice("legend", Plot.LegendPlacement.allCases.map(\.rawValue)) {
            plot.legend = Plot.LegendPlacement(rawValue: legend) ?? .best
        }
    }

    /// label, style and color for the first `dataSeries` series (the data, not the fits).
    private static func restyle(_ c: CallContext, _ plot: inout Plot, dataSeries count: Int) throws(LanguageError) {
        let styles = ["line", "markers", "both", "dashed", "dashed+markers"]
        for name in ["label", "style", "color"] {
            guard let values = try perSeries(c, name, count: count) else { continue }
            for (k, value) in values.enumerated() {
                switch name {
                case "label": plot.series[k].label = value
                case "style":
                    guard styles.contains(value) else {
                        throw c.error(.notAChoice(parameter: "style", value: value, choices: styles), at: "style")
                    }
                    plot.series[k].style = value == "markers" ? .markers : value.hasSuffix("markers") || value == "both" ? .both : .line
                    plot.series[k].dashed = value.hasPrefix("dashed")
                default:
                    guard isColour(value) else {
                        throw c.error(.plot(.badColor(value)), at: "color")
                    }
                    plot.series[k].color = value
                }
            }
        }
    }

    /// The strings of option `name`: one value for every series, or a list with one per series.
    private static func perSeries(_ c: CallContext, _ name: String, count: Int) throws(LanguageError) -> [String]? {
        switch c.value(name) {
        case nil: return nil
        case .string(let s)?:
            guard name != "label" || count == 1 else {
                throw c.error(.plot(.oneLabel(series: count)), at: name)
            }
            return Array(repeating: s, count: count)
        case .list(let items)?:
            var out: [String] = []
            for item in items {
                guard case .string(let s) = item else { throw c.error(.plot(.seriesStrings(parameter: name, typeName: item.typeName)), at: name) }
                out.append(s)
            }
            guard out.count == count else {
                throw c.error(.plot(.seriesCount(parameter: name, given: out.count, series: count)), at: name)
            }
            return out
        case let v?:
            throw c.error(.plot(.seriesKind(parameter: name, typeName: v.typeName)), at: name)
        }
    }

    /// `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, or a CSS colour name (letters only).
    private static func isColour(_ s: String) -> Bool {
        if s.hasPrefix("#") {
            let digits = s.dropFirst()
            return [3, 4, 6, 8].contains(digits.count) && digits.allSatisfy(\.isHexDigit)
        }
        return !s.isEmpty && s.count <= 30 && s.allSatisfy { $0.isASCII && $0.isLetter }
    }
}
