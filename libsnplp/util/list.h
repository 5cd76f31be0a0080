/* Internal: a growable array of pointers (items or strings). */
#ifndef SNPLP_INTERNAL_LIST_H
#define SNPLP_INTERNAL_LIST_H

#include <stddef.h>
#include <stdint.h>

typedef struct snplp_list {
    void **v;
    uint32_t n;
    uint32_t cap;
} snplp_list;

/* Makes room for one more element; returns 0 or SNPLP_ENOMEM (error recorded). */
int snplp__list_reserve(snplp_list *l);

/* Growth that can be undone, for operations that must grow several containers all or nothing:
 * the old array is kept until _commit (frees it) or _rollback (puts it back). */
typedef struct snplp_list_growth {
    snplp_list *list; /* NULL when no growth was needed */
    void **old;
    uint32_t old_cap;
} snplp_list_growth;
int snplp__list_reserve_undoable(snplp_list *l, snplp_list_growth *g);
void snplp__list_growth_commit(snplp_list_growth *g);
void snplp__list_growth_rollback(snplp_list_growth *g);
/* Appends p; room must have been reserved. */
void snplp__list_push(snplp_list *l, void *p);
/* Inserts p at position i (0..n); room must have been reserved. */
void snplp__list_insert(snplp_list *l, uint32_t i, void *p);
/* Removes the element at position i. */
void snplp__list_remove(snplp_list *l, uint32_t i);
/* Frees the array (not the elements). */
void snplp__list_dispose(snplp_list *l);
/* The element at i or NULL when out of range (l may be NULL). */
void *snplp__list_at(const snplp_list *l, size_t i);
/* Frees every element (strings) then the array. */
void snplp__list_dispose_strings(snplp_list *l);

#endif
