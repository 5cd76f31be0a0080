/* Internal: a growable byte buffer on the library's allocator (documents being written, texts
 * being read). An allocation failure is remembered: the content is then incomplete and every
 * later append is a no-op. */
#ifndef SNPLP_UTIL_BUF_H
#define SNPLP_UTIL_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct snplp_buf {
    char *p;
    size_t n, cap;
    bool failed; /* an allocation failed: the content is incomplete */
} snplp_buf;

void snplp__buf_put(snplp_buf *b, const char *s, size_t n);
void snplp__buf_puts(snplp_buf *b, const char *s);
/* Takes the content as a NUL-terminated string (NULL if an allocation failed); the buffer is
 * left empty. */
char *snplp__buf_take(snplp_buf *b);
void snplp__buf_free(snplp_buf *b);

#endif
