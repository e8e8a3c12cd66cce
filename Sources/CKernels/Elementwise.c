#include "CKernels.h"
#include <math.h>

#pragma clang fp contract(off)

#if defined(__x86_64__) || defined(__SSE2__)
#include <immintrin.h>
#endif

#if defined(__x86_64__)
#define SOLVABLE_AVX __attribute__((target("avx")))

SOLVABLE_AVX static void adam_avx(size_t count, double *w, double *m, double *v, const double *g,
                                  double lr, double eps, double c1, double c2, size_t *done) {
    const __m256d b1 = _mm256_set1_pd(0.9), a1 = _mm256_set1_pd(0.1);
    const __m256d b2 = _mm256_set1_pd(0.999), a2 = _mm256_set1_pd(0.001);
    const __m256d vlr = _mm256_set1_pd(lr), veps = _mm256_set1_pd(eps);
    const __m256d vc1 = _mm256_set1_pd(c1), vc2 = _mm256_set1_pd(c2);
    size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        __m256d gi = _mm256_loadu_pd(g + i);
        __m256d mi = _mm256_add_pd(_mm256_mul_pd(b1, _mm256_loadu_pd(m + i)), _mm256_mul_pd(a1, gi));
        __m256d vi = _mm256_add_pd(_mm256_mul_pd(b2, _mm256_loadu_pd(v + i)), _mm256_mul_pd(_mm256_mul_pd(a2, gi), gi));
        _mm256_storeu_pd(m + i, mi);
        _mm256_storeu_pd(v + i, vi);
        __m256d step = _mm256_div_pd(_mm256_mul_pd(vlr, _mm256_div_pd(mi, vc1)),
                                     _mm256_add_pd(_mm256_sqrt_pd(_mm256_div_pd(vi, vc2)), veps));
        _mm256_storeu_pd(w + i, _mm256_sub_pd(_mm256_loadu_pd(w + i), step));
    }
    *done = i;
}

#endif

void solvable_relu(size_t count, const double *x, double *out) {
    for (size_t i = 0; i < count; i++) out[i] = x[i] >= 0 ? x[i] : 0;
}

void solvable_add_masked(size_t count, const double *back, const double *input, double *g) {
    size_t i = 0;
#if defined(__SSE2__)
    // Two lanes at a time without a branch (a data-dependent branch mispredicts on
    // about half the entries): keep back where input > 0 or is NaN, else +0, then add.
    const __m128d zero = _mm_setzero_pd();
    for (; i + 2 <= count; i += 2) {
        __m128d masked = _mm_cmple_pd(_mm_loadu_pd(input + i), zero);
        __m128d add = _mm_andnot_pd(masked, _mm_loadu_pd(back + i));
        _mm_storeu_pd(g + i, _mm_add_pd(_mm_loadu_pd(g + i), add));
    }
#endif
    for (; i < count; i++) g[i] += input[i] <= 0 ? 0 : back[i];
}

void solvable_adam_update(size_t count, double *w, double *m, double *v, const double *g,
                          double lr, double eps, double c1, double c2) {
    size_t i = 0;
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx")) adam_avx(count, w, m, v, g, lr, eps, c1, c2, &i);
#endif
    for (; i < count; i++) {
        m[i] = 0.9 * m[i] + 0.1 * g[i];
        v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
        w[i] -= lr * (m[i] / c1) / (__builtin_sqrt(v[i] / c2) + eps);
    }
}

#if defined(__x86_64__)
__attribute__((target("popcnt"))) static void hamming_popcnt(size_t rows, size_t columns, size_t words,
                                                             const uint64_t *a, const uint64_t *b,
                                                             const double *table, double *out) {
    for (size_t r = 0; r < rows; r++) {
        const uint64_t *ar = a + r * words;
        for (size_t c = 0; c < columns; c++) {
            const uint64_t *bc = b + c * words;
            size_t distance = 0;
            for (size_t k = 0; k < words; k++) distance += (size_t)__builtin_popcountll(ar[k] ^ bc[k]);
            out[r * columns + c] = table[distance];
        }
    }
}
#endif

void solvable_hamming_lookup(size_t rows, size_t columns, size_t words, const uint64_t *a, const uint64_t *b,
                             const double *table, double *out) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("popcnt")) { hamming_popcnt(rows, columns, words, a, b, table, out); return; }
#endif
    for (size_t r = 0; r < rows; r++) {
        for (size_t c = 0; c < columns; c++) {
            size_t distance = 0;
            for (size_t k = 0; k < words; k++) distance += (size_t)__builtin_popcountll(a[r * words + k] ^ b[c * words + k]);
            out[r * columns + c] = table[distance];
        }
    }
}
