/// Seconds of the numerical kernels every estimate is built from: an operation's
/// estimate counts its work in these kernels (the flops of its matrix products and
/// eigendecompositions, its Gaussian draws, its scalar loop steps) and converts each
/// count with a rate measured on this 2-core machine at several sizes by
/// bench/calibrate.sh (the "kernels" table there prints each rate's measurement).
///
/// Small products and decompositions run below the large-size rate (blocking and
/// threading pay off only past a few hundred rows), modelled as an efficiency
/// `s / (s + half)` of the smallest dimension `s`, so one formula fits 50 to 4000.
extension WorkEstimate {
    /// Double-precision flops per second of a large `dgemm`/`dsyrk` (OpenBLAS, 2 threads).
    public static let gemmFlopsPerSecond = 4e10
    /// The smallest dimension at which a product runs at half of `gemmFlopsPerSecond`.
    public static let gemmHalfSize = 60.0
    /// Seconds per n³ of a large symmetric eigendecomposition with vectors (`dsyevd`).
    public static let eigenSecondsPerCube = 1.6e-10
    /// The order at which `dsyevd` runs at half its large-size rate per n³.
    public static let eigenHalfSize = 800.0
    /// Seconds per m·n² of a large SVD least-squares solve (`dgelsd`, m ≥ n).
    public static let leastSquaresSecondsPerUnit = 6e-10
    /// Gaussian draws per second (xoshiro256** with the polar method, one thread).
    public static let drawsPerSecond = 8e7

    /// Seconds of an m × k by k × n matrix product (2mnk flops).
    public static func gemmSeconds(_ m: Double, _ n: Double, _ k: Double) -> Double {
        let s = min(m, n, k)
        guard s > 0 else { return 0 }
        return 2 * m * n * k / (gemmFlopsPerSecond * s / (s + gemmHalfSize))
    }

    /// Seconds of the eigendecomposition (values and vectors) of an n × n symmetric matrix.
    public static func eigenSeconds(_ n: Double) -> Double {
        guard n > 0 else { return 0 }
        return eigenSecondsPerCube * n * n * n * (n + eigenHalfSize) / n
    }

    /// Seconds of the minimum-norm least-squares solve of an m × n system (`dgelsd`).
    public static func leastSquaresSeconds(_ m: Double, _ n: Double) -> Double {
        let large = max(m, n), small = min(m, n)
        guard small > 0 else { return 0 }
        return leastSquaresSecondsPerUnit * large * small * small * (small + 150) / small
    }

    /// Seconds of `count` Gaussian draws.
    public static func drawSeconds(_ count: Double) -> Double { count / drawsPerSecond }

    /// Work done one after the other: the seconds add, the peak memory is the larger.
    public static func + (a: WorkEstimate, b: WorkEstimate) -> WorkEstimate {
        WorkEstimate(bytes: max(a.bytes, b.bytes), seconds: a.seconds + b.seconds)
    }
}
