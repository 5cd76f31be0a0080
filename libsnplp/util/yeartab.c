/* Arrays of yearly records kept sorted by year (binary search; conventions hold a few years). */
#include "util/yeartab.h"

#include <string.h>

#include "util/alloc.h"
#include "util/errors.h"

/* The position of year in t, or where it would go (*found tells which). */
static size_t position(const snplp_yeartab *t, size_t size, int32_t year, bool *found)
{
    /* the last year first: records are mostly read or completed right after being added */
    if (t->n && *(const int32_t *)snplp__yeartab_at(t, size, t->n - 1) == year) {
        *found = true;
        return t->n - 1;
    }
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

/* The capacity after cap: one more record at a time up to 4 (most tables hold the three or
 * four years of a convention), then half as much again. */
static size_t grown(size_t cap)
{
    return cap < 4 ? cap + 1 : cap + cap / 2;
}

bool snplp__yeartab_reserve(snplp_yeartab *t, size_t size, size_t cap)
{
    if (t->cap != 0 || cap == 0)
        return true;
    void *v = snplp__malloc(cap * size);
    if (!v) {
        snplp__oom();
        return false;
    }
    t->v = v;
    t->cap = cap;
    return true;
}

void *snplp__yeartab_get(snplp_yeartab *t, size_t size, int32_t year, bool *created)
{
    bool found = false;
    size_t i;
    /* years mostly come in order: after the last record, no search */
    if (t->n == 0 || *(const int32_t *)snplp__yeartab_at(t, size, t->n - 1) < year)
        i = t->n;
    else
        i = position(t, size, year, &found);
    if (created)
        *created = !found;
    if (found)
        return snplp__yeartab_at(t, size, i);
    if (t->n == t->cap) {
        size_t cap = grown(t->cap);
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
