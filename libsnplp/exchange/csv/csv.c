/* Indicator values as CSV (csv.h, docs/csv.md).
 *
 * Export writes through output.h (memory, callback, atomic file). Import reads the input byte
 * by byte through a small chunked reader (memory, FILE, callback), splits records as RFC 4180
 * says, checks every row and reports every problem, collecting the changes the good rows
 * make; only when no row is bad are the changes applied, after the room they need has been
 * allocated, so that applying cannot fail halfway. Numbers are formatted and parsed with ICU's
 * unum API for the dialect's locale. */
#include <snplp/csv.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <unicode/unum.h>
#include <unicode/utf8.h>

#include "util/alloc.h"
#include "model/conventions/convention_model.h"
#include "io/source.h"
#include "io/sink.h"
#include "util/text.h"

/* ---- dialects and columns ---- */

typedef struct dialect_info {
    const char *name;
    char sep;   /* between fields */
    char point; /* the decimal separator */
    const char *point_name;
    const char *locale; /* ICU's */
    bool bom;
} dialect_info;

static const dialect_info dialects[] = {
    {"none", 0, 0, NULL, NULL, false},
    {"intl", ',', '.', "point", "en_US_POSIX", false},
    {"fr", ';', ',', "comma", "fr_FR", true},
};

static const dialect_info *dialect_of(snplp_csv_dialect dialect)
{
    return dialect == SNPLP_CSV_INTL || dialect == SNPLP_CSV_FR ? &dialects[dialect] : NULL;
}

static const dialect_info *other_dialect(const dialect_info *d)
{
    return d == &dialects[SNPLP_CSV_INTL] ? &dialects[SNPLP_CSV_FR] : &dialects[SNPLP_CSV_INTL];
}

const char *snplp_csv_dialect_name(snplp_csv_dialect dialect)
{
    const dialect_info *d = dialect_of(dialect);
    return d ? d->name : "none";
}

snplp_csv_dialect snplp_csv_dialect_from_name(const char *name)
{
    for (int k = SNPLP_CSV_INTL; name && k <= SNPLP_CSV_FR; k++)
        if (!strcmp(name, dialects[k].name))
            return (snplp_csv_dialect)k;
    return SNPLP_CSV_NONE;
}

enum { F_CONV, F_IND, F_YEAR, F_TARGET, F_ACTUAL, F_UNIT, F_SOURCE, F_COMMENT, NFIELDS };

static const char *const columns[NFIELDS] = {"convention", "indicator", "year",   "target",
                                             "actual",     "unit",      "source", "comment"};

/* The header row of dialect d, without its line end ("convention,indicator,..."). */
static void header_text(char *buf, size_t size, const dialect_info *d)
{
    size_t o = 0;
    for (int i = 0; i < NFIELDS; i++) {
        size_t len = strlen(columns[i]);
        if (o + len + 2 > size)
            break;
        if (i)
            buf[o++] = d->sep;
        memcpy(buf + o, columns[i], len);
        o += len;
    }
    buf[o] = '\0';
}

/* ---- numbers through ICU ---- */

typedef struct numfmt {
    UNumberFormat *f;
    int32_t scale; /* the fraction digits currently set, -1 before the first */
} numfmt;

static int icu_failure(UErrorCode e, const char *what)
{
    if (e == U_MEMORY_ALLOCATION_ERROR)
        return snplp__oom();
    return snplp__fail(SNPLP_EINTERNAL, "ICU failed to %s: %s", what, u_errorName(e));
}

/* A decimal number format of the dialect's locale: no grouping, no exponent, strict parsing,
 * and formatting that never rounds. */
