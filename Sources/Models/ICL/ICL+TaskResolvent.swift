import NumericCore

// MARK: - Deterministic equivalent of the pretraining-task resolvent
//
// The k = κd pretraining tasks w ~ N(0, C_train) have sample covariance Ŝ = (1/k) Σ w wᵀ.
// Its resolvent has the deterministic equivalent (Marchenko–Pastur / Silverstein)
//     (Ŝ + ν)⁻¹ ≍ F(ν) = (s·C_train + ν)⁻¹,   s + (1/κ)·(1/d) tr(s C_train F) = 1,
// with s = 1/(1 + δ) ∈ (0, 1] (s = 1 for κ = ∞). Equivalently s = 1 − (1 − νM)/κ with
// M(ν) = (1/d) tr F(ν), the form in which Letey, Zavatone-Veth, Lu & Pehlevan (arXiv
// 2509.26551) write F. For C_train = I, M is the closed form M_κ(ν) of Lu et al.
// (`ICLModel.stieltjes`), which the tests check.

extension ICLModel {
    /// F(ν) = (s C_train + ν)⁻¹, the deterministic equivalent of the resolvent of the
    /// pretraining tasks' sample covariance, with M = (1/d) tr F and M′ = dM/dν.
    struct TaskResolvent {
        /// The eigenvalues c_i of C_train (trace d).
        let trainVariances: [Double]
        /// The shift ν at which F is evaluated.
        let nu: Double
        /// s = 1/(1 + δ), the shrinkage of C_train in F.
        let s: Double
        /// ds/dν.
        let sPrime: Double
        /// M = (1/d) tr F.
        let m: Double
        /// M′ = dM/dν = −(1/d) tr F (s′C_train + I) F (negative).
        let mPrime: Double

        /// Solves s + (1/κ)·mean(s c/(s c + ν)) = 1 for s ∈ (0, 1]: the left side increases
        /// from 0 to 1 + mean(c/(c + ν))/κ, so the root is unique.
        init(trainVariances c: [Double], kappa: Double, nu: Double) throws(ModelError) {
            trainVariances = c
            self.nu = nu
            let count = Double(c.count)
            var s = 1.0
            if kappa.isFinite {
                do {
                    s = try RootFinding.brent(in: (0, 1), relativeTolerance: 1e-15) { s in
                        var sum = 0.0
                        for ci in c { sum += s * ci / (s * ci + nu) }
                        return s + sum / (count * kappa) - 1
                    }
                } catch {
                    throw ModelError.notSolved(task: "icl theory", unknown: "the task-resolvent equation",
                                               at: [.init("kappa", kappa), .init("nu", nu)], cause: nil, parameter: nil)
                }
            }
            self.s = s
            // Implicit differentiation of the equation for s in ν.
            var sumS = 0.0, sumNu = 0.0
            for ci in c {
                let denominator = (s * ci + nu) * (s * ci + nu)
                sumS += s * ci / denominator
                sumNu += nu * ci / denominator
            }
            let sPrime = kappa.isFinite ? (sumS / (count * kappa)) / (1 + sumNu / (count * kappa)) : 0
            self.sPrime = sPrime
            var m = 0.0, mPrime = 0.0
            for ci in c {
                let denominator = s * ci + nu
                m += 1 / denominator
                mPrime -= (sPrime * ci + 1) / (denominator * denominator)
            }
            self.m = m / count
            self.mPrime = mPrime / count
        }

        /// (1/d) tr(C_test F) and (1/d) tr(C_test F (s′C_train + I) F) = −(1/d) tr(C_test dF/dν),
        /// for C_test diagonal in the eigenbasis of C_train.
        func testTraces(_ testVariances: [Double]) -> (first: Double, second: Double) {
            var first = 0.0, second = 0.0
            for (ci, ti) in zip(trainVariances, testVariances) {
                let denominator = s * ci + nu
                first += ti / denominator
                second += ti * (sPrime * ci + 1) / (denominator * denominator)
            }
            let count = Double(trainVariances.count)
            return (first / count, second / count)
        }
    }
}
