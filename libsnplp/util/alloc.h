/* Internal: the one allocator every libsnplp allocation goes through, with counters. */
#ifndef SNPLP_UTIL_ALLOC_H
#define SNPLP_UTIL_ALLOC_H

#include <snplp/alloc.h>

/* Returns NULL on failure without setting the error: callers call snplp__oom(). */
void *snplp__malloc(size_t size);
void *snplp__calloc(size_t count, size_t size);
/* Like realloc(): on failure returns NULL and leaves ptr allocated. */
void *snplp__realloc(void *ptr, size_t size);
void snplp__free(void *ptr);
/* A counted copy of the first len bytes of s, NUL-terminated. */
char *snplp__strndup(const char *s, size_t len);
char *snplp__strdup(const char *s);
/* The start of a public snplp_<type>_new(&out): a zeroed object of size bytes, or NULL with
 * *rc, recorded for fn: SNPLP_EINVAL when out (the caller's out-parameter) is NULL,
 * SNPLP_ENOMEM when memory runs out. */
void *snplp__new_object(const void *out, size_t size, const char *fn, int *rc);
/* Tests only (not exported; reached by tests linked with libsnplp.a): after count more
 * successful allocations, every allocation fails; -1 lifts the limit. */
void snplp__alloc_fail_after(long count);

#endif