static int numfmt_open(numfmt *n, const dialect_info *d)
{
    UErrorCode e = U_ZERO_ERROR;
    n->f = unum_open(UNUM_DECIMAL, NULL, 0, d->locale, NULL, &e);
    n->scale = -1;
    if (U_FAILURE(e)) {
        if (n->f)
            unum_close(n->f);
        n->f = NULL;
        return icu_failure(e, "open a number format");
    }
    unum_setAttribute(n->f, UNUM_GROUPING_USED, 0);
    unum_setAttribute(n->f, UNUM_PARSE_NO_EXPONENT, 1);
    unum_setAttribute(n->f, UNUM_LENIENT_PARSE, 0);
    unum_setAttribute(n->f, UNUM_MIN_INTEGER_DIGITS, 1);
    unum_setAttribute(n->f, UNUM_ROUNDING_MODE, UNUM_ROUND_UNNECESSARY);
    /* the locale's decimal separator must be the dialect's */
    UChar sym[8];
    int32_t len = unum_getSymbol(n->f, UNUM_DECIMAL_SEPARATOR_SYMBOL, sym, 8, &e);
    if (U_FAILURE(e) || len != 1 || sym[0] != (UChar)d->point) {
        unum_close(n->f);
        n->f = NULL;
        return U_FAILURE(e) ? icu_failure(e, "read the decimal separator")
                            : snplp__fail(SNPLP_EINTERNAL,
                                          "ICU's locale %s has another decimal separator than "
                                          "the %s dialect's '%c'",
                                          d->locale, d->name, d->point);
    }
    return 0;
}

static void numfmt_close(numfmt *n)
{
    if (n->f)
        unum_close(n->f);
    n->f = NULL;
}

/* Writes d in the dialect into buf (ASCII, NUL-terminated): ICU formats it with exactly its
 * scale, without grouping. */
static int number_format(numfmt *n, const dialect_info *di, snplp_decimal d, char *buf, size_t size)
{
    char plain[SNPLP_DECIMAL_MAX_TEXT];
    int rc = snplp_decimal_format(plain, sizeof plain, d);
    if (rc)
        return rc;
    if (n->scale != d.scale) {
        /* in an order that never leaves the minimum above the maximum */
        UNumberFormatAttribute first =
            d.scale > n->scale ? UNUM_MAX_FRACTION_DIGITS : UNUM_MIN_FRACTION_DIGITS;
        UNumberFormatAttribute second =
            d.scale > n->scale ? UNUM_MIN_FRACTION_DIGITS : UNUM_MAX_FRACTION_DIGITS;
        unum_setAttribute(n->f, first, d.scale);
        unum_setAttribute(n->f, second, d.scale);
        n->scale = d.scale;
    }
    UChar u[48];
    UErrorCode e = U_ZERO_ERROR;
    int32_t len = unum_formatDecimal(n->f, plain, -1, u, 48, NULL, &e);
    if (U_FAILURE(e))
        return icu_failure(e, "format a number");
    if (len <= 0 || len >= 48 || (size_t)len >= size)
        return snplp__fail(SNPLP_EINTERNAL, "ICU formatted %s in %d characters", plain, (int)len);
    for (int32_t i = 0; i < len; i++) {
        UChar c = u[i];
        if (!((c >= '0' && c <= '9') || (c == '-' && i == 0) || c == (UChar)di->point))
            return snplp__fail(SNPLP_EINTERNAL,
                               "ICU formatted %s with the unexpected character U+%04X", plain,
                               (unsigned)c);
        buf[i] = (char)c;
    }
    buf[len] = '\0';
    return 0;
}

/* Whether s[0..len) is a number written with decimal separator point: an optional '-', digits,
 * and optionally point then digits; *frac receives the number of digits after the point. */
static bool number_form(const char *s, size_t len, char point, size_t *frac)
{
    size_t i = s[0] == '-' ? 1 : 0, ints = 0, fracs = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++, ints++;
    bool has_point = i < len && s[i] == point;
    if (has_point)
        for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
            fracs++;
    *frac = fracs;
    return i == len && ints > 0 && (!has_point || fracs > 0);
}

