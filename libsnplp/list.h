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
