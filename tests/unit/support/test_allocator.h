/* An embedder's allocator for the tests of snplp_set_allocator() (alloc.h): it counts the
 * calls and the blocks it has given and not yet got back, and can refuse the N-th request
 * (malloc or realloc), as SQLite's test allocator does. */
#ifndef SNPLP_TEST_ALLOCATOR_H
#define SNPLP_TEST_ALLOCATOR_H

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <snplp/alloc.h>

typedef struct test_allocator {
    size_t requests; /* calls to malloc and realloc, refused ones included */
    size_t mallocs;
    size_t reallocs;
    size_t frees;
    size_t live;     /* blocks given and not freed */
    size_t refusals; /* requests refused */
    size_t fail_at;  /* the request (1-based) to refuse; 0: refuse none */
    bool misaligned; /* a block was not aligned for max_align_t */
} test_allocator;

static inline bool test_allocator_refuses(test_allocator *a)
{
    a->requests++;
    if (a->fail_at != 0 && a->requests == a->fail_at) {
        a->refusals++;
        return true;
    }
    return false;
}

static inline void test_allocator_check_alignment(test_allocator *a, const void *p)
{
    if ((uintptr_t)p % alignof(max_align_t) != 0)
        a->misaligned = true;
}

static inline void *test_allocator_malloc(void *context, size_t size)
{
    test_allocator *a = context;
    if (test_allocator_refuses(a))
        return NULL;
    void *p = malloc(size);
    if (p) {
        a->mallocs++;
        a->live++;
        test_allocator_check_alignment(a, p);
    }
    return p;
}

static inline void *test_allocator_realloc(void *context, void *ptr, size_t size)
{
    test_allocator *a = context;
    if (test_allocator_refuses(a))
        return NULL;
    void *p = realloc(ptr, size);
    if (p) {
        a->reallocs++;
        test_allocator_check_alignment(a, p);
    }
    return p;
}

static inline void test_allocator_free(void *context, void *ptr)
{
    test_allocator *a = context;
    a->frees++;
    a->live--;
    free(ptr);
}

/* Makes a the allocator of libsnplp (the library must hold nothing). */
static inline int test_allocator_install(test_allocator *a)
{
    return snplp_set_allocator(test_allocator_malloc, test_allocator_realloc, test_allocator_free,
                               a);
}

#endif
