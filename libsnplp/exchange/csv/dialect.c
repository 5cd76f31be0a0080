/* What the CSV reader and writer share (dialect.h): the dialects, the columns, and numbers in
 * the dialect's form, formatted and parsed with ICU's unum API for the dialect's locale. */

#include "exchange/csv/dialect.h"

#include <stdio.h>
#include <string.h>

#include <unicode/unum.h>

#include "io/sink.h"
#include "util/alloc.h"
#include "util/errors.h"

/* ---- dialects and columns ---- */

static const dialect_info dialects[] = {
    {"none", 0, 0, NULL, NULL, false},
    {"intl", ',', '.', "point", "en_US_POSIX", false},
    {"fr", ';', ',', "comma", "fr_FR", true},
};

const dialect_info *snplp__csv_dialect_of(snplp_csv_dialect dialect)
{
    return dialect == SNPLP_CSV_INTL || dialect == SNPLP_CSV_FR ? &dialects[dialect] : NULL;
}

const dialect_info *snplp__csv_other_dialect(const dialect_info *d)
{
    return d == &dialects[SNPLP_CSV_INTL] ? &dialects[SNPLP_CSV_FR] : &dialects[SNPLP_CSV_INTL];
}

const char *snplp_csv_dialect_name(snplp_csv_dialect dialect)
{
    const dialect_info *d = snplp__csv_dialect_of(dialect);
    return d ? d->name : "none";
}

snplp_csv_dialect snplp_csv_dialect_from_name(const char *name)
{
    for (int k = SNPLP_CSV_INTL; name && k <= SNPLP_CSV_FR; k++)
        if (!strcmp(name, dialects[k].name))
            return (snplp_csv_dialect)k;
    return SNPLP_CSV_NONE;
}

const char *const snplp__csv_columns[NFIELDS] = {"convention", "indicator", "year",   "target",
                                                 "actual",     "unit",      "source", "comment"};

/* The header row of dialect d, without its line end ("convention,indicator,..."). */
void snplp__csv_header_text(char *buf, size_t size, const dialect_info *d)
{
    size_t o = 0;
    for (int i = 0; i < NFIELDS; i++) {
        size_t len = strlen(snplp__csv_columns[i]);
        if (o + len + 2 > size)
            break;
        if (i)
            buf[o++] = d->sep;
        memcpy(buf + o, snplp__csv_columns[i], len);
        o += len;
    }
    buf[o] = '\0';
}

/* ---- numbers through ICU ---- */

static int icu_failure(UErrorCode e, const char *what)
{
    if (e == U_MEMORY_ALLOCATION_ERROR)
        return snplp__oom();
    return snplp__fail(SNPLP_EINTERNAL, "ICU failed to %s: %s", what, u_errorName(e));
}

/* A decimal number format of the dialect's locale: no grouping, no exponent, strict parsing,
 * and formatting that never rounds. */
int snplp__csv_numfmt_open(numfmt *n, const dialect_info *d)
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

void snplp__csv_numfmt_close(numfmt *n)
{
    if (n->f)
        unum_close(n->f);
    n->f = NULL;
}

/* Writes d in the dialect into buf (ASCII, NUL-terminated): ICU formats it with exactly its
 * scale, without grouping. */
int snplp__csv_number_format(numfmt *n, const dialect_info *di, snplp_decimal d, char *buf,
                             size_t size)
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

/* An argument of *why. */
static void why_arg(number_why *why, const char *name, snplp_param_type type, const char *value)
{
    why->args[why->nargs++] = (snplp_msg_arg){name, type, value};
}

/* Sets *why to the variant v of bad-number, with the dialect's decimal separator ("point",
 * "comma") as its first argument "decimal" unless sep is NULL; returns 1. */
static int refuse(number_why *why, const char *v, const char *sep)
{
    why->variant = v;
    why->nargs = 0;
    if (sep)
        why_arg(why, "decimal", SNPLP_PARAM_CHOICE, sep);
    return 1;
}

/* Parses a target or actual of the dialect with ICU: 0 and *out; 1 when the text is not a
 * number of the dialect (*why says what is expected); a status < 0 when ICU fails. */
int snplp__csv_number_parse(numfmt *n, const dialect_info *di, const char *s, size_t len,
                            snplp_decimal *out, number_why *why)
{
    size_t frac = 0;
    if (len > SNPLP_CSV_MAX_NUMBER) {
        refuse(why, "too-long", NULL);
        snprintf(why->count, sizeof why->count, "%d", SNPLP_CSV_MAX_NUMBER);
        why_arg(why, "max", SNPLP_PARAM_INTEGER, why->count);
        return 1;
    }
    if (!number_form(s, len, di->point, &frac)) {
        const dialect_info *o = snplp__csv_other_dialect(di);
        size_t ofrac;
        if (!number_form(s, len, o->point, &ofrac) || ofrac == 0)
            return refuse(why, "form", di->point_name);
        memcpy(why->text, s, len);
        why->text[len] = '\0';
        char *pt = strchr(why->text, o->point);
        if (pt)
            *pt = di->point;
        refuse(why, "separator", di->point_name);
        why_arg(why, "corrected", SNPLP_PARAM_TEXT, why->text);
        return 1;
    }
    if (frac > 18) {
        refuse(why, "scale", di->point_name);
        snprintf(why->count, sizeof why->count, "%zu", frac);
        why_arg(why, "digits", SNPLP_PARAM_INTEGER, why->count);
        why_arg(why, "max", SNPLP_PARAM_INTEGER, "18");
        return 1;
    }
    if (!n->f) {
        int rc = snplp__csv_numfmt_open(n, di);
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
        refuse(why, "locale", NULL);
        why_arg(why, "locale", SNPLP_PARAM_ID, di->locale);
        return 1;
    }
    int r = from_numeric(num, (int32_t)frac, out);
    if (r == 1)
        return refuse(why, "range", di->point_name);
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

void snplp__csv_put_field(snplp_sink *s, const dialect_info *d, const char *text)
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

int snplp__csv_error(snplp_diagnostics *diags, const snplp_finding *f, const char *name,
                     size_t *errors, char *first, size_t first_size, bool *stop)
{
    if ((*errors)++ == 0) {
        char *msg = NULL;
        int rc = snplp__finding_render(f, SNPLP_LANGUAGE_EN, &msg);
        if (rc)
            return rc == SNPLP_ENOMEM ? rc : SNPLP_EINTERNAL;
        snprintf(first, first_size, "%.200s:%zu:%zu: %s", name, f->line, f->column, msg);
        snplp__free(msg);
    }
    int rc = snplp__finding(diags, f);
    if (rc)
        return rc == SNPLP_ENOMEM ? rc : SNPLP_EINTERNAL;
    if (*errors == SNPLP_CSV_MAX_ERRORS) {
        rc = snplp__finding(diags, &(snplp_finding){.severity = SNPLP_SEVERITY_ERROR,
                                                    .code = SNPLP_DIAG_CSV_TOO_MANY_ERRORS,
                                                    .variant = "stop",
                                                    .line = f->line,
                                                    .column = f->column,
                                                    .args = SNPLP_NO_ARGS});
        if (rc)
            return rc == SNPLP_ENOMEM ? rc : SNPLP_EINTERNAL;
        (*errors)++;
        *stop = true;
    }
    return 0;
}
