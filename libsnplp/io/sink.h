/* Internal: the one output of the exports (XML, CSV): a document written to memory, through a
 * callback, or to a file replaced atomically; the writers only ever call snplp__out_put*(). */
#ifndef SNPLP_IO_SINK_H
#define SNPLP_IO_SINK_H

#include <snplp/xml.h>

#include "util/buf.h"

typedef struct snplp_sink {
    snplp_buf buf;
    snplp_write_fn write; /* NULL: everything stays in buf */
    void *user;
    int rc; /* the first failure: SNPLP_ENOMEM or SNPLP_EIO; nothing is written after it */
} snplp_sink;

void snplp__out_put(snplp_sink *s, const char *text);
void snplp__out_putn(snplp_sink *s, const char *text, size_t n);
/* Hands what is buffered to the callback. */
void snplp__out_flush(snplp_sink *s);
/* After a writer appended to s->buf directly (s->rc being SNPLP_OK): hands the buffer over
 * when it is full, or turns an allocation failure into s->rc. */
void snplp__out_wrote(snplp_sink *s);

/* Writes a document: fills the sink, returns its rc (after snplp__out_flush). */
typedef int (*snplp_produce_fn)(const void *doc, snplp_sink *s);

/* The three destinations; each records its error (named fn) and returns the status. */
int snplp__out_callback(snplp_produce_fn produce, const void *doc, snplp_write_fn write, void *user,
                        const char *fn);
int snplp__out_memory(snplp_produce_fn produce, const void *doc, char **out, size_t *size,
                      const char *fn);
/* To a new file next to path, flushed to disk, renamed over path, the directory flushed: path
 * is never left half written. */
int snplp__out_file(snplp_produce_fn produce, const void *doc, const char *path, const char *fn);

#endif
