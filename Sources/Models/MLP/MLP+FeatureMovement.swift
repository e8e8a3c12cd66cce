import NumericCore

/// How far training moved the network's last hidden features h_L, the lazy-versus-rich
/// diagnostic behind CompleteP's "complete feature learning" (Dey et al. 2025, arXiv
/// 2505.01618, §3: under α = 1 every layer keeps learning features as depth grows). A lazy
/// network (Chizat, Oyallon & Bach 2019, arXiv 1812.07956) trains with its features, and so
/// their kernel K = h_L h_Lᵀ, at their initial values; a feature-learning one moves them by O(1).
struct FeatureMovement {
    /// ‖h_L(T) − h_L(0)‖_F / ‖h_L(0)‖_F over the test inputs.
    let featureChange: Double
    /// ‖K_T − K_0‖_F / ‖K_0‖_F for the feature kernel K = h_L h_Lᵀ on the first
    /// `kernelPoints` test inputs.
    let kernelChange: Double

    /// Test inputs the kernel is formed on (a 256 × 256 kernel is cheap beside training).
    static let kernelPoints = 256

    init<M>(initial: MLPNetwork<M>, trained: MLPNetwork<M>, inputs: Matrix) {
        let before = initial.features(inputs), after = trained.features(inputs)
        featureChange = Self.relativeDistance(after.storage, before.storage)
        let rows = min(Self.kernelPoints, inputs.rows)
        func kernel(_ h: Matrix) -> Matrix {
            let top = Matrix(rows: rows, columns: h.columns, storage: Array(h.storage[0..<(rows * h.columns)]))
            return Matrix.gemm(top, top, transposeB: true)
        }
        kernelChange = Self.relativeDistance(kernel(after).storage, kernel(before).storage)
    }

    /// ‖a − b‖ / ‖b‖; +∞ when either holds a non-finite entry (a diverged run).
    static func relativeDistance(_ a: [Double], _ b: [Double]) -> Double {
        var difference = 0.0, reference = 0.0
        for (x, y) in zip(a, b) { difference += (x - y) * (x - y); reference += y * y }
        let ratio = (difference / reference).squareRoot()
        return ratio.isFinite ? ratio : .infinity
    }
}

extension MLPModel {
    static let movementOperation = ModelOperation(
        name: "movement",
        summary: "one training run's final test loss and how far training moved the last hidden features — columns loss, feature_change, kernel_change",
        model: Parameters.self, arguments: Budget.self,
        estimate: { model, _ in estimate(model, evaluations: 3) }
    ) { model, _, monitor in
        let trainer = try MLPTrainer(model)
        var movement: FeatureMovement?
        let loss = try trainer.run(checkpoints: [trainer.steps], monitor: monitor) { initial, trained, inputs in
            movement = FeatureMovement(initial: initial, trained: trained, inputs: inputs)
        }[0]
        let feature = loss.isFinite ? movement?.featureChange ?? .infinity : .infinity
        let kernel = loss.isFinite ? movement?.kernelChange ?? .infinity : .infinity
        return .table(Table(columns: [Table.Column("loss", [loss]), Table.Column("feature_change", [feature]),
                                      Table.Column("kernel_change", [kernel])],
                            caption: model.param, role: .simulation))
    }
}
