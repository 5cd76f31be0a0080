/* Reading indicator values from CSV (csv.h, docs/csv.md): the input is read byte by byte through
 * io/source.h (memory, file, callback), records are split as RFC 4180 says, every row is
 * checked and every problem reported, collecting the changes the good rows make; only when no
 * row is bad are the changes applied, after the room they need has been allocated, so that
 * applying cannot fail halfway. */

#include <snplp/csv.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "exchange/csv/dialect.h"
#include "io/source.h"
#include "model/conventions/convention_model.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/diag.h"
#include "util/text.h"

/* ---- import: reading ---- */

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
    bool too_long;
} field;

/* A row checked and good: what it changes. */
typedef struct change {
    snplp_indicator *ind;
    int32_t year;
    bool has_target, has_actual;
    snplp_decimal target, actual;
    char *source, *comment; /* NFC copies, NULL when unchanged */
} change;

/* The rows seen, by indicator and year (open addressing), to find duplicates. */
typedef struct seen_row {
    const snplp_indicator *ind; /* NULL: a free slot */
    int32_t year;
    size_t line;
} seen_row;

typedef struct importer {
    snplp_convention_list *list;
    snplp_diagnostics *diags;
    const dialect_info *d;
    const char *name;
    input in;
    size_t line, col; /* of the next character */
    /* the record just read */
    field f[NFIELDS];
    size_t nfields;
    size_t extra_line, extra_col; /* where its ninth field starts */
    size_t extra_bytes;           /* the bytes of its fields past the eighth */
    size_t end_line, end_col;     /* where it ends */
    bool all_empty;
    /* state */
    numfmt num;
    snplp_convention *last_conv;
    size_t errors;
    int status; /* SNPLP_ENOMEM, SNPLP_EIO or SNPLP_EINTERNAL: the pass stopped */
    bool stop;
    char first[1300]; /* the first error, for the thread's last error message */
    char io[300];
    change *changes;
    size_t nchanges, capchanges;
    seen_row *seen;
    size_t nseen, capseen;
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
                const snplp_convention *c, const snplp_indicator *ind, int32_t year,
                const snplp_msg_arg *args, size_t nargs)
{
    if (x->stop)
        return;
    snplp_finding f = {.severity = SNPLP_SEVERITY_ERROR,
                       .code = code,
                       .variant = variant,
                       .line = line,
                       .column = col,
                       .convention_id = c ? c->id : NULL,
                       .item_id = ind ? ind->id : NULL,
                       .year = year,
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
            err(x, SNPLP_DIAG_CSV_IO, "read", x->line, x->col, NULL, NULL, 0, SNPLP_NO_ARGS);
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

/* A byte of field f (NULL: a field past the eighth). The limits act as the bytes come: a field
 * longer than SNPLP_CSV_MAX_FIELD, or fields past the eighth longer than that together, end
 * the pass at once, so that an input that never ends (a device, a pipe) is not read forever. */
static void append(importer *x, field *f, int c)
{
    x->all_empty = false;
    size_t n = f ? f->b.n : x->extra_bytes++;
    if (n >= SNPLP_CSV_MAX_FIELD) {
        snplp_numtext max;
        snplp__zu(&max, SNPLP_CSV_MAX_FIELD);
        if (f) {
            err(x, SNPLP_DIAG_CSV_FIELD_TOO_LONG, "field", f->line, f->col, NULL, NULL, 0,
                SNPLP_ARGS(SNPLP_ARG(ID, "column", snplp__csv_columns[x->nfields - 1]),
                           SNPLP_ARG(INTEGER, "max", max.s)));
            f->too_long = f->bad = true;
        } else {
            err(x, SNPLP_DIAG_CSV_FIELD_TOO_LONG, "past-eighth", x->extra_line, x->extra_col, NULL,
                NULL, 0, SNPLP_ARGS(SNPLP_ARG(INTEGER, "max", max.s)));
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
            err(x, SNPLP_DIAG_CSV_ENCODING, "utf16", 1, 1, NULL, NULL, 0, SNPLP_NO_ARGS);
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
        field *f = x->nfields < NFIELDS ? &x->f[x->nfields] : NULL;
        if (x->nfields == NFIELDS) {
            x->extra_line = line;
            x->extra_col = col;
        }
        if (f) {
            f->b.n = 0;
            f->line = line;
            f->col = col;
            f->bad = f->too_long = false;
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
                    err(x, SNPLP_DIAG_CSV_SYNTAX, "unclosed", line, col, NULL, NULL, 0,
                        SNPLP_NO_ARGS);
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
                err(x, SNPLP_DIAG_CSV_SYNTAX, "after-quote", line, col, NULL, NULL, 0,
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
                    err(x, SNPLP_DIAG_CSV_SYNTAX, "quote-in-unquoted", line, col, NULL, NULL, 0,
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
            if (!f) { /* separators past the eighth field count too (";;;;" never ending) */
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

/* ---- import: checks ---- */

/* Checks that a field is UTF-8 with only characters XML allows in text. */
static void check_encoding(importer *x, int i)
{
    field *f = &x->f[i];
    const uint8_t *s = (const uint8_t *)f->b.p;
    int32_t len = (int32_t)f->b.n;
    for (int32_t k = 0; k < len;) {
        int32_t at = k;
        UChar32 c;
        U8_NEXT(s, k, len, c);
        snplp_numtext byte;
        snplp__zu(&byte, (size_t)at + 1);
        if (c < 0) {
            err(x, SNPLP_DIAG_CSV_ENCODING, "invalid-utf8", f->line, f->col, NULL, NULL, 0,
                SNPLP_ARGS(SNPLP_ARG(ID, "column", snplp__csv_columns[i]),
                           SNPLP_ARG(INTEGER, "byte", byte.s)));
            f->bad = true;
            return;
        }
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
            char u[16];
            snprintf(u, sizeof u, "U+%04X", (unsigned)c);
            err(x, SNPLP_DIAG_CSV_ENCODING, "character", f->line, f->col, NULL, NULL, 0,
                SNPLP_ARGS(SNPLP_ARG(ID, "column", snplp__csv_columns[i]),
                           SNPLP_ARG(TEXT, "character", u), SNPLP_ARG(INTEGER, "byte", byte.s)));
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

static void check_header(importer *x)
{
    char header[128];
    snplp__csv_header_text(header, sizeof header, x->d);
    const dialect_info *o = snplp__csv_other_dialect(x->d);
    char other[128];
    snplp__csv_header_text(other, sizeof other, o);
    if (x->nfields == 1 && !x->f[0].bad && field_is(&x->f[0], other)) {
        const char sep[2] = {o->sep, '\0'};
        err(x, SNPLP_DIAG_CSV_HEADER, "other-dialect", x->f[0].line, x->f[0].col, NULL, NULL, 0,
            SNPLP_ARGS(SNPLP_ARG(TEXT, "separator", sep), SNPLP_ARG(ID, "dialect", o->name),
                       SNPLP_ARG(ID, "expected", x->d->name)));
        x->stop = true;
        return;
    }
    snplp_numtext n, expected, fieldno;
    snplp__zu(&expected, NFIELDS);
    for (size_t i = 0; i < NFIELDS; i++) {
        if (i >= x->nfields) {
            err(x, SNPLP_DIAG_CSV_HEADER, "field-count", x->end_line, x->end_col, NULL, NULL, 0,
                SNPLP_ARGS(SNPLP_ARG(INTEGER, "fields", snplp__zu(&n, x->nfields)),
                           SNPLP_ARG(INTEGER, "expected", expected.s),
                           SNPLP_ARG(TEXT, "header", header)));
            return;
        }
        field *f = &x->f[i];
        if (f->bad)
            return;
        if (!field_is(f, snplp__csv_columns[i])) {
            char q[200];
            err(x, SNPLP_DIAG_CSV_HEADER, "column", f->line, f->col, NULL, NULL, 0,
                SNPLP_ARGS(SNPLP_ARG(TEXT, "header", header),
                           SNPLP_ARG(INTEGER, "field", snplp__zu(&fieldno, i + 1)),
                           SNPLP_ARG(TEXT, "value", show(q, sizeof q, f)),
                           SNPLP_ARG(ID, "column", snplp__csv_columns[i])));
            return;
        }
    }
    if (x->nfields > NFIELDS)
        err(x, SNPLP_DIAG_CSV_HEADER, "field-count", x->extra_line, x->extra_col, NULL, NULL, 0,
            SNPLP_ARGS(SNPLP_ARG(INTEGER, "fields", snplp__zu(&n, x->nfields)),
                       SNPLP_ARG(INTEGER, "expected", expected.s),
                       SNPLP_ARG(TEXT, "header", header)));
}

static snplp_convention *find_conv(importer *x, const char *id)
{
    if (x->last_conv && !strcmp(x->last_conv->id, id))
        return x->last_conv;
    snplp_convention *c = snplp__convention_list_get(x->list, id);
    if (c)
        x->last_conv = c;
    return c;
}

/* Four ASCII digits from SNPLP_YEAR_MIN to SNPLP_YEAR_MAX. */
static bool parse_year(const field *f, int32_t *year)
{
    if (f->b.n != 4)
        return false;
    int32_t y = 0;
    for (int i = 0; i < 4; i++) {
        char c = f->b.p[i];
        if (c < '0' || c > '9')
            return false;
        y = y * 10 + (c - '0');
    }
    if (y < SNPLP_YEAR_MIN || y > SNPLP_YEAR_MAX)
        return false;
    *year = y;
    return true;
}

static uint64_t seen_hash(const snplp_indicator *ind, int32_t year)
{
    uint64_t h = (uint64_t)(uintptr_t)ind * 0x9E3779B97F4A7C15u;
    h ^= (uint64_t)(uint32_t)year * 0xC2B2AE3D27D4EB4Fu;
    return h ^ (h >> 31);
}

/* The line of an earlier row for ind and year (0 if none: this one is recorded); SIZE_MAX
 * when memory runs out. */
static size_t seen_before(importer *x, const snplp_indicator *ind, int32_t year, size_t line)
{
    if ((x->nseen + 1) * 2 > x->capseen) {
        size_t cap = x->capseen ? x->capseen * 2 : 64;
        seen_row *v = snplp__calloc(cap, sizeof *v);
        if (!v)
            return SIZE_MAX;
        for (size_t i = 0; i < x->capseen; i++) {
            seen_row *r = &x->seen[i];
            if (!r->ind)
                continue;
            size_t k = (size_t)seen_hash(r->ind, r->year) & (cap - 1);
            while (v[k].ind)
                k = (k + 1) & (cap - 1);
            v[k] = *r;
        }
        snplp__free(x->seen);
        x->seen = v;
        x->capseen = cap;
    }
    size_t k = (size_t)seen_hash(ind, year) & (x->capseen - 1);
    for (; x->seen[k].ind; k = (k + 1) & (x->capseen - 1))
        if (x->seen[k].ind == ind && x->seen[k].year == year)
            return x->seen[k].line;
    x->seen[k] = (seen_row){ind, year, line};
    x->nseen++;
    return 0;
}

static void change_dispose(change *ch)
{
    snplp__free(ch->source);
    snplp__free(ch->comment);
    ch->source = ch->comment = NULL;
}

/* Whether applying ch would change the indicator. */
static bool changes_something(const change *ch)
{
    const snplp_value_year *v = snplp__yeartab_find(&ch->ind->values, sizeof *v, ch->year);
    if (!v)
        return ch->has_target || ch->has_actual || ch->source || ch->comment;
    return (ch->has_target && !(v->has_target && snplp_decimal_identical(v->target, ch->target))) ||
           (ch->has_actual && !(v->has_actual && snplp_decimal_identical(v->actual, ch->actual))) ||
           (ch->source && !(v->source && !strcmp(v->source, ch->source))) ||
           (ch->comment && !(v->comment && !strcmp(v->comment, ch->comment)));
}

static bool push_change(importer *x, change *ch)
{
    if (x->nchanges == x->capchanges) {
        size_t cap = x->capchanges ? x->capchanges * 2 : 16;
        change *v = snplp__realloc(x->changes, cap * sizeof *v);
        if (!v)
            return false;
        x->changes = v;
        x->capchanges = cap;
    }
    x->changes[x->nchanges++] = *ch;
    return true;
}

static void check_row(importer *x)
{
    field *f = x->f;
    char header[128];
    snplp__csv_header_text(header, sizeof header, x->d);
    if (x->nfields != NFIELDS) {
        bool more = x->nfields > NFIELDS;
        snplp_numtext n, expected;
        err(x, SNPLP_DIAG_CSV_FIELD_COUNT, more ? "more" : "fewer",
            more ? x->extra_line : x->end_line, more ? x->extra_col : x->end_col, NULL, NULL, 0,
            SNPLP_ARGS(SNPLP_ARG(INTEGER, "fields", snplp__zu(&n, x->nfields)),
                       SNPLP_ARG(INTEGER, "expected", snplp__zu(&expected, NFIELDS)),
                       SNPLP_ARG(TEXT, "header", header)));
        return;
    }
    size_t errors = x->errors;
    char q[200];
    snplp_convention *c = NULL;
    snplp_indicator *ind = NULL;
    int32_t year = 0;
    field *fc = &f[F_CONV], *fi = &f[F_IND], *fy = &f[F_YEAR];
    bool year_ok = !fy->bad && parse_year(fy, &year); /* first, for the findings on the ids */
    int32_t y = year_ok ? year : 0;
    if (!fc->bad) {
        if (fc->b.n == 0)
            err(x, SNPLP_DIAG_UNKNOWN_CONVENTION, "empty", fc->line, fc->col, NULL, NULL, y,
                SNPLP_NO_ARGS);
        else if (!(c = find_conv(x, fc->b.p)))
            err(x, SNPLP_DIAG_UNKNOWN_CONVENTION, "unknown", fc->line, fc->col, NULL, NULL, y,
                SNPLP_ARGS(SNPLP_ARG(ID, "convention", show(q, sizeof q, fc))));
    }
    if (!fi->bad) {
        if (fi->b.n == 0)
            err(x, SNPLP_DIAG_UNKNOWN_INDICATOR, "empty", fi->line, fi->col, c, NULL, y,
                SNPLP_NO_ARGS);
        else if (c && !(ind = snplp__conv_indicator(c, fi->b.p)))
            err(x, SNPLP_DIAG_UNKNOWN_INDICATOR, "unknown", fi->line, fi->col, c, NULL, y,
                SNPLP_ARGS(SNPLP_ARG(ID, "convention", c->id),
                           SNPLP_ARG(ID, "indicator", show(q, sizeof q, fi))));
    }
    snplp_numtext ytext, first_year, last_year;
    snplp__zu(&ytext, (size_t)year);
    if (!fy->bad && !year_ok)
        err(x, SNPLP_DIAG_BAD_YEAR, "year", fy->line, fy->col, c, ind, 0,
            SNPLP_ARGS(SNPLP_ARG(TEXT, "value", show(q, sizeof q, fy)),
                       SNPLP_ARG(INTEGER, "min", snplp__zu(&first_year, SNPLP_YEAR_MIN)),
                       SNPLP_ARG(INTEGER, "max", snplp__zu(&last_year, SNPLP_YEAR_MAX))));
    if (c && ind && year_ok) {
        size_t first = seen_before(x, ind, year, fc->line);
        if (first == SIZE_MAX) {
            fatal(x, SNPLP_ENOMEM);
            return;
        }
        snplp_numtext line;
        if (first)
            err(x, SNPLP_DIAG_DUPLICATE_ROW, "indicator", fc->line, fc->col, c, ind, year,
                SNPLP_ARGS(SNPLP_ARG(ID, "convention", c->id), SNPLP_ARG(ID, "indicator", ind->id),
                           SNPLP_ARG(INTEGER, "year", ytext.s),
                           SNPLP_ARG(INTEGER, "first_line", snplp__zu(&line, first))));
    }

    change ch = {.ind = ind, .year = year};
    bool refused = false; /* a value is given but cannot be read */
    for (int k = F_TARGET; k <= F_ACTUAL; k++) {
        field *v = &f[k];
        refused |= v->bad;
        if (v->bad || v->b.n == 0)
            continue;
        snplp_decimal d;
        number_why why;
        int rc = snplp__csv_number_parse(&x->num, x->d, v->b.p, v->b.n, &d, &why);
        if (rc < 0) {
            fatal(x, rc);
            return;
        }
        if (rc) {
            refused = true;
            snplp_msg_arg args[6] = {{"column", SNPLP_PARAM_ID, snplp__csv_columns[k]},
                                     {"value", SNPLP_PARAM_TEXT, show(q, sizeof q, v)},
                                     {"dialect", SNPLP_PARAM_ID, x->d->name}};
            memcpy(args + 3, why.args, why.nargs * sizeof *args);
            err(x, SNPLP_DIAG_BAD_NUMBER, why.variant, v->line, v->col, c, ind, y, args,
                3 + why.nargs);
        } else if (k == F_TARGET) {
            ch.has_target = true;
            ch.target = d;
        } else {
            ch.has_actual = true;
            ch.actual = d;
        }
    }
    field *fu = &f[F_UNIT];
    if (!fu->bad && fu->b.n && ind && !field_is(fu, snplp_unit_name(ind->unit)))
        err(x, SNPLP_DIAG_UNIT_DIFFERS, "unit", fu->line, fu->col, c, ind, y,
            SNPLP_ARGS(SNPLP_ARG(TEXT, "value", show(q, sizeof q, fu)),
                       SNPLP_ARG(ID, "indicator", ind->id),
                       SNPLP_ARG(ID, "expected", snplp_unit_name(ind->unit))));
    if (!ind || !year_ok)
        return;
    for (int k = F_SOURCE; k <= F_COMMENT; k++) {
        field *t = &f[k];
        refused |= t->bad;
        if (t->bad || t->b.n == 0)
            continue;
        char **slot = k == F_SOURCE ? &ch.source : &ch.comment;
        int rc = snplp__text_copy(slot, t->b.p, NULL, SNPLP_TEXT_UNCHECKED, NULL, NULL);
        if (rc == SNPLP_ENOMEM) {
            change_dispose(&ch);
            fatal(x, rc);
            return;
        }
        if (rc) {
            refused = true;
            char reason[512];
            snprintf(reason, sizeof reason, "%s", snplp_error_last_reason());
            err(x, SNPLP_DIAG_CSV_ENCODING, "text", t->line, t->col, c, ind, year,
                SNPLP_ARGS(SNPLP_ARG(ID, "column", snplp__csv_columns[k]),
                           SNPLP_ARG(TEXT, "reason", reason)));
        }
    }
    /* a row that changes nothing is accepted whatever its year (export writes such rows) */
    bool changes = refused || changes_something(&ch);
    if (changes && !snplp__conv_has_year(c, year)) {
        if (c->first_year)
            err(x, SNPLP_DIAG_CSV_YEAR_OUTSIDE, "outside", fy->line, fy->col, c, ind, year,
                SNPLP_ARGS(
                    SNPLP_ARG(INTEGER, "year", ytext.s), SNPLP_ARG(ID, "convention", c->id),
                    SNPLP_ARG(INTEGER, "first_year", snplp__zu(&first_year, (size_t)c->first_year)),
                    SNPLP_ARG(INTEGER, "last_year", snplp__zu(&last_year, (size_t)c->last_year))));
        else
            err(x, SNPLP_DIAG_CSV_YEAR_OUTSIDE, "no-years", fy->line, fy->col, c, ind, year,
                SNPLP_ARGS(SNPLP_ARG(ID, "convention", c->id),
                           SNPLP_ARG(INTEGER, "year", ytext.s)));
    }
    if (x->errors != errors || !changes || x->stop) {
        change_dispose(&ch);
        return;
    }
    if (!push_change(x, &ch)) {
        change_dispose(&ch);
        fatal(x, SNPLP_ENOMEM);
    }
}

/* ---- import: applying ---- */

static int cmp_change(const void *a, const void *b)
{
    const change *x = a, *y = b;
    uintptr_t p = (uintptr_t)x->ind, q = (uintptr_t)y->ind;
    if (p != q)
        return p < q ? -1 : 1;
    return (x->year > y->year) - (x->year < y->year);
}

typedef struct growth {
    snplp_yeartab *t;
    void *v; /* the new array */
    size_t cap;
} growth;

/* Applies every change: first the room for the new yearly records is allocated for every
 * indicator (all or nothing), then the changes are made, which cannot fail. */
static int apply(importer *x)
{
    if (x->nchanges == 0)
        return 0;
    qsort(x->changes, x->nchanges, sizeof *x->changes, cmp_change);
    const size_t size = sizeof(snplp_value_year);
    size_t ngroups = 0;
    for (size_t i = 0; i < x->nchanges; i++)
        ngroups += i == 0 || x->changes[i].ind != x->changes[i - 1].ind;
    growth *g = snplp__calloc(ngroups, sizeof *g);
    if (!g)
        return snplp__oom();
    size_t ng = 0;
    int rc = 0;
    for (size_t i = 0; i < x->nchanges && !rc;) {
        snplp_yeartab *t = &x->changes[i].ind->values;
        size_t need = 0, j = i;
        for (; j < x->nchanges && x->changes[j].ind == x->changes[i].ind; j++)
            need += snplp__yeartab_find(t, size, x->changes[j].year) == NULL;
        if (t->n + need > t->cap) {
            g[ng].t = t;
            g[ng].cap = t->n + need;
            if (!(g[ng].v = snplp__malloc(g[ng].cap * size)))
                rc = snplp__oom();
            ng++;
        }
        i = j;
    }
    if (rc) {
        for (size_t k = 0; k < ng; k++)
            snplp__free(g[k].v);
        snplp__free(g);
        return rc;
    }
    for (size_t k = 0; k < ng; k++) {
        if (g[k].t->n)
            memcpy(g[k].v, g[k].t->v, g[k].t->n * size);
        snplp__free(g[k].t->v);
        g[k].t->v = g[k].v;
        g[k].t->cap = g[k].cap;
    }
    snplp__free(g);
    for (size_t i = 0; i < x->nchanges; i++) {
        change *ch = &x->changes[i];
        snplp_value_year *v = snplp__yeartab_get(&ch->ind->values, size, ch->year, NULL);
        if (ch->has_target) {
            v->has_target = true;
            v->target = ch->target;
        }
        if (ch->has_actual) {
            v->has_actual = true;
            v->actual = ch->actual;
        }
        if (ch->source) {
            snplp__free(v->source);
            v->source = ch->source;
            ch->source = NULL;
        }
        if (ch->comment) {
            snplp__free(v->comment);
            v->comment = ch->comment;
            ch->comment = NULL;
        }
    }
    return 0;
}

/* ---- import: the pass ---- */

static int import(importer *x)
{
    x->line = x->col = 1;
    if (!x->name)
        x->name = "input";
    skip_bom(x);
    bool header = false;
    while (!x->stop && read_record(x)) {
        bool failed = false;
        for (size_t i = 0; i < NFIELDS; i++)
            failed |= x->f[i].b.failed;
        if (failed) {
            fatal(x, SNPLP_ENOMEM);
            break;
        }
        if (x->all_empty)
            continue;
        for (int i = 0; i < NFIELDS && (size_t)i < x->nfields; i++)
            if (!x->f[i].bad)
                check_encoding(x, i);
        if (!header) {
            header = true;
            check_header(x);
        } else {
            check_row(x);
        }
    }
    if (!x->stop && !header) {
        char h[128];
        snplp__csv_header_text(h, sizeof h, x->d);
        err(x, SNPLP_DIAG_CSV_HEADER, "empty", x->line, x->col, NULL, NULL, 0,
            SNPLP_ARGS(SNPLP_ARG(TEXT, "header", h)));
    }

    int rc = x->status;
    if (rc == SNPLP_OK && x->errors)
        rc = SNPLP_EPARSE;
    if (rc == SNPLP_OK)
        rc = apply(x);

    snplp__csv_numfmt_close(&x->num);
    for (int i = 0; i < NFIELDS; i++)
        snplp__buf_free(&x->f[i].b);
    for (size_t i = 0; i < x->nchanges; i++)
        change_dispose(&x->changes[i]);
    snplp__free(x->changes);
    snplp__free(x->seen);
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

int snplp_csv_import_memory(snplp_convention_list *list, snplp_diagnostics *diags, const void *data,
                            size_t size, const char *name, snplp_csv_dialect dialect)
{
    importer x = {.list = list, .diags = diags, .d = snplp__csv_dialect_of(dialect), .name = name};
    if (!snplp__convention_list_of(list) || (!data && size) || !x.d)
        return snplp__bad_arg(__func__, "NULL list, NULL data, or unknown dialect");
    int frozen = snplp__convention_list_check_unfrozen(list, __func__);
    if (frozen != SNPLP_OK)
        return frozen;
    snplp__source_memory(&x.in.src, data, size);
    return import(&x);
}

int snplp_csv_import_callback(snplp_convention_list *list, snplp_diagnostics *diags,
                              snplp_read_fn read, void *user, const char *name,
                              snplp_csv_dialect dialect)
{
    importer x = {.list = list, .diags = diags, .d = snplp__csv_dialect_of(dialect), .name = name};
    if (!snplp__convention_list_of(list) || !read || !x.d)
        return snplp__bad_arg(__func__, "NULL list or read, or unknown dialect");
    int frozen = snplp__convention_list_check_unfrozen(list, __func__);
    if (frozen != SNPLP_OK)
        return frozen;
    snplp__source_callback(&x.in.src, read, user);
    return import(&x);
}

int snplp_csv_import_file(snplp_convention_list *list, snplp_diagnostics *diags, const char *path,
                          snplp_csv_dialect dialect)
{
    importer x = {.list = list, .diags = diags, .d = snplp__csv_dialect_of(dialect), .name = path};
    if (!snplp__convention_list_of(list) || !path || !x.d)
        return snplp__bad_arg(__func__, "NULL list or path, or unknown dialect");
    int frozen = snplp__convention_list_check_unfrozen(list, __func__);
    if (frozen != SNPLP_OK)
        return frozen;
    int rc = snplp__source_open(&x.in.src, path, diags, SNPLP_DIAG_CSV_IO, __func__);
    if (rc != SNPLP_OK)
        return rc;
    return import(&x);
}
