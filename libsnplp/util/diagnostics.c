/* Lists of findings: severity, stable code, position, item id, message. */
#include "util/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/errors.h"
#include "util/list.h"
#include "util/text.h"
#include "util/names.h"
#include "util/getters.h"

struct snplp_diagnostic {
    snplp_severity severity;
    snplp_diag_code code;
    size_t line;
    size_t column;
    char *item_id;
    char *convention_id;
    int32_t year;
    char *message;
    /* a finding of the catalogue (util/messages/): its message id "CODE/VARIANT", its
     * variant (a static string) and its parameters */
    char *message_id;
    const char *variant;
    struct param {
        const char *name; /* a static string */
        snplp_param_type type;
        char *value;
    } * params;
    size_t nparams;
};

struct snplp_diagnostics {
    snplp_list entries;
    snplp_language language;
};

static const struct {
    snplp_diag_code code;
    const char *name;
} codes[] = {
    {SNPLP_DIAG_NONE, "none"},
    {SNPLP_DIAG_EMPTY_TITLE, "empty-title"},
    {SNPLP_DIAG_EMPTY_TEXT, "empty-text"},
    {SNPLP_DIAG_MISSING_PARENT, "missing-parent"},
    {SNPLP_DIAG_DANGLING_REFERENCE, "dangling-reference"},
    {SNPLP_DIAG_REFERENCE_KIND, "reference-kind"},
    {SNPLP_DIAG_PREREQUISITE_CYCLE, "prerequisite-cycle"},
    {SNPLP_DIAG_DURATION_OVER_MAX, "duration-over-max"},
    {SNPLP_DIAG_NOT_WELL_FORMED, "not-well-formed"},
    {SNPLP_DIAG_IO, "io"},
    {SNPLP_DIAG_DOCTYPE, "doctype"},
    {SNPLP_DIAG_TOO_DEEP, "too-deep"},
    {SNPLP_DIAG_TEXT_TOO_LONG, "text-too-long"},
    {SNPLP_DIAG_ATTRIBUTE_TOO_LONG, "attribute-too-long"},
    {SNPLP_DIAG_TOO_MANY_ATTRIBUTES, "too-many-attributes"},
    {SNPLP_DIAG_START_TAG_TOO_LONG, "start-tag-too-long"},
    {SNPLP_DIAG_TOO_MANY_FINDINGS, "too-many-findings"},
    {SNPLP_DIAG_WRONG_ROOT, "wrong-root"},
    {SNPLP_DIAG_UNKNOWN_ELEMENT, "unknown-element"},
    {SNPLP_DIAG_MISSING_ELEMENT, "missing-element"},
    {SNPLP_DIAG_UNKNOWN_ATTRIBUTE, "unknown-attribute"},
    {SNPLP_DIAG_MISSING_ATTRIBUTE, "missing-attribute"},
    {SNPLP_DIAG_BAD_VALUE, "bad-value"},
    {SNPLP_DIAG_UNEXPECTED_TEXT, "unexpected-text"},
    {SNPLP_DIAG_BAD_ID, "bad-id"},
    {SNPLP_DIAG_SCHEMA, "schema"},
    {SNPLP_DIAG_DUPLICATE_ID, "duplicate-id"},
    {SNPLP_DIAG_MODEL_VALUE, "model-value"},
    {SNPLP_DIAG_TEXT_NORMALIZED, "text-normalized"},
    {SNPLP_DIAG_MISSING_VALUE, "missing-value"},
    {SNPLP_DIAG_BAD_DATE, "bad-date"},
    {SNPLP_DIAG_BAD_TERRITORY, "bad-territory"},
    {SNPLP_DIAG_BAD_DIPLOMA_LEVEL, "bad-diploma-level"},
    {SNPLP_DIAG_BAD_STATUS, "bad-status"},
    {SNPLP_DIAG_UNKNOWN_RECORD, "unknown-record"},
    {SNPLP_DIAG_ID_TAKEN, "id-taken"},
    {SNPLP_DIAG_UNTIL_BEFORE_FROM, "until-before-from"},
    {SNPLP_DIAG_BAD_DAYS, "bad-days"},
    {SNPLP_DIAG_AMBIGUOUS_UPDATE, "ambiguous-update"},
    {SNPLP_DIAG_CSV_TOO_MANY_ROWS, "csv-too-many-rows"},
    {SNPLP_DIAG_YEARS_MISSING, "years-missing"},
    {SNPLP_DIAG_YEARS_SPAN, "years-span"},
    {SNPLP_DIAG_PERCENT_RANGE, "percent-range"},
    {SNPLP_DIAG_BAD_COUNT, "bad-count"},
    {SNPLP_DIAG_NUMERATOR_OVER_DENOMINATOR, "numerator-over-denominator"},
    {SNPLP_DIAG_YEAR_OUTSIDE, "year-outside"},
    {SNPLP_DIAG_ACTUAL_MISSING, "actual-missing"},
    {SNPLP_DIAG_CORE_ACTION_MISSING, "core-action-missing"},
    {SNPLP_DIAG_QUOTIENT_MISMATCH, "quotient-mismatch"},
    {SNPLP_DIAG_IMPLAUSIBLE_DATE, "implausible-date"},
    {SNPLP_DIAG_DUPLICATE_CONVENTION, "duplicate-convention"},
    {SNPLP_DIAG_UNIT_MISMATCH, "unit-mismatch"},
    {SNPLP_DIAG_AGGREGATION_MISMATCH, "aggregation-mismatch"},
    {SNPLP_DIAG_AGGREGATE_OVERFLOW, "aggregate-overflow"},
    {SNPLP_DIAG_CSV_IO, "csv-io"},
    {SNPLP_DIAG_CSV_ENCODING, "csv-encoding"},
    {SNPLP_DIAG_CSV_SYNTAX, "csv-syntax"},
    {SNPLP_DIAG_CSV_FIELD_TOO_LONG, "csv-field-too-long"},
    {SNPLP_DIAG_CSV_FIELD_COUNT, "csv-field-count"},
    {SNPLP_DIAG_CSV_HEADER, "csv-header"},
    {SNPLP_DIAG_CSV_TOO_MANY_ERRORS, "csv-too-many-errors"},
    {SNPLP_DIAG_UNKNOWN_CONVENTION, "unknown-convention"},
    {SNPLP_DIAG_UNKNOWN_INDICATOR, "unknown-indicator"},
    {SNPLP_DIAG_BAD_YEAR, "bad-year"},
    {SNPLP_DIAG_CSV_YEAR_OUTSIDE, "csv-year-outside"},
    {SNPLP_DIAG_BAD_NUMBER, "bad-number"},
    {SNPLP_DIAG_UNIT_DIFFERS, "unit-differs"},
    {SNPLP_DIAG_DUPLICATE_ROW, "duplicate-row"},
    {SNPLP_DIAG_RECORD_DANGLING_REFERENCE, "record-dangling-reference"},
    {SNPLP_DIAG_RECORD_REFERENCE_KIND, "record-reference-kind"},
    {SNPLP_DIAG_PROFESSION_IN_REFERENTIAL, "profession-in-referential"},
    {SNPLP_DIAG_WORKER_DATES, "worker-dates"},
    {SNPLP_DIAG_SESSION_DATES, "session-dates"},
    {SNPLP_DIAG_SESSION_DAYS_OVER_CALENDAR, "session-days-over-calendar"},
    {SNPLP_DIAG_ATTENDANCE_OUTSIDE_WORKFORCE, "attendance-outside-workforce"},
    {SNPLP_DIAG_DAYS_OVER_SESSION, "days-over-session"},
    {SNPLP_DIAG_SESSION_OVER_MODULE_DURATION, "session-over-module-duration"},
    {SNPLP_DIAG_SESSION_OVER_MAX_DAYS, "session-over-max-days"},
    {SNPLP_DIAG_DUPLICATE_ATTENDANCE, "duplicate-attendance"},
    {SNPLP_DIAG_OVERLAPPING_SESSIONS, "overlapping-sessions"},
    {SNPLP_DIAG_CAPACITY_EXCEEDED, "capacity-exceeded"},
    {SNPLP_DIAG_DAYS_WITHOUT_ATTENDANCE, "days-without-attendance"},
    {SNPLP_DIAG_ATTENDED_BELOW_SESSION, "attended-below-session"},
    {SNPLP_DIAG_RECORDS_ACTUAL_DIFFERS, "records-actual-differs"},
    {SNPLP_DIAG_RECORDS_VALUE_UNKNOWN, "records-value-unknown"},
    {SNPLP_DIAG_RECORDS_MEASURE_UNIT, "records-measure-unit"},
    {SNPLP_DIAG_LHEO_MISSING_DATA, "lheo-missing-data"},
    {SNPLP_DIAG_LHEO_TEXT_CUT, "lheo-text-cut"},
    {SNPLP_DIAG_LHEO_NO_SESSION, "lheo-no-session"},
    {SNPLP_DIAG_LHEO_NOTHING_WRITTEN, "lheo-nothing-written"},
    {SNPLP_DIAG_LHEO_THEME_MATCH, "lheo-theme-match"},
    {SNPLP_DIAG_LHEO_NO_THEME, "lheo-no-theme"},
    {SNPLP_DIAG_LHEO_LEFT_OUT, "lheo-left-out"},
    {SNPLP_DIAG_LHEO_VALUE_KEPT, "lheo-value-kept"},
    {SNPLP_DIAG_LHEO_ASSUMED, "lheo-assumed"},
};

