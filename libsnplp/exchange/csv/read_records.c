/* Reading workers and attendance from CSV into training records (csv_records.h, docs/records.md).
 *
 * The input is read byte by byte through io/source.h (memory, file, callback) and split into
 * records as RFC 4180 says, as read.c does for indicator values, except that the header names
 * the columns (in any order, optional ones may be absent). Every row is checked against the
 * records and every problem reported; the good rows are kept as changes. Only when no row is bad
 * are the changes applied, in two steps: first everything is allocated (the new workers and
 * attendance records are built by the model in scratch records, the replacement values of the
 * workers updated too, the room in the records' arrays and id map), which may fail and then
 * changes nothing; then the objects are moved into the records and the values swapped, which
 * cannot fail. */

#include <snplp/csv_records.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "exchange/csv/dialect.h"
#include "io/source.h"
#include "model/records/records_model.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/diag.h"
#include "util/text.h"

/* The fields of a record that are kept; those after are only counted (against the limit). */
#define KEEP 16

typedef enum rkind { WORKERS = 0, ATTENDANCE = 1 } rkind;

enum { W_ID, W_PROFESSION, W_EMPLOYER, W_TERRITORY, W_FROM, W_UNTIL, W_LEVEL, W_UNIT, W_N };
enum { A_WORKER, A_SESSION, A_STATUS, A_DAYS, A_N };
#define MAXCOLS W_N

static const char *const worker_columns[W_N] = {"id",   "profession", "employer",      "territory",
                                                "from", "until",      "diploma-level", "unit"};
static const char *const attendance_columns[A_N] = {"worker", "session", "status", "days"};

static const struct layout {
    const char *what; /* "workers": the argument "file" of findings, whose messages name the
                         columns (util/messages/diag/csv.*.txt) */
    const char *const *names;
    int n, required; /* the first `required` columns are required */
} layouts[2] = {
    {"workers", worker_columns, W_N, 5},
    {"attendance", attendance_columns, A_N, 3},
};

/* ---- reading ---- */

typedef struct input {
    snplp_source src;
    const unsigned char *p; /* the current chunk */
    size_t n, i;
    bool eof;
    int back[3]; /* bytes given back, the next one last */
    int nback;
} input;

typedef struct field {
    snplp_buf b;      /* the content, NUL-terminated once the field is complete */
    size_t line, col; /* where the field starts */
    bool bad;         /* a finding was reported on it: not checked further */
} field;

/* A good worker row: what it changes. */
typedef struct wchange {
    char *id;           /* a copy */
    snplp_worker *old;  /* the worker it updates; NULL: a new one */
    snplp_worker *made; /* built in the scratch records before applying */
    char *profession, *employer, *territory;
    char *unit; /* NFC copy; NULL: none given */
    snplp_date from, until;
    bool has_until, has_level;
    int level;
} wchange;

/* A good attendance row. */
typedef struct achange {
    snplp_worker *worker;
    snplp_session *session;
    snplp_attendance *old;  /* the attendance it updates; NULL: a new one */
    snplp_attendance *made; /* built in the scratch records before applying */
    snplp_attendance_status status;
    bool has_days;
    snplp_decimal days;
} achange;

/* A hash set of the rows seen (workers: by id; attendance: by worker and session), to find
 * duplicates; and of the attendance records already in the records, by worker and session. */
typedef struct slot {
    uint64_t h;
    const void *a, *b; /* NULL a: a free slot */
    size_t value;      /* the line of the first row; or the attendance's index + 1 (0 when
                          there are several) */
} slot;

typedef struct table {
    slot *v;
    size_t n, cap;
} table;

typedef struct importer {
    snplp_records *records;
    snplp_diagnostics *diags;
    const dialect_info *d;
    const struct layout *lay;
    rkind kind;
    const char *name;
    input in;
    size_t line, col; /* of the next character */
    size_t rows;      /* records read, blank ones and the header included */
    /* the record just read */
    field f[KEEP];
    size_t nfields;
    size_t extra_line, extra_col; /* where its first field past KEEP starts */
    size_t extra_bytes;           /* the bytes of its fields past KEEP */
    size_t end_line, end_col;     /* where it ends */
    bool all_empty;
    /* the header */
    bool header;
    size_t ncols;     /* its fields */
    int map[KEEP];    /* the column of each field, -1 for none */
    int pos[MAXCOLS]; /* the field of each column, -1 when absent */
    bool complete;    /* every required column is there */
    /* state */
    numfmt num;
    size_t errors;
    int status; /* SNPLP_ENOMEM, SNPLP_EIO or SNPLP_EINTERNAL: the pass stopped */
    bool stop;
    char first[1300]; /* the first error, for the thread's last error message */
    char io[300];
    table seen;     /* the rows seen */
    table existing; /* attendance: the records' attendance by worker and session */
    bool existing_built;
    wchange *w;
    achange *a;
    size_t nchanges, capchanges;
} importer;

static void fatal(importer *x, int status)
{
    if (x->status == SNPLP_OK)
        x->status = status;
    x->stop = true;
}

/* Appends an error finding of the catalogue (util/messages/diag/csv.*.txt): code, its variant,
 * and its arguments (SNPLP_ARGS(...) or SNPLP_NO_ARGS); nothing once the pass has stopped. The
 * first one is also kept in English, with its place, for the thread's last error. */
static void err(importer *x, snplp_diag_code code, const char *variant, size_t line, size_t col,
                const char *item, const snplp_msg_arg *args, size_t nargs)
{
    if (x->stop)
        return;
    snplp_finding f = {.severity = SNPLP_SEVERITY_ERROR,
                       .code = code,
                       .variant = variant,
                       .line = line,
                       .column = col,
                       .item_id = item,
                       .args = args,
                       .nargs = nargs};
    int rc =
        snplp__csv_error(x->diags, &f, x->name, &x->errors, x->first, sizeof x->first, &x->stop);
    if (rc)
        fatal(x, rc);
}

/* Refills the chunk; false at the end of the input or on a read error (reported). */
static bool refill(importer *x)
{
    input *in = &x->in;
    if (in->eof)
        return false;
    const char *chunk;
    size_t got;
    int rc = snplp__source_next(&in->src, &chunk, &got);
    if (rc != SNPLP_OK || got == 0) {
        in->eof = true;
        if (rc == SNPLP_ENOMEM) {
            fatal(x, SNPLP_ENOMEM);
        } else if (rc != SNPLP_OK) {
            snprintf(x->io, sizeof x->io, "%.200s:%zu:%zu: reading the input failed", x->name,
                     x->line, x->col);
            err(x, SNPLP_DIAG_CSV_IO, "read", x->line, x->col, NULL, SNPLP_NO_ARGS);
            fatal(x, SNPLP_EIO);
        }
        return false;
    }
    in->p = (const unsigned char *)chunk;
    in->n = got;
    in->i = 0;
    return true;
}

