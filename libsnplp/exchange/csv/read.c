/* Reading indicator values from CSV (csv.h, docs/csv.md): the input is read byte by byte through
 * io/source.h (memory, file, callback), records are split as RFC 4180 says, every row is
 * checked and every problem reported, collecting the changes the good rows make; only when no
 * row is bad are the changes applied, after the room they need has been allocated, so that
 * applying cannot fail halfway. */

#include <snplp/csv.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "exchange/csv/dialect.h"
#include "io/source.h"
#include "model/conventions/convention_model.h"
#include "util/alloc.h"
#include "util/buf.h"
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

/* Appends an error finding (nothing once the pass has stopped). */
__attribute__((format(printf, 8, 9))) static void
err(importer *x, snplp_diag_code code, size_t line, size_t col, const snplp_convention *c,
    const snplp_indicator *ind, int32_t year, const char *fmt, ...)
{
    if (x->stop)
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (x->errors++ == 0)
        snprintf(x->first, sizeof x->first, "%.200s:%zu:%zu: %s", x->name, line, col, msg);
    if (x->diags) {
        int rc = snplp__diag_conv_at(x->diags, SNPLP_SEVERITY_ERROR, code, line, col,
                                     c ? c->id : NULL, ind ? ind->id : NULL, year, msg);
        if (rc) {
            fatal(x, rc == SNPLP_ENOMEM ? rc : SNPLP_EINTERNAL);
            return;
        }
    }
    if (x->errors == SNPLP_CSV_MAX_ERRORS) {
        if (x->diags &&
            snplp__diag_conv_at(x->diags, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_CSV_TOO_MANY_ERRORS,
                                line, col, NULL, NULL, 0,
                                "too many errors: the rest of the input is not checked") != 0) {
            fatal(x, SNPLP_ENOMEM);
            return;
        }
        x->errors++;
        x->stop = true;
    }
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
            err(x, SNPLP_DIAG_CSV_IO, x->line, x->col, NULL, NULL, 0, "reading the input failed");
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
        if (f) {
            err(x, SNPLP_DIAG_CSV_FIELD_TOO_LONG, f->line, f->col, NULL, NULL, 0,
                "the %s field is longer than %d bytes: the rest of the input is not read",
                snplp__csv_columns[x->nfields - 1], SNPLP_CSV_MAX_FIELD);
            f->too_long = f->bad = true;
        } else {
            err(x, SNPLP_DIAG_CSV_FIELD_TOO_LONG, x->extra_line, x->extra_col, NULL, NULL, 0,
                "the fields after the eighth are longer than %d bytes: the rest of the input "
                "is not read",
                SNPLP_CSV_MAX_FIELD);
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
            err(x, SNPLP_DIAG_CSV_ENCODING, 1, 1, NULL, NULL, 0,
                "the input is in UTF-16 (or UTF-32): the format is UTF-8; save the file as "
                "\"CSV UTF-8\"");
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
                    err(x, SNPLP_DIAG_CSV_SYNTAX, line, col, NULL, NULL, 0,
                        "the quoted field starting here has no closing quote");
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
                err(x, SNPLP_DIAG_CSV_SYNTAX, line, col, NULL, NULL, 0,
                    "text after the closing quote of this field, at column %zu: a quote inside "
                    "a quoted field is written twice (\"\")",
                    x->col);
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
                    err(x, SNPLP_DIAG_CSV_SYNTAX, line, col, NULL, NULL, 0,
                        "a double quote inside an unquoted field, at column %zu: put the "
                        "whole field between double quotes and write its quotes twice (\"\")",
                        x->col);
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
        if (c < 0) {
            err(x, SNPLP_DIAG_CSV_ENCODING, f->line, f->col, NULL, NULL, 0,
                "invalid UTF-8 in the %s field (byte %d of the field): the file must be saved "
                "as UTF-8",
                snplp__csv_columns[i], (int)at + 1);
            f->bad = true;
            return;
        }
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
            err(x, SNPLP_DIAG_CSV_ENCODING, f->line, f->col, NULL, NULL, 0,
                "the %s field holds the character U+%04X (byte %d of the field), which is not "
                "allowed in text",
                snplp__csv_columns[i], (unsigned)c, (int)at + 1);
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
        err(x, SNPLP_DIAG_CSV_HEADER, x->f[0].line, x->f[0].col, NULL, NULL, 0,
            "the header is separated by '%c': the file is in the %s dialect, not in the %s "
            "dialect (nothing more is checked)",
            o->sep, o->name, x->d->name);
        x->stop = true;
        return;
    }
    for (size_t i = 0; i < NFIELDS; i++) {
        if (i >= x->nfields) {
            err(x, SNPLP_DIAG_CSV_HEADER, x->end_line, x->end_col, NULL, NULL, 0,
                "the header has %zu field%s, expected %d: %s", x->nfields,
                x->nfields > 1 ? "s" : "", NFIELDS, header);
            return;
        }
        field *f = &x->f[i];
        if (f->bad)
            return;
        if (!field_is(f, snplp__csv_columns[i])) {
            char q[200];
            err(x, SNPLP_DIAG_CSV_HEADER, f->line, f->col, NULL, NULL, 0,
                "the first row must be the header %s: its field %zu is '%s', expected '%s'", header,
                i + 1, show(q, sizeof q, f), snplp__csv_columns[i]);
            return;
        }
    }
    if (x->nfields > NFIELDS)
        err(x, SNPLP_DIAG_CSV_HEADER, x->extra_line, x->extra_col, NULL, NULL, 0,
            "the header has %zu fields, expected %d: %s", x->nfields, NFIELDS, header);
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
        err(x, SNPLP_DIAG_CSV_FIELD_COUNT, more ? x->extra_line : x->end_line,
            more ? x->extra_col : x->end_col, NULL, NULL, 0,
            "the row has %zu field%s, expected %d (%s)%s", x->nfields, x->nfields > 1 ? "s" : "",
            NFIELDS, header, more ? "" : "; a field holding a line break must be quoted");
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
            err(x, SNPLP_DIAG_UNKNOWN_CONVENTION, fc->line, fc->col, NULL, NULL, y,
                "the convention id is empty");
        else if (!(c = find_conv(x, fc->b.p)))
            err(x, SNPLP_DIAG_UNKNOWN_CONVENTION, fc->line, fc->col, NULL, NULL, y,
                "no convention '%s' in the list", show(q, sizeof q, fc));
    }
    if (!fi->bad) {
        if (fi->b.n == 0)
            err(x, SNPLP_DIAG_UNKNOWN_INDICATOR, fi->line, fi->col, c, NULL, y,
                "the indicator id is empty");
        else if (c && !(ind = snplp__conv_indicator(c, fi->b.p)))
            err(x, SNPLP_DIAG_UNKNOWN_INDICATOR, fi->line, fi->col, c, NULL, y,
                "convention '%s' has no indicator '%s'", c->id, show(q, sizeof q, fi));
    }
    if (!fy->bad && !year_ok)
        err(x, SNPLP_DIAG_BAD_YEAR, fy->line, fy->col, c, ind, 0,
            "'%s' is not a year: expected four digits, %d to %d", show(q, sizeof q, fy),
            SNPLP_YEAR_MIN, SNPLP_YEAR_MAX);
    if (c && ind && year_ok) {
        size_t first = seen_before(x, ind, year, fc->line);
        if (first == SIZE_MAX) {
            fatal(x, SNPLP_ENOMEM);
            return;
        }
        if (first)
            err(x, SNPLP_DIAG_DUPLICATE_ROW, fc->line, fc->col, c, ind, year,
                "a second row for convention '%s', indicator '%s', year %d (the first is on "
                "line %zu)",
                c->id, ind->id, (int)year, first);
    }

    change ch = {.ind = ind, .year = year};
    bool refused = false; /* a value is given but cannot be read */
    for (int k = F_TARGET; k <= F_ACTUAL; k++) {
        field *v = &f[k];
        refused |= v->bad;
        if (v->bad || v->b.n == 0)
            continue;
        snplp_decimal d;
        char why[300];
        int rc = snplp__csv_number_parse(&x->num, x->d, v->b.p, v->b.n, &d, why, sizeof why);
        if (rc < 0) {
            fatal(x, rc);
            return;
        }
        if (rc) {
            refused = true;
            err(x, SNPLP_DIAG_BAD_NUMBER, v->line, v->col, c, ind, y,
                "the %s '%s' is not a number of the %s dialect: %s", snplp__csv_columns[k],
                show(q, sizeof q, v), x->d->name, why);
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
        err(x, SNPLP_DIAG_UNIT_DIFFERS, fu->line, fu->col, c, ind, y,
            "the unit '%s' is not the unit of indicator '%s', '%s'", show(q, sizeof q, fu), ind->id,
            snplp_unit_name(ind->unit));
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
            err(x, SNPLP_DIAG_CSV_ENCODING, t->line, t->col, c, ind, year,
                "the %s is not valid text: %s", snplp__csv_columns[k], snplp_error_last_reason());
        }
    }
    /* a row that changes nothing is accepted whatever its year (export writes such rows) */
    bool changes = refused || changes_something(&ch);
    if (changes && !snplp__conv_has_year(c, year)) {
        if (c->first_year)
            err(x, SNPLP_DIAG_CSV_YEAR_OUTSIDE, fy->line, fy->col, c, ind, year,
                "%d is outside convention '%s' (%d to %d): values for it are not imported",
                (int)year, c->id, (int)c->first_year, (int)c->last_year);
        else
            err(x, SNPLP_DIAG_CSV_YEAR_OUTSIDE, fy->line, fy->col, c, ind, year,
                "convention '%s' has no years yet: values for %d are not imported", c->id,
                (int)year);
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
        err(x, SNPLP_DIAG_CSV_HEADER, x->line, x->col, NULL, NULL, 0,
            "the input is empty: expected at least the header %s", h);
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
