// Elementwise kernels for NumericCore's hot loops, in C so that square roots and
// divisions run as vector instructions (Swift lowers SIMD square roots lane by lane
// through libm's errno path). Every kernel performs, for each element, the same IEEE
// operations in the same order as the scalar expression in its comment, with no
// contraction into fused multiply-adds, so its results are bit-identical to that
// expression on every machine.
#ifndef SOLVABLE_CKERNELS_H
#define SOLVABLE_CKERNELS_H

#include <stddef.h>
#include <stdint.h>
#include "Exp.h"
#include "MLPKernels.h"
#include "ModeSums.h"

/// out[i] = x[i] >= 0 ? x[i] : 0 (Swift's max(0, x): NaN gives 0, -0 stays -0).
void solvable_relu(size_t count, const double *x, double *out);

/// g[i] += (input[i] <= 0 ? 0 : back[i]) (a ReLU's backward mask; a NaN input is not masked).
void solvable_add_masked(size_t count, const double *back, const double *input, double *g);

/// One Adam step (Kingma & Ba 2015, Algorithm 1) with bias corrections c1 = 1 − β₁ᵗ, c2 = 1 − β₂ᵗ:
///   m = 0.9·m + 0.1·g;  v = 0.999·v + 0.001·g·g;  w = w − lr·(m/c1) / (√(v/c2) + eps).
void solvable_adam_update(size_t count, double *w, double *m, double *v, const double *g,
                          double lr, double eps, double c1, double c2);

/// out[r·columns + c] = table[popcount(a_r XOR b_c)] for r < rows, c < columns, where a_r and b_c are
/// rows of `words` 64-bit words in `a` and `b`: a lookup by the Hamming distance of two bit strings
/// (table has an entry for every distance that occurs).
void solvable_hamming_lookup(size_t rows, size_t columns, size_t words, const uint64_t *a, const uint64_t *b,
                             const double *table, double *out);

#endif