/* The next byte, -1 at the end of the input, after a read error or once the pass stopped. */
static int get(importer *x)
{
    input *in = &x->in;
    if (x->stop)
        return -1;
    if (in->nback)
        return in->back[--in->nback];
    if (in->i < in->n)
        return in->p[in->i++];
    if (!refill(x))
        return -1;
    return in->p[in->i++];
}

static void unget(importer *x, int c)
{
    if (c >= 0 && x->in.nback < 3)
        x->in.back[x->in.nback++] = c;
}

/* A character of the line: every byte but UTF-8 continuation bytes starts one. */
static void count(importer *x, int c)
{
    if ((c & 0xC0) != 0x80)
        x->col++;
}

static void newline(importer *x)
{
    x->line++;
    x->col = 1;
}

/* The column of field i of a row, for messages; NULL when the header names none (the message
 * then gives the field's number). */
static const char *column_name(const importer *x, size_t i)
{
    return x->header && i < KEEP && x->map[i] >= 0 ? x->lay->names[x->map[i]] : NULL;
}

/* A kind of record as a keyword of the messages' select ("training_body"). */
static const char *kind_choice(snplp_record_kind k)
{
    return k == SNPLP_RECORD_TRAINING_BODY ? "training_body" : snplp_record_kind_name(k);
}

/* A byte of field f (NULL: a field past KEEP). The limits act as the bytes come: a field longer
 * than SNPLP_CSV_MAX_FIELD, or fields past KEEP longer than that together, end the pass at
 * once, so that an input that never ends is not read forever. */
static void append(importer *x, field *f, int c)
{
    x->all_empty = false;
    size_t n = f ? f->b.n : x->extra_bytes++;
    if (n >= SNPLP_CSV_MAX_FIELD) {
        snplp_numtext max, k;
        snplp__zu(&max, SNPLP_CSV_MAX_FIELD);
        if (f) {
            size_t i = (size_t)(f - x->f);
            const char *column = column_name(x, i);
            if (column)
                err(x, SNPLP_DIAG_CSV_FIELD_TOO_LONG, "field", f->line, f->col, NULL,
                    SNPLP_ARGS(SNPLP_ARG(ID, "column", column), SNPLP_ARG(INTEGER, "max", max.s)));
            else
                err(x, SNPLP_DIAG_CSV_FIELD_TOO_LONG, "unnamed", f->line, f->col, NULL,
                    SNPLP_ARGS(SNPLP_ARG(INTEGER, "field", snplp__zu(&k, i + 1)),
                               SNPLP_ARG(INTEGER, "max", max.s)));
            f->bad = true;
        } else {
            err(x, SNPLP_DIAG_CSV_FIELD_TOO_LONG, "past-kept", x->extra_line, x->extra_col, NULL,
                SNPLP_ARGS(SNPLP_ARG(INTEGER, "after", snplp__zu(&k, KEEP)),
                           SNPLP_ARG(INTEGER, "max", max.s)));
        }
        x->stop = true;
        return;
    }
    if (!f)
        return;
    char ch = (char)c;
    snplp__buf_put(&f->b, &ch, 1);
}

/* Skips a byte-order mark; reports a UTF-16 (or UTF-32) input. */
static void skip_bom(importer *x)
{
    int a = get(x);
    if (a == 0xEF) {
        int b = get(x);
        int c = b == 0xBB ? get(x) : -1;
        if (b == 0xBB && c == 0xBF)
            return;
        unget(x, c);
        unget(x, b);
    } else if (a == 0xFF || a == 0xFE) {
        int b = get(x);
        if ((a == 0xFF && b == 0xFE) || (a == 0xFE && b == 0xFF)) {
            err(x, SNPLP_DIAG_CSV_ENCODING, "utf16", 1, 1, NULL, SNPLP_NO_ARGS);
            x->stop = true;
            return;
        }
        unget(x, b);
    }
    unget(x, a);
}

/* Reads one record into x->f; false at the end of the input. Syntax problems are reported as
 * they are met. */
static bool read_record(importer *x)
{
    const char sep = x->d->sep;
    x->nfields = 0;
    x->extra_bytes = 0;
    x->all_empty = true;
    for (;;) {
        size_t line = x->line, col = x->col;
        field *f = x->nfields < KEEP ? &x->f[x->nfields] : NULL;
        if (x->nfields == KEEP) {
            x->extra_line = line;
            x->extra_col = col;
        }
        if (f) {
            f->b.n = 0;
            f->line = line;
            f->col = col;
            f->bad = false;
        }
        int c = get(x);
        if (c < 0 && x->nfields == 0)
            return false;
        x->nfields++;
        if (c == '"') {
            count(x, c);
            for (;;) {
                c = get(x);
                if (c < 0) {
                    err(x, SNPLP_DIAG_CSV_SYNTAX, "unclosed", line, col, NULL, SNPLP_NO_ARGS);
                    if (f)
                        f->bad = true;
                    break;
                }
                if (c == '"') {
                    count(x, c);
                    c = get(x);
                    if (c != '"')
                        break; /* the closing quote; c is what follows it */
                    count(x, c);
                    append(x, f, c);
                } else if (c == '\r' || c == '\n') {
                    append(x, f, c);
                    if (c == '\r') {
                        int d = get(x);
                        if (d == '\n')
                            append(x, f, d);
                        else
                            unget(x, d);
                    }
                    newline(x);
                } else {
                    count(x, c);
                    append(x, f, c);
                }
            }
            if (c >= 0 && c != sep && c != '\r' && c != '\n') {
                snplp_numtext at;
                err(x, SNPLP_DIAG_CSV_SYNTAX, "after-quote", line, col, NULL,
                    SNPLP_ARGS(SNPLP_ARG(INTEGER, "at_column", snplp__zu(&at, x->col))));
                if (f)
                    f->bad = true;
                while (c >= 0 && c != sep && c != '\r' && c != '\n') {
                    count(x, c);
                    c = get(x);
                }
            }
        } else {
            bool quote_seen = false;
            while (c >= 0 && c != sep && c != '\r' && c != '\n') {
                if (c == '"' && !quote_seen) {
                    quote_seen = true;
                    snplp_numtext at;
                    err(x, SNPLP_DIAG_CSV_SYNTAX, "quote-in-unquoted", line, col, NULL,
                        SNPLP_ARGS(SNPLP_ARG(INTEGER, "at_column", snplp__zu(&at, x->col))));
                    if (f)
                        f->bad = true;
                }
                count(x, c);
                append(x, f, c);
                c = get(x);
            }
        }
        if (f) {
            snplp__buf_put(&f->b, "", 1); /* the NUL */
            f->b.n--;
        }
        if (c == sep) {
            count(x, c);
            if (!f) { /* separators past KEEP fields count too (";;;;" never ending) */
                bool empty = x->all_empty;
                append(x, NULL, c);
                x->all_empty = empty;
            }
            continue;
        }
        x->end_line = x->line;
        x->end_col = x->col;
        if (c == '\r') {
            int d = get(x);
            if (d != '\n')
                unget(x, d);
        }
        if (c >= 0)
            newline(x);
        return true;
    }
}

