/* The shape of ids: NCName-shaped ASCII, so that every id can be an XML id. */
#include "util/id.h"

#include <string.h>

#include "util/errors.h"

/* util/id.h: a table, so that a byte costs one look-up */
#define L (SNPLP__ID_FIRST | SNPLP__ID_NEXT)
#define D SNPLP__ID_NEXT
const unsigned char snplp__id_bytes[256] = {
    ['-'] = D, ['.'] = D, ['_'] = L, ['0'] = D, ['1'] = D, ['2'] = D, ['3'] = D, ['4'] = D,
    ['5'] = D, ['6'] = D, ['7'] = D, ['8'] = D, ['9'] = D, ['A'] = L, ['B'] = L, ['C'] = L,
    ['D'] = L, ['E'] = L, ['F'] = L, ['G'] = L, ['H'] = L, ['I'] = L, ['J'] = L, ['K'] = L,
    ['L'] = L, ['M'] = L, ['N'] = L, ['O'] = L, ['P'] = L, ['Q'] = L, ['R'] = L, ['S'] = L,
    ['T'] = L, ['U'] = L, ['V'] = L, ['W'] = L, ['X'] = L, ['Y'] = L, ['Z'] = L, ['a'] = L,
    ['b'] = L, ['c'] = L, ['d'] = L, ['e'] = L, ['f'] = L, ['g'] = L, ['h'] = L, ['i'] = L,
    ['j'] = L, ['k'] = L, ['l'] = L, ['m'] = L, ['n'] = L, ['o'] = L, ['p'] = L, ['q'] = L,
    ['r'] = L, ['s'] = L, ['t'] = L, ['u'] = L, ['v'] = L, ['w'] = L, ['x'] = L, ['y'] = L,
    ['z'] = L};
#undef L
#undef D

/* snplp__id_ok(id, strnlen(id, SNPLP_ID_MAX + 1)) in one pass: the bytes are checked as they
 * are measured, and the pass ends at the first one that may not be there (a NUL byte may be
 * none of them). */
bool snplp_id_is_valid(const char *id)
{
    if (!id || !(snplp__id_bytes[(unsigned char)id[0]] & SNPLP__ID_FIRST))
        return false;
    size_t i = 1;
    while (i < SNPLP_ID_MAX && (snplp__id_bytes[(unsigned char)id[i]] & SNPLP__ID_NEXT))
        i++;
    /* at a byte that is no byte of an id: the end of a good one only if it is the NUL */
    return id[i] == '\0';
}

int snplp__check_id(const char *id, const char *fn, const char *what)
{
    if (!id)
        return snplp__fail_in(fn, SNPLP_EINVAL, "%s is NULL", what);
    if (!snplp_id_is_valid(id)) {
        char q[80];
        return snplp__fail_in(
            fn, SNPLP_EBADID,
            "malformed %s '%s': an id starts with an ASCII letter or '_' and "
            "goes on with ASCII letters, digits, '-', '_' or '.' (at most %d bytes)",
            what, snplp__quote(q, sizeof q, id), SNPLP_ID_MAX);
    }
    return 0;
}
