#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NumericCore

/// TD(0) with linear function approximation on a Markov reward process with place-cell
/// features: the setting of Bordelon, Masset, Kuo & Pehlevan 2023, "Loss Dynamics of Temporal
/// Difference Reinforcement Learning" (arXiv 2307.04841), on a ring instead of their 2D grid.
///
/// The value error across training along one sampled trajectory is computed exactly by the
/// Markov-jump-linear-system recursion of the weights' first and second moments conditioned on
/// the current state (Hu & Syed 2019, arXiv 1906.06781), not the paper's Gaussian-equivalence
/// theory, whose equations could not be read here. TD(λ) with accumulating traces is simulated and
/// its fixed point computed (Tsitsiklis & Van Roy 1997); it has no exact moment recursion.
public enum TD {
    /// The `td(...)` family for the catalog.
    public static let family = ModelFamily(
        name: "td",
        summary: "TD(0)/TD(λ) value learning with linear features on a ring MRP: semi-gradient noise plateaus, annealing, shaping (Bordelon et al. 2023)",
        doc: """
        Markov reward process: `states` states on a ring, a step moves +1 with probability `forward`, else −1;
        the stationary distribution D is uniform. Reward on leaving s: a bump r(s) = exp(−d(s,0)²/(2 reward_width²)),
        d the ring distance. Value V = (I − γP)⁻¹ r. Features: `features` place cells with centres c_k evenly spaced,
        φ_k(s) = exp(−d(s,c_k)²/(2 width²)) (the paper's place-cell features, Fig. 1, in 1D).
        Reward shaping with potential ψ = shaping · V (Ng, Harada & Russell 1999): r'(s,s') = r(s) + γψ(s') − ψ(s),
        whose value is V' = V − ψ; the agent's estimate of V is ψ + φᵀw.
        TD(0) along one trajectory s_0 ~ D, s_1, s_2, …, w_0 = 0 (Sutton 1988; semi-gradient):
        w ← w + η_t φ(s)(r'(s,s') + γφ(s')ᵀw − φ(s)ᵀw),  η_t = lr/(1 + t/anneal) (anneal = 0: constant lr).
        Value error L(w) = Σ_s D(s)(V'(s) − φ(s)ᵀw)² (the error of ψ + φᵀw as an estimate of V).
        theory(m, t=...): the exact expected value error E L(w_t) over trajectories, from the recursion of the
        state-conditioned moments m_s = E[w 1{s_t=s}], M_s = E[wwᵀ 1{s_t=s}] (a Markov jump linear system,
        Hu & Syed 2019, arXiv 1906.06781, Sec. 3): with B = I − ηφ(s)uᵀ, u = φ(s) − γφ(s'), c = ηr'φ(s),
        m_s' += P(s,s')(B m_s + c p_s), M_s' += P(s,s')(B M_s Bᵀ + B m_s cᵀ + c m_sᵀBᵀ + c cᵀ p_s); E L = Σ D(V'² −
        2V'φᵀm̄ + φᵀM̄φ), m̄ = Σ m_s. Columns t, loss (E L), loss_mean (L of the mean weights, → the deterministic
        expected-TD curve as lr → 0), fixed (L(w*) at the TD fixed point A w* = b, A = ΦᵀD(I − γP)Φ, b = ΦᵀD r̄',
        Tsitsiklis & Van Roy 1997, Thm. 1), lr (η_t).
        simulate(m, t=..., trials=, seed=): independent trajectories, mean loss and loss_se over trials.
        TD(λ), lambda > 0 (Sutton 1988; accumulating traces): e_0 = φ(s_0), e_t = γλ e_(t−1) + φ(s_t),
        w ← w + η_t δ_t e_t with the same δ_t; simulate and fixedpoint take it. Its fixed point solves A_λ w* = b_λ,
        A_λ = ΦᵀD(I − γλP)⁻¹(I − γP)Φ, b_λ = ΦᵀD(I − γλP)⁻¹ r̄' (Tsitsiklis & Van Roy 1997, Lemma 8, Thm. 1:
        ‖V − Φw*‖_D ≤ ‖V − ΠV‖_D/√(1 − κ²), κ = γ(1 − λ)/(1 − γλ)); at λ = 1 Φw* = ΠV', the Monte-Carlo regression.
        theory refuses lambda > 0: the trace makes the update bilinear in (w, e), so the moment recursion does not close.
        fixedpoint(m): per state: reward, value V, td_value ψ + φᵀw*, projection (the D-weighted least-squares fit).
        The paper's own theory (Gaussian equivalence over episodes, batches of B trajectories) is not reproduced here:
        only its headline (plateaus of the value error set by semi-gradient noise ∝ lr, lowered by annealing and
        by shaping) is tested, on this exact model.
        """,
        reference: "Bordelon, Masset, Kuo & Pehlevan 2023, arXiv 2307.04841 (setting, headline); exact moment recursion: "
            + "Hu & Syed 2019, arXiv 1906.06781 (Markov jump linear system view of TD); fixed point: Tsitsiklis & Van Roy "
            + "1997, IEEE TAC 42(5), Thm. 1; shaping: Ng, Harada & Russell 1999",
        model: Parameters.self,
        validate: { p throws(ModelError) in try Configuration(p).check() },
        operations: [theoryOperation, simulateOperation, fixedPointOperation])

