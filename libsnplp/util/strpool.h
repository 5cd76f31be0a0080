/* Internal: a pool of interned strings. Each distinct string is stored once, in large chunks
 * (one allocation per chunk, not per string), and a hash set (open addressing, linear probing,
 * load under 3/4) finds it again. The strings stay where they are until the pool is disposed
 * of: a pointer the pool gave stays valid as long as the pool.
 *
 * Changes can be undone, for operations that must intern several strings all or nothing:
 * _mark() before them, then _keep() (success) or _undo() (failure: the strings interned since
 * the mark are forgotten and the memory they took is given back, so that the allocator's count
 * is what it was at the mark). One mark at a time. Not thread-safe for writes; lookups do not
 * change the pool. */
#ifndef SNPLP_UTIL_STRPOOL_H
#define SNPLP_UTIL_STRPOOL_H

#include <stdbool.h>
#include <stddef.h>

typedef struct snplp_strpool_chunk snplp_strpool_chunk;

typedef struct snplp_strpool {
    snplp_strpool_chunk *head; /* the chunk being filled; the older ones follow */
    const char **slots;        /* the hash set (NULL: empty slot); cap a power of two, or 0 */
    size_t cap, n;
    /* while a mark is set: whether the table grew since, and the table it had then */
    const char **saved;
    size_t saved_cap;
    bool marked, grew;
} snplp_strpool;

typedef struct snplp_strpool_mark {
    snplp_strpool_chunk *head;
    size_t used; /* of head */
    size_t n;
} snplp_strpool_mark;

/* The pooled copy of the len bytes at s (no NUL among them), added if absent; NULL when memory
 * runs out (not recorded: callers call snplp__oom()), the pool unchanged. */
const char *snplp__strpool_intern(snplp_strpool *p, const char *s, size_t len);
/* A copy of the len bytes at s (no NUL among them) in the pool's chunks, not interned: no
 * lookup finds it and no later string shares it (for strings that are rarely the same twice in
 * a row, where the lookup would cost more than the bytes it saves); NULL when memory runs out
 * (not recorded), the pool unchanged. _undo() gives its bytes back as those of the strings
 * interned since the mark. */
const char *snplp__strpool_copy(snplp_strpool *p, const char *s, size_t len);
/* The pooled copy of s if there is one, else NULL (changes nothing). */
const char *snplp__strpool_find(const snplp_strpool *p, const char *s, size_t len);
void snplp__strpool_mark(snplp_strpool *p, snplp_strpool_mark *m);
void snplp__strpool_keep(snplp_strpool *p, snplp_strpool_mark *m);
void snplp__strpool_undo(snplp_strpool *p, snplp_strpool_mark *m);
/* The bytes the pool holds (chunks and table). */
size_t snplp__strpool_size(const snplp_strpool *p);
/* Frees everything (p stays, empty). */
void snplp__strpool_dispose(snplp_strpool *p);

#endif
