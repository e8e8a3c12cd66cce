import NumericCore
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - RRS at finite context and finite d: Σ̂'s mixed moments exactly, by Isserlis' theorem
//
// Derived here. With Σ̂ = (1/K) Σᵢ zᵢzᵢᵀ, zᵢ ~ N(0, Λ) independent, and diagonal D₀…D_{n−1},
//     tr(D₀ Σ̂ D₁ Σ̂ ⋯ D_{n−1} Σ̂) = K^(−n) Σ_{i₁…iₙ} Π_j (z_{i_{j−1}}ᵀ D_j z_{i_j})   (cyclic in j),
// a product of 2n Gaussian vectors, two per factor Σ̂ (its "left" and "right" slot). Isserlis' theorem pairs the slots
// (E[z zᵀ] = Λ for the same token, 0 otherwise); summing the token labels over all assignments compatible with a
// pairing σ (paired slots carry the same token) gives K^(c(σ)) with c(σ) the number of connected groups of factors
// (Σ_{π ≥ π_σ} K(K−1)⋯ = K^|π_σ|), so
//     E tr(D₀ Σ̂ ⋯ D_{n−1} Σ̂) = Σ_σ K^(c(σ) − n) Π_{cycles C of σ} Σ_k Π_{D on C} D_kk λ_k^(|C|),
// the cycles running alternately along a bilinear form (letter D_j, from factor j − 1's right slot to factor j's left
// slot) and a pairing (one λ); |C| is the number of pairings on C. This is exact at finite d and K, over the
// (2n − 1)!! pairings: n = 2 gives E[Σ̂ A Σ̂] = Σ A Σ (1 + 1/K) + tr(AΣ) Σ/K of ICLScale+StructuredSpectrum.swift.
// The RRS loss needs, for q of degree L, n ≤ 2L (for L = 4, 15!! ≈ 2·10⁶ pairings), so it is used for L ≤ 4.
//
// Why not the deterministic equivalent (ICLScale+FiniteContext.swift) at finite d: with λ_k ∝ k^(−ν), ν > 1, and mean
// λ = 1, the top modes carry a finite share of tr Σ (λ₁/d → 1/ζ(ν)), so the terms it drops — Σ̂'s self-fluctuation
// along a spike, (1/K) Σ A Σ against the (1/K) tr(AΣ) Σ it keeps — are O(λ₁/d) = O(1) relative to kept terms of the
// same order in 1/K. The resulting loss error is still O(1/d) but with a large coefficient approached slowly
// (ν = 1.5, α = 1, L = 2, against these exact moments: d·gap = 1.4, 2.1, 2.9, 3.5, 3.9, 4.2 at d = 64…4096 doubling),
// which is the 0.017 (d = 128) gap the seeded simulation showed.

extension ICLScaleModel {
    /// E tr(D₀ Σ̂ D₁ Σ̂ ⋯ D_{n−1} Σ̂) for Σ̂ = (1/K) Σᵢ zᵢzᵢᵀ, zᵢ ~ N(0, diag(`variance`)), over K = `tokens` draws
    /// (∞: Σ̂ = diag(variance)); `letters` lists the non-identity D_j as (j, diagonal), at most 3.
    static func wishartTrace(length n: Int, letters: [(position: Int, diagonal: [Double])], variance: [Double],
                             tokens: Double) -> Double {
        precondition(n >= 1 && n < 16 && letters.count <= 3)
        let d = variance.count, masks = 1 << letters.count
        // sums[mask][p] = Σ_k Π_{letters in mask} D_kk · variance_k^p
        var sums = [[Double]](repeating: [Double](repeating: 0, count: n + 1), count: masks)
        for mask in 0..<masks {
            for k in 0..<d {
                var value = 1.0
                for (bit, letter) in letters.enumerated() where mask & (1 << bit) != 0 { value *= letter.diagonal[k] }
                for p in 0...n { sums[mask][p] += value; value *= variance[k] }
            }
        }
        var letterBit = [Int](repeating: 0, count: n)   // the bit of the letter before factor j
        for (bit, letter) in letters.enumerated() { letterBit[letter.position] |= 1 << bit }
        let weight = (0...n).map { c in tokens.isInfinite ? (c == n ? 1.0 : 0.0) : pow(tokens, Double(c - n)) }
        return PairingCensus.of(length: n, letterBits: letterBit).terms.reduce(0.0) { total, term in
            total + term.count * weight[term.groups] * term.cycles.reduce(1.0) { $0 * sums[$1.mask][$1.pairs] }
        }
    }

