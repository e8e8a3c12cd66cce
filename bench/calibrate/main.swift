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
// Every operation of the model catalog that has an estimate must have cells here: the cells
// part ends by listing any that has none (and counts them as off).
//
// `estimates [FILE]` runs nothing: it prints each cell's estimate (the cell refused under a
// 50 ms limit), and with FILE, a table an earlier run printed (the idle one in bench/README.md),
// each estimate beside that run's measured time. This checks changed estimates against an idle
// measurement while the machine is loaded.
//
// Run: bench/calibrate.sh [kernels] [cells] [estimates [FILE]] [FILTER] — FILTER keeps the
// operations whose name contains it. Prints markdown tables (bench/README.md records one) and
// exits 1 when any row is off.
import Display
import Foundation
import Language
import Models
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

/// Writes `bigCSVPath` (10⁶ rows of N, D, loss from a fixed seed) unless it is there.
func writeBigCSV() {
    guard !FileManager.default.fileExists(atPath: bigCSVPath) else { return }
    var rng = Xoshiro256StarStar(seed: 14)
    var text = "N,D,loss\n"
    text.reserveCapacity(40_000_000)
    for _ in 0..<1_000_000 {
        let n = (1e6 * (1 + 999 * rng.uniform())).rounded(), d = (20 * n * (0.5 + rng.uniform())).rounded()
        let loss = 1.7 + 400 / pow(n, 0.34) + 410 / pow(d, 0.28) + 0.01 * rng.gaussian()
        text += "\(Int(n)),\(Int(d)),\(String(format: "%.6f", loss))\n"
    }
    try! Data(text.utf8).write(to: URL(fileURLWithPath: bigCSVPath), options: .atomic)
}

/// The operations (and functions) of the catalog that have an estimate but no cell in `operations`.
func uncovered() -> [String] {
    let cells = operations.flatMap(\.cells)
    var missing: [String] = []
    for family in ModelCatalog.families {
        for operation in family.operations where operation.estimate != nil {
            if !cells.contains(where: { $0.contains("\(operation.name)(\(family.name)(") }) { missing.append("\(operation.name)(\(family.name))") }
        }
    }
    for function in ModelCatalog.functions where function.estimate != nil {
        if !cells.contains(where: { $0.hasPrefix("\(function.name)(") }) { missing.append(function.name) }
    }
    return missing
}

/// Measured seconds by cell from a table printed by an earlier run (rows "| op | `cell` | estimate | measured | …").
func recordedTimes(_ path: String) -> [String: Double] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("calibrate: cannot read \(path)\n".utf8))
        exit(2)
    }
    var times: [String: Double] = [:]
    for line in text.split(separator: "\n") {
        let fields = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard fields.count > 5, fields[2].hasPrefix("`"), let measured = Double(fields[4]) else { continue }
        times[String(fields[2].dropFirst().dropLast())] = measured
    }
    return times
}

/// Each cell's estimate without running it, beside `recorded` measured seconds when given;
/// returns the rows off by more than 2×.
func listEstimates(_ selected: [Operation], recorded: [String: Double]?) -> Int {
    emit("| operation | cell | estimate s | recorded s | estimate/recorded | verdict |")
    emit("|---|---|---|---|---|---|")
    var off = 0
    for operation in selected {
        for cell in operation.cells {
            let session = Session()
            // A 50 ms limit refuses the work at its estimate (recorded first) or stops it at its
            // first checkpoint; a tinier one would stop the cell before the estimate is made.
            _ = session.execute("limits(seconds=0.05)\n" + cell, sink: Quiet(), monitor: WorkMonitor())
            let estimate = session.lastEstimate?.seconds
            let text = estimate.map { String(format: "%.3f", $0) } ?? "none"
            guard let measured = recorded?[cell] else {
                emit("| \(operation.name) | `\(cell)` | \(text) | - | - | - |")
                continue
            }
            let e = estimate ?? 0, ratio = e / measured
            let ok = (ratio >= 0.5 && ratio <= 2) || (e < 0.1 && measured < 0.1)
            if !ok { off += 1 }
            emit("| \(operation.name) | `\(cell)` | \(text) | \(String(format: "%.3f", measured)) | \(String(format: "%.2f", ratio)) | \(ok ? "ok" : "OFF") |")
        }
    }
    return off
}

var arguments = Array(CommandLine.arguments.dropFirst())
var recorded: [String: Double]? = nil
if let i = arguments.firstIndex(of: "estimates"), i + 1 < arguments.count, FileManager.default.fileExists(atPath: arguments[i + 1]) {
    recorded = recordedTimes(arguments.remove(at: i + 1))
}
let parts = arguments.filter { ["kernels", "cells", "estimates"].contains($0) }
let filter = arguments.first { !["kernels", "cells", "estimates"].contains($0) }
let selected = operations.filter { filter == nil || $0.name.contains(filter!) }
if parts.isEmpty || parts.contains("cells") || parts.contains("estimates") { writeBigCSV() }
var off = 0
if parts.isEmpty || parts.contains("kernels") {
    emit("kernels (load average \(loadAverage()))\n")
    let k = calibrateKernels()
    emit("\nkernels: \(k) off by more than 2x (load average \(loadAverage()))\n")
    off += k
}
if parts.isEmpty || parts.contains("cells") {
    emit("operations (load average \(loadAverage()))\n")
    let c = calibrateCells(selected)
    emit("\n\(selected.reduce(0) { $0 + $1.cells.count }) cells, \(c) outside 2x or failed (load average \(loadAverage()))")
    off += c
}
if parts.contains("estimates") {
    let e = listEstimates(selected, recorded: recorded)
    emit("\n\(selected.reduce(0) { $0 + $1.cells.count }) cells\(recorded == nil ? "" : ", \(e) outside 2x of the recorded times")")
    off += e
}
if filter == nil && (parts.isEmpty || parts.contains("cells") || parts.contains("estimates")) {
    let missing = uncovered()
    emit(missing.isEmpty ? "every operation with an estimate has cells"
                         : "operations with an estimate and no cell (\(missing.count)): \(missing.joined(separator: ", "))")
    off += missing.count
}
exit(off == 0 ? 0 : 1)
