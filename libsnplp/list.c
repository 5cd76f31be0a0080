/* A growable array of pointers. */
#include "list.h"

#include <string.h>

#include "alloc.h"
#include "errors.h"

int snplp__list_reserve(snplp_list *l)
{
    if (l->n < l->cap)
        return 0;
    if (l->cap == UINT32_MAX)
        return snplp__oom();
    uint32_t cap = l->cap ? (l->cap > UINT32_MAX / 2 ? UINT32_MAX : l->cap * 2) : 4;
    void **v = snplp__realloc(l->v, (size_t)cap * sizeof *v);
    if (!v)
        return snplp__oom();
    l->v = v;
    l->cap = cap;
    return 0;
}

void snplp__list_push(snplp_list *l, void *p)
{
    l->v[l->n++] = p;
}

void snplp__list_insert(snplp_list *l, uint32_t i, void *p)
{
    memmove(l->v + i + 1, l->v + i, (size_t)(l->n - i) * sizeof *l->v);
    l->v[i] = p;
    l->n++;
}

void snplp__list_remove(snplp_list *l, uint32_t i)
{
    memmove(l->v + i, l->v + i + 1, (size_t)(l->n - i - 1) * sizeof *l->v);
    l->n--;
}

void snplp__list_dispose(snplp_list *l)
{
    snplp__free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

void *snplp__list_at(const snplp_list *l, size_t i)
{
    return l && i < l->n ? l->v[i] : NULL;
}

void snplp__list_dispose_strings(snplp_list *l)
{
    for (uint32_t i = 0; i < l->n; i++)
        snplp__free(l->v[i]);
    snplp__list_dispose(l);
}