    /// The parameters of `td(...)`, declared once.
    struct Parameters: ParameterGroup {
        @Option("number of states on the ring", range: NumericRange(lower: 3, upper: 512))
        var states = 32
        @Option("number of place-cell features (at most states)", range: NumericRange(lower: 1, upper: 256))
        var features = 8
        @Option("place-field width, in states", range: NumericRange(lower: 0.05, upper: 512))
        var width = 2.0
        @Option("width of the reward bump at state 0, in states", range: NumericRange(lower: 0.05, upper: 512))
        var reward_width = 1.0
        @Option("probability of stepping forward (+1) rather than back", range: .unitInterval)
        var forward = 0.7
        @Option("discount factor γ", range: NumericRange(lower: 0, upper: 0.999))
        var gamma = 0.9
        @Option("learning rate η_0", range: .positive)
        var lr = 0.05
        @Option("annealing time τ: η_t = lr/(1 + t/τ); 0 keeps lr constant", range: .nonNegative)
        var anneal = 0.0
        @Option("reward shaping: potential ψ = shaping · V (0 none, 1 the exact value)", range: .unitInterval)
        var shaping = 0.0
        @Option("trace decay λ of TD(λ) (accumulating traces e ← γλe + φ(s)); 0 is TD(0), 1 Monte-Carlo-like", range: .unitInterval)
        var lambda = 0.0
    }

    /// The numbers of one `td(...)` instance: the MRP, features and schedule.
    struct Configuration {
        var states: Int
        var features: Int
        var width: Double
        var rewardWidth: Double
        var forward: Double
        var gamma: Double
        var lr: Double
        var anneal: Double
        var shaping: Double
        var lambda: Double

        init(_ p: Parameters) {
            states = p.states; features = p.features; width = p.width; rewardWidth = p.reward_width
            forward = p.forward; gamma = p.gamma; lr = p.lr; anneal = p.anneal; shaping = p.shaping; lambda = p.lambda
        }

        /// Ring distance between states (or a state and a real centre).
        func distance(_ a: Double, _ b: Double) -> Double {
            let n = Double(states), d = abs(a - b).truncatingRemainder(dividingBy: n)
            return min(d, n - d)
        }

        /// The feature matrix, states × features.
        var phi: Matrix {
            var m = Matrix(rows: states, columns: features)
            let spacing = Double(states) / Double(features)
            for s in 0..<states {
                for k in 0..<features {
                    let d = distance(Double(s), Double(k) * spacing)
                    m[s, k] = exp(-d * d / (2 * width * width))
                }
            }
            return m
        }

        /// The reward on leaving each state.
        var reward: [Double] {
            (0..<states).map { let d = distance(Double($0), 0); return exp(-d * d / (2 * rewardWidth * rewardWidth)) }
        }

        /// The two successors of s with their probabilities.
        func successors(_ s: Int) -> [(state: Int, probability: Double)] {
            [((s + 1) % states, forward), ((s + states - 1) % states, 1 - forward)]
        }

        /// The transition matrix P.
        var transition: Matrix {
            var p = Matrix(rows: states, columns: states)
            for s in 0..<states { for (next, q) in successors(s) { p[s, next] += q } }
            return p
        }

