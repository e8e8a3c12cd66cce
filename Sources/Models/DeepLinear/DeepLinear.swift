import NumericCore

/// Deep linear networks learning a linear teacher by gradient descent: Saxe, McClelland &
/// Ganguli, "Exact solutions to the nonlinear dynamics of learning in deep linear neural
/// networks" (ICLR 2014, arXiv 1312.6120).
///
/// The network computes `W_L ⋯ W_1 x` with whitened inputs (`Σ¹¹ = I`), so the population
/// loss is `½‖Σ³¹ − W_L ⋯ W_1‖²_F` with the teacher's input–output correlation
/// `Σ³¹ = U S Vᵀ`. Time is measured as `t = lr × steps` (τ = 1). A mode's strength is
/// `u_α = u_αᵀ (W_L ⋯ W_1) v_α`, the product projected on the teacher's α-th singular pair.
public enum DeepLinear {
    /// The `deeplinear(...)` family for the catalog.
    public static let family = ModelFamily(
        name: "deeplinear",
        summary: "Deep linear network: exact mode-by-mode learning dynamics (Saxe et al. 2013)",
        doc: """
        A depth-L linear network W_L⋯W_1 trained by full-batch gradient descent on whitened inputs
        to match a teacher Σ³¹ = U S Vᵀ with singular values `singular` (or s_k = k^-exponent for
        k = 1..modes). From a small balanced start each mode strength u obeys
        τ u̇ = L u^(2−2/L) (s − u); for L = 2 this is τ u̇ = 2u(s − u), solved by
        u(t) = s e^(2st/τ) / (e^(2st/τ) − 1 + s/u₀). Time t = lr × steps.
        theory(m, t=...) and simulate(m, t=..., seed=, trials=) give a long table with columns
        t, mode, target (= s of the mode), u (and u_se for simulations); plot by mode.
        learningtime(m, fraction=0.9) gives each mode's time to reach fraction × s.
        From random Gaussian initialisation (after Bordelon & Pehlevan 2025; only their abstract could be
        read here, so the equations are derived, see DeepLinear+Wide.swift): param="mup" is mean-field/μP
        (f = W_L h/(γ₀N), h_{l+1} = W_l h_l/√N, one rate η = η₀γ₀²N), param="ntk" is f = W_L h/√N with rate
        η₀γ₀² (= μP at γ = γ₀/√N). widetrain(m, eta=[...], steps=[...], widths=[...], samples=P, trials=,
        seed=) runs GD on the matrices (population loss, or P samples x ~ N(0, I), train loss too) and gives
        width, eta, step, loss (= ½‖S − B‖²_F), loss_se, diverged (the model's init, lr, start are not used). widetheory(m, eta=, steps=) is the
        infinite-width limit: μP depth 2 by the exact per-mode recursion (W1) u' = u + 2η₀qe + η₀²γ²e²u,
        q' = q + 2η₀γ²ue + η₀²γ²e²q (e = s − u, from u = 0, q = 1); μP depth ≥ 3 by a dynamical mean-field
        theory per mode (derived in DeepLinear+WideTheoryDMFT.swift, Eqs. (D1)-(D4)): hidden fields
        h_l = χ_l + Σ_s [A_{l−1} + η₀γeΦ_{l−1}]g_l, g_l = ξ_l + Σ_s [B_{l+1} + η₀γeΓ_{l+1}]h_l with Gaussian
        χ_l, ξ_l of covariances Φ_{l−1}, Γ_{l+1}, closed on the two-time kernels Φ, Γ and responses A, B,
        u = ⟨g_l h_l⟩/γ (steps ≤ 1000, cost ∝ depth·steps³ per mode; = (W1) at depth 2); NTK lazy at any
        depth, ½(Σs² + dim²/γ₀²)(1 − Lη₀)^{2n}; depth 1 linear regression ½Σs²(1 − η₀)^{2n}. widetheory(m, samples=P,
        trials=, seed=) is the infinite width at finite data α = P/dim (derived in DeepLinear+WideData.swift):
        per seeded draw of teacher and data, μP depth 2 by the exact closure (F1) in B, Q₁, Q₂ with E = (S − B)Σ̂
        from B = 0, Q = I; depth 1 and NTK lazy, S − B ← (S − B)(I − kη₀Σ̂) (F2); columns loss, loss_se, train,
        train_se over draws; at α < 1 the test loss plateaus at ½Σs²(1 − α). Not modelled: μP at depth ≥ 3
        with finite data, residual networks with finite data, one-pass SGD.
        residual="sqrtL" | "unit" (beta=β) makes hidden layers 2 … L−1 blocks h_m = h_{m−1} + a W_m h_{m−1}/√N with
        a = β/√(L−2) or β (input and readout as above, same rates): widetrain trains them, widetheory solves the
        residual DMFT (R1)-(R3) derived in DeepLinear+WideResidualDMFT.swift (the fields of one unit followed through
        all layers, linear in 2(L−1) Gaussian sources; steps ≤ 400, cost ∝ depth²·steps³), NTK lazy on the residual
        kernel (R4) k = 2(1+a²)^K + Ka²(1+a²)^{K−1}, K = L − 2.
        Not modelled either: the continuum (L → ∞) equations of the 1/√L limit (only finite-L theory).
        """,
        reference: "Saxe, McClelland & Ganguli 2013 (arXiv 1312.6120), Eqs. (5)-(7) and Sec. 3 (deeper networks); "
            + "depth-L balanced ODE: Arora, Cohen & Hazan 2018 (arXiv 1802.06509), Arora et al. 2019 (arXiv 1905.13655), Thm. 3; "
            + "random init, μP vs NTK, rate transfer: Bordelon & Pehlevan 2025 (arXiv 2502.02531), setup only (equation (W1) and the "
            + "DMFT (D1)-(D4) derived here in the form of Bordelon & Pehlevan 2022, arXiv 2205.09653, Sec. 3-4); "
            + "residual 1/√L branches: Bordelon, Noci, Li, Hanin & Pehlevan 2023 (arXiv 2309.16620) and Yang et al. 2023 (arXiv 2310.02244), "
            + "setup only (the residual DMFT (R1)-(R4) derived here)",
        model: Parameters.self,
        validate: { p throws(ModelError) in try Configuration(p).check() },
        operations: [theoryOperation, simulateOperation, learningTimeOperation, wideTheoryOperation, wideTrainOperation])

