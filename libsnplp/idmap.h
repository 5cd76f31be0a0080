/* Internal: a hash map from id strings to items (open addressing, no removal). The keys are
 * the items' own id strings: the map stores no copies. */
#ifndef SNPLP_INTERNAL_IDMAP_H
#define SNPLP_INTERNAL_IDMAP_H

#include <stddef.h>
#include <stdint.h>

struct snplp_item;

/* A slot: the item and the hash of its id (compared before the ids themselves). */
typedef struct snplp_idmap_slot {
    struct snplp_item *item;
    uint64_t hash;
} snplp_idmap_slot;

typedef struct snplp_idmap {
    snplp_idmap_slot *slots;
    size_t cap; /* a power of two, or 0 */
    size_t n;
} snplp_idmap;

/* The item whose id is id, or NULL. */
struct snplp_item *snplp__idmap_get(const snplp_idmap *m, const char *id);
/* Makes room for one more entry, keeping the old table until _commit (frees it) or _rollback
 * (puts it back); returns 0 or SNPLP_ENOMEM (error recorded). */
typedef struct snplp_idmap_growth {
    snplp_idmap *map; /* NULL when no growth was needed */
    snplp_idmap_slot *old;
    size_t old_cap;
} snplp_idmap_growth;
int snplp__idmap_reserve_undoable(snplp_idmap *m, snplp_idmap_growth *g);
void snplp__idmap_growth_commit(snplp_idmap_growth *g);
void snplp__idmap_growth_rollback(snplp_idmap_growth *g);
/* Adds item under its id; room must have been reserved and the id must be absent. */
void snplp__idmap_put(snplp_idmap *m, struct snplp_item *item);
void snplp__idmap_dispose(snplp_idmap *m);

#endif