const char *snplp_diag_code_name(snplp_diag_code code)
{
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (codes[i].code == code)
            return codes[i].name;
    return "unknown";
}

static const char *const severity_names[] = {"info", "warning", "error"};

const char *snplp_severity_name(snplp_severity severity)
{
    return snplp__name_of(severity_names, SNPLP__COUNT(severity_names), severity, "unknown");
}

int snplp_diagnostics_new(snplp_diagnostics **out)
{
    int rc;
    snplp_diagnostics *d = snplp__new_object(out, sizeof *d, __func__, &rc);
    if (!d)
        return rc;
    d->language = snplp_language_default();
    *out = d;
    return 0;
}

static void entry_free(snplp_diagnostic *e)
{
    snplp__free(e->item_id);
    snplp__free(e->convention_id);
    snplp__free(e->message);
    snplp__free(e->message_id);
    for (size_t i = 0; i < e->nparams; i++)
        snplp__free(e->params[i].value);
    snplp__free(e->params);
    snplp__free(e);
}

void snplp_diagnostics_clear(snplp_diagnostics *diags)
{
    if (!diags)
        return;
    for (uint32_t i = 0; i < diags->entries.n; i++)
        entry_free(diags->entries.v[i]);
    diags->entries.n = 0;
}

void snplp__diagnostics_truncate(snplp_diagnostics *diags, size_t n)
{
    if (!diags)
        return;
    while (diags->entries.n > n)
        entry_free(diags->entries.v[--diags->entries.n]);
}

