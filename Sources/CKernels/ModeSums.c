#include "ModeSums.h"
#include <complex.h>
#include <float.h>

#pragma clang fp contract(off)

#if defined(__x86_64__)
#include <immintrin.h>
#endif

// Four partial sums of up to six real accumulators (three complex sums), lane by lane.
typedef struct { double lane[6][4]; } partials;

static void start(partials *p) {
    for (int j = 0; j < 6; j++) for (int k = 0; k < 4; k++) p->lane[j][k] = 0.0;
}

static solvable_complex finish(const partials *p, int j) {
    const double *re = p->lane[2 * j], *im = p->lane[2 * j + 1];
    return (solvable_complex){(re[0] + re[1]) + (re[2] + re[3]), (im[0] + im[1]) + (im[2] + im[3])};
}

// r/z for real r as r·z̄/|z|² while |z|² is a normal number; else C's complex division, which
// rescales by z's exponent (|λ + κ| beyond about 1e±150, reached in the smallest modes at large
// capacity exponents). Both forms are odd in z's imaginary part.
static inline void real_over_complex(double r, double a, double b, double *re, double *im) {
    double norm = a * a + b * b;
    if (norm >= DBL_MIN && norm <= DBL_MAX) {
        double scale = r / norm;
        *re = a * scale;
        *im = -b * scale;
        return;
    }
    double complex q = (double complex)r / __builtin_complex(a, b);
    *re = creal(q);
    *im = cimag(q);
}

#if defined(__x86_64__)
// Whether all four lanes of |z|² are normal numbers (the fast division's condition).
__attribute__((target("avx"))) static inline int all_normal(__m256d norm) {
    __m256d low = _mm256_cmp_pd(norm, _mm256_set1_pd(DBL_MIN), _CMP_GE_OQ);
    __m256d high = _mm256_cmp_pd(norm, _mm256_set1_pd(DBL_MAX), _CMP_LE_OQ);
    return _mm256_movemask_pd(_mm256_and_pd(low, high)) == 0xF;
}
#endif

// ---- df1, dfPrime, b1 ----

static inline void moments_term(partials *p, int lane, double l, double b2, double kr, double ki) {
    double xr = l + kr;
    double inverse = 1.0 / (xr * xr + ki * ki);
    double ir = xr * inverse, ii = -ki * inverse;           // 1/(λ+κ)
    double sr = ir * ir - ii * ii, si = 2.0 * ir * ii;      // 1/(λ+κ)²
    p->lane[0][lane] += l * ir; p->lane[1][lane] += l * ii;
    p->lane[2][lane] += l * sr; p->lane[3][lane] += l * si;
    p->lane[4][lane] += b2 * ir; p->lane[5][lane] += b2 * ii;
}

#if defined(__x86_64__)
__attribute__((target("avx"))) static size_t moments_avx(size_t count, const double *lambda, const double *power,
                                                         double kr, double ki, partials *p) {
    const __m256d vkr = _mm256_set1_pd(kr), vki = _mm256_set1_pd(ki), nki = _mm256_set1_pd(-ki);
    const __m256d one = _mm256_set1_pd(1.0), two = _mm256_set1_pd(2.0);
    __m256d acc[6];
    for (int j = 0; j < 6; j++) acc[j] = _mm256_setzero_pd();
    size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        __m256d l = _mm256_loadu_pd(lambda + i), b2 = _mm256_loadu_pd(power + i);
        __m256d xr = _mm256_add_pd(l, vkr);
        __m256d inverse = _mm256_div_pd(one, _mm256_add_pd(_mm256_mul_pd(xr, xr), _mm256_mul_pd(vki, vki)));
        __m256d ir = _mm256_mul_pd(xr, inverse), ii = _mm256_mul_pd(nki, inverse);
        __m256d sr = _mm256_sub_pd(_mm256_mul_pd(ir, ir), _mm256_mul_pd(ii, ii));
        __m256d si = _mm256_mul_pd(_mm256_mul_pd(two, ir), ii);
        acc[0] = _mm256_add_pd(acc[0], _mm256_mul_pd(l, ir)); acc[1] = _mm256_add_pd(acc[1], _mm256_mul_pd(l, ii));
        acc[2] = _mm256_add_pd(acc[2], _mm256_mul_pd(l, sr)); acc[3] = _mm256_add_pd(acc[3], _mm256_mul_pd(l, si));
        acc[4] = _mm256_add_pd(acc[4], _mm256_mul_pd(b2, ir)); acc[5] = _mm256_add_pd(acc[5], _mm256_mul_pd(b2, ii));
    }
    for (int j = 0; j < 6; j++) _mm256_storeu_pd(p->lane[j], acc[j]);
    return i;
}
#endif

