import Display
import Models
import NumericCore

// MARK: - Plots

extension Builtins {
    static let graphics: [Builtin] = [
        Builtin(name: "plot", summary: "Plots tables (y against x), two vectors, or a schedule, as an SVG figure.",
                doc: """
                plot(th, sim, x="P", y="test", scale="loglog") draws theory tables as lines and simulation tables as \
                markers with error bars (from the y_se column); a table swept over a second parameter gives one series \
                per value. plot(xs, ys) draws two vectors; plot(schedule, steps=1000) draws a schedule over a run.
                """,
                parameters: [
                    .builtin("x", "the x column (default: the first)", kind: .string, default: "none", keywordOnly: true),
                    .builtin("y", "the y column (default: the second)", kind: .string, default: "none", keywordOnly: true),
                    .builtin("scale", "which axes are logarithmic", kind: .string, default: "\"linear\"",
                                     allowed: "\"linear\" | \"logx\" | \"logy\" | \"loglog\"", keywordOnly: true),
                    .builtin("title", "the title", kind: .string, default: "none", keywordOnly: true),
                    .builtin("xlabel", "the x-axis label (default: the x column)", kind: .string, default: "none", keywordOnly: true),
                    .builtin("ylabel", "the y-axis label (default: the y column)", kind: .string, default: "none", keywordOnly: true),
                    .builtin("steps", "the run length for a schedule", kind: .integer, default: "1000", allowed: "1 ≤ steps ≤ 10000000", keywordOnly: true),
                ], variadic: "tables") { c throws(LanguageError) in
            let scaleName = try c.choice("scale", Plot.Scale.allCases.map(\.rawValue)) ?? "linear"
            let scale = Plot.Scale(rawValue: scaleName) ?? .linear
            let (title, xlabel, ylabel) = (try c.string("title"), try c.string("xlabel"), try c.string("ylabel"))
            let (x, y) = (try c.string("x"), try c.string("y"))
            let items = c.rest
            guard !items.isEmpty else { throw c.error(.builtin(.plotEmpty)) }
            // Two vectors.
            if items.count == 2, items.allSatisfy({ if case .table = $0.value { return false }; return $0.value.numbers != nil }) {
                let xs = items[0].value.numbers!, ys = items[1].value.numbers!
                guard xs.count == ys.count else {
                    throw LanguageError(.builtin(.plotLengths(xs: xs.count, ys: ys.count)), at: items[1].position)
                }
                return .plot(Plot(series: [Plot.Series(label: "", xs: xs, ys: ys, style: .line)], scale: scale,
                                  title: title, xlabel: xlabel ?? x ?? "x", ylabel: ylabel ?? y ?? "y"))
            }
            // Schedules.
            if items.allSatisfy({ if case .schedule = $0.value { return true }; return false }) {
                let steps = try c.integer("steps", atLeast: 1, atMost: maximumGrid) ?? 1000
                let stride = max(1, steps / 2000)
                let xs = Swift.stride(from: 0, to: steps, by: stride).map(Double.init)
                let series = items.map { item -> Plot.Series in
                    guard case .schedule(let s) = item.value else { return Plot.Series(label: "", xs: [], ys: [], style: .line) }
                    return Plot.Series(label: s.description, xs: xs, ys: xs.map { s.value(at: Int($0), of: steps) }, style: .line)
                }
                return .plot(Plot(series: series, scale: scale, title: title, xlabel: xlabel ?? "step", ylabel: ylabel ?? "value"))
            }
            // Tables.
            var tables: [Table] = []
            for item in items {
                guard case .table(let t) = item.value else {
                    throw LanguageError(.builtin(.plotKind(typeName: item.value.typeName)), at: item.position)
                }
                tables.append(t)
            }
            do throws(PlotError) {
                return .plot(try Plot(tables: tables, x: x, y: y, scale: scale, title: title, xlabel: xlabel, ylabel: ylabel))
            } catch {
                throw c.error(.plot(.spec(error)), at: error.parameter.flatMap { c.value($0) != nil ? $0 : nil })
            }
        },
    ]
}
