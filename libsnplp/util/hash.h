/* Internal: the hash of the library's hash tables (util/idmap.c, util/strpool.c).
 *
 * It reads its bytes 8 at a time (a multiply and a shift per word, then the finalizer of
 * splitmix64, which spreads every bit over the low ones a table uses): ids and codes are short,
 * and a byte-at-a-time hash such as FNV-1a is a chain of one multiply per byte, the slowest part
 * of a lookup that hits the cache. The value depends on the machine's byte order: it is for
 * tables in memory only, never written anywhere. */
#ifndef SNPLP_UTIL_HASH_H
#define SNPLP_UTIL_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint64_t snplp__hash(const char *s, size_t n)
{
    uint64_t h = UINT64_C(0x9e3779b97f4a7c15) ^ n;
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, s, sizeof w);
        h = (h ^ w) * UINT64_C(0xbf58476d1ce4e5b9);
        h ^= h >> 29;
    }
    uint64_t w = 0;
    for (size_t i = 0; i < n; i++)
        w |= (uint64_t)(unsigned char)s[i] << (8 * i);
    h ^= w;
    h ^= h >> 30;
    h *= UINT64_C(0xbf58476d1ce4e5b9);
    h ^= h >> 27;
    h *= UINT64_C(0x94d049bb133111eb);
    h ^= h >> 31;
    return h;
}

#endif