/* ---- checks of fields ---- */

/* Checks that a field is UTF-8 with only characters XML allows in text. */
static void check_encoding(importer *x, size_t i)
{
    field *f = &x->f[i];
    const uint8_t *s = (const uint8_t *)f->b.p;
    int32_t len = (int32_t)f->b.n;
    const char *column = column_name(x, i);
    snplp_numtext fieldno, byte;
    snplp__zu(&fieldno, i + 1);
    for (int32_t k = 0; k < len;) {
        int32_t at = k;
        UChar32 c;
        U8_NEXT(s, k, len, c);
        snplp__zu(&byte, (size_t)at + 1);
        if (c < 0) {
            if (column)
                err(x, SNPLP_DIAG_CSV_ENCODING, "invalid-utf8", f->line, f->col, NULL,
                    SNPLP_ARGS(SNPLP_ARG(ID, "column", column),
                               SNPLP_ARG(INTEGER, "byte", byte.s)));
            else
                err(x, SNPLP_DIAG_CSV_ENCODING, "invalid-utf8-unnamed", f->line, f->col, NULL,
                    SNPLP_ARGS(SNPLP_ARG(INTEGER, "field", fieldno.s),
                               SNPLP_ARG(INTEGER, "byte", byte.s)));
            f->bad = true;
            return;
        }
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
            char u[16];
            snprintf(u, sizeof u, "U+%04X", (unsigned)c);
            if (column)
                err(x, SNPLP_DIAG_CSV_ENCODING, "character", f->line, f->col, NULL,
                    SNPLP_ARGS(SNPLP_ARG(ID, "column", column), SNPLP_ARG(TEXT, "character", u),
                               SNPLP_ARG(INTEGER, "byte", byte.s)));
            else
                err(x, SNPLP_DIAG_CSV_ENCODING, "character-unnamed", f->line, f->col, NULL,
                    SNPLP_ARGS(SNPLP_ARG(INTEGER, "field", fieldno.s),
                               SNPLP_ARG(TEXT, "character", u),
                               SNPLP_ARG(INTEGER, "byte", byte.s)));
            f->bad = true;
            return;
        }
    }
}

/* Text of a checked field for a message: at most 40 characters, line breaks and tabs as
 * spaces, "..." when cut (size: at least 4). */
static const char *show(char *buf, size_t size, const field *f)
{
    const uint8_t *s = (const uint8_t *)f->b.p;
    int32_t len = (int32_t)f->b.n, k = 0;
    size_t o = 0;
    for (int chars = 0; k < len && chars < 40; chars++) {
        int32_t at = k;
        UChar32 c;
        U8_NEXT(s, k, len, c);
        size_t n = (size_t)(k - at);
        if (o + n + 4 > size) {
            k = at;
            break;
        }
        if (c < 0x20) {
            buf[o++] = ' ';
        } else {
            memcpy(buf + o, s + at, n);
            o += n;
        }
    }
    if (k < len) {
        memcpy(buf + o, "...", 3);
        o += 3;
    }
    buf[o] = '\0';
    return buf;
}

static bool field_is(const field *f, const char *text)
{
    return f->b.n == strlen(text) && !memcmp(f->b.p, text, f->b.n);
}

/* The column named by the n bytes at s, -1 if none. */
static int column_of(const struct layout *lay, const char *s, size_t n)
{
    for (int k = 0; k < lay->n; k++)
        if (strlen(lay->names[k]) == n && !memcmp(lay->names[k], s, n))
            return k;
    return -1;
}

/* Whether the first n bytes of s, split at sep, are column names (a header in the other
 * dialect read as one field). */
static bool names_columns(const struct layout *lay, const char *s, size_t n, char sep)
{
    const char *end = s + n;
    bool split = false;
    while (s <= end) {
        const char *e = memchr(s, sep, (size_t)(end - s));
        if (!e)
            e = end;
        else
            split = true;
        if (column_of(lay, s, (size_t)(e - s)) < 0)
            return false;
        s = e + 1;
    }
    return split;
}

static void check_header(importer *x)
{
    const struct layout *lay = x->lay;
    x->header = true;
    x->ncols = x->nfields;
    for (int k = 0; k < MAXCOLS; k++)
        x->pos[k] = -1;
    for (size_t i = 0; i < KEEP; i++)
        x->map[i] = -1;
    const dialect_info *o = snplp__csv_other_dialect(x->d);
    if (x->nfields == 1 && !x->f[0].bad && names_columns(lay, x->f[0].b.p, x->f[0].b.n, o->sep)) {
        const char sep[2] = {o->sep, '\0'};
        err(x, SNPLP_DIAG_CSV_HEADER, "other-dialect", x->f[0].line, x->f[0].col, NULL,
            SNPLP_ARGS(SNPLP_ARG(TEXT, "separator", sep), SNPLP_ARG(ID, "dialect", o->name),
                       SNPLP_ARG(ID, "expected", x->d->name)));
        x->stop = true;
        return;
    }
    size_t known = 0;
    for (size_t i = 0; i < x->nfields && i < KEEP; i++)
        if (!x->f[i].bad && column_of(lay, x->f[i].b.p, x->f[i].b.n) >= 0)
            known++;
    if (known == 0) {
        err(x, SNPLP_DIAG_CSV_HEADER, "no-column", x->f[0].line, x->f[0].col, NULL,
            SNPLP_ARGS(SNPLP_ARG(CHOICE, "file", lay->what)));
        x->stop = true;
        return;
    }
    char q[200];
    snplp_numtext n, max;
    for (size_t i = 0; i < x->nfields && i < KEEP; i++) {
        field *f = &x->f[i];
        if (f->bad)
            continue;
        int k = column_of(lay, f->b.p, f->b.n);
        if (k < 0 && f->b.n == 0) {
            err(x, SNPLP_DIAG_CSV_HEADER, "empty-name", f->line, f->col, NULL,
                SNPLP_ARGS(SNPLP_ARG(INTEGER, "field", snplp__zu(&n, i + 1)),
                           SNPLP_ARG(CHOICE, "file", lay->what)));
        } else if (k < 0) {
            err(x, SNPLP_DIAG_CSV_HEADER, "unknown-column", f->line, f->col, NULL,
                SNPLP_ARGS(SNPLP_ARG(TEXT, "value", show(q, sizeof q, f)),
                           SNPLP_ARG(CHOICE, "file", lay->what)));
        } else if (x->pos[k] >= 0) {
            err(x, SNPLP_DIAG_CSV_HEADER, "twice", f->line, f->col, NULL,
                SNPLP_ARGS(
                    SNPLP_ARG(ID, "column", lay->names[k]),
                    SNPLP_ARG(INTEGER, "first_field", snplp__zu(&n, (size_t)x->pos[k] + 1))));
        } else {
            x->pos[k] = (int)i;
            x->map[i] = k;
        }
    }
    if (x->nfields > KEEP)
        err(x, SNPLP_DIAG_CSV_HEADER, "too-many-columns", x->extra_line, x->extra_col, NULL,
            SNPLP_ARGS(SNPLP_ARG(INTEGER, "fields", snplp__zu(&n, x->nfields)),
                       SNPLP_ARG(CHOICE, "file", lay->what),
                       SNPLP_ARG(INTEGER, "max", snplp__zu(&max, (size_t)lay->n))));
    bool named_bad = false; /* a field that could not be read may have named a column */
    for (size_t i = 0; i < x->nfields && i < KEEP; i++)
        named_bad |= x->f[i].bad;
    x->complete = true;
    for (int k = 0; k < lay->required; k++) {
        if (x->pos[k] >= 0)
            continue;
        x->complete = false;
        if (!named_bad)
            err(x, SNPLP_DIAG_CSV_HEADER, "missing-column", x->end_line, x->end_col, NULL,
                SNPLP_ARGS(SNPLP_ARG(ID, "column", lay->names[k]),
                           SNPLP_ARG(CHOICE, "file", lay->what)));
    }
}

