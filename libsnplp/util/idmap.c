/* A hash map from ids to items: util/hash.h, linear probing, load kept under 3/4; each slot
 * keeps the hash, so that probes compare ids only when the hashes are equal. */
#include "util/idmap.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "util/alloc.h"
#include "util/errors.h"
#include "util/hash.h"

static uint64_t hash(const char *s)
{
    return snplp__hash(s, strlen(s));
}

static const char *key_of(const void *obj, size_t key_off)
{
    const char *field = (const char *)obj + key_off;
    const char *key;
    memcpy(&key, field, sizeof key);
    return key;
}

static void *get_hashed(const snplp_idmap *m, const char *id, uint64_t h, size_t key_off)
{
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        void *obj = m->slots[i].obj;
        if (!obj)
            return NULL;
        if (m->slots[i].hash == h && strcmp(key_of(obj, key_off), id) == 0)
            return obj;
    }
}

void *snplp__idmap_get_keyed(const snplp_idmap *m, const char *id, size_t key_off)
{
    return m->cap ? get_hashed(m, id, hash(id), key_off) : NULL;
}

void snplp__idmap_prefetch(const snplp_idmap *m, const char *id, size_t n)
{
    if (m->cap)
        __builtin_prefetch(&m->slots[(size_t)snplp__hash(id, n) & (m->cap - 1)]);
}

static void place(snplp_idmap_slot *slots, size_t cap, void *obj, uint64_t h)
{
    size_t mask = cap - 1;
    size_t i = (size_t)h & mask;
    while (slots[i].obj)
        i = (i + 1) & mask;
    slots[i].obj = obj;
    slots[i].hash = h;
}

int snplp__idmap_reserve_undoable(snplp_idmap *m, snplp_idmap_growth *g)
{
    g->map = NULL;
    if ((m->n + 1) * 4 <= m->cap * 3)
        return 0;
    size_t cap = m->cap ? m->cap * 2 : 64;
    if (cap < m->cap)
        return snplp__oom();
    snplp_idmap_slot *slots = snplp__calloc(cap, sizeof *slots);
    if (!slots)
        return snplp__oom();
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].obj)
            place(slots, cap, m->slots[i].obj, m->slots[i].hash);
    g->map = m;
    g->old = m->slots;
    g->old_cap = m->cap;
    m->slots = slots;
    m->cap = cap;
    return 0;
}

void snplp__idmap_growth_commit(snplp_idmap_growth *g)
{
    if (g->map)
        snplp__free(g->old);
    g->map = NULL;
}

void snplp__idmap_growth_rollback(snplp_idmap_growth *g)
{
    if (!g->map)
        return;
    snplp__free(g->map->slots);
    g->map->slots = g->old;
    g->map->cap = g->old_cap;
    g->map = NULL;
}

void snplp__idmap_put_keyed(snplp_idmap *m, void *obj, size_t key_off)
{
    place(m->slots, m->cap, obj, hash(key_of(obj, key_off)));
    m->n++;
}

void snplp__idmap_dispose(snplp_idmap *m)
{
    snplp__free(m->slots);
    m->slots = NULL;
    m->cap = m->n = 0;
}
