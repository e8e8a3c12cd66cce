// Checks every operation's time estimate against the measured time (issue 14, item 5).
//
// First the kernels every estimate is built from (Kernels.swift: dgemm, dsyevd, dgelsd,
// Gaussian draws) are timed at several sizes beside the rates in
// Sources/NumericCore/Work/WorkEstimate+Kernels.swift. Then each operation of Cells.swift
// runs at several sizes, each cell in a fresh session: the estimate the language checked
// before running (`Session.lastEstimate`) is compared with the wall-clock time of the cell.
// An estimate passes when it is within 2× of the measurement, or when both are below
// 0.1 s (cheap calls, where only "cheap" matters). The machine's load average is printed
// with each table: on a shared machine a loaded run measures slower than the idle machine
// the rates describe, so each row also gives the cell's CPU seconds (all threads; on one
// core the steadier number under load, about twice the idle wall time for 2-thread BLAS work).
//
// Run: bench/calibrate.sh [kernels] [cells] [FILTER] — FILTER keeps the operations whose
// name contains it. Prints markdown tables (bench/README.md records one) and exits 1 when
// any row is off.
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

/// The 1-minute load average.
func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
}

/// User plus system CPU seconds of this process so far (all threads).
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
}

/// Runs every cell of `selected`, printing one row each; returns the rows off by more than 2×.
func calibrateCells(_ selected: [Operation]) -> Int {
    emit("| operation | cell | estimate s | measured s | estimate/measured | verdict | CPU s |")
    emit("|---|---|---|---|---|---|---|")
    var off = 0
    for operation in selected {
        for cell in operation.cells {
            let session = Session()
            let start = ContinuousClock.now, cpuStart = cpuSeconds()
            let outcome = session.execute("limits(seconds=86400)\n" + cell, sink: Quiet(), monitor: WorkMonitor())
            let d = ContinuousClock.now - start
            let measured = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            let row = "| \(operation.name) | `\(cell)` |"
            let cpu = " \(String(format: "%.3f", cpuSeconds() - cpuStart)) |"
            if case .failure(let e) = outcome {
                emit("\(row) - | \(String(format: "%.3f", measured)) | - | ERROR \(e.ename): \(e.evalue.prefix(100)) |\(cpu)")
                off += 1
                continue
            }
            guard let estimate = session.lastEstimate?.seconds else {
                let cheap = measured < 0.1
                emit("\(row) none | \(String(format: "%.3f", measured)) | - | \(cheap ? "cheap, no estimate" : "NO ESTIMATE") |\(cpu)")
                if !cheap { off += 1 }
                continue
            }
            let ratio = estimate / measured
            let ok = (ratio >= 0.5 && ratio <= 2) || (estimate < 0.1 && measured < 0.1)
            if !ok { off += 1 }
            emit("\(row) \(String(format: "%.3f", estimate)) | \(String(format: "%.3f", measured)) | \(String(format: "%.2f", ratio)) | \(ok ? "ok" : "OFF") |\(cpu)")
        }
    }
    return off
}

let arguments = Array(CommandLine.arguments.dropFirst())
let parts = arguments.filter { $0 == "kernels" || $0 == "cells" }
let filter = arguments.first { $0 != "kernels" && $0 != "cells" }
var off = 0
if parts.isEmpty || parts.contains("kernels") {
    emit("kernels (load average \(loadAverage()))\n")
    let k = calibrateKernels()
    emit("\nkernels: \(k) off by more than 2x (load average \(loadAverage()))\n")
    off += k
}
if parts.isEmpty || parts.contains("cells") {
    let selected = operations.filter { filter == nil || $0.name.contains(filter!) }
    emit("operations (load average \(loadAverage()))\n")
    let c = calibrateCells(selected)
    emit("\n\(selected.reduce(0) { $0 + $1.cells.count }) cells, \(c) outside 2x or failed (load average \(loadAverage()))")
    off += c
}
exit(off == 0 ? 0 : 1)