    /// The (2n − 1)!! pairings of `wishartTrace`'s 2n slots, grouped by what a pairing's term depends on: its number
    /// of connected groups of factors and the (letter mask, pairings) of each of its cycles. The census depends only
    /// on n and where the letters sit, not on the spectrum or K, so it is taken once per shape and kept: the moments
    /// of one loss need a few shapes, each evaluated at every α, d and spectrum asked for.
    struct PairingCensus: Sendable {
        /// One class of pairings: how many there are, their groups, and their cycles' (mask, pairs).
        struct Term: Sendable {
            var count: Double
            var groups: Int
            var cycles: [(mask: Int, pairs: Int)]
        }

        var terms: [Term]

        /// The census for `n` factors with letter bits `letterBits[j]` before factor j, from the cache or counted.
        static func of(length n: Int, letterBits: [Int]) -> PairingCensus {
            let key = letterBits + [n]
            if let known = cache.withLock({ $0[key] }) { return known }
            let counted = count(length: n, letterBits: letterBits)
            cache.withLock { $0[key] = counted }
            return counted
        }

        private static let cache = Mutex<[[Int]: PairingCensus]>([:])

        /// Enumerates the pairings. Slot 2j is factor j's left slot, 2j + 1 its right; the form D_j joins slot
        /// 2(j − 1) + 1 to slot 2j. A class is keyed by its groups and sorted cycle codes (mask · 16 + pairs).
        private static func count(length n: Int, letterBits letterBit: [Int]) -> PairingCensus {
            var partner = [Int](repeating: -1, count: 2 * n), visited = [Bool](repeating: false, count: 2 * n)
            var root = [Int](repeating: 0, count: n), codes: [Int] = []
            var classes: [[Int]: Double] = [:]   // sorted cycle codes, then −groups: how many pairings
            func leaf() {
                for j in 0..<n { root[j] = j }
                func find(_ x: Int) -> Int { var x = x; while root[x] != x { root[x] = root[root[x]]; x = root[x] }; return x }
                var groups = n
                for slot in stride(from: 0, to: 2 * n, by: 1) where slot < partner[slot] {
                    let a = find(slot / 2), b = find(partner[slot] / 2)
                    if a != b { root[a] = b; groups -= 1 }
                }
                for i in visited.indices { visited[i] = false }
                codes.removeAll(keepingCapacity: true)
                for start in 0..<(2 * n) where !visited[start] {
                    var slot = start, mask = 0, pairs = 0
                    repeat {
                        visited[slot] = true
                        let factor = slot / 2
                        let other = slot % 2 == 1 ? 2 * ((factor + 1) % n) : 2 * ((factor + n - 1) % n) + 1
                        mask |= letterBit[slot % 2 == 1 ? (factor + 1) % n : factor]
                        visited[other] = true
                        slot = partner[other]
                        pairs += 1
                    } while slot != start
                    codes.append(mask * 16 + pairs)
                }
                codes.sort()
                codes.append(-groups)
                classes[codes, default: 0] += 1
            }
            func pair(from first: Int) {
                var a = first
                while a < 2 * n, partner[a] >= 0 { a += 1 }
                guard a < 2 * n else { leaf(); return }
                for b in (a + 1)..<(2 * n) where partner[b] < 0 {
                    partner[a] = b; partner[b] = a
                    pair(from: a + 1)
                    partner[a] = -1; partner[b] = -1
                }
            }
            pair(from: 0)
            // In a fixed order, so the sum is the same in every process (a dictionary's order is not).
            let ordered = classes.sorted { $0.key.lexicographicallyPrecedes($1.key) }
            return PairingCensus(terms: ordered.map { key, count in
                Term(count: count, groups: -key.last!, cycles: key.dropLast().map { (mask: $0 / 16, pairs: $0 % 16) })
            })
        }
    }

