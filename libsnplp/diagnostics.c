/* Lists of findings: severity, stable code, position, item id, message. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "errors.h"
#include "list.h"
#include "text.h"

struct snplp_diagnostic {
    snplp_severity severity;
    snplp_diag_code code;
    size_t line;
    size_t column;
    char *item_id;
    char *message;
};

struct snplp_diagnostics {
    snplp_list entries;
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
    {SNPLP_DIAG_TEXT_NORMALIZED, "text-normalized"},
};

const char *snplp_diag_code_name(snplp_diag_code code)
{
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (codes[i].code == code)
            return codes[i].name;
    return "unknown";
}

const char *snplp_severity_name(snplp_severity severity)
{
    switch (severity) {
    case SNPLP_SEVERITY_INFO:
        return "info";
    case SNPLP_SEVERITY_WARNING:
        return "warning";
    case SNPLP_SEVERITY_ERROR:
        return "error";
    }
    return "unknown";
}

int snplp_diagnostics_new(snplp_diagnostics **out)
{
    if (!out)
        return snplp__bad_arg(__func__, "out is NULL");
    snplp_diagnostics *d = snplp__calloc(1, sizeof *d);
    if (!d)
        return snplp__oom();
    *out = d;
    return 0;
}

static void entry_free(snplp_diagnostic *e)
{
    snplp__free(e->item_id);
    snplp__free(e->message);
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

void snplp_diagnostics_free(snplp_diagnostics *diags)
{
    if (!diags)
        return;
    snplp_diagnostics_clear(diags);
    snplp__list_dispose(&diags->entries);
    snplp__free(diags);
}

size_t snplp_diagnostics_count(const snplp_diagnostics *diags)
{
    return diags ? diags->entries.n : 0;
}

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

int snplp_diagnostics_add(snplp_diagnostics *diags, snplp_severity severity, snplp_diag_code code,
                          size_t line, size_t column, const char *item_id, const char *message)
{
    if (!diags || !message)
        return snplp__bad_arg(__func__, "NULL list or message");
    if (severity != SNPLP_SEVERITY_INFO && severity != SNPLP_SEVERITY_WARNING &&
        severity != SNPLP_SEVERITY_ERROR)
        return snplp__fail(SNPLP_EINVAL, "%s: unknown severity %d", __func__, (int)severity);
    snplp_diagnostic *e = snplp__calloc(1, sizeof *e);
    if (!e)
        return snplp__oom();
    int rc;
    if ((rc = snplp__text_copy(&e->message, message, NULL)) ||
        (item_id && (rc = snplp__text_copy(&e->item_id, item_id, NULL))) ||
        (rc = snplp__list_reserve(&diags->entries))) {
        entry_free(e);
        return rc;
    }
    e->severity = severity;
    e->code = code;
    e->line = line;
    e->column = column;
    snplp__list_push(&diags->entries, e);
    return 0;
}

snplp_severity snplp_diagnostic_severity(const snplp_diagnostic *diag)
{
    return diag ? diag->severity : SNPLP_SEVERITY_INFO;
}

snplp_diag_code snplp_diagnostic_code(const snplp_diagnostic *diag)
{
    return diag ? diag->code : SNPLP_DIAG_NONE;
}

size_t snplp_diagnostic_line(const snplp_diagnostic *diag)
{
    return diag ? diag->line : 0;
}

size_t snplp_diagnostic_column(const snplp_diagnostic *diag)
{
    return diag ? diag->column : 0;
}

const char *snplp_diagnostic_item_id(const snplp_diagnostic *diag)
{
    return diag ? diag->item_id : NULL;
}

const char *snplp_diagnostic_message(const snplp_diagnostic *diag)
{
    return diag ? diag->message : NULL;
}

int snplp__diag(snplp_diagnostics *diags, snplp_severity severity, snplp_diag_code code,
                size_t line, size_t column, const char *item_id, const char *fmt, ...)
{
    char local[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(local, sizeof local, fmt, ap);
    va_end(ap);
    if (n < 0)
        return snplp__fail(SNPLP_EINTERNAL, "could not format a diagnostic");
    if ((size_t)n < sizeof local)
        return snplp_diagnostics_add(diags, severity, code, line, column, item_id, local);
    char *big = snplp__malloc((size_t)n + 1);
    if (!big)
        return snplp__oom();
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    int rc = snplp_diagnostics_add(diags, severity, code, line, column, item_id, big);
    snplp__free(big);
    return rc;
}