/* The value of a "numeric string" of the Decimal Arithmetic Specification (what ICU's
 * unum_parseDecimal writes: "12.5", "-0.005", "1E-18", "9.2233720368547758E+18") at the given
 * scale: 0; 1 when it is out of range; 2 when it has nonzero digits beyond the scale or is not
 * such a string. */
static int from_numeric(const char *num, int32_t scale, snplp_decimal *out)
{
    const char *p = num;
    bool neg = *p == '-';
    if (neg)
        p++;
    char digits[160];
    size_t nd = 0;
    int64_t exp = 0;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (nd == sizeof digits)
            return 1;
        digits[nd++] = *p;
    }
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9'; p++, exp--) {
            if (nd == sizeof digits)
                return 1;
            digits[nd++] = *p;
        }
    if (*p == 'E' || *p == 'e') {
        p++;
        bool eneg = *p == '-';
        if (*p == '-' || *p == '+')
            p++;
        if (!(*p >= '0' && *p <= '9'))
            return 2;
        int64_t ev = 0;
        for (; *p >= '0' && *p <= '9'; p++)
            if ((ev = ev * 10 + (*p - '0')) > 100000)
                return 1;
        exp += eneg ? -ev : ev;
    }
    if (*p || nd == 0)
        return 2;
    size_t start = 0;
    while (start < nd && digits[start] == '0')
        start++;
    if (start == nd) {
        *out = (snplp_decimal){0, scale};
        return 0;
    }
    /* value = digits × 10^exp, so units = digits × 10^(exp + scale) */
    int64_t k = exp + scale;
    for (; k < 0; k++) {
        if (nd == start || digits[nd - 1] != '0')
            return 2;
        nd--;
    }
    if (nd - start + (uint64_t)k > 19)
        return 1;
    uint64_t u = 0;
    for (size_t i = start; i < nd; i++)
        u = u * 10 + (uint64_t)(digits[i] - '0');
    for (; k > 0; k--)
        u *= 10;
    if (u > (uint64_t)INT64_MAX)
        return 1;
    *out = (snplp_decimal){neg ? -(int64_t)u : (int64_t)u, scale};
    return 0;
}

/* Parses a target or actual of the dialect with ICU: 0 and *out; 1 when the text is not a
 * number of the dialect (why says what is expected); a status < 0 when ICU fails. */
static int number_parse(numfmt *n, const dialect_info *di, const char *s, size_t len,
                        snplp_decimal *out, char *why, size_t whysize)
{
    size_t frac = 0;
    if (len > SNPLP_CSV_MAX_NUMBER) {
        snprintf(why, whysize, "it is longer than %d characters", SNPLP_CSV_MAX_NUMBER);
        return 1;
    }
    if (!number_form(s, len, di->point, &frac)) {
        const dialect_info *o = other_dialect(di);
        size_t ofrac;
        if (number_form(s, len, o->point, &ofrac) && ofrac > 0) {
            char fixed[SNPLP_CSV_MAX_NUMBER + 1];
            memcpy(fixed, s, len);
            fixed[len] = '\0';
            char *pt = strchr(fixed, o->point);
            if (pt)
                *pt = di->point;
            snprintf(why, whysize, "the %s dialect writes numbers with a decimal %s (%s)", di->name,
                     di->point_name, fixed);
        } else {
            snprintf(why, whysize,
                     "expected an optional '-', digits, and optionally a decimal %s followed by "
                     "digits, e.g. -1250%c50 (no grouping, no '+', no exponent, no space)",
                     di->point_name, di->point);
        }
        return 1;
    }
    if (frac > 18) {
        snprintf(why, whysize, "it has %zu digits after the decimal %s, at most 18 are kept", frac,
                 di->point_name);
        return 1;
    }
    if (!n->f) {
        int rc = numfmt_open(n, di);
        if (rc)
            return rc;
    }
    UChar u[SNPLP_CSV_MAX_NUMBER];
    for (size_t i = 0; i < len; i++)
        u[i] = (UChar)(unsigned char)s[i];
    char num[160];
    int32_t pos = 0;
    UErrorCode e = U_ZERO_ERROR;
    int32_t nl = unum_parseDecimal(n->f, u, (int32_t)len, &pos, num, (int32_t)sizeof num, &e);
    if (e == U_MEMORY_ALLOCATION_ERROR)
        return icu_failure(e, "parse a number");
    if (U_FAILURE(e) || pos != (int32_t)len || nl <= 0 || nl >= (int32_t)sizeof num) {
        snprintf(why, whysize, "ICU cannot read it as a number of the locale %s", di->locale);
        return 1;
    }
    int r = from_numeric(num, (int32_t)frac, out);
    if (r == 1) {
        snprintf(why, whysize,
                 "it is beyond the range of a decimal (at most 19 digits, "
                 "9223372036854775807 in absolute value without the decimal %s)",
                 di->point_name);
        return 1;
    }
    /* ICU's reading must be the text's, digit for digit: the library's own exact parser of the
     * plain form is the second opinion */
    char plain[SNPLP_CSV_MAX_NUMBER + 1];
    memcpy(plain, s, len);
    plain[len] = '\0';
    char *pt = strchr(plain, di->point);
    if (pt)
        *pt = '.';
    snplp_decimal check;
    if (r != 0 || snplp_decimal_parse(&check, plain, len) != SNPLP_OK ||
        !snplp_decimal_identical(check, *out))
        return snplp__fail(SNPLP_EINTERNAL, "ICU read the number %s as %s", plain, num);
    return 0;
}

