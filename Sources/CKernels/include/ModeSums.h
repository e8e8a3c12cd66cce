// The mode sums of the gradient-flow theory (Models' FlowSpectrum): sums over the modes k of a
// power-law spectrum λ_k, b_k² of terms rational in λ_k and a complex κ. Each sum is kept in four
// partial sums, mode k adding to partial k mod 4, combined as (s₀ + s₁) + (s₂ + s₃); the AVX path
// adds four modes at a time and the portable path one at a time, with the same IEEE operations
// per mode and nothing contracted, so both give the same bits.
#ifndef SOLVABLE_CKERNELS_MODE_SUMS_H
#define SOLVABLE_CKERNELS_MODE_SUMS_H

#include <stddef.h>

/// A complex sum.
typedef struct { double real, imaginary; } solvable_complex;

/// With q_k = 1/(λ_k + κ): df1 = Σ λ q, dfPrime = Σ λ q², b1 = Σ b² q.
void solvable_flow_moments(size_t count, const double *lambda, const double *power, double kappaReal,
                           double kappaImaginary, solvable_complex *df1, solvable_complex *dfPrime,
                           solvable_complex *b1);

/// With u_k = λ_k/((λ_k + κ₀)(λ_k + κ)), κ₀ real: s = Σ b² u, t = Σ u.
void solvable_flow_two_level_sums(size_t count, const double *lambda, const double *power, double floor,
                                  double kappaReal, double kappaImaginary, solvable_complex *s, solvable_complex *t);

/// With u_k = λ_k/((λ_k + κ₁)(λ_k + κ₂)): power = Σ b² u, first = Σ u, second = Σ λ u. Every operation is
/// symmetric in κ₁, κ₂ and odd in their imaginary parts: swapping them gives the same bits, conjugating
/// both the conjugate bits.
void solvable_flow_pair_sums(size_t count, const double *lambda, const double *power, double k1Real,
                             double k1Imaginary, double k2Real, double k2Imaginary, solvable_complex *weighted,
                             solvable_complex *first, solvable_complex *second);

#endif