        /// The true value V = (I − γP)⁻¹ r (dgesv).
        func value() throws(ModelError) -> [Double] {
            var a = transition
            for i in a.storage.indices { a.storage[i] *= -gamma }
            for s in 0..<states { a[s, s] += 1 }
            do { return try a.solve(Matrix(rows: states, columns: 1, storage: reward)).storage } catch {
                throw .domain(parameter: "gamma", value: formatParameter(gamma), allowed: "0 ≤ gamma < 1")
            }
        }

        /// The shaped problem: per-transition rewards r'(s, s') and the shaped value V' = (1 − shaping) V.
        func shaped() throws(ModelError) -> (reward: (Int, Int) -> Double, value: [Double]) {
            let v = try value(), r = reward, c = shaping, g = gamma
            return ({ s, next in r[s] + c * (g * v[next] - v[s]) }, v.map { (1 - c) * $0 })
        }

        /// The largest rate: 1/max_s ‖φ(s)‖² (a sampled update then never overshoots its own state's target).
        var largestLearningRate: Double {
            let f = phi
            let norms = (0..<states).map { s in (0..<features).reduce(0.0) { $0 + f[s, $1] * f[s, $1] } }
            return 1 / (norms.max() ?? 1)
        }

        /// η_t.
        func rate(_ t: Int) -> Double { anneal > 0 ? lr / (1 + Double(t) / anneal) : lr }

        /// Cross-parameter checks.
        func check() throws(ModelError) {
            guard features <= states else {
                throw .domain(parameter: "features", value: "\(features)", allowed: "1 ≤ features ≤ states = \(states)")
            }
            let limit = largestLearningRate
            guard lr <= limit else {
                throw .domain(parameter: "lr", value: formatParameter(lr),
                              allowed: "0 < lr ≤ \(formatParameter(limit)) (1/max_s ‖φ(s)‖²)")
            }
        }

        /// The value error Σ_s D(s)(V'(s) − φ(s)ᵀw)² of weights w.
        static func loss(_ w: [Double], phi: Matrix, value: [Double]) -> Double {
            var total = 0.0
            for s in 0..<phi.rows {
                var fit = 0.0
                for k in 0..<phi.columns { fit += phi[s, k] * w[k] }
                total += (value[s] - fit) * (value[s] - fit)
            }
            return total / Double(phi.rows)
        }

        /// The stationary mean trace given the current state, ē(s) = E[e_t | s_t = s] = Σ_m (γλ)^m E[φ(s_(t−m)) | s_t = s]:
        /// with D uniform, the rows of (I − γλPᵀ)⁻¹Φ (dgesv; Φ itself at λ = 0).
        func meanTrace() throws(ModelError) -> Matrix {
            let f = phi
            guard lambda > 0 else { return f }
            var a = Matrix(rows: states, columns: states)
            for s in 0..<states { a[s, s] = 1; for (next, q) in successors(s) { a[next, s] -= gamma * lambda * q } }
            do { return try a.solve(f) } catch {
                throw .domain(parameter: "lambda", value: formatParameter(lambda), allowed: "0 ≤ lambda ≤ 1 with γλ < 1")
            }
        }

        /// The TD(λ) fixed point w*: A w* = b with A = ΦᵀD(I − γλP)⁻¹(I − γP)Φ, b = ΦᵀD(I − γλP)⁻¹ r̄'
        /// (Tsitsiklis & Van Roy 1997, Lemma 8 and Thm. 1), i.e. Σ_s D(s) ē(s) E[(φ(s) − γφ(s'))ᵀ, r'] with ē the
        /// mean trace; λ = 0 is TD(0), and at λ = 1 Φw* is the D-weighted least-squares fit of V' (Monte-Carlo regression).
        func fixedPoint() throws(ModelError) -> [Double] {
            let f = phi, e = try meanTrace(), (r, _) = try shaped()
            var a = Matrix(rows: features, columns: features), b = [Double](repeating: 0, count: features)
            for s in 0..<states {
                for (next, q) in successors(s) {
                    for i in 0..<features {
                        b[i] += q * e[s, i] * r(s, next)
                        for j in 0..<features { a[i, j] += q * e[s, i] * (f[s, j] - gamma * f[next, j]) }
                    }
                }
            }
            do { return try a.solve(Matrix(rows: features, columns: 1, storage: b)).storage } catch {
                throw .domain(parameter: "features", value: "\(features)",
                              allowed: "features whose TD matrix A is invertible (fewer or wider place cells)")
            }
        }
    }
}