/* ---- export ---- */

typedef struct export_doc {
    const snplp_convention_list *list;
    const dialect_info *d;
} export_doc;

/* A field, quoted when it holds the separator, a double quote or a line break. */
static void put_field(snplp_sink *s, const dialect_info *d, const char *text)
{
    if (!text)
        return;
    const char *p = text;
    while (*p && *p != d->sep && *p != '"' && *p != '\r' && *p != '\n')
        p++;
    if (!*p) {
        snplp__out_putn(s, text, (size_t)(p - text));
        return;
    }
    snplp__out_putn(s, "\"", 1);
    const char *run = text;
    for (p = text; *p; p++)
        if (*p == '"') {
            snplp__out_putn(s, run, (size_t)(p - run) + 1);
            snplp__out_putn(s, "\"", 1);
            run = p + 1;
        }
    snplp__out_put(s, run);
    snplp__out_putn(s, "\"", 1);
}

static void put_year(snplp_sink *s, int32_t year)
{
    char buf[12];
    size_t o = sizeof buf;
    uint32_t y = (uint32_t)year; /* years are 1000 to 9998 */
    do {
        buf[--o] = (char)('0' + y % 10);
        y /= 10;
    } while (y && o > 0);
    snplp__out_putn(s, buf + o, sizeof buf - o);
}

/* A target or actual: formatted by ICU, nothing when absent. */
static void put_value(snplp_sink *s, numfmt *n, const dialect_info *d, bool has,
                      snplp_decimal value)
{
    if (!has || s->rc != SNPLP_OK)
        return;
    char buf[48];
    int rc = number_format(n, d, value, buf, sizeof buf);
    if (rc) {
        s->rc = rc;
        return;
    }
    snplp__out_put(s, buf);
}

