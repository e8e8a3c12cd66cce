/// Estimates of NumericCore's own data work — reading a delimited file (`Table.readDelimited`)
/// and fitting a scaling law (`ScalingFit.fit`) — for `load` and `fit` to check against the
/// cell's limits like every model operation. Rates fitted to bench/calibrate's "fit and load"
/// cells (single-threaded work: CPU time on the loaded machine is the idle wall time).
extension WorkEstimate {
    /// Bytes of a delimited file parsed into columns per second (0.3 s for 10⁶ rows, 30 MB).
    public static let delimitedBytesPerSecond = 1e8
    /// Seconds per run of a scaling-law fit from its grid of initialisations and L-BFGS starts.
    public static let scalingFitSecondsPerRun = 3e-4
    /// Seconds per run and bootstrap resample (each refitted from the point estimate).
    public static let scalingFitSecondsPerResample = 2.5e-6

    /// Reading a delimited file of `bytes` bytes: the table's numbers take about as much memory as the text.
    public static func delimitedRead(bytes: Double) -> WorkEstimate {
        WorkEstimate(bytes: 1.5 * bytes, seconds: bytes / delimitedBytesPerSecond)
    }

    /// Fitting a scaling law to `runs` runs with `resamples` bootstrap resamples.
    public static func scalingFit(runs: Double, resamples: Double) -> WorkEstimate {
        WorkEstimate(bytes: 8 * runs * (resamples + 4),
                     seconds: runs * (scalingFitSecondsPerRun + resamples * scalingFitSecondsPerResample))
    }
}
