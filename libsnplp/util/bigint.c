/* Exact wide unsigned integers (util/bigint.h). */
#include "util/bigint.h"

#include <string.h>

/* ---- wide unsigned integers ---- */

snplp_big snplp__big_u64(uint64_t v)
{
    snplp_big a;
    memset(&a, 0, sizeof a);
    a.w[0] = (uint32_t)v;
    a.w[1] = (uint32_t)(v >> 32);
    return a;
}

bool snplp__big_is_zero(const snplp_big *a)
{
    for (int i = 0; i < SNPLP_BIG_LIMBS; i++)
        if (a->w[i])
            return false;
    return true;
}

int snplp__big_cmp(const snplp_big *a, const snplp_big *b)
{
    for (int i = SNPLP_BIG_LIMBS; i-- > 0;)
        if (a->w[i] != b->w[i])
            return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}

bool snplp__big_add(snplp_big *a, const snplp_big *b)
{
    uint64_t carry = 0;
    for (int i = 0; i < SNPLP_BIG_LIMBS; i++) {
        uint64_t s = (uint64_t)a->w[i] + b->w[i] + carry;
        a->w[i] = (uint32_t)s;
        carry = s >> 32;
    }
    return carry != 0;
}

/* a -= b modulo 2^(32 × SNPLP_BIG_LIMBS). */
void snplp__big_sub(snplp_big *a, const snplp_big *b)
{
    uint64_t borrow = 0;
    for (int i = 0; i < SNPLP_BIG_LIMBS; i++) {
        uint64_t d = (uint64_t)a->w[i] - b->w[i] - borrow;
        a->w[i] = (uint32_t)d;
        borrow = (d >> 32) ? 1 : 0;
    }
}

bool snplp__big_mul_u32(snplp_big *a, uint32_t m)
{
    uint64_t carry = 0;
    for (int i = 0; i < SNPLP_BIG_LIMBS; i++) {
        uint64_t p = (uint64_t)a->w[i] * m + carry;
        a->w[i] = (uint32_t)p;
        carry = p >> 32;
    }
    return carry != 0;
}

bool snplp__big_mul_pow10(snplp_big *a, int n)
{
    static const uint32_t small[10] = {1,      10,      100,      1000,      10000,
                                       100000, 1000000, 10000000, 100000000, 1000000000};
    bool overflow = false;
    for (; n >= 9; n -= 9)
        overflow |= snplp__big_mul_u32(a, small[9]);
    if (n > 0)
        overflow |= snplp__big_mul_u32(a, small[n]);
    return overflow;
}

bool snplp__big_mul(snplp_big *out, const snplp_big *a, const snplp_big *b)
{
    uint32_t t[2 * SNPLP_BIG_LIMBS] = {0};
    for (int i = 0; i < SNPLP_BIG_LIMBS; i++) {
        uint64_t carry = 0;
        if (!a->w[i])
            continue;
        for (int j = 0; j < SNPLP_BIG_LIMBS; j++) {
            uint64_t p = (uint64_t)a->w[i] * b->w[j] + t[i + j] + carry;
            t[i + j] = (uint32_t)p;
            carry = p >> 32;
        }
        t[i + SNPLP_BIG_LIMBS] = (uint32_t)carry;
    }
    bool overflow = false;
    for (int i = SNPLP_BIG_LIMBS; i < 2 * SNPLP_BIG_LIMBS; i++)
        overflow |= t[i] != 0;
    memcpy(out->w, t, sizeof out->w);
    return overflow;
}

void snplp__big_divmod(snplp_big *q, snplp_big *r, const snplp_big *n, const snplp_big *d)
{
    snplp_big quot = snplp__big_u64(0), rem = snplp__big_u64(0);
    for (int bit = 32 * SNPLP_BIG_LIMBS; bit-- > 0;) {
        /* rem = rem × 2 + the next bit of n; the bit shifted out makes rem ≥ d. */
        bool out = rem.w[SNPLP_BIG_LIMBS - 1] >> 31;
        for (int i = SNPLP_BIG_LIMBS; i-- > 1;)
            rem.w[i] = (rem.w[i] << 1) | (rem.w[i - 1] >> 31);
        rem.w[0] = (rem.w[0] << 1) | ((n->w[bit / 32] >> (bit % 32)) & 1u);
        if (out || snplp__big_cmp(&rem, d) >= 0) {
            snplp__big_sub(&rem, d); /* modular: exact even when a bit was shifted out */
            quot.w[bit / 32] |= 1u << (bit % 32);
        }
    }
    *q = quot;
    *r = rem;
}

bool snplp__big_to_u64(uint64_t *out, const snplp_big *a)
{
    for (int i = 2; i < SNPLP_BIG_LIMBS; i++)
        if (a->w[i])
            return false;
    *out = (uint64_t)a->w[0] | ((uint64_t)a->w[1] << 32);
    return true;
}

/* |units|, which never overflows for a valid decimal (units is not INT64_MIN). */
static uint64_t magnitude(int64_t units)
{
    return units < 0 ? (uint64_t)-units : (uint64_t)units;
}

snplp_big snplp__big_decimal(snplp_decimal d, int32_t scale)
{
    snplp_big a = snplp__big_u64(magnitude(d.units));
    (void)snplp__big_mul_pow10(&a, scale - d.scale); /* below 2^123: no overflow */
    return a;
}

bool snplp__sbig_add(snplp_sbig *acc, bool negative, const snplp_big *mag)
{
    if (snplp__big_is_zero(mag))
        return false;
    if (acc->negative == negative)
        return snplp__big_add(&acc->mag, mag);
    if (snplp__big_cmp(&acc->mag, mag) >= 0) {
        snplp__big_sub(&acc->mag, mag);
    } else {
        snplp_big t = *mag;
        snplp__big_sub(&t, &acc->mag);
        acc->mag = t;
        acc->negative = negative;
    }
    if (snplp__big_is_zero(&acc->mag))
        acc->negative = false;
    return false;
}