void snplp_diagnostics_free(snplp_diagnostics *diags)
{
    if (!diags)
        return;
    snplp_diagnostics_clear(diags);
    snplp__list_dispose(&diags->entries);
    snplp__free(diags);
}

SNPLP_DEFINE_GETTER(size_t, snplp_diagnostics_count, snplp_diagnostics, SNPLP__AS_IS, entries.n, 0)

size_t snplp_diagnostics_count_severity(const snplp_diagnostics *diags, snplp_severity severity)
{
    size_t n = 0;
    for (uint32_t i = 0; diags && i < diags->entries.n; i++)
        n += ((const snplp_diagnostic *)diags->entries.v[i])->severity == severity;
    return n;
}

const snplp_diagnostic *snplp_diagnostics_at(const snplp_diagnostics *diags, size_t index)
{
    return diags ? snplp__list_at(&diags->entries, index) : NULL;
}

/* Appends an entry with every field; strings are copied. */
static int add_entry(snplp_diagnostics *diags, snplp_severity severity, snplp_diag_code code,
                     size_t line, size_t column, const char *convention_id, const char *item_id,
                     int32_t year, const char *message, const char *fn)
{
    if (!diags || !message)
        return snplp__bad_arg(fn, "NULL list or message");
    if (severity != SNPLP_SEVERITY_INFO && severity != SNPLP_SEVERITY_WARNING &&
        severity != SNPLP_SEVERITY_ERROR)
        return snplp__fail_in(fn, SNPLP_EINVAL, "unknown severity %d", (int)severity);
    snplp_diagnostic *e = snplp__calloc(1, sizeof *e);
    if (!e)
        return snplp__oom();
    int rc;
    if ((rc = snplp__text_copy(&e->message, message, NULL, SNPLP_TEXT_UNCHECKED, NULL, NULL)) ||
        (item_id &&
         (rc = snplp__text_copy(&e->item_id, item_id, NULL, SNPLP_TEXT_UNCHECKED, NULL, NULL))) ||
        (convention_id && (rc = snplp__text_copy(&e->convention_id, convention_id, NULL,
                                                 SNPLP_TEXT_UNCHECKED, NULL, NULL))) ||
        (rc = snplp__list_reserve(&diags->entries))) {
        entry_free(e);
        return rc;
    }
    e->severity = severity;
    e->code = code;
    e->line = line;
    e->column = column;
    e->year = year;
    snplp__list_push(&diags->entries, e);
    return 0;
}