/* The field of column k of the row, NULL when the header has no such column. */
static field *col(importer *x, int k)
{
    return x->pos[k] >= 0 ? &x->f[x->pos[k]] : NULL;
}

/* A required field: false (reported) when it is absent, bad or empty. */
static bool required(importer *x, int k, const char *item)
{
    field *f = col(x, k);
    if (!f || f->bad)
        return false;
    if (f->b.n == 0) {
        err(x, SNPLP_DIAG_MISSING_VALUE, "empty", f->line, f->col, item,
            SNPLP_ARGS(SNPLP_ARG(ID, "column", x->lay->names[k]),
                       SNPLP_ARG(CHOICE, "file", x->lay->what)));
        return false;
    }
    return true;
}

/* A required id: false (reported) when it is absent, empty or malformed. */
static bool id_field(importer *x, int k, const char *item)
{
    if (!required(x, k, item))
        return false;
    field *f = col(x, k);
    if (!snplp__id_ok(f->b.p, f->b.n)) {
        char q[200];
        snplp_numtext max;
        err(x, SNPLP_DIAG_BAD_ID, "field", f->line, f->col, item,
            SNPLP_ARGS(SNPLP_ARG(ID, "column", x->lay->names[k]),
                       SNPLP_ARG(TEXT, "value", show(q, sizeof q, f)),
                       SNPLP_ARG(INTEGER, "max", snplp__zu(&max, SNPLP_ID_MAX))));
        return false;
    }
    return true;
}

/* An ISO date of column k: false (reported) when it is not one; *given false for an empty
 * field. */
static bool date_field(importer *x, int k, const char *item, snplp_date *out, bool *given)
{
    field *f = col(x, k);
    *given = false;
    if (!f || f->bad || f->b.n == 0)
        return !f || !f->bad;
    *given = true;
    if (f->b.n == 10 && snplp_date_parse(out, f->b.p) == SNPLP_OK)
        return true;
    char q[200];
    err(x, SNPLP_DIAG_BAD_DATE, "date", f->line, f->col, item,
        SNPLP_ARGS(SNPLP_ARG(ID, "column", x->lay->names[k]),
                   SNPLP_ARG(TEXT, "value", show(q, sizeof q, f))));
    return false;
}

/* ---- the tables ---- */

static uint64_t hash_text(const char *s, uint64_t h)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211u;
    }
    h ^= h >> 29;
    h *= UINT64_C(0xbf58476d1ce4e5b9);
    return h ^ (h >> 32);
}

static uint64_t hash_ptrs(const void *a, const void *b)
{
    uint64_t h = (uint64_t)(uintptr_t)a * 0x9E3779B97F4A7C15u;
    h ^= (uint64_t)(uintptr_t)b * 0xC2B2AE3D27D4EB4Fu;
    return h ^ (h >> 31);
}

/* The slot of key (h, a, b) in t: the one holding it, or the free one where it goes. Keys are
 * compared as strings when strings is set, else as pointers. Room must have been made. */
static slot *table_find(table *t, uint64_t h, const void *a, const void *b, bool strings)
{
    size_t mask = t->cap - 1;
    for (size_t k = (size_t)h & mask;; k = (k + 1) & mask) {
        slot *s = &t->v[k];
        if (!s->a)
            return s;
        if (s->h != h)
            continue;
        if (strings ? !strcmp(s->a, a) && (!b || !strcmp(s->b, b)) : s->a == a && s->b == b)
            return s;
    }
}

/* Makes room for one more key; false when memory runs out. */
static bool table_room(table *t)
{
    if ((t->n + 1) * 2 <= t->cap)
        return true;
    size_t cap = t->cap ? t->cap * 2 : 64;
    slot *v = snplp__calloc(cap, sizeof *v);
    if (!v)
        return false;
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->v[i].a)
            continue;
        size_t k = (size_t)t->v[i].h & (cap - 1);
        while (v[k].a)
            k = (k + 1) & (cap - 1);
        v[k] = t->v[i];
    }
    snplp__free(t->v);
    t->v = v;
    t->cap = cap;
    return true;
}

/* The line of an earlier row with that key (0 if none: this one is recorded, a string key as a
 * copy); SIZE_MAX when memory runs out. */
static size_t seen_before(importer *x, uint64_t h, const void *a, const void *b, bool strings,
                          size_t line)
{
    if (!table_room(&x->seen))
        return SIZE_MAX;
    slot *s = table_find(&x->seen, h, a, b, strings);
    if (s->a)
        return s->value;
    if (strings && !(a = snplp__strdup(a)))
        return SIZE_MAX;
    *s = (slot){h, a, b, line};
    x->seen.n++;
    return 0;
}

/* Indexes the records' attendance by worker and session ids (value: index + 1, 0 for a pair
 * held twice or more); false when memory runs out. */
static bool build_existing(importer *x)
{
    size_t n;
    snplp_attendance *const *v = snplp__records_attendances(x->records, &n);
    for (size_t i = 0; i < n; i++) {
        if (!table_room(&x->existing))
            return false;
        uint64_t h = hash_text(v[i]->session_id, hash_text(v[i]->worker_id, 14695981039346656037u));
        slot *s = table_find(&x->existing, h, v[i]->worker_id, v[i]->session_id, true);
        if (s->a) {
            s->value = 0;
        } else {
            *s = (slot){h, v[i]->worker_id, v[i]->session_id, i + 1};
            x->existing.n++;
        }
    }
    x->existing_built = true;
    return true;
}

