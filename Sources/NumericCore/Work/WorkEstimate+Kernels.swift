/// Seconds of the numerical kernels every estimate is built from.
///
/// **What an estimate means.** `WorkEstimate.seconds` is the expected wall-clock time of the
/// work on this 2-core machine when it is idle (OpenBLAS on both cores). A loaded machine
/// runs slower, so an estimate may undershoot there; the limit it is checked against
/// (`ResourceLimits`) is generous for that reason. bench/calibrate.sh checks every operation's
/// estimate against its measured time at several sizes; the target is within 2×
/// everywhere on the idle machine (bench/README.md records the tables).
///
/// An operation's estimate counts its work in these kernels (the flops of its matrix
/// products and decompositions, its Gaussian draws, its small library calls) and converts
/// each count with one rate per kernel and size regime, fitted to the idle kernel table of
/// bench/calibrate.sh (its "kernels" rows print each rate beside its measurement). Work that
/// is no kernel (an operation's own scalar loop) has the operation's own rate beside its
/// estimate, fitted the same way.
///
/// Small products and decompositions run below the large-size rate (blocking and
/// threading pay off only past a few hundred rows), modelled as an efficiency
/// `s / (s + half)` of the smallest dimension `s`, so one formula fits 8 to 4000.
extension WorkEstimate {
    /// Double-precision flops per second of a large `dgemm`/`dsyrk` (OpenBLAS, 2 threads; idle
    /// 2000³ product 0.18 s).
    public static let gemmFlopsPerSecond = 9e10
    /// The smallest dimension at which a product runs at half of `gemmFlopsPerSecond`.
    public static let gemmHalfSize = 60.0
    /// Seconds per n³ of a large symmetric eigendecomposition with vectors (`dsyevd`; idle n = 2000 0.93 s).
    public static let eigenSecondsPerCube = 8.5e-11
    /// The order at which `dsyevd` runs at half its large-size rate per n³.
    public static let eigenHalfSize = 800.0
    /// Seconds per m·n² of a large SVD least-squares solve (`dgelsd`, m ≥ n; idle 2048 × 1056 0.49 s).
    public static let leastSquaresSecondsPerUnit = 1.7e-10
    /// The smaller dimension at which `dgelsd` runs at half its large-size rate per m·n².
    public static let leastSquaresHalfSize = 300.0
    /// Gaussian draws per second (xoshiro256** with the polar method, one thread).
    public static let drawsPerSecond = 8e7
    /// Seconds of the call, allocation and copy around one small product or decomposition,
    /// the part of a tiny kernel that does not scale with its flops.
    public static let callSeconds = 1e-6

    /// Seconds of an m × k by k × n matrix product (2mnk flops).
    public static func gemmSeconds(_ m: Double, _ n: Double, _ k: Double) -> Double {
        let s = min(m, n, k)
        guard s > 0 else { return 0 }
        return 2 * m * n * k / (gemmFlopsPerSecond * s / (s + gemmHalfSize))
    }

    /// Seconds of the eigendecomposition (values and vectors) of an n × n symmetric matrix.
    public static func eigenSeconds(_ n: Double) -> Double {
        guard n > 0 else { return 0 }
        return eigenSecondsPerCube * n * n * (n + eigenHalfSize)
    }

    /// Seconds of the minimum-norm least-squares solve of an m × n system (`dgelsd`); an SVD of
    /// the same shape costs about the same.
    public static func leastSquaresSeconds(_ m: Double, _ n: Double) -> Double {
        let large = max(m, n), small = min(m, n)
        guard small > 0 else { return 0 }
        return leastSquaresSecondsPerUnit * large * small * (small + leastSquaresHalfSize)
    }

    /// Seconds of `count` Gaussian draws.
    public static func drawSeconds(_ count: Double) -> Double { count / drawsPerSecond }

    /// Work done one after the other: the seconds add, the peak memory is the larger.
    public static func + (a: WorkEstimate, b: WorkEstimate) -> WorkEstimate {
        WorkEstimate(bytes: max(a.bytes, b.bytes), seconds: a.seconds + b.seconds)
    }
}