int snplp_diagnostics_add(snplp_diagnostics *diags, snplp_severity severity, snplp_diag_code code,
                          size_t line, size_t column, const char *item_id, const char *message)
{
    return add_entry(diags, severity, code, line, column, NULL, item_id, 0, message, __func__);
}

SNPLP_DEFINE_GETTER(snplp_severity, snplp_diagnostic_severity, snplp_diagnostic, SNPLP__AS_IS,
                    severity, SNPLP_SEVERITY_INFO)
SNPLP_DEFINE_GETTER(snplp_diag_code, snplp_diagnostic_code, snplp_diagnostic, SNPLP__AS_IS, code,
                    SNPLP_DIAG_NONE)
SNPLP_DEFINE_GETTER(size_t, snplp_diagnostic_line, snplp_diagnostic, SNPLP__AS_IS, line, 0)
SNPLP_DEFINE_GETTER(size_t, snplp_diagnostic_column, snplp_diagnostic, SNPLP__AS_IS, column, 0)
SNPLP_DEFINE_GETTER(const char *, snplp_diagnostic_item_id, snplp_diagnostic, SNPLP__AS_IS, item_id,
                    NULL)
SNPLP_DEFINE_GETTER(const char *, snplp_diagnostic_convention_id, snplp_diagnostic, SNPLP__AS_IS,
                    convention_id, NULL)
SNPLP_DEFINE_GETTER(int32_t, snplp_diagnostic_year, snplp_diagnostic, SNPLP__AS_IS, year, 0)
SNPLP_DEFINE_GETTER(const char *, snplp_diagnostic_message, snplp_diagnostic, SNPLP__AS_IS, message,
                    NULL)

/* Formats the message and appends the entry. */
__attribute__((format(printf, 9, 0))) static int
add_formatted(snplp_diagnostics *diags, snplp_severity severity, snplp_diag_code code, size_t line,
              size_t column, const char *convention_id, const char *item_id, int32_t year,
              const char *fmt, va_list ap)
{
    char local[512];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(local, sizeof local, fmt, ap);
    int rc;
    if (n < 0) {
        rc = snplp__fail(SNPLP_EINTERNAL, "could not format a diagnostic");
    } else if ((size_t)n < sizeof local) {
        rc = add_entry(diags, severity, code, line, column, convention_id, item_id, year, local,
                       "snplp__diag");
    } else {
        char *big = snplp__malloc((size_t)n + 1);
        if (!big) {
            rc = snplp__oom();
        } else {
            vsnprintf(big, (size_t)n + 1, fmt, ap2);
            rc = add_entry(diags, severity, code, line, column, convention_id, item_id, year, big,
                           "snplp__diag");
            snplp__free(big);
        }
    }
    va_end(ap2);
    return rc;
}