static bool push_change(importer *x, const void *ch)
{
    if (x->nchanges == x->capchanges) {
        size_t cap = x->capchanges ? x->capchanges * 2 : 16;
        if (x->kind == WORKERS) {
            wchange *v = snplp__realloc(x->w, cap * sizeof *v);
            if (!v)
                return false;
            x->w = v;
        } else {
            achange *v = snplp__realloc(x->a, cap * sizeof *v);
            if (!v)
                return false;
            x->a = v;
        }
        x->capchanges = cap;
    }
    if (x->kind == WORKERS)
        x->w[x->nchanges++] = *(const wchange *)ch;
    else
        x->a[x->nchanges++] = *(const achange *)ch;
    return true;
}

static void wchange_dispose(wchange *c)
{
    snplp__free(c->id);
    snplp__free(c->profession);
    snplp__free(c->employer);
    snplp__free(c->territory);
    snplp__free(c->unit);
    c->id = c->profession = c->employer = c->territory = c->unit = NULL;
}

/* ---- checks of rows ---- */

/* Whether the row has as many fields as the header (reported when not). */
static bool check_field_count(importer *x)
{
    if (x->nfields == x->ncols)
        return true;
    bool more = x->nfields > x->ncols;
    size_t line = x->end_line, c = x->end_col;
    if (more) {
        const field *f = x->ncols < KEEP ? &x->f[x->ncols] : NULL;
        line = f ? f->line : x->extra_line;
        c = f ? f->col : x->extra_col;
    }
    snplp_numtext n, header;
    err(x, SNPLP_DIAG_CSV_FIELD_COUNT, more ? "more-than-header" : "fewer-than-header", line, c,
        NULL,
        SNPLP_ARGS(SNPLP_ARG(INTEGER, "fields", snplp__zu(&n, x->nfields)),
                   SNPLP_ARG(INTEGER, "header_fields", snplp__zu(&header, x->ncols))));
    return false;
}

static char *copy_field(const field *f)
{
    return snplp__strndup(f->b.p, f->b.n);
}

static void check_worker(importer *x)
{
    size_t errors = x->errors;
    char q[200];
    field *fid = col(x, W_ID);
    const char *item = NULL;
    snplp_worker *old = NULL;
    if (id_field(x, W_ID, NULL)) {
        item = fid->b.p;
        snplp_record_head *h = snplp__records_get(x->records, item);
        snplp_record_kind k = h ? snplp__record_head_kind(h) : SNPLP_RECORD_NONE;
        if (k == SNPLP_RECORD_WORKER)
            old = (snplp_worker *)h;
        else if (k != SNPLP_RECORD_NONE)
            err(x, SNPLP_DIAG_ID_TAKEN, "other-kind", fid->line, fid->col, item,
                SNPLP_ARGS(SNPLP_ARG(ID, "id", item), SNPLP_ARG(CHOICE, "kind", kind_choice(k))));
        size_t first =
            seen_before(x, hash_text(item, 14695981039346656037u), item, NULL, true, fid->line);
        if (first == SIZE_MAX) {
            fatal(x, SNPLP_ENOMEM);
            return;
        }
        snplp_numtext line;
        if (first)
            err(x, SNPLP_DIAG_DUPLICATE_ROW, "worker", fid->line, fid->col, item,
                SNPLP_ARGS(SNPLP_ARG(ID, "worker", item),
                           SNPLP_ARG(INTEGER, "first_line", snplp__zu(&line, first))));
    }
    if (id_field(x, W_PROFESSION, item)) {
        field *f = col(x, W_PROFESSION);
        snplp_record_head *h = snplp__records_get(x->records, f->b.p);
        snplp_record_kind k = h ? snplp__record_head_kind(h) : SNPLP_RECORD_NONE;
        if (k != SNPLP_RECORD_NONE && k != SNPLP_RECORD_PROFESSION)
            err(x, SNPLP_DIAG_UNKNOWN_RECORD, "not-profession", f->line, f->col, item,
                SNPLP_ARGS(SNPLP_ARG(ID, "profession", f->b.p),
                           SNPLP_ARG(CHOICE, "kind", kind_choice(k))));
    }
    if (id_field(x, W_EMPLOYER, item)) {
        field *f = col(x, W_EMPLOYER);
        snplp_record_head *h = snplp__records_get(x->records, f->b.p);
        snplp_record_kind k = h ? snplp__record_head_kind(h) : SNPLP_RECORD_NONE;
        if (k == SNPLP_RECORD_NONE)
            err(x, SNPLP_DIAG_UNKNOWN_RECORD, "no-employer", f->line, f->col, item,
                SNPLP_ARGS(SNPLP_ARG(ID, "employer", f->b.p)));
        else if (k != SNPLP_RECORD_EMPLOYER)
            err(x, SNPLP_DIAG_UNKNOWN_RECORD, "not-employer", f->line, f->col, item,
                SNPLP_ARGS(SNPLP_ARG(ID, "employer", f->b.p),
                           SNPLP_ARG(CHOICE, "kind", kind_choice(k))));
    }
    if (required(x, W_TERRITORY, item)) {
        field *f = col(x, W_TERRITORY);
        if (!snplp__territory_code_shape_ok(f->b.p))
            err(x, SNPLP_DIAG_BAD_TERRITORY, "code", f->line, f->col, item,
                SNPLP_ARGS(SNPLP_ARG(TEXT, "value", show(q, sizeof q, f))));
    }
    wchange ch = {.old = old};
    bool given = false, from_ok = false;
    if (required(x, W_FROM, item))
        from_ok = date_field(x, W_FROM, item, &ch.from, &given);
    bool until_ok = date_field(x, W_UNTIL, item, &ch.until, &ch.has_until);
    field *fl = col(x, W_LEVEL);
    if (fl && !fl->bad && fl->b.n) {
        if (fl->b.n == 1 && fl->b.p[0] >= '1' && fl->b.p[0] <= '8') {
            ch.has_level = true;
            ch.level = fl->b.p[0] - '0';
        } else {
            err(x, SNPLP_DIAG_BAD_DIPLOMA_LEVEL, "level", fl->line, fl->col, item,
                SNPLP_ARGS(SNPLP_ARG(TEXT, "value", show(q, sizeof q, fl)),
                           SNPLP_ARG(INTEGER, "min", "1"), SNPLP_ARG(INTEGER, "max", "8")));
        }
    }
    field *fu = col(x, W_UNIT);
    if (fu && !fu->bad && fu->b.n) {
        if (snplp__text_is_blank(fu->b.p)) {
            err(x, SNPLP_DIAG_MISSING_VALUE, "blank-unit", fu->line, fu->col, item, SNPLP_NO_ARGS);
        } else if (x->errors == errors) {
            int rc = snplp__text_copy(&ch.unit, fu->b.p, NULL, SNPLP_TEXT_UNCHECKED, NULL, NULL);
            if (rc == SNPLP_ENOMEM) {
                fatal(x, rc);
                return;
            }
            if (rc) {
                char reason[512];
                snprintf(reason, sizeof reason, "%s", snplp_error_last_reason());
                err(x, SNPLP_DIAG_CSV_ENCODING, "text", fu->line, fu->col, item,
                    SNPLP_ARGS(SNPLP_ARG(ID, "column", "unit"), SNPLP_ARG(TEXT, "reason", reason)));
            }
        }
    }
    /* the last day against the first, with the values the worker will have */
    if (from_ok && given && until_ok) {
        snplp_date until = ch.until;
        bool has = ch.has_until;
        if (!has && old && old->has_until) {
            has = true;
            until = old->until;
        }
        if (has && snplp_date_compare(until, ch.from) < 0) {
            field *f = ch.has_until ? col(x, W_UNTIL) : col(x, W_FROM);
            char a[SNPLP_DATE_TEXT_SIZE], b[SNPLP_DATE_TEXT_SIZE];
            snplp_date_format(a, sizeof a, until);
            snplp_date_format(b, sizeof b, ch.from);
            err(x, SNPLP_DIAG_UNTIL_BEFORE_FROM, ch.has_until ? "row" : "kept-until", f->line,
                f->col, item, SNPLP_ARGS(SNPLP_ARG(DATE, "until", a), SNPLP_ARG(DATE, "from", b)));
        }
    }
    if (x->errors != errors || x->stop || !x->complete) {
        wchange_dispose(&ch);
        return;
    }
    if (!(ch.id = copy_field(fid)) || !(ch.profession = copy_field(col(x, W_PROFESSION))) ||
        !(ch.employer = copy_field(col(x, W_EMPLOYER))) ||
        !(ch.territory = copy_field(col(x, W_TERRITORY))) || !push_change(x, &ch)) {
        wchange_dispose(&ch);
        fatal(x, SNPLP_ENOMEM);
    }
}

