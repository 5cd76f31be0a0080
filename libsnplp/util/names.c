/* The names of the values of enumerations (util/names.h). */
#include "util/names.h"

#include <string.h>

const char *snplp__name_of(const char *const *names, size_t count, long v, const char *fallback)
{
    return v >= 0 && (size_t)v < count && names[v] ? names[v] : fallback;
}

int snplp__value_of(const char *const *names, size_t count, int first, const char *name,
                    int fallback)
{
    for (size_t k = (size_t)first; name && k < count; k++)
        if (names[k] && strcmp(name, names[k]) == 0)
            return (int)k;
    return fallback;
}
