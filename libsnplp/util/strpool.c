/* A pool of interned strings: chunks of bytes (the first of 1 KiB, each next one twice as
 * large up to 16 KiB, so that the last one is rarely left mostly empty; a longer string gets a
 * chunk of its own) and a hash set of pointers into them. */
#include "util/strpool.h"

#include <stdint.h>
#include <string.h>

#include "util/alloc.h"
#include "util/hash.h"

struct snplp_strpool_chunk {
    snplp_strpool_chunk *next;
    size_t used, cap;
    char data[];
};

enum { FIRST_CHUNK = 1024, LAST_CHUNK = 16 * 1024, FIRST_TABLE = 16 };

/* The slot of s in the table, or the empty slot where it would go. */
static size_t slot_of(const char **slots, size_t cap, const char *s, size_t len)
{
    size_t mask = cap - 1;
    size_t i = (size_t)snplp__hash(s, len) & mask;
    while (slots[i] && !(strncmp(slots[i], s, len) == 0 && slots[i][len] == '\0'))
        i = (i + 1) & mask;
    return i;
}

static void place(const char **slots, size_t cap, const char *s)
{
    slots[slot_of(slots, cap, s, strlen(s))] = s;
}

const char *snplp__strpool_find(const snplp_strpool *p, const char *s, size_t len)
{
    return p->cap ? p->slots[slot_of(p->slots, p->cap, s, len)] : NULL;
}

/* Room for one more entry under 3/4 load: false when memory runs out (nothing changed). */
static bool table_room(snplp_strpool *p)
{
    if ((p->n + 1) * 4 <= p->cap * 3)
        return true;
    size_t cap = p->cap ? p->cap * 2 : FIRST_TABLE;
    if (cap < p->cap)
        return false;
    const char **slots = snplp__calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < p->cap; i++)
        if (p->slots[i])
            place(slots, cap, p->slots[i]);
    if (p->marked && !p->grew) {
        /* kept as it was at the mark, for _undo() */
        p->saved = p->slots;
        p->saved_cap = p->cap;
        p->grew = true;
    } else {
        snplp__free(p->slots);
    }
    p->slots = slots;
    p->cap = cap;
    return true;
}

/* Room for size bytes in the head chunk: false when memory runs out (nothing changed). */
static bool chunk_room(snplp_strpool *p, size_t size)
{
    snplp_strpool_chunk *h = p->head;
    if (h && h->cap - h->used >= size)
        return true;
    size_t cap = h ? (h->cap >= LAST_CHUNK ? LAST_CHUNK : h->cap * 2) : FIRST_CHUNK;
    if (cap < size)
        cap = size; /* a long string: a chunk of its own */
    if (cap > SIZE_MAX - sizeof *h)
        return false;
    snplp_strpool_chunk *c = snplp__malloc(sizeof *c + cap);
    if (!c)
        return false;
    c->next = h;
    c->used = 0;
    c->cap = cap;
    p->head = c;
    return true;
}

const char *snplp__strpool_intern(snplp_strpool *p, const char *s, size_t len)
{
    const char *found = snplp__strpool_find(p, s, len);
    if (found)
        return found;
    if (len == SIZE_MAX)
        return NULL;
    snplp_strpool_chunk *old_head = p->head;
    if (!chunk_room(p, len + 1))
        return NULL;
    if (!table_room(p)) {
        if (p->head != old_head) {
            snplp_strpool_chunk *c = p->head;
            p->head = c->next;
            snplp__free(c);
        }
        return NULL;
    }
    char *copy = p->head->data + p->head->used;
    memcpy(copy, s, len);
    copy[len] = '\0';
    p->head->used += len + 1;
    p->slots[slot_of(p->slots, p->cap, copy, len)] = copy;
    p->n++;
    return copy;
}

const char *snplp__strpool_copy(snplp_strpool *p, const char *s, size_t len)
{
    if (len == SIZE_MAX || !chunk_room(p, len + 1))
        return NULL;
    char *copy = p->head->data + p->head->used;
    memcpy(copy, s, len);
    copy[len] = '\0';
    p->head->used += len + 1;
    return copy;
}

void snplp__strpool_mark(snplp_strpool *p, snplp_strpool_mark *m)
{
    m->head = p->head;
    m->used = p->head ? p->head->used : 0;
    m->n = p->n;
    p->saved = NULL;
    p->saved_cap = 0;
    p->marked = true;
    p->grew = false;
}

void snplp__strpool_keep(snplp_strpool *p, snplp_strpool_mark *m)
{
    (void)m;
    snplp__free(p->saved);
    p->saved = NULL;
    p->saved_cap = 0;
    p->marked = p->grew = false;
}

/* Removes s from the table (linear probing: the entries after it move back where their probe
 * sequence still finds them). */
static void table_remove(snplp_strpool *p, const char *s)
{
    size_t mask = p->cap - 1;
    if (!p->cap)
        return; /* only copies so far */
    size_t i = slot_of(p->slots, p->cap, s, strlen(s));
    if (p->slots[i] != s)
        return; /* a copy (snplp__strpool_copy()), never in the table */
    size_t j = i;
    for (;;) {
        j = (j + 1) & mask;
        const char *e = p->slots[j];
        if (!e)
            break;
        size_t k = (size_t)snplp__hash(e, strlen(e)) & mask;
        /* e may move to i when its home k is not cyclically within (i, j] */
        bool stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
        if (!stays) {
            p->slots[i] = e;
            i = j;
        }
    }
    p->slots[i] = NULL;
}

void snplp__strpool_undo(snplp_strpool *p, snplp_strpool_mark *m)
{
    /* the strings interned since the mark: the head chunks down to the mark's */
    for (snplp_strpool_chunk *c = p->head; c; c = c->next) {
        size_t from = c == m->head ? m->used : 0;
        for (size_t at = from; at < c->used; at += strlen(c->data + at) + 1)
            table_remove(p, c->data + at);
        if (c == m->head)
            break;
    }
    while (p->head != m->head) {
        snplp_strpool_chunk *c = p->head;
        p->head = c->next;
        snplp__free(c);
    }
    if (p->head)
        p->head->used = m->used;
    p->n = m->n;
    if (p->grew) {
        /* back to the table of the mark: what is left fits in it */
        if (p->saved_cap)
            memset(p->saved, 0, p->saved_cap * sizeof *p->saved);
        for (size_t i = 0; i < p->cap; i++)
            if (p->slots[i])
                place(p->saved, p->saved_cap, p->slots[i]);
        snplp__free(p->slots);
        p->slots = p->saved;
        p->cap = p->saved_cap;
    }
    p->saved = NULL;
    p->saved_cap = 0;
    p->marked = p->grew = false;
}

size_t snplp__strpool_size(const snplp_strpool *p)
{
    size_t size = p->cap * sizeof *p->slots;
    for (const snplp_strpool_chunk *c = p->head; c; c = c->next)
        size += sizeof *c + c->cap;
    return size;
}

void snplp__strpool_dispose(snplp_strpool *p)
{
    while (p->head) {
        snplp_strpool_chunk *c = p->head;
        p->head = c->next;
        snplp__free(c);
    }
    snplp__free(p->slots);
    snplp__free(p->saved);
    memset(p, 0, sizeof *p);
}