static void check_attendance(importer *x)
{
    size_t errors = x->errors;
    char q[200];
    achange ch = {0};
    const char *item = NULL;
    if (id_field(x, A_WORKER, NULL)) {
        field *f = col(x, A_WORKER);
        item = f->b.p;
        snplp_record_head *h = snplp__records_get(x->records, f->b.p);
        snplp_record_kind k = h ? snplp__record_head_kind(h) : SNPLP_RECORD_NONE;
        if (k == SNPLP_RECORD_WORKER)
            ch.worker = (snplp_worker *)h;
        else if (k == SNPLP_RECORD_NONE)
            err(x, SNPLP_DIAG_UNKNOWN_RECORD, "no-worker", f->line, f->col, item,
                SNPLP_ARGS(SNPLP_ARG(ID, "worker", f->b.p)));
        else
            err(x, SNPLP_DIAG_UNKNOWN_RECORD, "not-worker", f->line, f->col, item,
                SNPLP_ARGS(SNPLP_ARG(ID, "worker", f->b.p),
                           SNPLP_ARG(CHOICE, "kind", kind_choice(k))));
    }
    if (id_field(x, A_SESSION, item)) {
        field *f = col(x, A_SESSION);
        snplp_record_head *h = snplp__records_get(x->records, f->b.p);
        snplp_record_kind k = h ? snplp__record_head_kind(h) : SNPLP_RECORD_NONE;
        if (k == SNPLP_RECORD_SESSION)
            ch.session = (snplp_session *)h;
        else if (k == SNPLP_RECORD_NONE)
            err(x, SNPLP_DIAG_UNKNOWN_RECORD, "no-session", f->line, f->col, item,
                SNPLP_ARGS(SNPLP_ARG(ID, "session", f->b.p)));
        else
            err(x, SNPLP_DIAG_UNKNOWN_RECORD, "not-session", f->line, f->col, item,
                SNPLP_ARGS(SNPLP_ARG(ID, "session", f->b.p),
                           SNPLP_ARG(CHOICE, "kind", kind_choice(k))));
    }
    if (required(x, A_STATUS, item)) {
        field *f = col(x, A_STATUS);
        for (int s = SNPLP_ATTENDANCE_REGISTERED; s <= SNPLP_ATTENDANCE_CANCELLED; s++)
            if (field_is(f, snplp_attendance_status_name((snplp_attendance_status)s)))
                ch.status = (snplp_attendance_status)s;
        if (!ch.status)
            err(x, SNPLP_DIAG_BAD_STATUS, "status", f->line, f->col, item,
                SNPLP_ARGS(SNPLP_ARG(TEXT, "value", show(q, sizeof q, f))));
    }
    field *fd = col(x, A_DAYS);
    if (fd && !fd->bad && fd->b.n) {
        number_why why;
        int rc = snplp__csv_number_parse(&x->num, x->d, fd->b.p, fd->b.n, &ch.days, &why);
        if (rc < 0) {
            fatal(x, rc);
            return;
        }
        if (rc) {
            snplp_msg_arg args[6] = {{"column", SNPLP_PARAM_ID, "days"},
                                     {"value", SNPLP_PARAM_TEXT, show(q, sizeof q, fd)},
                                     {"dialect", SNPLP_PARAM_ID, x->d->name}};
            memcpy(args + 3, why.args, why.nargs * sizeof *args);
            err(x, SNPLP_DIAG_BAD_NUMBER, why.variant, fd->line, fd->col, item, args,
                3 + why.nargs);
        } else if (ch.days.units < 0) {
            err(x, SNPLP_DIAG_BAD_DAYS, "negative", fd->line, fd->col, item,
                SNPLP_ARGS(SNPLP_ARG(TEXT, "value", show(q, sizeof q, fd))));
        } else
            ch.has_days = true;
    }
    if (ch.worker && ch.session) {
        field *f = col(x, A_WORKER);
        const char *wid = snplp_worker_id(ch.worker), *sid = snplp_session_id(ch.session);
        size_t first =
            seen_before(x, hash_ptrs(ch.worker, ch.session), ch.worker, ch.session, false, f->line);
        if (first == SIZE_MAX || (!x->existing_built && !build_existing(x))) {
            fatal(x, SNPLP_ENOMEM);
            return;
        }
        snplp_numtext line;
        if (first)
            err(x, SNPLP_DIAG_DUPLICATE_ROW, "attendance", f->line, f->col, item,
                SNPLP_ARGS(SNPLP_ARG(ID, "worker", wid), SNPLP_ARG(ID, "session", sid),
                           SNPLP_ARG(INTEGER, "first_line", snplp__zu(&line, first))));
        if (x->existing.cap) {
            uint64_t h = hash_text(sid, hash_text(wid, 14695981039346656037u));
            slot *s = table_find(&x->existing, h, wid, sid, true);
            if (s->a && s->value == 0)
                err(x, SNPLP_DIAG_AMBIGUOUS_UPDATE, "attendance", f->line, f->col, item,
                    SNPLP_ARGS(SNPLP_ARG(ID, "worker", wid), SNPLP_ARG(ID, "session", sid)));
            else if (s->a)
                ch.old = snplp__records_attendances(x->records, &(size_t){0})[s->value - 1];
        }
    }
    if (x->errors != errors || x->stop || !x->complete)
        return;
    if (!push_change(x, &ch))
        fatal(x, SNPLP_ENOMEM);
}

