// Single-precision elementwise kernels of the MLP trainer, which trains in float32 as
// PyTorch does (products on sgemm). Each performs, for each element, the IEEE float
// operations of the scalar expression in its comment, in that order, without fused
// multiply-adds.
#ifndef SOLVABLE_MLP_KERNELS_H
#define SOLVABLE_MLP_KERNELS_H

#include <stddef.h>

/// out[i] = x[i] >= 0 ? x[i] : 0 (a NaN gives 0, -0 stays -0).
void solvable_relu_f(size_t count, const float *x, float *out);

/// g[i] += (input[i] <= 0 ? 0 : back[i]) (a ReLU's backward mask; a NaN input is not masked).
void solvable_add_masked_f(size_t count, const float *back, const float *input, float *g);

/// One Adam step (Kingma & Ba 2015, Algorithm 1) in float with bias corrections c1 = 1 − β₁ᵗ, c2 = 1 − β₂ᵗ:
///   m = 0.9·m + 0.1·g;  v = 0.999·v + 0.001·g·g;  w = w − lr·(m/c1) / (√(v/c2) + eps).
void solvable_adam_update_f(size_t count, float *w, float *m, float *v, const float *g,
                            float lr, float eps, float c1, float c2);

#endif
