import NumericCore

/// In-context linear regression by a deep linear attention network read as L steps of
/// in-context gradient descent: the ISO setting of Bordelon, Letey & Pehlevan, "Theory of
/// Scaling Laws for In-Context Regression: Depth, Width, Context and Time" (arXiv 2510.01098).
///
/// Only the paper's abstract and its Figure 1 caption can be read here ("the final loss is well
/// predicted by the theory of L steps of gradient descent with optimal learning rate for each
/// (α, L) pair"), so the reduced model is derived here (ICLScale+SpectralLoss.swift): layer ℓ
/// updates the in-context estimate w_ℓ₊₁ = w_ℓ + η_ℓ (b − Σ̂ w_ℓ) with Σ̂ = (d/K) Σ xᵢxᵢᵀ and
/// b = (d/K) Σ yᵢxᵢ, the query is read as ŷ = x_q·w_L, and the step sizes η_ℓ (the layers'
/// scalar preconditioners Γ_ℓ = η_ℓ I) are trained by gradient flow on the ICL loss from η = 0.
/// One layer at the end of training is the optimal one-layer linear attention of `icl`
/// at κ = τ = ∞. The structured FS and RRS settings (power-law capacity ν and source β) are
/// derived here too, in ICLScale+Structured*.swift.
enum ICLScaleModel {
    static let doc = """
    Depth and context in in-context regression (the ISO setting of Bordelon, Letey & Pehlevan 2025),
    as a reduced model derived here (the paper's equations could not be read; only its abstract and
    Figure 1 caption): a depth-L linear attention network read as L steps of in-context gradient descent
    w <- w + eta_l (b - S w), S = (d/K) sum x x^T, b = (d/K) sum y x, y_hat = x_q . w_L, with the layers'
    step sizes eta_l trained by gradient flow d eta_l/dt = -dE/d eta_l from eta = 0 (they stay equal: eta_l = g).
    Conventions as in icl: tokens x ~ N(0, I/d), tasks w ~ N(0, I_d), labels y = x.w + noise of variance rho,
    context length K = alpha*d, so the label variance is 1 + rho.
    Columns: t, loss = E[(y - y_hat)^2] on fresh contexts (includes rho), step = g(t).
    theory: d -> infinity. E(g) = rho + integral over the Marchenko-Pastur law of aspect 1/alpha of
    (1 - g s)^(2L) + (rho/alpha) s p(s)^2, p(s) = (1 - (1 - g s)^L)/s; t = inf is the end of training
    (the first minimum of E from g = 0). Closed forms: L = 1, t = inf gives x/(1+x) + rho, x = (1+rho)/alpha
    (icl at kappa = tau = inf); alpha = inf gives loss - rho = exp(-4t) (L = 1) or (1 + 4(L-1)t)^(-L/(L-1)).
    simulate: the same gradient flow on the mean loss of `contexts` sampled finite-d training contexts
    (loss averaged over the query in closed form), tested on `tests` fresh contexts per trial.
    covariance = fs or rrs (ICLScale+Structured*.swift; derived here, not the paper's equations): tokens
    x ~ N(0, Sigma/d), Sigma = O diag(lambda) O^T with lambda_k = k^(-nu) scaled to mean 1 (capacity), tasks
    w ~ N(0, O diag(Omega) O^T) with lambda_k Omega_k proportional to lambda_k^beta and (1/d) sum lambda Omega = 1
    (source; nu = 0 is iso). fs: O = I in every context, and each layer learns a matrix preconditioner diagonal in
    that basis; rrs: O Haar-random per context, so a layer can learn only its step eta_l and the network is the
    polynomial q(S) = prod (1 - eta_l S) of the context's sample covariance. Training: fs, dgamma/dt = -d dE/dgamma per
    mode (closed form at depth 1 and at alpha = inf); rrs, d eta_l/dt = -dE/d eta_l from steps 1e-4 (2l - L - 1)/(L M)
    apart (equal steps would stay equal), integrated adaptively; t = inf is the end of training. alpha = inf: fs gives
    rho at every depth (the first layer learns Sigma^-1); rrs gives rho + the
    minimum over degree-L q with q(0) = 1 of sum_k m_k q(lambda_k)^2, m_k = lambda_k Omega_k / d (what L steps
    of conjugate gradient would pick for that mean), which falls like L^-((1 + 2/nu)(nu beta - 1)) for nu beta > 1.
    alpha finite: depth 1 in closed form (Gaussian fourth moments, exact at finite d, K = round(alpha d)); rrs at depth
    2 to 4 from Sigma-hat's exact finite-d moments (Isserlis' theorem summed over pairings, ICLScale+ExactMoments.swift),
    deeper by deterministic equivalents of its one- and two-resolvent traces (ICLScale+FiniteContext.swift; the d -> inf
    limit, O(1/d) at finite d with a large coefficient for nu > 1, about 4/d at nu = 1.5; refused when the polynomial's
    moment matrix is too ill-conditioned, about L > 5 to 8).
    simulate trains rrs at any depth (the sampled training loss, minimised exactly at t = inf) and fs at depth 1.
    Not modelled: heads, SGD noise; fs theory at finite alpha and depth >= 2.
    width = N/D < 1 (ICLScale+Width*.swift; derived here, not the paper's equations): the tokens enter an N-dim residual
    stream through a fixed random embedding with orthonormal rows (a Haar-random N-dim subspace; N >= D is lossless).
    iso, every alpha and t: loss = c E(alpha/c, (rho + 1 - c)/c, L, c t), c = N/D (alpha = inf: rho + 1 - c).
    fs, rrs at alpha = inf: width term W = sum_k m_k kappa/(lambda_k + kappa), sum_k lambda_k/(lambda_k + kappa) = N
    (the best predictor in a random N-dim subspace; ~ N^-(nu beta - 1)); fs: rho + W at every depth; rrs depth 1:
    rho + 1 - c S2^2/(c S3 + (1 - c) S2), S2 = sum m lambda, S3 = sum m lambda^2; rrs depth >= 2: simulate only.
    """

