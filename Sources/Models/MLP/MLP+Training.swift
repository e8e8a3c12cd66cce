import NumericCore
#if canImport(Glibc)
import Glibc
#endif

/// Training of the residual MLP on a synthetic task with fresh minibatches each step
/// (online), by SGD or Adam with the per-layer rates of `MLPScaling`, evaluating the
/// test loss (mean squared error on a fixed held-out set) at log-spaced steps. The network
/// trains in single precision (sgemm, float Adam), as PyTorch trains; data, labels and the
/// test loss stay double.
struct MLPTrainer {
    let input: Int, width: Int, depth: Int, steps: Int, batch: Int
    let optimizer: String
    let task: String
    /// The user's table for `task = "table"` (feature columns and `y`).
    let data: Table
    let scaling: MLPScaling
    let seed: UInt64

    /// A loss at or above this (or not finite) counts as divergence.
    static let divergence = 1e6

    init(_ model: MLPModel.Parameters) throws(ModelError) {
        width = model.width; depth = model.depth
        steps = model.steps; batch = model.batch
        optimizer = model.optimizer; task = model.task
        data = task == "table" ? model.data : Table(columns: [])
        input = task == "table" ? try TableTask.featureCount(data) : model.input
        seed = model.seeding.seed64
        let alpha: Double? = model.branch_alpha < 0 ? nil : model.branch_alpha
        scaling = MLPScaling(param: model.param, width: width, depth: depth,
                             baseWidth: model.base_width, baseDepth: model.base_depth,
                             branchAlpha: alpha, optimizer: optimizer, lr: model.lr,
                             epsilon: model.epsilon)
    }

    /// The network the trainer trains.
    typealias Network = MLPNetwork<FloatMatrix>

    /// Test losses at `checkpoints` (sorted step counts in 0…steps); after divergence
    /// the remaining entries are +∞. `observe`, when given, sees the initial and the trained
    /// network and the test inputs once training ends. BLAS runs on one thread: the products are
    /// small (batch × width × width), and two threads' hand-offs and idle spinning cost more than
    /// they save; the one-thread result is the same whatever the core count.
    func run(checkpoints: [Int], monitor: WorkMonitor,
             observe: ((_ initial: Network, _ trained: Network, _ testInputs: Matrix) -> Void)? = nil) throws -> [Double] {
        try BLAS.singleThreaded { () throws -> [Double] in try train(checkpoints: checkpoints, monitor: monitor, observe: observe) }
    }

    private func train(checkpoints: [Int], monitor: WorkMonitor,
                       observe: ((_ initial: Network, _ trained: Network, _ testInputs: Matrix) -> Void)?) throws -> [Double] {
        var taskRNG = Xoshiro256StarStar(seed: seed, stream: 1)
        let source: any TrainingData = task == "table"
            ? try TableTask(data)
            : SyntheticTask(target: Target(kind: task, input: input, rng: &taskRNG), input: input, seed: seed)
        let (testX, testY) = source.testSet
        var initRNG = Xoshiro256StarStar(seed: seed, stream: 3)
        var net = Network(input: input, width: width, depth: depth, scaling: scaling, rng: &initRNG)
        let initial = observe == nil ? nil : net
        var adam = AdamState(net)
        var dataRNG = Xoshiro256StarStar(seed: seed, stream: 4)
        var losses: [Double] = []
        var next = 0
        for step in 0...steps {
            while next < checkpoints.count && checkpoints[next] == step {
                let predictions = net.predict(testX)
                let mse = zip(predictions, testY).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(testY.count)
                losses.append(mse.isFinite && mse < Self.divergence ? mse : .infinity)
                next += 1
            }
            if losses.last == .infinity || step == steps { break }
            if step % 16 == 0 { try monitor.checkCancelled() }
            let (x, y) = source.batch(batch, rng: &dataRNG)
            let (_, gradients) = net.lossAndGradients(x, y)
            if optimizer == "adam" { adam.step(&net, gradients, scaling) } else { sgdStep(&net, gradients) }
        }
        if let observe, let initial { observe(initial, net, testX) }
        return losses + [Double](repeating: .infinity, count: checkpoints.count - losses.count)
    }

    private func sgdStep(_ net: inout Network, _ g: Network.Gradients) {
        func descend(_ w: inout [Float], _ gradient: [Float], _ lr: Double) {
            let rate = Float(lr)
            for i in w.indices { w[i] -= rate * gradient[i] }
        }
        descend(&net.embedding.storage, g.embedding.storage, scaling.outerLearningRate)
        for l in net.blocks.indices { descend(&net.blocks[l].storage, g.blocks[l].storage, scaling.hiddenLearningRate) }
        descend(&net.readout, g.readout, scaling.outerLearningRate)
    }
}

/// Adam (Kingma & Ba 2015) moments for every weight, β₁ = 0.9, β₂ = 0.999, with the
/// per-group learning rates and ε of the parameterisation, in the network's precision.
struct AdamState<M: MLPMatrix> {
    typealias Scalar = M.Scalar
    private var first: [[Scalar]], second: [[Scalar]]
    private var t = 0

    init(_ net: MLPNetwork<M>) {
        let sizes = [net.embedding.storage.count] + net.blocks.map(\.storage.count) + [net.readout.count]
        first = sizes.map { [Scalar](repeating: 0, count: $0) }
        second = first
    }

