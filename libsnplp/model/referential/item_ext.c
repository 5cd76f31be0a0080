/* Extensions of items: most items have none, so they live in a map of the referential, by
 * item (open addressing), rather than in every item. */
#include <stdint.h>

#include "model/referential/item.h"
#include "util/alloc.h"

static void ext_free(snplp_ext *ext)
{
    if (!ext)
        return;
    snplp__ext_clear(ext);
    snplp__free(ext);
}

static size_t slot_of(const void *it, size_t cap)
{
    uint64_t h = (uint64_t)(uintptr_t)it;
    h ^= h >> 33;
    h *= UINT64_C(0xff51afd7ed558ccd);
    h ^= h >> 33;
    return (size_t)h & (cap - 1);
}

snplp_ext *snplp__ext_get(const snplp_item *it)
{
    if (!it || !it->has_ext)
        return NULL;
    const snplp_referential *ref = it->root;
    for (size_t i = slot_of(it, ref->exts_cap);; i = (i + 1) & (ref->exts_cap - 1))
        if (!ref->exts[i] || ref->exts[i]->owner == it)
            return ref->exts[i];
}

void snplp__ext_dispose_all(snplp_referential *ref)
{
    for (size_t i = 0; i < ref->exts_cap; i++)
        ext_free(ref->exts[i]);
    snplp__free(ref->exts);
    ref->exts = NULL;
    ref->exts_cap = ref->exts_n = 0;
}

static void place(snplp_ext **slots, size_t cap, snplp_ext *e)
{
    size_t i = slot_of(e->owner, cap);
    while (slots[i])
        i = (i + 1) & (cap - 1);
    slots[i] = e;
}

/* Puts the new extensions e of it in the map (false when out of memory: nothing changed). */
static bool attach(snplp_item *it, snplp_ext *e)
{
    snplp_referential *ref = it->root;
    if ((ref->exts_n + 1) * 2 > ref->exts_cap) {
        size_t cap = ref->exts_cap ? ref->exts_cap * 2 : 16;
        snplp_ext **slots = snplp__calloc(cap, sizeof *slots);
        if (!slots)
            return false;
        for (size_t i = 0; i < ref->exts_cap; i++)
            if (ref->exts[i])
                place(slots, cap, ref->exts[i]);
        snplp__free(ref->exts);
        ref->exts = slots;
        ref->exts_cap = cap;
    }
    e->owner = it;
    place(ref->exts, ref->exts_cap, e);
    ref->exts_n++;
    it->has_ext = true;
    return true;
}

/* The extensions of it with room for one more element or attribute in list l, all or
 * nothing: NULL when out of memory, and then nothing changed. */
snplp_ext *snplp__ext_with_room(snplp_item *it, bool attribute)
{
    snplp_ext *e = snplp__ext_get(it);
    bool fresh = !e;
    if (fresh && !(e = snplp__calloc(1, sizeof *e)))
        return NULL;
    if (snplp__list_reserve(attribute ? &e->attrs : &e->elements) != SNPLP_OK ||
        (fresh && !attach(it, e))) {
        if (fresh)
            ext_free(e);
        return NULL;
    }
    return e;
}

int snplp__ext_add_element(snplp_item *it, char *xml)
{
    snplp_ext *e = snplp__ext_with_room(it, false);
    if (!e)
        return snplp__oom();
    snplp__list_push(&e->elements, xml);
    snplp__touch(it->root);
    return SNPLP_OK;
}