int snplp__diag(snplp_diagnostics *diags, snplp_severity severity, snplp_diag_code code,
                size_t line, size_t column, const char *item_id, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = add_formatted(diags, severity, code, line, column, NULL, item_id, 0, fmt, ap);
    va_end(ap);
    return rc;
}

int snplp__diag_conv(snplp_diagnostics *diags, snplp_severity severity, snplp_diag_code code,
                     const char *convention_id, const char *item_id, int32_t year, const char *fmt,
                     ...)
{
    if (!diags)
        return 0; /* findings not wanted */
    va_list ap;
    va_start(ap, fmt);
    int rc = add_formatted(diags, severity, code, 0, 0, convention_id, item_id, year, fmt, ap);
    va_end(ap);
    return rc;
}

int snplp__diag_conv_at(snplp_diagnostics *diags, snplp_severity severity, snplp_diag_code code,
                        size_t line, size_t column, const char *convention_id, const char *item_id,
                        int32_t year, const char *message)
{
    return add_entry(diags, severity, code, line, column, convention_id, item_id, year, message,
                     "snplp__diag_conv_at");
}

/* ---- findings of the catalogue (docs/messages.md) ---- */

static const char *const param_type_names[] = {"text", "id",     "integer", "decimal",
                                               "date", "choice", "list"};

const char *snplp_param_type_name(snplp_param_type type)
{
    return (unsigned)type < SNPLP__COUNT(param_type_names) ? param_type_names[type] : "unknown";
}

const char *snplp__zu(snplp_numtext *t, size_t v)
{
    snprintf(t->s, sizeof t->s, "%zu", v);
    return t->s;
}

int snplp__finding_render(const snplp_finding *f, snplp_language lang, char **out)
{
    return snplp__msg_render(lang, "diag", snplp_diag_code_name(f->code), f->variant, f->args,
                             f->nargs, out);
}

int snplp__finding(snplp_diagnostics *diags, const snplp_finding *f)
{
    if (!diags)
        return 0;
    char *message = NULL;
    int rc = snplp__finding_render(f, diags->language, &message);
    if (rc)
        return rc;
    size_t before = diags->entries.n;
    rc = add_entry(diags, f->severity, f->code, f->line, f->column, f->convention_id, f->item_id,
                   f->year, message, "snplp__finding");
    snplp__free(message);
    if (rc)
        return rc;
    snplp_diagnostic *e = diags->entries.v[before];
    const char *name = snplp_diag_code_name(f->code);
    size_t n = strlen(name) + 1 + strlen(f->variant) + 1;
    e->message_id = snplp__malloc(n);
    e->params = f->nargs ? snplp__calloc(f->nargs, sizeof *e->params) : NULL;
    bool ok = e->message_id && (f->nargs == 0 || e->params);
    if (e->message_id)
        snprintf(e->message_id, n, "%s/%s", name, f->variant);
    e->variant = f->variant;
    for (size_t i = 0; ok && i < f->nargs; i++) {
        e->params[i].name = f->args[i].name;
        e->params[i].type = f->args[i].type;
        e->params[i].value = snplp__strdup(f->args[i].value ? f->args[i].value : "");
        e->nparams = i + 1;
        ok = e->params[i].value != NULL;
    }
    if (!ok) {
        snplp__diagnostics_truncate(diags, before);
        return snplp__oom();
    }
    return 0;
}

SNPLP_DEFINE_GETTER(const char *, snplp_diagnostic_message_id, snplp_diagnostic, SNPLP__AS_IS,
                    message_id, NULL)
SNPLP_DEFINE_GETTER(size_t, snplp_diagnostic_param_count, snplp_diagnostic, SNPLP__AS_IS, nparams,
                    0)

