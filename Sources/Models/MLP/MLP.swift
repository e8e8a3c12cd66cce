import NumericCore
#if canImport(Glibc)
import Glibc
#endif

/// Hyperparameter transfer in a residual ReLU MLP: the same network and task trained
/// under standard parameterisation (SP), μP, depth-μP (branches scaled by L^-½) and
/// CompleteP (branches scaled by L^-1), so a learning-rate sweep shows whether the
/// optimum stays put across width and depth (Bordelon, Noci, Li, Hanin & Pehlevan 2023,
/// arXiv 2309.16620; Dey et al. 2025 "CompleteP", arXiv 2505.01618).
enum MLPModel {
    static let doc = """
    A residual ReLU MLP trained online on a synthetic regression task.
    Network: h0 = x W_in^T; h_l = h_(l-1) + b * relu(h_(l-1)) W_l^T for l = 1..depth;
    f = c * h_depth . w_out; loss = mean (f - y)^2 / 2 on fresh batches each step;
    x ~ N(0, I_input). The network trains in single precision (float32 products and Adam, as
    PyTorch trains); data and the test loss are double. Tasks: "teacher" = a random tanh network with 64 hidden units;
    "linear" = a linear target with power-law weights w_k ∝ 1/k; "table" = the user's table
    data= (feature columns and y; the last fifth of the rows is the test set, batches are
    drawn with replacement from the rest, and input is the number of feature columns).
    Parameterisation (m_N = width/base_width, m_L = depth/base_depth, α = branch exponent):
      param      hidden init  readout init  readout mult c  branch mult b  hidden Adam LR        hidden SGD LR      outer SGD LR  Adam eps (hidden)
      sp         1/N          1/N           1               1              lr                    lr                 lr            eps
      mup        1/N          1/N0          1/m_N           1              lr/m_N                lr                 lr*m_N        eps/m_N
      mup_depth  1/N          1/N0          1/m_N           m_L^-1/2       lr/m_N*m_L^(α-1)      lr*m_L^(2α-1)      lr*m_N        eps/m_N*m_L^-α
      completep  1/N          1/N0          1/m_N           m_L^-1         lr/m_N*m_L^(α-1)      lr*m_L^(2α-1)      lr*m_N        eps/m_N*m_L^-α
    (embedding and readout Adam LR = lr in all; embedding init variance 1/input.)
    The SGD rates keep each block's feature update O(1/L) and the readout's O(1).
    Operations: train(m) gives the test-loss curve (columns step, loss); final(m) gives
    one run's final test loss (column loss) — give lr, width or depth as lists to sweep,
    e.g. final(m, lr=geomspace(2^-12, 2^-4, 9), width=[32, 64, 128, 256]); optimum(table)
    then picks the best lr per curve. Diverged runs have loss = inf. movement(m) trains
    once and adds how far the last hidden features moved: feature_change =
    ‖h_L(T) − h_L(0)‖/‖h_L(0)‖ on the test inputs and kernel_change = ‖K_T − K_0‖/‖K_0‖ for
    K = h_L h_Lᵀ on 256 of them (O(1) when features are learned, near 0 when training is lazy).
    """

    /// The model's parameters, declared once.
    struct Parameters: ParameterGroup {
        @Option("hidden width N", range: NumericRange(lower: 1, upper: 4096))
        var width = 64
        @Option("residual blocks L", range: NumericRange(lower: 1, upper: 512))
        var depth = 4
        @Option("input dimension D", range: NumericRange(lower: 1, upper: 4096))
        var input = 16
        @Option("parameterisation", choices: ["sp", "mup", "mup_depth", "completep"])
        var param = "mup"
        @Option("residual branch exponent α, b = m_L^-α (−1: the parameterisation's own)", range: NumericRange(lower: -1, upper: 4))
        var branch_alpha = -1.0
        @Option("training algorithm", choices: ["sgd", "adam"])
        var optimizer = "adam"
        @Option("base learning rate η (scaled per layer by the parameterisation)", range: .positive)
        var lr = 0.0078125
        @Option("training steps", range: NumericRange(lower: 1, upper: 1e7))
        var steps = 400
        @Option("minibatch size", range: NumericRange(lower: 1, upper: 1e6))
        var batch = 64
        @Option("the regression target", choices: ["teacher", "linear", "table"])
        var task = "teacher"
        @Option("the user's table for task=\"table\": numeric feature columns and a column y", sweepable: false)
        var data = Table(columns: [])
        @OptionGroup var seeding = Seeding()
        @Option("width N₀ of the base model the learning rate was tuned on", range: NumericRange(lower: 1, upper: 4096))
        var base_width = 32
        @Option("depth L₀ of the base model", range: NumericRange(lower: 1, upper: 512))
        var base_depth = 2
        @Option("Adam ε at the base model", range: .positive)
        var epsilon = 1e-8
    }