    /// The parameters of `deeplinear(...)`, declared once.
    struct Parameters: ParameterGroup {
        @Option("number of weight layers L", range: NumericRange(lower: 1, upper: 40))
        var depth = 2
        @Option("hidden-layer width", range: NumericRange(lower: 1, upper: 512))
        var width = 16
        @Option("input and output dimension", range: NumericRange(lower: 1, upper: 512))
        var dim = 8
        @Option("teacher singular values s_α (ignored when modes > 0)", range: .positive, sweepable: false)
        var singular: [Double] = [3, 2, 1, 0.5]
        @Option("if > 0, use s_k = k^-exponent for k = 1..modes", range: NumericRange(lower: 0, upper: 512))
        var modes = 0
        @Option("power-law exponent of the teacher spectrum (with modes > 0)", range: .nonNegative)
        var exponent = 1.0
        @Option("initial mode strength u₀ (balanced) or weight scale (random)", range: .positive)
        var `init` = 1e-3
        @Option("gradient-descent learning rate (time t = lr × steps)", range: .positive)
        var lr = 1e-3
        @Option("initialisation: balanced and aligned, or small random Gaussian", choices: ["balanced", "random"],
                sweepable: false)
        var start = "balanced"
    }

    /// The numbers of one `deeplinear(...)` instance, derived from its parameters.
    struct Configuration {
        var depth: Int
        var width: Int
        var dim: Int
        var singular: [Double]
        var init0: Double
        var lr: Double
        var randomStart: Bool

        /// The teacher spectrum and start the parameters describe.
        init(_ p: Parameters) {
            depth = p.depth
            width = p.width
            dim = p.dim
            if p.modes > 0 {
                singular = (1...p.modes).map { pow(Double($0), -p.exponent) }
            } else {
                singular = p.singular
            }
            init0 = p.`init`
            lr = p.lr
            randomStart = p.start == "random"
        }

        /// Cross-parameter checks: sizes hold the modes, and gradient descent is stable.
        func check() throws(ModelError) {
            guard !singular.isEmpty else {
                throw .domain(parameter: "singular", value: "[]", allowed: "at least one singular value")
            }
            guard dim >= singular.count else {
                throw .domain(parameter: "dim", value: String(dim),
                              allowed: "dim ≥ number of modes (\(singular.count))")
            }
            guard depth == 1 || width >= singular.count else {
                throw .domain(parameter: "width", value: String(width),
                              allowed: "width ≥ number of modes (\(singular.count))")
            }
            let limit = stableLearningRate
            // s_max^(2−2/depth) past the largest double leaves no stable rate to state.
            guard limit > 0 else {
                throw .domain(parameter: "singular", value: formatParameter(singular.max() ?? 0),
                              allowed: "depth·s_max^(2−2/depth) < 1.8e308 (above it no learning rate is stable)")
            }
            guard lr < limit else {
                throw .domain(parameter: "lr", value: formatParameter(lr),
                              allowed: "0 < lr < \(formatParameter(limit)) (1/(depth·s_max^(2−2/depth)), stable descent)")
            }
        }

        /// `1 / (L s_max^(2−2/L))`: the inverse curvature of the loss along the largest
        /// mode at convergence, below which gradient descent neither oscillates nor diverges.
        var stableLearningRate: Double {
            let smax = singular.max() ?? 1
            return 1 / (Double(depth) * pow(smax, 2 - 2 / Double(depth)))
        }
    }

    /// A time grid `t` (entries declared ≥ 0), refused if empty.
    static func timeGrid(_ t: [Double]) throws(ModelError) -> [Double] {
        guard !t.isEmpty else { throw .domain(parameter: "t", value: "[]", allowed: "at least one time") }
        return t
    }

    /// A long table `t, mode, target, u[, u_se]` from per-mode trajectories `u[mode][i]`.
    static func modeTable(times: [Double], singular: [Double], u: [[Double]], se: [[Double]]?,
                          caption: String, role: Table.Role) -> Table {
        var tc: [Double] = [], mc: [Double] = [], sc: [Double] = [], uc: [Double] = [], ec: [Double] = []
        for (k, s) in singular.enumerated() {
            for (i, t) in times.enumerated() {
                tc.append(t); mc.append(Double(k + 1)); sc.append(s); uc.append(u[k][i])
                if let se { ec.append(se[k][i]) }
            }
        }
        var columns = [Table.Column("t", tc), Table.Column("mode", mc), Table.Column("target", sc),
                       Table.Column("u", uc)]
        if se != nil { columns.append(Table.Column("u_se", ec)) }
        return Table(columns: columns, caption: caption, role: role)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
