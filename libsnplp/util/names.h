/* Internal: the names of the values of an enumeration, in a table indexed by value (the public
 * _name and _from_name functions, the formats). */
#ifndef SNPLP_UTIL_NAMES_H
#define SNPLP_UTIL_NAMES_H

#include <stddef.h>
#include <string.h>

/* names[v] when v is within the table's count entries and names one, else fallback. */
static inline const char *snplp__name_of(const char *const *names, size_t count, long v,
                                         const char *fallback)
{
    return v >= 0 && (size_t)v < count && names[v] ? names[v] : fallback;
}

/* The value whose name is name, looked for from index first on; fallback if none (or name
 * NULL). */
static inline int snplp__value_of(const char *const *names, size_t count, int first,
                                  const char *name, int fallback)
{
    for (size_t k = (size_t)first; name && k < count; k++)
        if (names[k] && strcmp(name, names[k]) == 0)
            return (int)k;
    return fallback;
}

/* The count of entries of a table. */
#define SNPLP__COUNT(table) (sizeof(table) / sizeof((table)[0]))

#endif
