/* Internal: checking ids given to the API. */
#ifndef SNPLP_UTIL_ID_H
#define SNPLP_UTIL_ID_H

#include <stdbool.h>
#include <stddef.h>

#include <snplp/id.h>

/* 0 when id is a well-formed id (snplp_id_is_valid()); otherwise SNPLP_EINVAL (NULL) or
 * SNPLP_EBADID recorded for fn, naming the argument `what` ("id", "theme id"...). */
int snplp__check_id(const char *id, const char *fn, const char *what);

/* What each byte may be in an id: SNPLP__ID_FIRST its first byte (ASCII letters, '_'),
 * SNPLP__ID_NEXT any other (those, ASCII digits, '-', '.'); no other byte, NUL included. */
enum { SNPLP__ID_FIRST = 1, SNPLP__ID_NEXT = 2 };
extern const unsigned char snplp__id_bytes[256];

/* Whether the n bytes at s are a well-formed id ([A-Za-z_][A-Za-z0-9_.-]*, at most
 * SNPLP_ID_MAX): snplp_id_is_valid() on a text that is not NUL-terminated (a NUL byte is
 * none of those characters). */
static inline bool snplp__id_ok(const char *s, size_t n)
{
    if (n == 0 || n > SNPLP_ID_MAX || !(snplp__id_bytes[(unsigned char)s[0]] & SNPLP__ID_FIRST))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!(snplp__id_bytes[(unsigned char)s[i]] & SNPLP__ID_NEXT))
            return false;
    return true;
}

#endif
