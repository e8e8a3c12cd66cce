// The kernel rates behind every estimate (Sources/NumericCore/Work/WorkEstimate+Kernels.swift),
// measured at several sizes: each row times the real kernel (best of a few runs) beside the
// model's seconds, so a drifting constant shows as a ratio away from 1.
import Foundation
import NumericCore

/// Wall-clock seconds of the fastest of `repeats` runs of `body`.
func bestSeconds(repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<repeats {
        let start = ContinuousClock.now
        try body()
        let d = ContinuousClock.now - start
        best = min(best, Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
    }
    return best
}

/// One row of the kernel table: the model's seconds against the measured ones.
func kernelRow(_ name: String, model: Double, measured: Double) -> Bool {
    let ratio = model / measured
    let ok = ratio >= 0.5 && ratio <= 2
    emit("| \(name) | \(String(format: "%.6f", model)) | \(String(format: "%.6f", measured)) | \(String(format: "%.2f", ratio)) | \(ok ? "ok" : "OFF") |")
    return ok
}

/// Times dgemm, dsyevd, dgelsd and Gaussian draws at small to large sizes; returns the rows off by more than 2×.
func calibrateKernels() -> Int {
    emit("| kernel | model s | measured s | model/measured | verdict |")
    emit("|---|---|---|---|---|")
    var rng = Xoshiro256StarStar(seed: 1)
    var off = 0
    for n in [50, 200, 500, 1000, 2000] {
        let a = rng.gaussianMatrix(rows: n, columns: n), b = rng.gaussianMatrix(rows: n, columns: n)
        let repeats = n <= 500 ? 20 : 3
        let t = bestSeconds(repeats: repeats) { _ = Matrix.gemm(a, b) }
        let d = Double(n)
        if !kernelRow("gemm \(n)×\(n)·\(n)×\(n)", model: WorkEstimate.gemmSeconds(d, d, d), measured: t) { off += 1 }
    }
    for (m, k) in [(100, 2000), (2000, 500), (4000, 200)] {
        let a = rng.gaussianMatrix(rows: m, columns: k)
        let t = bestSeconds(repeats: 3) { _ = Matrix.gemm(a, a, transposeB: true) }
        let (dm, dk) = (Double(m), Double(k))
        if !kernelRow("gemm \(m)×\(k)·\(k)×\(m)", model: WorkEstimate.gemmSeconds(dm, dm, dk), measured: t) { off += 1 }
    }
    // Skinny and tiny products (deep linear networks' dim × dim, optimizers' k × N by N × N, MLP batches).
    for (m, k, n) in [(2048, 32, 32), (512, 8, 8), (8, 128, 128), (64, 64, 64), (1024, 64, 64)] {
        let a = rng.gaussianMatrix(rows: m, columns: k), b = rng.gaussianMatrix(rows: k, columns: n)
        let t = bestSeconds(repeats: 50) { _ = Matrix.gemm(a, b) }
        let (dm, dk, dn) = (Double(m), Double(k), Double(n))
        let model = WorkEstimate.gemmSeconds(dm, dn, dk) + WorkEstimate.callSeconds
        if !kernelRow("gemm \(m)×\(k)·\(k)×\(n) (+ call)", model: model, measured: t) { off += 1 }
    }
    for n in [50, 200, 500, 1000, 2000] {
        let a = rng.gaussianMatrix(rows: n, columns: n)
        let s = Matrix.gemm(a, a, transposeB: true)
        let repeats = n <= 500 ? 10 : 2
        let t = bestSeconds(repeats: repeats) { _ = try! s.symmetricEigen() }
        if !kernelRow("dsyevd \(n)", model: WorkEstimate.eigenSeconds(Double(n)), measured: t) { off += 1 }
    }
    for (m, n) in [(400, 200), (1000, 500), (2048, 1056)] {
        let a = rng.gaussianMatrix(rows: m, columns: n), b = rng.gaussians(m)
        let t = bestSeconds(repeats: m <= 1000 ? 5 : 2) { _ = try! a.leastSquares(b) }
        if !kernelRow("dgelsd \(m)×\(n)", model: WorkEstimate.leastSquaresSeconds(Double(m), Double(n)), measured: t) { off += 1 }
    }
    for count in [100_000, 1_000_000, 10_000_000] {
        let t = bestSeconds(repeats: 3) { _ = rng.gaussians(count) }
        if !kernelRow("gaussians \(count)", model: WorkEstimate.drawSeconds(Double(count)), measured: t) { off += 1 }
    }
    return off
}