    /// `train`'s parameters.
    struct TrainArguments: ParameterGroup {
        @Option("evaluation points on the curve", range: NumericRange(lower: 2, upper: 1000), sweepable: false)
        var points = 30
        @OptionGroup var budget = Budget()
    }

    static let family = ModelFamily(
        name: "mlp",
        summary: "residual ReLU MLP trained under SP, μP, depth-μP or CompleteP: hyperparameter transfer",
        doc: doc,
        reference: "Bordelon, Noci, Li, Hanin, Pehlevan 2023, arXiv 2309.16620 (depth-μP, 1/√L branches); "
            + "Dey et al. 2025, arXiv 2505.01618 (CompleteP, Table 1); Yang & Hu 2021 (μP)",
        model: Parameters.self,
        operations: [trainOperation, finalOperation, movementOperation]
    )

    /// Seconds per activation of a batch (ReLU, branch scaling, their gradients) and per weight
    /// and step of the Adam update, fitted to the idle bench/calibrate mlp cells (width 32 to 256).
    static let activationSeconds = 3.5e-9, weightSeconds = 2e-9
    /// The float32 trainer's time over the double-precision kernels' fit above: measured 7.4 s
    /// against 12.8 s for final(mlp(param="mup_depth", width=64, task="linear"), lr = 9 rates,
    /// depth = [2, 4, 8, 16, 32]) on one idle core.
    static let singlePrecision = 0.58

    /// Work of `steps` training steps and `evaluations` test-set passes (1024 inputs), counted in
    /// kernels: per step the embedding and depth block products forward, two per block and one for
    /// the embedding backward, the activations and the Adam update of every weight.
    static func estimate(_ model: Parameters, evaluations: Double) -> WorkEstimate {
        guard let trainer = try? MLPTrainer(model) else { return WorkEstimate(bytes: 0, seconds: 0) }
        let n = Double(trainer.width), l = Double(trainer.depth), d = Double(trainer.input), b = Double(trainer.batch)
        func pass(_ rows: Double) -> Double {
            WorkEstimate.gemmSeconds(rows, n, d) + l * WorkEstimate.gemmSeconds(rows, n, n) + activationSeconds * rows * n * (l + 1)
                + (l + 1) * WorkEstimate.callSeconds
        }
        let step = 2 * pass(b) + WorkEstimate.gemmSeconds(n, d, b) + l * WorkEstimate.gemmSeconds(n, n, b)
            + weightSeconds * (l * n * n + d * n)
        let seconds = singlePrecision * (Double(trainer.steps) * step + evaluations * pass(1024))
        let bytes = 4 * (4 * l * n * n + 4 * Double(trainer.batch + 1024) * n * (l + 1))
        return WorkEstimate(bytes: bytes, seconds: seconds)
    }

    static let trainOperation = ModelOperation(
        name: "train",
        summary: "train once: the test loss (MSE) at log-spaced steps — columns step, loss",
        model: Parameters.self, arguments: TrainArguments.self,
        estimate: { model, arguments in estimate(model, evaluations: Double(arguments.points)) }
    ) { model, arguments, monitor in
        let trainer = try MLPTrainer(model)
        let checkpoints = logSpacedSteps(trainer.steps, count: arguments.points)
        let losses = try trainer.run(checkpoints: checkpoints, monitor: monitor)
        return .table(Table(columns: [Table.Column("step", checkpoints.map(Double.init)), Table.Column("loss", losses)],
                            caption: model.param, role: .simulation))
    }

    static let finalOperation = ModelOperation(
        name: "final",
        summary: "one training run's final test loss (column loss); sweep lr, width or depth by giving lists",
        model: Parameters.self, arguments: Budget.self,
        estimate: { model, _ in estimate(model, evaluations: 1) }
    ) { model, _, monitor in
        let trainer = try MLPTrainer(model)
        let loss = try trainer.run(checkpoints: [trainer.steps], monitor: monitor)[0]
        return .table(Table(columns: [Table.Column("loss", [loss])], caption: model.param, role: .simulation))
    }

    /// `count` distinct steps from 0 to `steps`, spaced evenly in log(1 + step).
    static func logSpacedSteps(_ steps: Int, count: Int) -> [Int] {
        let top = Double(steps + 1)
        var points = Set([0, steps])
        for i in 0..<count { points.insert(min(steps, Int((pow(top, Double(i) / Double(count - 1)) - 1).rounded()))) }
        return points.sorted()
    }
}
