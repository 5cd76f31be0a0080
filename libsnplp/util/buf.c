/* A growable byte buffer on the library's allocator. */
#include "util/buf.h"

#include <stdint.h>
#include <string.h>

#include "util/alloc.h"

void snplp__buf_put_slow(snplp_buf *b, const char *s, size_t n)
{
    if (b->failed || n == 0)
        return;
    if (b->cap - b->n < n + 1) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap - b->n < n + 1) {
            if (cap > SIZE_MAX / 2) {
                b->failed = true;
                return;
            }
            cap *= 2;
        }
        char *p = snplp__realloc(b->p, cap);
        if (!p) {
            b->failed = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

char *snplp__buf_take(snplp_buf *b)
{
    char *p = NULL;
    if (!b->failed) {
        p = b->p ? b->p : snplp__strdup("");
        b->p = NULL;
    }
    snplp__buf_free(b);
    return p;
}

void snplp__buf_free(snplp_buf *b)
{
    snplp__free(b->p);
    memset(b, 0, sizeof *b);
}
