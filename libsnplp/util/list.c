/* A growable array of pointers. */
#include "util/list.h"

#include <string.h>

#include "util/alloc.h"
#include "util/errors.h"

static uint32_t next_cap(const snplp_list *l)
{
    return l->cap ? (l->cap > UINT32_MAX / 2 ? UINT32_MAX : l->cap * 2) : 4;
}

int snplp__list_reserve(snplp_list *l)
{
    if (l->n < l->cap)
        return 0;
    if (l->cap == UINT32_MAX)
        return snplp__oom();
    uint32_t cap = next_cap(l);
    void **v = snplp__realloc(l->v, (size_t)cap * sizeof *v);
    if (!v)
        return snplp__oom();
    l->v = v;
    l->cap = cap;
    return 0;
}

int snplp__list_reserve_undoable(snplp_list *l, snplp_list_growth *g)
{
    g->list = NULL;
    if (l->n < l->cap)
        return 0;
    if (l->cap == UINT32_MAX)
        return snplp__oom();
    uint32_t cap = next_cap(l);
    void **v = snplp__malloc((size_t)cap * sizeof *v);
    if (!v)
        return snplp__oom();
    if (l->n)
        memcpy(v, l->v, (size_t)l->n * sizeof *v);
    g->list = l;
    g->old = l->v;
    g->old_cap = l->cap;
    l->v = v;
    l->cap = cap;
    return 0;
}

void snplp__list_growth_commit(snplp_list_growth *g)
{
    if (g->list)
        snplp__free(g->old);
    g->list = NULL;
}

void snplp__list_growth_rollback(snplp_list_growth *g)
{
    if (!g->list)
        return;
    snplp__free(g->list->v);
    g->list->v = g->old;
    g->list->cap = g->old_cap;
    g->list = NULL;
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