static void put_row(snplp_sink *s, numfmt *n, const dialect_info *d, const snplp_convention *c,
                    const snplp_indicator *ind, int32_t year, const snplp_value_year *v)
{
    char sep = d->sep;
    put_field(s, d, c->id);
    snplp__out_putn(s, &sep, 1);
    put_field(s, d, ind->id);
    snplp__out_putn(s, &sep, 1);
    put_year(s, year);
    snplp__out_putn(s, &sep, 1);
    put_value(s, n, d, v && v->has_target, v ? v->target : (snplp_decimal){0, 0});
    snplp__out_putn(s, &sep, 1);
    put_value(s, n, d, v && v->has_actual, v ? v->actual : (snplp_decimal){0, 0});
    snplp__out_putn(s, &sep, 1);
    put_field(s, d, snplp_unit_name(ind->unit));
    snplp__out_putn(s, &sep, 1);
    put_field(s, d, v ? v->source : NULL);
    snplp__out_putn(s, &sep, 1);
    put_field(s, d, v ? v->comment : NULL);
    snplp__out_putn(s, "\r\n", 2);
}

/* The rows of one indicator: the convention's years and the years with records, merged. */
static void put_indicator(snplp_sink *s, numfmt *n, const dialect_info *d,
                          const snplp_convention *c, const snplp_indicator *ind)
{
    const snplp_yeartab *t = &ind->values;
    size_t i = 0;
    int32_t y = c->first_year, last = c->first_year ? c->last_year : -1;
    while (s->rc == SNPLP_OK) {
        const snplp_value_year *v = i < t->n ? snplp__yeartab_at(t, sizeof *v, i) : NULL;
        bool in_years = y <= last;
        if (!v && !in_years)
            break;
        int32_t year = !v ? y : !in_years ? v->year : v->year < y ? v->year : y;
        if (v && v->year == year)
            i++;
        else
            v = NULL;
        if (in_years && y == year)
            y++;
        put_row(s, n, d, c, ind, year, v);
    }
}

static int write_document(const void *doc, snplp_sink *s)
{
    const export_doc *e = doc;
    numfmt n;
    int rc = numfmt_open(&n, e->d);
    if (rc) {
        s->rc = rc;
        return rc;
    }
    if (e->d->bom)
        snplp__out_putn(s, "\xEF\xBB\xBF", 3);
    char header[128];
    header_text(header, sizeof header, e->d);
    snplp__out_put(s, header);
    snplp__out_putn(s, "\r\n", 2);
    for (size_t k = 0; k < snplp_convention_list_count(e->list) && s->rc == SNPLP_OK; k++) {
        const snplp_convention *c = snplp_convention_list_at(e->list, k);
        for (uint32_t j = 0; j < c->indicators.n && s->rc == SNPLP_OK; j++)
            put_indicator(s, &n, e->d, c, c->indicators.v[j]);
    }
    numfmt_close(&n);
    snplp__out_flush(s);
    return s->rc;
}

int snplp_csv_export_memory(char **out, size_t *size, const snplp_convention_list *list,
                            snplp_csv_dialect dialect)
{
    export_doc doc = {list, dialect_of(dialect)};
    if (!out || !snplp__convention_list_of(list) || !doc.d)
        return snplp__bad_arg(__func__, "NULL out or list, or unknown dialect");
    return snplp__out_memory(write_document, &doc, out, size, __func__);
}

int snplp_csv_export_callback(const snplp_convention_list *list, snplp_csv_dialect dialect,
                              snplp_write_fn write, void *user)
{
    export_doc doc = {list, dialect_of(dialect)};
    if (!snplp__convention_list_of(list) || !write || !doc.d)
        return snplp__bad_arg(__func__, "NULL list or write, or unknown dialect");
    return snplp__out_callback(write_document, &doc, write, user, __func__);
}

int snplp_csv_export_file(const snplp_convention_list *list, snplp_csv_dialect dialect,
                          const char *path)
{
    export_doc doc = {list, dialect_of(dialect)};
    if (!snplp__convention_list_of(list) || !path || !path[0] || !doc.d)
        return snplp__bad_arg(__func__, "NULL list, no path, or unknown dialect");
    return snplp__out_file(write_document, &doc, path, __func__);
}

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

