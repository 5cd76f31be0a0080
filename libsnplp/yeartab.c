/* Arrays of yearly records kept sorted by year (binary search; conventions hold a few years). */
#include <string.h>

#include "alloc.h"
#include "convention_model.h"

/* The position of year in t, or where it would go (*found tells which). */
static size_t position(const snplp_yeartab *t, size_t size, int32_t year, bool *found)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int32_t y = *(const int32_t *)snplp__yeartab_at(t, size, mid);
        if (y == year) {
            *found = true;
            return mid;
        }
        if (y < year)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = false;
    return lo;
}

void *snplp__yeartab_find(const snplp_yeartab *t, size_t size, int32_t year)
{
    bool found;
    size_t i = position(t, size, year, &found);
    return found ? snplp__yeartab_at(t, size, i) : NULL;
}

void *snplp__yeartab_get(snplp_yeartab *t, size_t size, int32_t year, bool *created)
{
    bool found;
    size_t i = position(t, size, year, &found);
    if (created)
        *created = !found;
    if (found)
        return snplp__yeartab_at(t, size, i);
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 4;
        void *v = snplp__realloc(t->v, cap * size);
        if (!v) {
            snplp__oom();
            return NULL;
        }
        t->v = v;
        t->cap = cap;
    }
    char *at = snplp__yeartab_at(t, size, i);
    memmove(at + size, at, (t->n - i) * size);
    memset(at, 0, size);
    memcpy(at, &year, sizeof year);
    t->n++;
    return at;
}

void snplp__yeartab_remove(snplp_yeartab *t, size_t size, int32_t year)
{
    bool found;
    size_t i = position(t, size, year, &found);
    if (!found)
        return;
    char *at = snplp__yeartab_at(t, size, i);
    memmove(at, at + size, (t->n - i - 1) * size);
    t->n--;
}

void snplp__yeartab_dispose(snplp_yeartab *t)
{
    snplp__free(t->v);
    t->v = NULL;
    t->n = t->cap = 0;
}
