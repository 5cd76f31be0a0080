/* The one allocator of libsnplp: every block carries a header with its size so that the
 * counters of bytes in use and their peak stay exact. */
#include "alloc.h"

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

static void count_alloc(size_t size)
{
    size_t now = atomic_fetch_add_explicit(&used, size, memory_order_relaxed) + size;
    size_t old = atomic_load_explicit(&peak, memory_order_relaxed);
    while (now > old && !atomic_compare_exchange_weak_explicit(
                            &peak, &old, now, memory_order_relaxed, memory_order_relaxed)) {
    }
}

static void count_free(size_t size)
{
    atomic_fetch_sub_explicit(&used, size, memory_order_relaxed);
}

void *snplp__malloc(size_t size)
{
    if (size > SIZE_MAX - sizeof(header) || refused())
        return NULL;
    header *h = malloc(sizeof(header) + size);
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
    header *n = realloc(h, sizeof(header) + size);
    if (!n)
        return NULL;
    n->size = size;
    count_free(old);
    count_alloc(size);
    return n + 1;
}

void snplp__free(void *ptr)
{
    if (!ptr)
        return;
    header *h = (header *)ptr - 1;
    count_free(h->size);
    free(h);
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
