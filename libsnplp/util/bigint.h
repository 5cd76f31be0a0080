/* Internal: exact wide unsigned integers, to decide statuses and aggregates of decimals exactly
 * (rules/conventions/matrix.c, synthesis.c). */
#ifndef SNPLP_UTIL_BIGINT_H
#define SNPLP_UTIL_BIGINT_H

#include <stdbool.h>
#include <stdint.h>

#include <snplp/decimal.h>

/* 12 limbs of 32 bits (384 bits), least significant first.
 * The largest value formed is a sum of products of two aligned decimals (each below
 * 2^63 × 10^18 < 2^123) scaled by at most 10^2 and summed over fewer than 2^40 conventions:
 * below 2^295. Every operation that could still exceed the width reports it. */
#define SNPLP_BIG_LIMBS 12

typedef struct snplp_big {
    uint32_t w[SNPLP_BIG_LIMBS];
} snplp_big;

snplp_big snplp__big_u64(uint64_t v);
/* |d.units| (d valid) at scale `scale` (≥ d.scale): |d.units| × 10^(scale − d.scale). */
snplp_big snplp__big_decimal(snplp_decimal d, int32_t scale);
bool snplp__big_is_zero(const snplp_big *a);
int snplp__big_cmp(const snplp_big *a, const snplp_big *b);
/* a += b; returns true on overflow (a is then meaningless). */
bool snplp__big_add(snplp_big *a, const snplp_big *b);
/* a -= b modulo 2^384 (the exact difference when a ≥ b). */
void snplp__big_sub(snplp_big *a, const snplp_big *b);
/* a *= m; returns true on overflow. */
bool snplp__big_mul_u32(snplp_big *a, uint32_t m);
/* a *= 10^n (n ≥ 0); returns true on overflow. */
bool snplp__big_mul_pow10(snplp_big *a, int n);
/* out = a × b; returns true on overflow. */
bool snplp__big_mul(snplp_big *out, const snplp_big *a, const snplp_big *b);
/* q = n / d, r = n % d (d not zero). */
void snplp__big_divmod(snplp_big *q, snplp_big *r, const snplp_big *n, const snplp_big *d);
/* Whether a fits in a uint64_t (*out receives it). */
bool snplp__big_to_u64(uint64_t *out, const snplp_big *a);

/* A signed wide integer: a sign and a magnitude (zero is never negative). */
typedef struct snplp_sbig {
    bool negative;
    snplp_big mag;
} snplp_sbig;

/* acc += (negative ? −mag : mag); returns true on overflow. */
bool snplp__sbig_add(snplp_sbig *acc, bool negative, const snplp_big *mag);

#endif
