// Checks every operation's time estimate against the measured time (issue 14, item 5):
// each cell below runs in a fresh session; the estimate the language checked before
// running (`Session.lastEstimate`) is compared with the wall-clock time of the cell.
// An estimate passes when it is within 2× of the measurement, or when both are below
// 0.1 s (cheap calls, where only "cheap" matters). Run: bench/calibrate.sh
import Display
import Foundation
import Language
import NumericCore

/// A sink that drops everything.
final class Quiet: OutputSink {
    func stream(_ name: StreamName, _ text: String) {}
    func display(_ bundle: MIMEBundle, displayID: String?, update: Bool) {}
    func clearOutput(wait: Bool) {}
}

/// Prints a line at once (stdout to a file is block-buffered).
func emit(_ line: String) {
    print(line)
    fflush(nil)
}

let cells: [String] = [
    "theory(ridge(dim=1e5), P=geomspace(10, 1e4, 40))",
    "theory(ridge(dim=1e6), P=geomspace(10, 1e4, 40))",
    "simulate(ridge(dim=500), P=[100, 400], trials=8)",
    "simulate(ridge(alpha=1.5, beta=1.2, noise=0.1, dim=2000, lambda=1e-4), P=round(geomspace(10, 1e4, 12)), trials=1, seed=1)",
    "theory(randfeat(dim=1e5, N=100), P=geomspace(10, 1e4, 40))",
    "simulate(randfeat(dim=500, N=200), P=[100, 400], trials=8)",
    "simulate(randfeat(dim=2000, N=1000), P=[500, 2000], trials=2)",
    "theory(ensemble(dim=1e5), P=geomspace(10, 1e4, 40))",
    "simulate(ensemble(dim=500), P=[100, 400], trials=4)",
    "optimal(ensemble(dim=2000), K=[1, 2, 4])",
    "theory(flow(dim=1e4, N=100), t=geomspace(1, 1e4, 20))",
    "theory(flow(dim=1e5, N=100), t=geomspace(1, 1e4, 20))",
    "theory(flow(dim=1e4, N=100, P=200), t=geomspace(1, 1e4, 10))",
    "theory(flow(dim=1e5, N=100, P=200), t=geomspace(1, 1e4, 10))",
    "simulate(flow(dim=500, N=100), t=geomspace(1, 1e3, 10), trials=4)",
    "simulate(flow(dim=1000, N=300, P=500), t=geomspace(1, 1e3, 10), trials=4)",
    "frontier(flow(dim=1e4), C=geomspace(1e4, 1e8, 5))",
    "simulate(optimizers(), s=[1.5], N=[8, 16], trials=2)",
    "exponents(optimizers(), s=[1.5], N=[8, 16, 32], trials=2)",
    "theory(icl())",
    "simulate(icl(), trials=2)",
    "theory(judge())",
    "theory(judge(k=1e4))",
    "simulate(judge(), trials=4)",
    "simulate(judge(d=400, n=800), trials=4)",
    "theory(sgd(), t=[0, 10, 100, 1000])",
    "simulate(sgd(), t=[0, 10, 100, 1000], trials=4)",
    "theory(seesaw())",
    "simulate(seesaw(), trials=2)",
    "compare(seesaw())",
    "theory(anytime())",
    "compare(anytime())",
    "theory(deeplinear())",
    "theory(deeplinear(depth=4, modes=64, dim=64, width=64), t=linspace(0, 100, n=2000))",
    "simulate(deeplinear())",
    "learningtime(deeplinear())",
    "theory(peaked())",
    "simulate(peaked())",
    "constants(peaked())",
    "theory(hopfield())",
    "simulate(hopfield(), trials=5)",
    "capacity(hopfield(), trials=3)",
    "train(mlp())",
    "final(mlp())",
    "refine(table(t=range(1e5), gnorm2=range(1e5) + 1), smooth=101)",
    "refine(table(t=range(1e6), gnorm2=range(1e6) + 1), smooth=5)",
]

emit("cell\testimate_s\tmeasured_s\tratio\tverdict")
var failures = 0
for cell in cells {
    let session = Session()
    let start = ContinuousClock.now
    let outcome = session.execute("limits(seconds=86400)\n" + cell, sink: Quiet(), monitor: WorkMonitor())
    let d = ContinuousClock.now - start
    let measured = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    if case .failure(let e) = outcome {
        emit("\(cell)\t-\t\(measured)\t-\tERROR \(e.ename): \(e.evalue.prefix(100))")
        failures += 1
        continue
    }
    guard let estimate = session.lastEstimate?.seconds else {
        emit("\(cell)\tnone\t\(String(format: "%.3f", measured))\t-\t\(measured < 0.1 ? "cheap, no estimate" : "NO ESTIMATE")")
        if measured >= 0.1 { failures += 1 }
        continue
    }
    let ratio = estimate / measured
    let ok = (ratio >= 0.5 && ratio <= 2) || (estimate < 0.1 && measured < 0.1)
    if !ok { failures += 1 }
    emit("\(cell)\t\(String(format: "%.3f", estimate))\t\(String(format: "%.3f", measured))\t\(String(format: "%.2f", ratio))\t\(ok ? "ok" : "OFF")")
}
emit("\(cells.count) cells, \(failures) outside 2x or failed")
