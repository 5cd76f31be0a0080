/* Internal: arrays of yearly records kept sorted by year; every record type starts with its
 * int32_t year (the funding, reports, statuses and values of conventions). */
#ifndef SNPLP_UTIL_YEARTAB_H
#define SNPLP_UTIL_YEARTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct snplp_yeartab {
    void *v;
    size_t n, cap;
} snplp_yeartab;

/* The record of year in t, NULL if none. */
void *snplp__yeartab_find(const snplp_yeartab *t, size_t size, int32_t year);
/* The record of year, created zeroed (with its year) if absent; NULL on allocation failure
 * (error recorded; nothing changed). *created tells whether it was created. */
void *snplp__yeartab_get(snplp_yeartab *t, size_t size, int32_t year, bool *created);
/* Sizes an empty table for cap records at once (a table that holds memory is left as it is):
 * a reader that knows how many years come saves the growth steps. False if memory ran out
 * (error recorded; nothing changed). */
bool snplp__yeartab_reserve(snplp_yeartab *t, size_t size, size_t cap);
/* Removes the record of year (which must be there): the caller frees what it owns first. */
void snplp__yeartab_remove(snplp_yeartab *t, size_t size, int32_t year);
/* The record at index i (i < n). */
static inline void *snplp__yeartab_at(const snplp_yeartab *t, size_t size, size_t i)
{
    return (char *)t->v + i * size;
}
void snplp__yeartab_dispose(snplp_yeartab *t);
/* The number of records of t (NULL: 0), and the year of record index (0 when t is NULL or
 * index out of range): the public _year_count and _year_at functions. */
static inline size_t snplp__yeartab_count(const snplp_yeartab *t)
{
    return t ? t->n : 0;
}
static inline int32_t snplp__yeartab_year_at(const snplp_yeartab *t, size_t size, size_t index)
{
    return t && index < t->n ? *(const int32_t *)snplp__yeartab_at(t, size, index) : 0;
}

#endif
