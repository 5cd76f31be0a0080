/* Internal: a hash map from id strings to objects (open addressing, no removal). The keys are
 * the objects' own id strings: the map stores no copies.
 *
 * An object's id is a `char *` field at a fixed offset, given to every call: the items of a
 * referential (model/referential/item.h wraps it), conventions in a list, the actions and
 * indicators of a convention, the rows of a synthesis. One map must always be used with one
 * offset. */
#ifndef SNPLP_UTIL_IDMAP_H
#define SNPLP_UTIL_IDMAP_H

#include <stddef.h>
#include <stdint.h>

/* A slot: the object and the hash of its id (compared before the ids themselves). */
typedef struct snplp_idmap_slot {
    void *obj;
    uint64_t hash;
} snplp_idmap_slot;

typedef struct snplp_idmap {
    snplp_idmap_slot *slots;
    size_t cap; /* a power of two, or 0 */
    size_t n;
} snplp_idmap;

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
void snplp__idmap_dispose(snplp_idmap *m);

/* The object whose id (the `char *` at byte offset key_off, offsetof) is id, or NULL. */
void *snplp__idmap_get_keyed(const snplp_idmap *m, const char *id, size_t key_off);
/* Starts fetching the slot where id (n bytes, its strlen()) would be, for a lookup or an add soon
 * after (a hint: it changes nothing). */
void snplp__idmap_prefetch(const snplp_idmap *m, const char *id, size_t n);
/* Adds obj under its id; room must have been reserved and the id must be absent. */
void snplp__idmap_put_keyed(snplp_idmap *m, void *obj, size_t key_off);

#endif
