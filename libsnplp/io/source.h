/* Internal: the one input source of the imports (XML and CSV): a file, a block of memory or a
 * caller's read callback, read in chunks. */
#ifndef SNPLP_IO_SOURCE_H
#define SNPLP_IO_SOURCE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <snplp/diagnostics.h>
#include <snplp/xml.h>

/* The most a chunk holds (and a read callback is asked for). */
#define SNPLP_SOURCE_CHUNK 65536

typedef struct snplp_source {
    const char *data; /* memory: the caller's bytes (size of them) */
    size_t size, offset;
    FILE *file;         /* a file opened by snplp__source_open() (closed by _close) */
    snplp_read_fn read; /* a callback, with its user pointer */
    void *user;
    char *buf;      /* the chunk buffer of a file or a callback */
    uint64_t total; /* the input's size when known (a file, memory), else 0 */
    uint64_t done;  /* the bytes read so far */
} snplp_source;

/* A source over size bytes of memory (data may be NULL when size is 0), or over a callback. */
void snplp__source_memory(snplp_source *s, const void *data, size_t size);
void snplp__source_callback(snplp_source *s, snplp_read_fn read, void *user);
/* A source over the file at path. When it cannot be opened (or is a directory): appends the
 * finding io_code "cannot open ..." to diags (if not NULL), records SNPLP_EIO for fn
 * (SNPLP_ENOMEM if the finding could not be added) and returns that status. */
int snplp__source_open(snplp_source *s, const char *path, snplp_diagnostics *diags,
                       snplp_diag_code io_code, const char *fn);
/* The next chunk: *chunk points to its *len bytes (valid until the next call; *len is 0 at the
 * end of the input). Returns SNPLP_OK, SNPLP_EIO when reading failed (a callback's error, or
 * one that returned more than it was asked for) or SNPLP_ENOMEM (neither recorded). */
int snplp__source_next(snplp_source *s, const char **chunk, size_t *len);
/* Frees the buffer and closes the file; the source can be closed twice. */
void snplp__source_close(snplp_source *s);

#endif