void solvable_flow_moments(size_t count, const double *lambda, const double *power, double kappaReal,
                           double kappaImaginary, solvable_complex *df1, solvable_complex *dfPrime,
                           solvable_complex *b1) {
    partials p;
    start(&p);
    size_t i = 0;
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx")) i = moments_avx(count, lambda, power, kappaReal, kappaImaginary, &p);
#endif
    for (; i < count; i++) moments_term(&p, (int)(i % 4), lambda[i], power[i], kappaReal, kappaImaginary);
    *df1 = finish(&p, 0);
    *dfPrime = finish(&p, 1);
    *b1 = finish(&p, 2);
}

// ---- the two-level sums against the real floor κ₀ ----

static inline void two_level_term(partials *p, int lane, double l, double b2, double floor, double kr, double ki) {
    double re, im;
    real_over_complex(l / (l + floor), l + kr, ki, &re, &im);
    p->lane[0][lane] += b2 * re; p->lane[1][lane] += b2 * im;
    p->lane[2][lane] += re; p->lane[3][lane] += im;
}

#if defined(__x86_64__)
// Four modes at a time while every |λ + κ|² of the block is normal; a block with one that is not
// goes through the scalar terms (the same operations lane by lane, with the careful division).
__attribute__((target("avx"))) static size_t two_level_avx(size_t count, const double *lambda, const double *power,
                                                           double floor, double kr, double ki, partials *p) {
    const __m256d vfloor = _mm256_set1_pd(floor), vkr = _mm256_set1_pd(kr), vki = _mm256_set1_pd(ki);
    const __m256d nki = _mm256_set1_pd(-ki);
    __m256d acc[4];
    for (int j = 0; j < 4; j++) acc[j] = _mm256_setzero_pd();
    size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        __m256d l = _mm256_loadu_pd(lambda + i), b2 = _mm256_loadu_pd(power + i);
        __m256d a = _mm256_add_pd(l, vkr);
        __m256d norm = _mm256_add_pd(_mm256_mul_pd(a, a), _mm256_mul_pd(vki, vki));
        if (!all_normal(norm)) {
            for (int j = 0; j < 4; j++) _mm256_storeu_pd(p->lane[j], acc[j]);
            for (int k = 0; k < 4; k++) two_level_term(p, k, lambda[i + k], power[i + k], floor, kr, ki);
            for (int j = 0; j < 4; j++) acc[j] = _mm256_loadu_pd(p->lane[j]);
            continue;
        }
        __m256d scale = _mm256_div_pd(_mm256_div_pd(l, _mm256_add_pd(l, vfloor)), norm);
        __m256d re = _mm256_mul_pd(a, scale), im = _mm256_mul_pd(nki, scale);
        acc[0] = _mm256_add_pd(acc[0], _mm256_mul_pd(b2, re)); acc[1] = _mm256_add_pd(acc[1], _mm256_mul_pd(b2, im));
        acc[2] = _mm256_add_pd(acc[2], re); acc[3] = _mm256_add_pd(acc[3], im);
    }
    for (int j = 0; j < 4; j++) _mm256_storeu_pd(p->lane[j], acc[j]);
    return i;
}
#endif