static void check_row(importer *x)
{
    if (!check_field_count(x))
        return;
    if (x->kind == WORKERS)
        check_worker(x);
    else
        check_attendance(x);
}

/* ---- applying ---- */

/* Room for more pointers in a list, in a new array kept aside until the commit; false when
 * memory runs out. */
typedef struct room {
    void **v;
    uint32_t cap;
} room;

static bool list_room(const snplp_list *l, size_t more, room *r)
{
    r->v = NULL;
    r->cap = l->cap;
    if ((size_t)l->n + more <= l->cap)
        return true;
    if ((size_t)l->n + more > UINT32_MAX)
        return false;
    size_t cap = l->cap ? l->cap : 4;
    while (cap < (size_t)l->n + more)
        cap = cap > UINT32_MAX / 2 ? UINT32_MAX : cap * 2;
    r->v = snplp__malloc(cap * sizeof *r->v);
    if (!r->v)
        return false;
    if (l->n)
        memcpy(r->v, l->v, (size_t)l->n * sizeof *r->v);
    r->cap = (uint32_t)cap;
    return true;
}

static void list_commit(snplp_list *l, room *r)
{
    if (!r->v)
        return;
    snplp__free(l->v);
    l->v = r->v;
    l->cap = r->cap;
    r->v = NULL;
}

/* Room in the records' id map for more ids: a new map (every id placed again) when the load
 * would pass 3/4; false when memory runs out. */
static bool idmap_room(const snplp_idmap *m, size_t more, snplp_idmap *out)
{
    *out = (snplp_idmap){0};
    if ((m->n + more) * 4 <= m->cap * 3)
        return true;
    size_t cap = m->cap ? m->cap : 64;
    while ((m->n + more) * 4 > cap * 3) {
        if (cap > SIZE_MAX / 2 / sizeof(snplp_idmap_slot))
            return false;
        cap *= 2;
    }
    out->slots = snplp__calloc(cap, sizeof *out->slots);
    if (!out->slots)
        return false;
    out->cap = cap;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].obj)
            snplp__idmap_put_keyed(out, m->slots[i].obj, SNPLP_RECORD_KEY);
    return true;
}

/* Builds the worker of change c in the scratch records, with the values it will have. */
static int make_worker(snplp_records *scratch, wchange *c)
{
    static const char fn[] = "snplp_csv_import_workers";
    const snplp_worker *o = c->old;
    snplp_worker *w = NULL;
    int rc = snplp__records_add_worker(&w, scratch, c->id, c->profession, c->employer, c->territory,
                                       c->from, false, fn);
    if (rc)
        return rc;
    c->made = w;
    const char *unit = c->unit ? c->unit : o ? o->unit : NULL;
    if (unit && (rc = snplp__worker_set_unit(w, unit, SNPLP_TEXT_CHECKED, fn)) != 0)
        return rc;
    bool has_level = c->has_level || (o && o->has_level);
    if (has_level && (rc = snplp_worker_set_diploma_level(w, c->has_level ? c->level : o->level)))
        return rc;
    bool has_until = c->has_until || (o && o->has_until);
    if (has_until && (rc = snplp_worker_set_until(w, c->has_until ? c->until : o->until)))
        return rc;
    return 0;
}

/* Swaps the values of two workers, their heads (magic, records, id, extensions) excepted. */
static void swap_values(snplp_worker *a, snplp_worker *b)
{
    snplp_worker t = *a;
    const size_t off = sizeof(snplp_record_head);
    memcpy((char *)a + off, (char *)b + off, sizeof *a - off);
    memcpy((char *)b + off, (char *)&t + off, sizeof *a - off);
}

static int apply(importer *x)
{
    if (x->nchanges == 0)
        return 0;
    snplp_records *r = x->records, *scratch = NULL;
    int rc = snplp_records_new(&scratch);
    if (rc)
        return rc;
    size_t nnew = 0;
    for (size_t i = 0; i < x->nchanges && !rc; i++) {
        if (x->kind == WORKERS) {
            nnew += x->w[i].old == NULL;
            rc = make_worker(scratch, &x->w[i]);
        } else if (!x->a[i].old) {
            nnew++;
            achange *c = &x->a[i];
            rc = snplp__records_add_attendance(&c->made, scratch, snplp_worker_id(c->worker),
                                               snplp_session_id(c->session), c->status, false,
                                               "snplp_csv_import_attendance");
            if (!rc && c->has_days)
                rc = snplp_attendance_set_days(c->made, c->days);
        }
    }
    /* the strings of what was made go to the records' own (the scratch records' go with them) */
    snplp__rec_begin(r);
    for (size_t i = 0; i < x->nchanges && !rc; i++) {
        if (x->kind == WORKERS)
            rc = snplp__worker_rehome(x->w[i].made, r);
        else if (!x->a[i].old)
            rc = snplp__attendance_rehome(x->a[i].made, r);
    }
    room lr = {0};
    snplp_idmap ids = {0};
    snplp_list *list = x->kind == WORKERS ? &r->workers : &r->attendance;
    if (!rc && !list_room(list, nnew, &lr))
        rc = snplp__oom();
    if (!rc && x->kind == WORKERS && !idmap_room(&r->ids, nnew, &ids)) {
        snplp__free(lr.v);
        rc = snplp__oom();
    }
    if (rc) {
        char why[512];
        snprintf(why, sizeof why, "%s", snplp_error_last_message());
        snplp__rec_end(r, rc);
        snplp_records_unref(scratch);
        return rc == SNPLP_ENOMEM
                   ? rc
                   : snplp__fail(SNPLP_EINTERNAL, "the records refused a checked row: %s", why);
    }
    /* nothing below fails */
    snplp__rec_end(r, SNPLP_OK);
    list_commit(list, &lr);
    if (ids.slots) {
        snplp__idmap_dispose(&r->ids);
        r->ids = ids;
    }
    for (size_t i = 0; i < x->nchanges; i++) {
        if (x->kind == WORKERS) {
            wchange *c = &x->w[i];
            if (c->old) {
                swap_values(c->old, c->made); /* the old values go with the scratch records */
            } else {
                c->made->head.records = r;
                snplp__list_push(&r->workers, c->made);
                snplp__idmap_put_keyed(&r->ids, c->made, SNPLP_RECORD_KEY);
            }
        } else {
            achange *c = &x->a[i];
            if (c->old) {
                c->old->status = (uint8_t)c->status;
                if (c->has_days) {
                    c->old->has_days = true;
                    snplp__attendance_put_days(c->old, c->days);
                }
            } else {
                c->made->owner = r; /* (no extensions from CSV) */
                snplp__list_push(&r->attendance, c->made);
            }
        }
    }
    /* the scratch records keep the workers that gave their values, and nothing else */
    if (x->kind == WORKERS) {
        uint32_t k = 0;
        for (size_t i = 0; i < x->nchanges; i++)
            if (x->w[i].old)
                scratch->workers.v[k++] = x->w[i].made;
        scratch->workers.n = k;
    } else {
        scratch->attendance.n = 0;
        snplp__attendance_blocks_move(r, scratch); /* where the attendance made is */
    }
    snplp_records_unref(scratch);
    return 0;
}

