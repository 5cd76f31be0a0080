/* The one input source of the imports (io/source.h). */
#include "io/source.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>

#include "util/alloc.h"
#include "util/diag.h"
#include "util/errors.h"

void snplp__source_memory(snplp_source *s, const void *data, size_t size)
{
    memset(s, 0, sizeof *s);
    s->data = data ? data : "";
    s->size = size;
    s->total = size;
}

void snplp__source_callback(snplp_source *s, snplp_read_fn read, void *user)
{
    memset(s, 0, sizeof *s);
    s->read = read;
    s->user = user;
}

/* The finding code "cannot open" the file q (quoted) for the errno err, from the catalogue
 * (CODE/not-found, permission, directory, else cannot-open with the system's reason: the codes
 * io, in util/messages/diag/xml.*.txt, and csv-io, in csv.*.txt). */
static int cannot_open(snplp_diagnostics *diags, snplp_diag_code code, const char *q, int err)
{
    const char *variant = err == ENOENT   ? "not-found"
                          : err == EACCES ? "permission"
                          : err == EISDIR ? "directory"
                                          : "cannot-open";
    const snplp_msg_arg args[] = {SNPLP_ARG(TEXT, "path", q),
                                  SNPLP_ARG(TEXT, "reason", strerror(err))};
    snplp_finding f = {.severity = SNPLP_SEVERITY_ERROR,
                       .code = code,
                       .variant = variant,
                       .args = args,
                       .nargs = variant[0] == 'c' ? 2 : 1};
    return snplp__finding(diags, &f);
}

int snplp__source_open(snplp_source *s, const char *path, snplp_diagnostics *diags,
                       snplp_diag_code io_code, const char *fn)
{
    memset(s, 0, sizeof *s);
    FILE *f = fopen(path, "rb");
    int err = errno;
    struct stat st;
    bool stated = f && fstat(fileno(f), &st) == 0;
    if (stated && !S_ISDIR(st.st_mode)) {
        s->file = f;
        s->total = (uint64_t)st.st_size;
        return SNPLP_OK;
    }
    if (f) {
        err = stated ? EISDIR : errno;
        fclose(f);
    }
    char q[200];
    snplp__quote(q, sizeof q, path);
    if (diags) {
        int drc = cannot_open(diags, io_code, q, err);
        if (drc == SNPLP_ENOMEM)
            return snplp__oom();
        if (drc != SNPLP_OK)
            return drc; /* a message that does not render: the library's bug */
    }
    int rc = snplp__fail_in(fn, SNPLP_EIO, "cannot open %s: %s", q, strerror(err));
    snplp__error_set_errno(err);
    return rc;
}

int snplp__source_next(snplp_source *s, const char **chunk, size_t *len)
{
    *len = 0;
    *chunk = "";
    if (s->data) {
        size_t n =
            s->size - s->offset < SNPLP_SOURCE_CHUNK ? s->size - s->offset : SNPLP_SOURCE_CHUNK;
        *chunk = s->data + s->offset;
        s->offset += n;
        s->done += n;
        *len = n;
        return SNPLP_OK;
    }
    if (!s->buf && !(s->buf = snplp__malloc(SNPLP_SOURCE_CHUNK)))
        return SNPLP_ENOMEM;
    long n;
    if (s->file) {
        size_t got = fread(s->buf, 1, SNPLP_SOURCE_CHUNK, s->file);
        n = got == 0 && ferror(s->file) ? -1 : (long)got;
    } else {
        n = s->read(s->user, s->buf, SNPLP_SOURCE_CHUNK);
        if (n > SNPLP_SOURCE_CHUNK)
            n = -1;
    }
    if (n < 0)
        return SNPLP_EIO;
    *chunk = s->buf;
    *len = (size_t)n;
    s->done += (uint64_t)n;
    return SNPLP_OK;
}

void snplp__source_close(snplp_source *s)
{
    snplp__free(s->buf);
    s->buf = NULL;
    if (s->file)
        fclose(s->file);
    s->file = NULL;
}
