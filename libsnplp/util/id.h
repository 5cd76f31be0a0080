/* Internal: checking ids given to the API. */
#ifndef SNPLP_UTIL_ID_H
#define SNPLP_UTIL_ID_H

#include <stdbool.h>
#include <stddef.h>

#include <snplp/id.h>

/* 0 when id is a well-formed id (snplp_id_is_valid()); otherwise SNPLP_EINVAL (NULL) or
 * SNPLP_EBADID recorded for fn, naming the argument `what` ("id", "theme id"...). */
int snplp__check_id(const char *id, const char *fn, const char *what);

/* Whether the n bytes at s are a well-formed id ([A-Za-z_][A-Za-z0-9_.-]*, at most
 * SNPLP_ID_MAX): snplp_id_is_valid() on a text that is not NUL-terminated (a NUL byte is
 * none of those characters). */
static inline bool snplp__id_ok(const char *s, size_t n)
{
#define SNPLP__ID_LETTER(c) (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z'))
    if (n == 0 || n > SNPLP_ID_MAX || !(SNPLP__ID_LETTER(s[0]) || s[0] == '_'))
        return false;
    for (size_t i = 1; i < n; i++) {
        char c = s[i];
        if (!(SNPLP__ID_LETTER(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
            return false;
    }
    return true;
#undef SNPLP__ID_LETTER
}

#endif