void solvable_flow_two_level_sums(size_t count, const double *lambda, const double *power, double floor,
                                  double kappaReal, double kappaImaginary, solvable_complex *s, solvable_complex *t) {
    partials p;
    start(&p);
    size_t i = 0;
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx")) i = two_level_avx(count, lambda, power, floor, kappaReal, kappaImaginary, &p);
#endif
    for (; i < count; i++) two_level_term(&p, (int)(i % 4), lambda[i], power[i], floor, kappaReal, kappaImaginary);
    *s = finish(&p, 0);
    *t = finish(&p, 1);
}

// ---- the pair sums of two nodes ----

static inline void pair_term(partials *p, int lane, double l, double b2, double ar, double ai, double br, double bi) {
    double xr = l + ar, yr = l + br;
    double re, im;
    real_over_complex(l, xr * yr - ai * bi, xr * bi + ai * yr, &re, &im);
    p->lane[0][lane] += b2 * re; p->lane[1][lane] += b2 * im;
    p->lane[2][lane] += re; p->lane[3][lane] += im;
    p->lane[4][lane] += l * re; p->lane[5][lane] += l * im;
}

#if defined(__x86_64__)
__attribute__((target("avx"))) static size_t pair_avx(size_t count, const double *lambda, const double *power,
                                                      double ar, double ai, double br, double bi, partials *p) {
    const __m256d var = _mm256_set1_pd(ar), vai = _mm256_set1_pd(ai), vbr = _mm256_set1_pd(br), vbi = _mm256_set1_pd(bi);
    const __m256d sign = _mm256_set1_pd(-0.0);
    __m256d acc[6];
    for (int j = 0; j < 6; j++) acc[j] = _mm256_setzero_pd();
    size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        __m256d l = _mm256_loadu_pd(lambda + i), b2 = _mm256_loadu_pd(power + i);
        __m256d xr = _mm256_add_pd(l, var), yr = _mm256_add_pd(l, vbr);
        __m256d zr = _mm256_sub_pd(_mm256_mul_pd(xr, yr), _mm256_mul_pd(vai, vbi));
        __m256d zi = _mm256_add_pd(_mm256_mul_pd(xr, vbi), _mm256_mul_pd(vai, yr));
        __m256d norm = _mm256_add_pd(_mm256_mul_pd(zr, zr), _mm256_mul_pd(zi, zi));
        if (!all_normal(norm)) {
            for (int j = 0; j < 6; j++) _mm256_storeu_pd(p->lane[j], acc[j]);
            for (int k = 0; k < 4; k++) pair_term(p, k, lambda[i + k], power[i + k], ar, ai, br, bi);
            for (int j = 0; j < 6; j++) acc[j] = _mm256_loadu_pd(p->lane[j]);
            continue;
        }
        __m256d scale = _mm256_div_pd(l, norm);
        __m256d re = _mm256_mul_pd(zr, scale), im = _mm256_mul_pd(_mm256_xor_pd(zi, sign), scale);
        acc[0] = _mm256_add_pd(acc[0], _mm256_mul_pd(b2, re)); acc[1] = _mm256_add_pd(acc[1], _mm256_mul_pd(b2, im));
        acc[2] = _mm256_add_pd(acc[2], re); acc[3] = _mm256_add_pd(acc[3], im);
        acc[4] = _mm256_add_pd(acc[4], _mm256_mul_pd(l, re)); acc[5] = _mm256_add_pd(acc[5], _mm256_mul_pd(l, im));
    }
    for (int j = 0; j < 6; j++) _mm256_storeu_pd(p->lane[j], acc[j]);
    return i;
}
#endif

void solvable_flow_pair_sums(size_t count, const double *lambda, const double *power, double k1Real,
                             double k1Imaginary, double k2Real, double k2Imaginary, solvable_complex *weighted,
                             solvable_complex *first, solvable_complex *second) {
    partials p;
    start(&p);
    size_t i = 0;
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx")) i = pair_avx(count, lambda, power, k1Real, k1Imaginary, k2Real, k2Imaginary, &p);
#endif
    for (; i < count; i++) pair_term(&p, (int)(i % 4), lambda[i], power[i], k1Real, k1Imaginary, k2Real, k2Imaginary);
    *weighted = finish(&p, 0);
    *first = finish(&p, 1);
    *second = finish(&p, 2);
}