    mutating func step(_ net: inout MLPNetwork<M>, _ g: MLPNetwork<M>.Gradients, _ s: MLPScaling) {
        t += 1
        let c1 = Scalar(1 - pow(0.9, Double(t))), c2 = Scalar(1 - pow(0.999, Double(t)))
        update(&net.embedding.storage, g.embedding.storage, group: 0, lr: s.outerLearningRate, eps: s.outerEpsilon, c1, c2)
        for l in net.blocks.indices {
            update(&net.blocks[l].storage, g.blocks[l].storage, group: l + 1, lr: s.hiddenLearningRate,
                   eps: s.hiddenEpsilon, c1, c2)
        }
        update(&net.readout, g.readout, group: net.blocks.count + 1, lr: s.outerLearningRate, eps: s.outerEpsilon, c1, c2)
    }

    /// One Adam update of a weight group, on the vector kernel (bit-identical to the scalar
    /// update `w −= lr·(m/c1) / (√(v/c2) + eps)` in the network's precision).
    private mutating func update(_ w: inout [Scalar], _ g: [Scalar], group: Int, lr: Double, eps: Double,
                                 _ c1: Scalar, _ c2: Scalar) {
        M.adam(&w, first: &first[group], second: &second[group], gradient: g, lr: Scalar(lr), eps: Scalar(eps), c1: c1, c2: c2)
    }
}

/// The synthetic regression task: a random tanh teacher network (64 hidden units) or a
/// linear target with power-law weights w_k ∝ k⁻¹ (‖w‖ = 1); inputs x ~ N(0, I_D).
struct Target {
    private let kind: String
    private let hidden: Matrix      // 64 × D
    private let outer: [Double]     // 64
    private let linear: [Double]    // D

    init(kind: String, input: Int, rng: inout Xoshiro256StarStar) {
        self.kind = kind
        hidden = rng.gaussianMatrix(rows: 64, columns: input, standardDeviation: (1 / Double(input)).squareRoot())
        outer = rng.gaussians(64, standardDeviation: 1 / 8)
        let raw = (1...input).map { 1 / Double($0) }
        let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
        linear = raw.map { $0 / norm }
    }

    func labels(_ x: Matrix) -> [Double] {
        if kind == "linear" { return x.times(linear) }
        let pre = Matrix.gemm(x, hidden, transposeB: true)
        let post = Matrix(rows: pre.rows, columns: pre.columns, storage: pre.storage.map { tanh(3 * $0) })
        return post.times(outer)
    }
}

/// Where training batches and the held-out test set come from.
protocol TrainingData {
    /// The fixed test inputs (rows) and labels.
    var testSet: (Matrix, [Double]) { get }
    /// A fresh minibatch of `size` rows.
    func batch(_ size: Int, rng: inout Xoshiro256StarStar) -> (Matrix, [Double])
}

/// Online data from a synthetic target: fresh Gaussian inputs every batch, 1024 test points.
struct SyntheticTask: TrainingData {
    let target: Target
    let input: Int
    let testSet: (Matrix, [Double])

    init(target: Target, input: Int, seed: UInt64) {
        self.target = target
        self.input = input
        var testRNG = Xoshiro256StarStar(seed: seed, stream: 2)
        let x = testRNG.gaussianMatrix(rows: 1024, columns: input)
        testSet = (x, target.labels(x))
    }

    func batch(_ size: Int, rng: inout Xoshiro256StarStar) -> (Matrix, [Double]) {
        let x = rng.gaussianMatrix(rows: size, columns: input)
        return (x, target.labels(x))
    }
}

/// A user's table: numeric feature columns and a label column `y`. The last fifth of the
/// rows (at least one) is held out as the test set; batches are drawn with replacement from
/// the rest.
struct TableTask: TrainingData {
    private let trainX: Matrix, trainY: [Double]
    let testSet: (Matrix, [Double])

    /// The number of feature columns (every numeric column but `y`), checked.
    static func featureCount(_ table: Table) throws(ModelError) -> Int {
        try columns(table).features.count
    }

    private static func columns(_ table: Table) throws(ModelError) -> (features: [[Double]], y: [Double]) {
        guard let y = table.numbers("y") else {
            throw ModelError.missingColumns(owner: "task=\"table\"", parameter: "data", needed: ["y"], present: table.columnNames, source: nil)
        }
        let features = table.columns.filter { $0.name != "y" }.compactMap(\.numbers)
        guard !features.isEmpty else {
            throw ModelError.tooFew(parameter: "data", least: 1, noun: "numeric feature columns besides y", purpose: nil)
        }
        guard table.rowCount >= 5 else {
            throw ModelError.tooFew(parameter: "data", least: 5, noun: "rows", purpose: "train on (task=\"table\")")
        }
        return (features, y)
    }

    init(_ table: Table) throws(ModelError) {
        let (features, y) = try Self.columns(table)
        let rows = table.rowCount, held = max(1, rows / 5), kept = rows - held
        func matrix(_ range: Range<Int>) -> Matrix {
            Matrix(rows: range.count, columns: features.count,
                   storage: range.flatMap { r in features.map { $0[r] } })
        }
        trainX = matrix(0..<kept)
        trainY = Array(y[0..<kept])
        testSet = (matrix(kept..<rows), Array(y[kept..<rows]))
    }

    func batch(_ size: Int, rng: inout Xoshiro256StarStar) -> (Matrix, [Double]) {
        let picks = (0..<size).map { _ in Int(rng.next() % UInt64(trainY.count)) }
        let d = trainX.columns
        return (Matrix(rows: size, columns: d, storage: picks.flatMap { trainX.storage[($0 * d)..<(($0 + 1) * d)] }),
                picks.map { trainY[$0] })
    }
}