/* ---- the pass ---- */

static int import(importer *x)
{
    x->line = x->col = 1;
    if (!x->name)
        x->name = "input";
    skip_bom(x);
    while (!x->stop && read_record(x)) {
        if (++x->rows > SNPLP_CSV_MAX_ROWS) {
            snplp_numtext max;
            err(x, SNPLP_DIAG_CSV_TOO_MANY_ROWS, "rows", x->f[0].line, x->f[0].col, NULL,
                SNPLP_ARGS(SNPLP_ARG(INTEGER, "max", snplp__zu(&max, SNPLP_CSV_MAX_ROWS))));
            x->stop = true;
            break;
        }
        bool failed = false;
        for (size_t i = 0; i < KEEP; i++)
            failed |= x->f[i].b.failed;
        if (failed) {
            fatal(x, SNPLP_ENOMEM);
            break;
        }
        if (x->all_empty)
            continue;
        for (size_t i = 0; i < KEEP && i < x->nfields; i++)
            if (!x->f[i].bad)
                check_encoding(x, i);
        if (!x->header)
            check_header(x);
        else
            check_row(x);
    }
    if (!x->stop && !x->header)
        err(x, SNPLP_DIAG_CSV_HEADER, "empty-columns", x->line, x->col, NULL,
            SNPLP_ARGS(SNPLP_ARG(CHOICE, "file", x->lay->what)));

    int rc = x->status;
    if (rc == SNPLP_OK && x->errors)
        rc = SNPLP_EPARSE;
    if (rc == SNPLP_OK)
        rc = apply(x);

    snplp__csv_numfmt_close(&x->num);
    for (int i = 0; i < KEEP; i++)
        snplp__buf_free(&x->f[i].b);
    for (size_t i = 0; x->w && i < x->nchanges; i++)
        wchange_dispose(&x->w[i]);
    snplp__free(x->w);
    snplp__free(x->a);
    for (size_t i = 0; x->kind == WORKERS && i < x->seen.cap; i++)
        snplp__free((void *)x->seen.v[i].a);
    snplp__free(x->seen.v);
    snplp__free(x->existing.v);
    snplp__source_close(&x->in.src);

    switch (rc) {
    case SNPLP_OK:
    case SNPLP_EINTERNAL: /* recorded where it happened */
        return rc;
    case SNPLP_ENOMEM:
        return snplp__oom();
    case SNPLP_EIO:
        return snplp__fail(SNPLP_EIO, "%s", x->io);
    default:
        return snplp__fail(SNPLP_EPARSE, "%s", x->first);
    }
}

/* The checks every entry point makes: 0, or the error recorded. */
static int start(importer *x, snplp_records *records, snplp_diagnostics *diags, rkind kind,
                 const char *name, snplp_csv_dialect dialect, bool input_ok, const char *fn)
{
    *x = (importer){.records = records,
                    .diags = diags,
                    .d = snplp__csv_dialect_of(dialect),
                    .lay = &layouts[kind],
                    .kind = kind,
                    .name = name};
    if (!snplp__records_of(records) || !input_ok || !x->d)
        return snplp__bad_arg(fn, "NULL records or input, or unknown dialect");
    return snplp__records_check_unfrozen(records, fn);
}

static int import_memory(snplp_records *records, snplp_diagnostics *diags, const void *data,
                         size_t size, const char *name, snplp_csv_dialect dialect, rkind kind,
                         const char *fn)
{
    importer x;
    int rc = start(&x, records, diags, kind, name, dialect, data || !size, fn);
    if (rc)
        return rc;
    snplp__source_memory(&x.in.src, data, size);
    return import(&x);
}

static int import_callback(snplp_records *records, snplp_diagnostics *diags, snplp_read_fn read,
                           void *user, const char *name, snplp_csv_dialect dialect, rkind kind,
                           const char *fn)
{
    importer x;
    int rc = start(&x, records, diags, kind, name, dialect, read != NULL, fn);
    if (rc)
        return rc;
    snplp__source_callback(&x.in.src, read, user);
    return import(&x);
}

static int import_file(snplp_records *records, snplp_diagnostics *diags, const char *path,
                       snplp_csv_dialect dialect, rkind kind, const char *fn)
{
    importer x;
    int rc = start(&x, records, diags, kind, path, dialect, path != NULL, fn);
    if (rc)
        return rc;
    rc = snplp__source_open(&x.in.src, path, diags, SNPLP_DIAG_CSV_IO, fn);
    if (rc != SNPLP_OK)
        return rc;
    return import(&x);
}

int snplp_csv_import_workers_memory(snplp_records *records, snplp_diagnostics *diags,
                                    const void *data, size_t size, const char *name,
                                    snplp_csv_dialect dialect)
{
    return import_memory(records, diags, data, size, name, dialect, WORKERS, __func__);
}

int snplp_csv_import_workers_file(snplp_records *records, snplp_diagnostics *diags,
                                  const char *path, snplp_csv_dialect dialect)
{
    return import_file(records, diags, path, dialect, WORKERS, __func__);
}

int snplp_csv_import_workers_callback(snplp_records *records, snplp_diagnostics *diags,
                                      snplp_read_fn read, void *user, const char *name,
                                      snplp_csv_dialect dialect)
{
    return import_callback(records, diags, read, user, name, dialect, WORKERS, __func__);
}

int snplp_csv_import_attendance_memory(snplp_records *records, snplp_diagnostics *diags,
                                       const void *data, size_t size, const char *name,
                                       snplp_csv_dialect dialect)
{
    return import_memory(records, diags, data, size, name, dialect, ATTENDANCE, __func__);
}

int snplp_csv_import_attendance_file(snplp_records *records, snplp_diagnostics *diags,
                                     const char *path, snplp_csv_dialect dialect)
{
    return import_file(records, diags, path, dialect, ATTENDANCE, __func__);
}

int snplp_csv_import_attendance_callback(snplp_records *records, snplp_diagnostics *diags,
                                         snplp_read_fn read, void *user, const char *name,
                                         snplp_csv_dialect dialect)
{
    return import_callback(records, diags, read, user, name, dialect, ATTENDANCE, __func__);
}
