import NumericCore

// `widetrain`: gradient descent on the full weight matrices from random Gaussian
// initialisation in the μP or NTK parameterisation of DeepLinear+Wide.swift, at each width
// and base rate, whitened population loss or P samples x ~ N(0, I_dim) with labels S x.

extension DeepLinear {
    /// `widetrain`'s parameters.
    struct WideTrainingArguments: ParameterGroup {
        @OptionGroup var wide = WideArguments()
        @Option("hidden widths N to train (empty: the model's width)", range: NumericRange(lower: 1, upper: 2048, whole: true),
                sweepable: false)
        var widths: [Double] = []
        @Option("training samples P (0: the whitened population loss)", range: NumericRange(lower: 0, upper: 100_000))
        var samples = 0
        @OptionGroup var replication = Replication(trials: 4, fewest: 2)

        /// The widths to train (declared whole).
        func widthList(_ c: Configuration) -> [Int] {
            widths.isEmpty ? [c.width] : widths.map { Int($0) }
        }
    }

    /// Test and train loss of one run at each of `steps`; `nil` once the run diverged.
    struct WideRun {
        var test: [Double?]
        var train: [Double?]
    }

    static let wideTrainOperation = ModelOperation.table(
        "widetrain", "GD on the matrices from random init (μP or NTK) at each width and rate: test and train loss",
        model: Parameters.self, arguments: WideTrainingArguments.self,
        estimate: { model, a in
            let c = Configuration(model)
            let widths = a.widths.isEmpty ? [c.width] : a.widths.map { Int($0) }
            let steps = a.wide.steps.max() ?? 0
            var seconds = 0.0, bytes = 0.0
            for n in widths {
                let sizes = layerSizes(depth: c.depth, width: n, dim: c.dim)
                let draws = WorkEstimate.drawSeconds(Double(sizes.indices.dropLast().map { sizes[$0] * sizes[$0 + 1] }.reduce(0, +)
                                                            + a.samples * c.dim))
                let setup = draws + 2 * WorkEstimate.eigenSeconds(Double(c.dim))
                    + (a.samples > 0 ? WorkEstimate.gemmSeconds(Double(c.dim), Double(c.dim), Double(a.samples)) : 0)
                seconds += setup + steps * stepSeconds(sizes, samples: a.samples)
                bytes = max(bytes, weightBytes(sizes) + 8 * Double(a.samples * c.dim))
            }
            return WorkEstimate(bytes: bytes, seconds: seconds * Double(a.wide.eta.count * a.replication.trials))
        }) { model, a, monitor in
            let c = Configuration(model)
            try c.check()
            let steps = try a.wide.stepCounts()
            let widths = a.widthList(c)
            let trials = a.replication.trials
            var columns: [String: [Double]] = [:]
            func add(_ name: String, _ value: Double) { columns[name, default: []].append(value) }
            let total = widths.count * a.wide.eta.count * trials
            var done = 0
            for (w, width) in widths.enumerated() {
                for eta in a.wide.eta {
                    var runs: [WideRun] = []
                    for trial in 0..<trials {
                        try monitor.checkCancelled()
                        monitor.report(done: done, total: total, label: "widetrain deeplinear")
                        // One stream per (width, rate, trial): the same draws at every rate of a width.
                        var rng = Xoshiro256StarStar(seed: a.replication.seed64, stream: UInt64(w * 100_000 + trial))
                        runs.append(try wideRun(c, a, width: width, eta: eta, steps: steps, rng: &rng, monitor: monitor))
                        done += 1
                    }
                    for (i, n) in steps.enumerated() {
                        add("width", Double(width)); add("eta", eta); add("step", Double(n))
                        let (test, testSE) = meanAndError(runs.map { $0.test[i] })
                        add("loss", test); add("loss_se", testSE)
                        if a.samples > 0 {
                            let (train, trainSE) = meanAndError(runs.map { $0.train[i] })
                            add("train", train); add("train_se", trainSE)
                        }
                        add("diverged", Double(runs.filter { $0.test[i] == nil }.count) / Double(trials))
                    }
                }
            }
            monitor.report(done: total, total: total, label: "widetrain deeplinear")
            let names = ["width", "eta", "step", "loss", "loss_se"] + (a.samples > 0 ? ["train", "train_se"] : []) + ["diverged"]
            return Table(columns: names.map { Table.Column($0, columns[$0] ?? []) },
                         caption: "simulation (\(a.wide.param)\(a.wide.residualCaption))", role: .simulation)
        }

    /// Mean and standard error of the runs' values; +∞ (and SE NaN) if any run diverged.
    static func meanAndError(_ values: [Double?]) -> (Double, Double) {
        let finite = values.compactMap { $0 }
        guard finite.count == values.count else { return (.infinity, .nan) }
        let n = Double(finite.count), mean = finite.reduce(0, +) / n
        let variance = finite.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)
        return (mean, (variance / n).squareRoot())
    }

    /// One run: teacher, data (if P > 0), random start at `width`, GD at base rate `eta`.
    static func wideRun(_ c: Configuration, _ a: WideTrainingArguments, width: Int, eta: Double, steps: [Int],
                        rng: inout Xoshiro256StarStar, monitor: WorkMonitor) throws -> WideRun {
        let (teacher, _, _) = try drawTeacher(c, rng: &rng)
        var covariance: Matrix?
        if a.samples > 0 {
            let x = rng.gaussianMatrix(rows: c.dim, columns: a.samples)
            covariance = Matrix.gemm(x, x, transposeB: true, alpha: 1 / Double(a.samples))
        }
        let sizes = layerSizes(depth: c.depth, width: width, dim: c.dim)
        let gamma = a.wide.effectiveGamma(width: width)
        var weights: [Matrix] = []
        var rates: [Double] = []
        if c.depth == 1 {
            weights = [Matrix(rows: c.dim, columns: c.dim)]
            rates = [eta]
        } else {
            let sd = 1 / Double(width).squareRoot()
            for l in 0..<c.depth {
                let last = l == c.depth - 1
                weights.append(rng.gaussianMatrix(rows: sizes[l + 1], columns: sizes[l], standardDeviation: last ? sd / gamma : sd))
                rates.append(last ? eta : eta * gamma * gamma)
            }
            if let branch = a.wide.branchScale(depth: c.depth) { makeResidual(&weights, rates: &rates, branch: branch) }
        }
        var run = WideRun(test: [Double?](repeating: nil, count: steps.count), train: [Double?](repeating: nil, count: steps.count))
        var done = 0, diverged = false
        for index in steps.indices.sorted(by: { steps[$0] < steps[$1] }) {
            while done < steps[index], !diverged {
                if done % 64 == 0 { try monitor.checkCancelled() }
                step(&weights, teacher: teacher, rates: rates, covariance: covariance)
                done += 1
                if done % 16 == 0 || done == steps[index] {
                    diverged = !(weights.last?.storage.allSatisfy { abs($0) < 1e100 } ?? true)
                }
            }
            if diverged { continue }
            let product = weights.dropFirst().reduce(weights[0]) { $1 * $0 }
            var difference = teacher
            for i in difference.storage.indices { difference.storage[i] -= product.storage[i] }
            let test = 0.5 * difference.storage.map { $0 * $0 }.reduce(0, +)
            guard test.isFinite, test < 1e100 else { diverged = true; continue }
            run.test[index] = test
            if let covariance {
                let e = difference * covariance
                run.train[index] = 0.5 * zip(difference.storage, e.storage).map { $0 * $1 }.reduce(0, +)
            } else {
                run.train[index] = test
            }
        }
        return run
    }
}