static void append(importer *x, field *f, int c)
{
    x->all_empty = false;
    if (!f || f->too_long)
        return;
    if (f->b.n >= SNPLP_CSV_MAX_FIELD) {
        f->too_long = true;
        return;
    }
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
            if (f->too_long && !f->bad) {
                err(x, SNPLP_DIAG_CSV_FIELD_TOO_LONG, line, col, NULL, NULL, 0,
                    "the %s field is longer than %d bytes", columns[x->nfields - 1],
                    SNPLP_CSV_MAX_FIELD);
                f->bad = true;
            }
            snplp__buf_put(&f->b, "", 1); /* the NUL */
            f->b.n--;
        }
        if (c == sep) {
            count(x, c);
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
                columns[i], (int)at + 1);
            f->bad = true;
            return;
        }
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
            err(x, SNPLP_DIAG_CSV_ENCODING, f->line, f->col, NULL, NULL, 0,
                "the %s field holds the character U+%04X (byte %d of the field), which is not "
                "allowed in text",
                columns[i], (unsigned)c, (int)at + 1);
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
    header_text(header, sizeof header, x->d);
    const dialect_info *o = other_dialect(x->d);
    char other[128];
    header_text(other, sizeof other, o);
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
        if (!field_is(f, columns[i])) {
            char q[200];
            err(x, SNPLP_DIAG_CSV_HEADER, f->line, f->col, NULL, NULL, 0,
                "the first row must be the header %s: its field %zu is '%s', expected '%s'", header,
                i + 1, show(q, sizeof q, f), columns[i]);
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
    snplp_convention *c = snplp_convention_list_find(x->list, id);
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
    header_text(header, sizeof header, x->d);
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
        int rc = number_parse(&x->num, x->d, v->b.p, v->b.n, &d, why, sizeof why);
        if (rc < 0) {
            fatal(x, rc);
            return;
        }
        if (rc) {
            refused = true;
            err(x, SNPLP_DIAG_BAD_NUMBER, v->line, v->col, c, ind, y,
                "the %s '%s' is not a number of the %s dialect: %s", columns[k],
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
                "the %s is not valid text: %s", columns[k], snplp_error_last_reason());
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
        header_text(h, sizeof h, x->d);
        err(x, SNPLP_DIAG_CSV_HEADER, x->line, x->col, NULL, NULL, 0,
            "the input is empty: expected at least the header %s", h);
    }

    int rc = x->status;
    if (rc == SNPLP_OK && x->errors)
        rc = SNPLP_EPARSE;
    if (rc == SNPLP_OK)
        rc = apply(x);

    numfmt_close(&x->num);
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
    importer x = {.list = list, .diags = diags, .d = dialect_of(dialect), .name = name};
    if (!snplp__convention_list_of(list) || (!data && size) || !x.d)
        return snplp__bad_arg(__func__, "NULL list, NULL data, or unknown dialect");
    snplp__source_memory(&x.in.src, data, size);
    return import(&x);
}

int snplp_csv_import_callback(snplp_convention_list *list, snplp_diagnostics *diags,
                              snplp_read_fn read, void *user, const char *name,
                              snplp_csv_dialect dialect)
{
    importer x = {.list = list, .diags = diags, .d = dialect_of(dialect), .name = name};
    if (!snplp__convention_list_of(list) || !read || !x.d)
        return snplp__bad_arg(__func__, "NULL list or read, or unknown dialect");
    snplp__source_callback(&x.in.src, read, user);
    return import(&x);
}

int snplp_csv_import_file(snplp_convention_list *list, snplp_diagnostics *diags, const char *path,
                          snplp_csv_dialect dialect)
{
    importer x = {.list = list, .diags = diags, .d = dialect_of(dialect), .name = path};
    if (!snplp__convention_list_of(list) || !path || !x.d)
        return snplp__bad_arg(__func__, "NULL list or path, or unknown dialect");
    int rc = snplp__source_open(&x.in.src, path, diags, SNPLP_DIAG_CSV_IO, __func__);
    if (rc != SNPLP_OK)
        return rc;
    return import(&x);
}