    /// The model's parameters, declared once.
    struct Parameters: ParameterGroup {
        @Option("context length per dimension, α = K/d (inf: theory only, K → ∞)",
                range: NumericRange(lower: 0, lowerInclusive: false, allowsInfinity: true))
        var alpha = 1.0
        @Option("depth L (attention layers = in-context gradient steps)", range: NumericRange(lower: 1, upper: 64))
        var depth = 1
        @Option("label-noise variance ρ", range: .nonNegative)
        var rho = 0.1
        @Option("token dimension (simulate, d ≤ 1024; for fs and rrs also the theory's number of modes)",
                range: NumericRange(lower: 2, upper: 65536))
        var d = 64
        @Option("token covariance: iso (identity), fs (one fixed power-law covariance), rrs (that spectrum in a "
                + "random eigenbasis per context)", choices: ["iso", "fs", "rrs"])
        var covariance = "iso"
        @Option("capacity exponent ν: covariance eigenvalues λ_k ∝ k^(−ν), k = 1…d, mean 1 (fs, rrs)",
                range: NumericRange(lower: 0, upper: 8))
        var nu = 2.0
        @Option("source exponent β: task power per mode λ_k E[w_k²] ∝ λ_k^β, total 1 (fs, rrs)",
                range: NumericRange(lower: 0, upper: 8))
        var beta = 1.0
        @Option("residual-stream width per token dimension, N/D: a random N-dim embedding of the tokens (≥ 1 or inf: "
                + "lossless, the full-width model)", range: NumericRange(lower: 0, lowerInclusive: false, allowsInfinity: true))
        var width = Double.infinity
    }

    /// The training times at which the loss is reported (both operations).
    struct Times: ParameterGroup {
        @Option("training times of the gradient flow (inf: end of training)",
                range: NumericRange(lower: 0, allowsInfinity: true), sweepable: false)
        var t: [Double] = [0, 0.25, 0.5, 1, 2, 4, 8, 16, .infinity]

        /// The requested times, refused if empty.
        var times: [Double] {
            get throws(ModelError) {
                guard !t.isEmpty else { throw .domain(parameter: "t", value: "[]", allowed: "at least one time") }
                return t
            }
        }
    }

    /// The family as the language sees it.
    static let family = ModelFamily(
        name: "iclscale",
        summary: "deep linear attention as L in-context gradient steps: loss against depth, context and training time",
        doc: doc,
        reference: "Bordelon, Letey, Pehlevan 2025, arXiv 2510.01098 (ISO setting; Fig. 1: final loss = L steps of "
            + "gradient descent with optimal learning rate); reduced model and its Marchenko–Pastur theory derived here, "
            + "as are the FS/RRS power-law settings (one-layer closed forms, α = ∞ optimal polynomial and its depth exponent); "
            + "L = 1 reduces to Lu et al. 2024, arXiv 2405.11751 (icl at κ = τ = ∞)",
        model: Parameters.self,
        operations: [theoryOperation, simulationOperation]
    )
}
