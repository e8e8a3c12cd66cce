import Foundation
import NumericCore
@testable import Display

/// The figures the golden SVG files pin: a linear plot, a log-log learning curve with
/// a theory line and simulation markers with error bars, and a two-parameter sweep.
/// Their data are closed-form (no random numbers), so the files never drift.
enum GoldenFigures {
    /// `count` points from `a` to `b`, evenly spaced in log (numpy's geomspace).
    static func geomspace(_ a: Double, _ b: Double, _ count: Int) -> [Double] {
        (0..<count).map { i in pow(10, log10(a) + (log10(b) - log10(a)) * Double(i) / Double(count - 1)) }
    }

    /// A deterministic ±1 wiggle standing in for Monte-Carlo noise.
    static func wiggle(_ i: Int) -> Double { sin(Double(i) * 2.399963) }

    /// Linear axes: a relaxation curve and measured points on it.
    static func linear() throws -> Plot {
        let t = (0...40).map { Double($0) * 0.25 }
        let theory = Table(columns: [.init("step", t), .init("loss", t.map { 0.2 + 0.8 * exp(-$0 / 2.5) })],
                           caption: "theory", role: .theory)
        let s = (0...10).map(Double.init)
        let data = Table(columns: [.init("step", s),
                                   .init("loss", s.enumerated().map { i, x in 0.2 + 0.8 * exp(-x / 2.5) + 0.03 * wiggle(i) })],
                         caption: "measured", role: .data)
        return try Plot(tables: [theory, data], x: "step", y: "loss", title: "Relaxation to the noise floor",
                        xlabel: "step t", ylabel: "loss")
    }

    /// Log-log: a P^(-1.8) learning curve (theory line) and simulation markers with ±1 se bars.
    static func logLog() throws -> Plot {
        let curve = { (p: Double) in 3 * pow(p, -1.8) + 1e-5 }
        let pTheory = geomspace(10, 1e4, 40)
        let theory = Table(columns: [.init("P", pTheory), .init("test", pTheory.map(curve))],
                           caption: "theory", role: .theory)
        let pSim = geomspace(10, 1e4, 12)
        let sim = pSim.enumerated().map { i, p in curve(p) * (1 + 0.06 * wiggle(i)) }
        let simulation = Table(columns: [.init("P", pSim), .init("test", sim), .init("test_se", sim.map { 0.12 * $0 })],
                               caption: "simulation", role: .simulation)
        return try Plot(tables: [theory, simulation], x: "P", y: "test", scale: .loglog,
                        title: "Ridge learning curve", xlabel: "samples P", ylabel: "excess test risk")
    }

    /// A sweep over P × noise: one colour per noise level, lines for theory and
    /// markers with error bars for simulation, one legend row per level.
    static func gridSweep() throws -> Plot {
        let noises: [Double] = [0.01, 0.1, 0.5]
        func table(_ ps: [Double], role: Table.Role) -> Table {
            var p: [Double] = [], noise: [Double] = [], test: [Double] = [], se: [Double] = []
            for (k, n) in noises.enumerated() {
                for (i, x) in ps.enumerated() {
                    let value = n * n + 2 * pow(x, -1)
                    p.append(x)
                    noise.append(n)
                    test.append(role == .theory ? value : value * (1 + 0.05 * wiggle(i + 7 * k)))
                    se.append(0.1 * value)
                }
            }
            var columns: [Table.Column] = [.init("P", p), .init("noise", noise), .init("test", test)]
            if role == .simulation { columns.append(.init("test_se", se)) }
            return Table(columns: columns, caption: role.rawValue, role: role)
        }
        return try Plot(tables: [table(geomspace(10, 1e4, 30), role: .theory),
                                 table(geomspace(10, 1e4, 8), role: .simulation)],
                        x: "P", y: "test", scale: .loglog, title: "Noise floor sweep")
    }

    /// Limits narrower than the data: y = x² as a line leaving the top of the axes at
    /// x = √10 and entering from the left edge, markers outside the limits hidden.
    static func clipped() throws -> Plot {
        let x = (0...8).map { Double($0) * 0.5 }
        let theory = Table(columns: [.init("x", x), .init("y", x.map { $0 * $0 })], caption: "theory", role: .theory)
        let data = Table(columns: [.init("x", x), .init("y", x.map { $0 * $0 + 0.3 * wiggle(Int($0 * 2)) })],
                         caption: "measured", role: .data)
        var plot = try Plot(tables: [theory, data], x: "x", y: "y", title: "Clipped to xlim and ylim")
        plot.xlim = 0.25...3.75
        plot.ylim = 0...10
        return plot
    }

    /// An offset power law fitted with 200 seeded bootstrap resamples, drawn over its runs
    /// with the pointwise 95% band of the bootstrapped curves and its legend row.
    static func fitBand() throws -> Plot {
        let n = geomspace(1e6, 1e9, 10)
        let loss = n.enumerated().map { i, x in (1.7 + 400 * pow(x, -0.34)) * (1 + 0.02 * wiggle(i)) }
        var request = ScalingFit.Request(law: .offsetPowerlaw, inputs: [n], inputNames: ["N"], losses: loss, outputName: "loss")
        request.bootstrap = 200
        request.seed = 1
        let fit = try ScalingFit.fit(request)
        let runs = Table(columns: [.init("N", n), .init("loss", loss)], caption: "runs", role: .data)
        var plot = try Plot(tables: [runs], x: "N", y: "loss", scale: .loglog, title: "Fit with its bootstrap band")
        try plot.overlay(fit, x: "N", tables: [runs])
        return plot
    }

    /// The golden figures by file name.
    static func all() throws -> [(name: String, plot: Plot)] {
        [("linear.svg", try linear()), ("loglog-errorbars.svg", try logLog()), ("grid-sweep.svg", try gridSweep()),
         ("limits-clipped.svg", try clipped()), ("fit-band.svg", try fitBand())]
    }
}
