/* Internal: a growable byte buffer on the library's allocator (documents being written, texts
 * being read). An allocation failure is remembered: the content is then incomplete and every
 * later append is a no-op. */
#ifndef SNPLP_UTIL_BUF_H
#define SNPLP_UTIL_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

typedef struct snplp_buf {
    char *p;
    size_t n, cap;
    bool failed; /* an allocation failed: the content is incomplete */
} snplp_buf;

/* Appends n bytes at s when the buffer must grow first (or has failed). */
void snplp__buf_put_slow(snplp_buf *b, const char *s, size_t n);

/* Appends n bytes at s (the content stays NUL-terminated). Inline: the readers and writers put
 * a few bytes at a time, and most appends fit. */
static inline void snplp__buf_put(snplp_buf *b, const char *s, size_t n)
{
    if (n == 0)
        return;
    if (!b->failed && b->cap - b->n > n) {
        memcpy(b->p + b->n, s, n);
        b->n += n;
        b->p[b->n] = '\0';
        return;
    }
    snplp__buf_put_slow(b, s, n);
}

static inline void snplp__buf_puts(snplp_buf *b, const char *s)
{
    snplp__buf_put(b, s, strlen(s));
}

/* Takes the content as a NUL-terminated string (NULL if an allocation failed); the buffer is
 * left empty. */
char *snplp__buf_take(snplp_buf *b);
void snplp__buf_free(snplp_buf *b);

#endif
