/* The shape of ids: NCName-shaped ASCII, so that every id can be an XML id. */
#include "util/id.h"

#include <string.h>

#include "util/errors.h"

bool snplp_id_is_valid(const char *id)
{
    return id && snplp__id_ok(id, strnlen(id, SNPLP_ID_MAX + 1));
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
