import Display
import JSON

/// A figure's plotted data, read back from the `application/vnd.solvable.plot+json`
/// block a plot's display carries: offered under the figure as a CSV download and
/// summed up as its alt text (series, axes, ranges), so a reader who cannot see the
/// SVG — or wants the numbers — still gets them.
struct PlotData {
    /// One drawn series.
    struct Series {
        var label: String
        var style: String
        var xs: [Double?]
        var ys: [Double?]
        var errors: [Double?]?
    }

    var title: String?
    var scale: String
    var xlabel: String
    var ylabel: String
    var series: [Series]

    /// Reads the block; `nil` if it is missing or not the shape `Plot.dataJSON` writes.
    init?(_ json: JSONValue?) {
        guard let json, let list = json["series"]?.arrayValue else { return nil }
        func numbers(_ value: JSONValue?) -> [Double?]? {
            value?.arrayValue?.map { item -> Double? in
                if case .int(let n) = item { return Double(n) }
                if case .double(let x) = item { return x }
                return nil
            }
        }
        var series: [Series] = []
        for item in list {
            guard let xs = numbers(item["x"]), let ys = numbers(item["y"]), xs.count == ys.count else { return nil }
            series.append(Series(label: item["label"]?.stringValue ?? "", style: item["style"]?.stringValue ?? "line",
                                 xs: xs, ys: ys, errors: numbers(item["se"])))
        }
        title = json["title"]?.stringValue
        scale = json["scale"]?.stringValue ?? "linear"
        xlabel = json["xlabel"]?.stringValue ?? "x"
        ylabel = json["ylabel"]?.stringValue ?? "y"
        self.series = series
    }

    /// Long-format CSV (RFC 4180): `series,style,X,Y,Y_se`, one row per point; a
    /// missing number is an empty field.
    var csv: String {
        func quote(_ s: String) -> String {
            s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingAll("\"", with: "\"\"") + "\"" : s
        }
        func number(_ x: Double?) -> String { x.map { JSONWriter.formatDouble($0) } ?? "" }
        let hasErrors = series.contains { $0.errors != nil }
        var lines = [(["series", "style", xlabel, ylabel] + (hasErrors ? [ylabel + "_se"] : [])).map(quote).joined(separator: ",")]
        for (index, s) in series.enumerated() {
            let name = s.label.isEmpty ? "series \(index + 1)" : s.label
            for i in s.xs.indices {
                var fields = [quote(name), s.style, number(s.xs[i]), number(s.ys[i])]
                if hasErrors { fields.append(number(s.errors.flatMap { i < $0.count ? $0[i] : nil })) }
                lines.append(fields.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One sentence per figure: `Plot "T" of test against P, log–log axes, 2 series:
    /// theory (line, 40 points, P 10 to 10000, test 0.001 to 0.5); …`.
    var altText: String {
        let axes = ["loglog": "log–log axes", "logx": "log x axis", "logy": "log y axis"][scale] ?? "linear axes"
        var text = "Plot" + (title.map { " \"\($0)\"" } ?? "") + " of \(ylabel) against \(xlabel), \(axes), "
        text += series.count == 1 ? "1 series" : "\(series.count) series"
        let parts = series.enumerated().map { index, s -> String in
            let name = s.label.isEmpty ? "series \(index + 1)" : s.label
            let points = zip(s.xs, s.ys).filter { $0.0 != nil && $0.1 != nil }.count
            var part = "\(name) (\(s.style == "markers" ? "markers" : "line"), \(points) point\(points == 1 ? "" : "s")"
            if let x = Self.range(s.xs) { part += ", \(xlabel) \(x)" }
            if let y = Self.range(s.ys) { part += ", \(ylabel) \(y)" }
            return part + ")"
        }
        return text + (parts.isEmpty ? "" : ": " + parts.joined(separator: "; ")) + "."
    }

    /// `a to b` over the finite values, as text/plain prints numbers.
    private static func range(_ values: [Double?]) -> String? {
        let finite = values.compactMap { $0 }.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return nil }
        let (a, b) = (NumberFormat.plain(low), NumberFormat.plain(high))
        return a == b ? a : "\(a) to \(b)"
    }
}
