// A vectorisable exponential for the softmax passes of the simulations (NumericCore's
// Elementwise.exp). The same operations run in every lane and in the scalar tail (the polynomial's
// steps as explicit fused multiply-adds, nothing else contracted), so results are bit-identical
// whichever path runs.
#ifndef SOLVABLE_CKERNELS_EXP_H
#define SOLVABLE_CKERNELS_EXP_H

#include <stddef.h>

/// out[i] = exp(x[i]) for x[i] ≤ 0 within 2 ulp (Cody–Waite reduction by ln 2 and a degree-13
/// Taylor polynomial on |r| ≤ ln 2 / 2); 0 for x[i] < −745 (where exp underflows to 0); out may be x.
/// Inputs above 0 are outside its contract (the softmax passes subtract the row maximum first).
void solvable_exp_nonpositive(size_t count, const double *x, double *out);

#endif