const char *snplp_diagnostic_param_name(const snplp_diagnostic *diag, size_t index)
{
    return diag && index < diag->nparams ? diag->params[index].name : NULL;
}

snplp_param_type snplp_diagnostic_param_type(const snplp_diagnostic *diag, size_t index)
{
    return diag && index < diag->nparams ? diag->params[index].type : SNPLP_PARAM_TEXT;
}

const char *snplp_diagnostic_param_value(const snplp_diagnostic *diag, size_t index)
{
    return diag && index < diag->nparams ? diag->params[index].value : NULL;
}

const char *snplp_diagnostic_param(const snplp_diagnostic *diag, const char *name)
{
    for (size_t i = 0; diag && name && i < diag->nparams; i++)
        if (strcmp(diag->params[i].name, name) == 0)
            return diag->params[i].value;
    return NULL;
}

int snplp__finding_of(const snplp_diagnostic *g, snplp_finding *f, snplp_msg_arg *args, size_t max)
{
    if (!g->message_id)
        return SNPLP_ENOTFOUND;
    if (g->nparams > max)
        return SNPLP_EINTERNAL;
    for (size_t i = 0; i < g->nparams; i++)
        args[i] = (snplp_msg_arg){g->params[i].name, g->params[i].type, g->params[i].value};
    *f = (snplp_finding){.severity = g->severity,
                         .code = g->code,
                         .variant = g->variant,
                         .line = g->line,
                         .column = g->column,
                         .convention_id = g->convention_id,
                         .item_id = g->item_id,
                         .year = g->year,
                         .args = args,
                         .nargs = g->nparams};
    return 0;
}

/* The message of e in lang into *out. */
static int render(const snplp_diagnostic *e, snplp_language lang, char **out)
{
    if (!e->message_id) {
        *out = snplp__strdup(e->message);
        return *out ? 0 : snplp__oom();
    }
    snplp_msg_arg args[16];
    if (e->nparams > 16)
        return snplp__fail(SNPLP_EINTERNAL, "a finding with more than 16 parameters");
    for (size_t i = 0; i < e->nparams; i++)
        args[i] = (snplp_msg_arg){e->params[i].name, e->params[i].type, e->params[i].value};
    return snplp__msg_render(lang, "diag", snplp_diag_code_name(e->code), e->variant, args,
                             e->nparams, out);
}

int snplp_diagnostic_render(const snplp_diagnostic *diag, snplp_language lang, char **out)
{
    if (!diag || !out)
        return snplp__bad_arg(__func__, "NULL argument");
    if (!snplp_language_code(lang))
        return snplp__fail_in(__func__, SNPLP_EINVAL, "unknown language %d", (int)lang);
    *out = NULL;
    return render(diag, lang, out);
}

int snplp_diagnostics_set_language(snplp_diagnostics *diags, snplp_language lang)
{
    if (!diags)
        return snplp__bad_arg(__func__, "NULL list");
    if (!snplp_language_code(lang))
        return snplp__fail_in(__func__, SNPLP_EINVAL, "unknown language %d", (int)lang);
    if (lang == diags->language)
        return SNPLP_OK;
    /* every message made first, then swapped in: a failure changes nothing */
    size_t n = diags->entries.n;
    char **made = n ? snplp__calloc(n, sizeof *made) : NULL;
    if (n && !made)
        return snplp__oom();
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        const snplp_diagnostic *e = diags->entries.v[i];
        if (e->message_id)
            rc = render(e, lang, &made[i]);
    }
    for (size_t i = 0; i < n; i++) {
        snplp_diagnostic *e = diags->entries.v[i];
        if (rc) {
            snplp__free(made[i]);
        } else if (made[i]) {
            snplp__free(e->message);
            e->message = made[i];
        }
    }
    snplp__free(made);
    if (rc)
        return rc;
    diags->language = lang;
    return SNPLP_OK;
}

snplp_language snplp_diagnostics_language(const snplp_diagnostics *diags)
{
    return diags ? diags->language : SNPLP_LANGUAGE_EN;
}
