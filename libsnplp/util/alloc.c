/* The one allocator of libsnplp: every block carries a header with its size so that the
 * counters of bytes in use and their peak stay exact. The memory itself comes from the C
 * library or from the functions an embedder set with snplp_set_allocator(). */
#include "util/alloc.h"

#include "util/errors.h"

#include <stdalign.h>
#include <stdbool.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* The header keeps the payload aligned as malloc() would (16 bytes on x86-64). */
typedef struct header {
    alignas(max_align_t) size_t size;
} header;

static atomic_size_t used;
static atomic_size_t peak;
static atomic_size_t blocks;

static void *std_malloc(void *context, size_t size)
{
    (void)context;
    return malloc(size);
}

static void *std_realloc(void *context, void *ptr, size_t size)
{
    (void)context;
    return realloc(ptr, size);
}

static void std_free(void *context, void *ptr)
{
    (void)context;
    free(ptr);
}

/* The functions in use. Changed only by snplp_set_allocator(), which requires that no other
 * thread uses libsnplp meanwhile (alloc.h): threads started later see the change through
 * pthread_create()'s synchronisation. */
static struct {
    snplp_malloc_fn malloc_fn;
    snplp_realloc_fn realloc_fn;
    snplp_free_fn free_fn;
    void *context;
} funcs = {std_malloc, std_realloc, std_free, NULL};

int snplp_set_allocator(snplp_malloc_fn malloc_fn, snplp_realloc_fn realloc_fn,
                        snplp_free_fn free_fn, void *context)
{
    bool none = !malloc_fn && !realloc_fn && !free_fn;
    if (!none && (!malloc_fn || !realloc_fn || !free_fn))
        return snplp__fail_in("snplp_set_allocator", SNPLP_EINVAL,
                              "give the three functions, or none of them to "
                              "restore the default");
    size_t held = atomic_load(&blocks);
    if (held != 0)
        return snplp__fail_in("snplp_set_allocator", SNPLP_EINVAL,
                              "libsnplp still holds %zu block%s: free every "
                              "object and buffer first (each block must go back to the allocator "
                              "that gave it)",
                              held, held == 1 ? "" : "s");
    if (none) {
        funcs.malloc_fn = std_malloc;
        funcs.realloc_fn = std_realloc;
        funcs.free_fn = std_free;
        funcs.context = NULL;
    } else {
        funcs.malloc_fn = malloc_fn;
        funcs.realloc_fn = realloc_fn;
        funcs.free_fn = free_fn;
        funcs.context = context;
    }
    return SNPLP_OK;
}
/* Fault injection for the tests: the number of allocations still allowed, -1 for no limit. */
static atomic_long allowed = -1;

void snplp__alloc_fail_after(long count)
{
    atomic_store(&allowed, count);
}

static bool refused(void)
{
    long n = atomic_load(&allowed);
    while (n >= 0) {
        if (n == 0)
            return true;
        if (atomic_compare_exchange_weak(&allowed, &n, n - 1))
            return false;
    }
    return false;
}

static void count_bytes(size_t size)
{
    size_t now = atomic_fetch_add_explicit(&used, size, memory_order_relaxed) + size;
    size_t old = atomic_load_explicit(&peak, memory_order_relaxed);
    while (now > old && !atomic_compare_exchange_weak_explicit(
                            &peak, &old, now, memory_order_relaxed, memory_order_relaxed)) {
    }
}

static void count_alloc(size_t size)
{
    atomic_fetch_add_explicit(&blocks, 1, memory_order_relaxed);
    count_bytes(size);
}

static void count_free(size_t size)
{
    atomic_fetch_sub_explicit(&blocks, 1, memory_order_relaxed);
    atomic_fetch_sub_explicit(&used, size, memory_order_relaxed);
}

void *snplp__malloc(size_t size)
{
    if (size > SIZE_MAX - sizeof(header) || refused())
        return NULL;
    header *h = funcs.malloc_fn(funcs.context, sizeof(header) + size);
    if (!h)
        return NULL;
    h->size = size;
    count_alloc(size);
    return h + 1;
}

void *snplp__calloc(size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size)
        return NULL;
    void *p = snplp__malloc(count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void *snplp__realloc(void *ptr, size_t size)
{
    if (!ptr)
        return snplp__malloc(size);
    if (size > SIZE_MAX - sizeof(header) || refused())
        return NULL;
    header *h = (header *)ptr - 1;
    size_t old = h->size;
    header *n = funcs.realloc_fn(funcs.context, h, sizeof(header) + size);
    if (!n)
        return NULL;
    n->size = size;
    atomic_fetch_sub_explicit(&used, old, memory_order_relaxed);
    count_bytes(size);
    return n + 1;
}

void snplp__free(void *ptr)
{
    if (!ptr)
        return;
    header *h = (header *)ptr - 1;
    count_free(h->size);
    funcs.free_fn(funcs.context, h);
}

char *snplp__strndup(const char *s, size_t len)
{
    char *d = snplp__malloc(len + 1);
    if (!d)
        return NULL;
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

char *snplp__strdup(const char *s)
{
    return snplp__strndup(s, strlen(s));
}

size_t snplp_memory_blocks(void)
{
    return atomic_load_explicit(&blocks, memory_order_relaxed);
}

size_t snplp_memory_used(void)
{
    return atomic_load_explicit(&used, memory_order_relaxed);
}

size_t snplp_memory_peak(void)
{
    return atomic_load_explicit(&peak, memory_order_relaxed);
}

void snplp_memory_reset_peak(void)
{
    atomic_store_explicit(&peak, atomic_load_explicit(&used, memory_order_relaxed),
                          memory_order_relaxed);
}

void snplp_free(void *ptr)
{
    snplp__free(ptr);
}

void *snplp__new_object(const void *out, size_t size, const char *fn, int *rc)
{
    if (!out) {
        *rc = snplp__bad_arg(fn, "out is NULL");
        return NULL;
    }
    void *p = snplp__calloc(1, size);
    if (!p)
        *rc = snplp__oom();
    return p;
}
