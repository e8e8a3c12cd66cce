#include "MLPKernels.h"
#include <math.h>

#pragma clang fp contract(off)

#if defined(__x86_64__) || defined(__SSE2__)
#include <immintrin.h>
#endif

#if defined(__x86_64__)

__attribute__((target("avx"))) static void adam_f_avx(size_t count, float *w, float *m, float *v, const float *g,
                                                      float lr, float eps, float c1, float c2, size_t *done) {
    const __m256 b1 = _mm256_set1_ps(0.9f), a1 = _mm256_set1_ps(0.1f);
    const __m256 b2 = _mm256_set1_ps(0.999f), a2 = _mm256_set1_ps(0.001f);
    const __m256 vlr = _mm256_set1_ps(lr), veps = _mm256_set1_ps(eps);
    const __m256 vc1 = _mm256_set1_ps(c1), vc2 = _mm256_set1_ps(c2);
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256 gi = _mm256_loadu_ps(g + i);
        __m256 mi = _mm256_add_ps(_mm256_mul_ps(b1, _mm256_loadu_ps(m + i)), _mm256_mul_ps(a1, gi));
        __m256 vi = _mm256_add_ps(_mm256_mul_ps(b2, _mm256_loadu_ps(v + i)), _mm256_mul_ps(_mm256_mul_ps(a2, gi), gi));
        _mm256_storeu_ps(m + i, mi);
        _mm256_storeu_ps(v + i, vi);
        __m256 step = _mm256_div_ps(_mm256_mul_ps(vlr, _mm256_div_ps(mi, vc1)),
                                    _mm256_add_ps(_mm256_sqrt_ps(_mm256_div_ps(vi, vc2)), veps));
        _mm256_storeu_ps(w + i, _mm256_sub_ps(_mm256_loadu_ps(w + i), step));
    }
    *done = i;
}
#endif

void solvable_relu_f(size_t count, const float *x, float *out) {
    for (size_t i = 0; i < count; i++) out[i] = x[i] >= 0 ? x[i] : 0;
}

void solvable_add_masked_f(size_t count, const float *back, const float *input, float *g) {
    size_t i = 0;
#if defined(__SSE2__)
    // Four lanes at a time without a branch (a data-dependent branch mispredicts on about
    // half the entries): keep back where input > 0 or is NaN, else +0, then add.
    const __m128 zero = _mm_setzero_ps();
    for (; i + 4 <= count; i += 4) {
        __m128 masked = _mm_cmple_ps(_mm_loadu_ps(input + i), zero);
        __m128 add = _mm_andnot_ps(masked, _mm_loadu_ps(back + i));
        _mm_storeu_ps(g + i, _mm_add_ps(_mm_loadu_ps(g + i), add));
    }
#endif
    for (; i < count; i++) g[i] += input[i] <= 0 ? 0 : back[i];
}

void solvable_adam_update_f(size_t count, float *w, float *m, float *v, const float *g,
                            float lr, float eps, float c1, float c2) {
    size_t i = 0;
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx")) adam_f_avx(count, w, m, v, g, lr, eps, c1, c2, &i);
#endif
    for (; i < count; i++) {
        m[i] = 0.9f * m[i] + 0.1f * g[i];
        v[i] = 0.999f * v[i] + 0.001f * g[i] * g[i];
        w[i] = w[i] - lr * (m[i] / c1) / (sqrtf(v[i] / c2) + eps);
    }
}