    /// The largest depth whose exact moments are summed (n ≤ 2L factors of Σ̂: (4L − 1)!! ≈ 2·10⁶ pairings at L = 4).
    static let exactMomentsDepth = 4

    /// The exact finite-d RRS loss of degree-`depth` polynomials at K = `tokens` context tokens, as a quadratic form.
    static func exactContextLoss(_ spectrum: StructuredSpectrum, tokens: Double, rho: Double,
                                 depth: Int) -> QuadraticLoss {
        let aspect = tokens.isInfinite ? 0 : Double(spectrum.lambda.count) / tokens
        let center = polynomialCenter(spectrum, aspect: aspect)
        let (signal, noise) = exactMoments(spectrum, tokens: tokens, depth: depth, center: center)
        return polynomialLoss(signal: signal, noise: noise, center: center, rho: rho, aspect: aspect)
    }

    /// The exact finite-d U-basis moments of the RRS loss at K = `tokens` context tokens (∞ allowed), for
    /// degree-`depth` polynomials on [0, 2·`center`]: S_ab = (1/d) E tr(Ω U_a(X) Λ U_b(X)), a, b ≤ depth, and
    /// g_m = (1/d) E tr(Λ Σ̂ U_m(X)), m ≤ 2·depth − 2, X = Σ̂/c₀ − 1 (the inputs of `polynomialLoss`).
    static func exactMoments(_ spectrum: StructuredSpectrum, tokens: Double, depth: Int,
                             center: Double) -> (signal: Matrix, noise: [Double]) {
        let lambda = spectrum.lambda, omega = spectrum.omega, inverseD = 1 / Double(lambda.count)
        let scaled = lambda.map { $0 / center }   // moments of Σ̂/c₀
        let both = zip(omega, lambda).map { $0 * $1 }
        var monomial = Matrix(rows: depth + 1, columns: depth + 1)   // (1/d) E tr(Ω (Σ̂/c₀)^a Λ (Σ̂/c₀)^b)
        for a in 0...depth {
            for b in a...depth {
                let letters: [(position: Int, diagonal: [Double])] = a == 0 || b == 0
                    ? [(0, both)] : [(0, omega), (a, lambda)]
                let value = a + b == 0 ? both.reduce(0, +) * inverseD
                    : wishartTrace(length: a + b, letters: letters, variance: scaled, tokens: tokens) * inverseD
                monomial[a, b] = value
                monomial[b, a] = value
            }
        }
        let single = (0..<(2 * depth)).map { j in   // (1/d) E tr(Λ (Σ̂/c₀)^j), j ≥ 1
            j == 0 ? 0 : wishartTrace(length: j, letters: [(0, lambda)], variance: scaled, tokens: tokens) * inverseD
        }
        let u = chebyshevUCoefficients(upTo: 2 * depth - 1)
        var signal = Matrix(rows: depth + 1, columns: depth + 1)
        for a in 0...depth {
            for b in 0...depth {
                var sum = 0.0
                for i in 0...a { for j in 0...b { sum += u[a][i] * u[b][j] * monomial[i, j] } }
                signal[a, b] = sum
            }
        }
        let noise = (0..<max(1, 2 * depth - 1)).map { m in
            center * (0...m).reduce(0.0) { $0 + u[m][$1] * single[$1 + 1] }
        }
        return (signal, noise)
    }

    /// Coefficients of U_m(y − 1) in powers of y, m = 0…`order` (U_{m+1} = 2(y − 1) U_m − U_{m−1}).
    static func chebyshevUCoefficients(upTo order: Int) -> [[Double]] {
        var rows: [[Double]] = [[1]]
        if order >= 1 { rows.append([-2, 2]) }
        while rows.count <= order {
            let m = rows.count - 1, (current, before) = (rows[m], rows[m - 1])
            var next = [Double](repeating: 0, count: m + 2)
            for (i, c) in current.enumerated() { next[i] -= 2 * c; next[i + 1] += 2 * c }
            for (i, c) in before.enumerated() { next[i] -= c }
            rows.append(next)
        }
        return rows
    }
}
