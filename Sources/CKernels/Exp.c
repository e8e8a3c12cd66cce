#include "Exp.h"
#include <stdint.h>
#include <string.h>
#include <math.h>

#pragma clang fp contract(off)

// exp(x) for −745 ≤ x ≤ 0: x = n ln2 + r with n = rint(x / ln 2) (the 1.5·2^52 trick rounds to
// nearest in every lane), ln 2 split in a 32-bit-exact high part and a low part (Cody & Waite 1980)
// so n·ln2hi is exact; e^r by Horner on the Taylor series to r^13 (truncation < 4e-18 relative on
// |r| ≤ 0.347), each step one fused multiply-add (C's fma here, vfmadd in the lanes: the same
// correctly rounded operation, so both paths give the same bits); 2^n built from the exponent bits.
static inline double exp_nonpositive(double input) {
    // NaN and inputs below −745 are computed at 0 and replaced at the end, NaN by itself and
    // the underflow by 0 (computing them at −745 would make every lane of a peaked softmax a
    // subnormal product, which costs a microcode assist each).
    double x = input >= -745.0 ? input : 0.0;
    const double log2e = 1.4426950408889634, shifter = 0x1.8p52;
    const double ln2hi = 0x1.62e42fee00000p-1, ln2lo = 0x1.a39ef35793c76p-33;
    double k = x * log2e + shifter;
    double n = k - shifter;
    double r = (x - n * ln2hi) - n * ln2lo;
    double p = 1.0 / 6227020800.0;
    p = fma(p, r, 1.0 / 479001600.0);
    p = fma(p, r, 1.0 / 39916800.0);
    p = fma(p, r, 1.0 / 3628800.0);
    p = fma(p, r, 1.0 / 362880.0);
    p = fma(p, r, 1.0 / 40320.0);
    p = fma(p, r, 1.0 / 5040.0);
    p = fma(p, r, 1.0 / 720.0);
    p = fma(p, r, 1.0 / 120.0);
    p = fma(p, r, 1.0 / 24.0);
    p = fma(p, r, 1.0 / 6.0);
    p = fma(p, r, 0.5);
    p = fma(p, r, 1.0);
    p = fma(p, r, 1.0);
    // n as an integer from k's low bits (no double-to-integer conversion, which AVX2 lacks);
    // below 2^-1000 the power is taken 64 binades up and scaled back, so no power is subnormal.
    uint64_t kb, sb;
    memcpy(&kb, &k, sizeof kb);
    memcpy(&sb, &shifter, sizeof sb);
    int64_t e = (int64_t)(kb - sb);   // −1075 ≤ e ≤ 0
    int deep = e < -1000;
    uint64_t bits = (uint64_t)(e + (deep ? 64 : 0) + 1023) << 52;
    double power;
    memcpy(&power, &bits, sizeof power);
    double y = p * power * (deep ? 0x1p-64 : 1.0);
    return input != input ? input : (input < -745.0 ? 0.0 : y);
}

#if defined(__x86_64__)
#include <immintrin.h>

// exp_nonpositive four lanes at a time, operation for operation (the compiler kept the scalar
// form's selects as branches and did not vectorise it). The Horner steps are fused: with a
// multiply and an add each, the 13 dependent steps were a third of a peaked softmax's time.
__attribute__((target("avx2,fma"))) static size_t exp_avx2(size_t count, const double *x, double *out) {
    const __m256d log2e = _mm256_set1_pd(1.4426950408889634), shifter = _mm256_set1_pd(0x1.8p52);
    const __m256d ln2hi = _mm256_set1_pd(0x1.62e42fee00000p-1), ln2lo = _mm256_set1_pd(0x1.a39ef35793c76p-33);
    const __m256d floor = _mm256_set1_pd(-745.0), one = _mm256_set1_pd(1.0), down = _mm256_set1_pd(0x1p-64);
    const __m256i deepLimit = _mm256_set1_epi64x(-1000), lift = _mm256_set1_epi64x(64), bias = _mm256_set1_epi64x(1023);
    const double c[14] = {1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0,
                          1.0 / 40320.0, 1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5, 1.0, 1.0};
    size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        __m256d input = _mm256_loadu_pd(x + i);
        __m256d ok = _mm256_cmp_pd(input, floor, _CMP_GE_OQ);
        __m256d v = _mm256_and_pd(input, ok);
        __m256d k = _mm256_add_pd(_mm256_mul_pd(v, log2e), shifter);
        __m256d n = _mm256_sub_pd(k, shifter);
        __m256d r = _mm256_sub_pd(_mm256_sub_pd(v, _mm256_mul_pd(n, ln2hi)), _mm256_mul_pd(n, ln2lo));
        __m256d p = _mm256_set1_pd(c[0]);
        for (int j = 1; j < 14; j++) p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(c[j]));
        __m256i e = _mm256_sub_epi64(_mm256_castpd_si256(k), _mm256_castpd_si256(shifter));
        __m256i deep = _mm256_cmpgt_epi64(deepLimit, e);
        e = _mm256_add_epi64(e, _mm256_and_si256(deep, lift));
        __m256d power = _mm256_castsi256_pd(_mm256_slli_epi64(_mm256_add_epi64(e, bias), 52));
        __m256d y = _mm256_mul_pd(_mm256_mul_pd(p, power), _mm256_blendv_pd(one, down, _mm256_castsi256_pd(deep)));
        __m256d nan = _mm256_cmp_pd(input, input, _CMP_UNORD_Q);
        _mm256_storeu_pd(out + i, _mm256_blendv_pd(_mm256_and_pd(input, nan), y, ok));
    }
    return i;
}
#endif

void solvable_exp_nonpositive(size_t count, const double *x, double *out) {
    size_t done = 0;
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) done = exp_avx2(count, x, out);
#endif
    for (size_t i = done; i < count; i++) out[i] = exp_nonpositive(x[i]);
}
