/* Writing a coverage table of training records as CSV (csv_records.h, docs/records.md "CSV"):
 * through io/sink.h (memory, callback, atomic file), in the dialect's form. The table is read
 * through its public API (coverage.h). */

#include <snplp/csv_records.h>

#include <stdio.h>

#include "exchange/csv/dialect.h"
#include "io/sink.h"
#include "util/errors.h"

typedef struct coverage_doc {
    const snplp_coverage *coverage;
    const dialect_info *d;
} coverage_doc;

/* A whole number, in ASCII digits (no grouping in either dialect). */
static void put_count(snplp_sink *s, size_t v)
{
    char buf[24];
    size_t o = sizeof buf;
    do {
        buf[--o] = (char)('0' + v % 10);
        v /= 10;
    } while (v && o > 0);
    snplp__out_putn(s, buf + o, sizeof buf - o);
}

/* A decimal formatted by ICU in the dialect's form. */
static void put_decimal(snplp_sink *s, numfmt *n, const dialect_info *d, snplp_decimal v)
{
    if (s->rc != SNPLP_OK)
        return;
    char buf[48];
    int rc = snplp__csv_number_format(n, d, v, buf, sizeof buf);
    if (rc) {
        s->rc = rc;
        return;
    }
    snplp__out_put(s, buf);
}

static const struct axis {
    unsigned flag;
    const char *name;
    const char *(*get)(const snplp_coverage *, size_t);
} axes[] = {
    {SNPLP_COVERAGE_BY_THEME, "theme", snplp_coverage_theme_id},
    {SNPLP_COVERAGE_BY_PLAN, "plan", snplp_coverage_plan_id},
    {SNPLP_COVERAGE_BY_PROFESSION, "profession", snplp_coverage_profession_id},
    {SNPLP_COVERAGE_BY_TERRITORY, "territory", snplp_coverage_territory_code},
};

static const char *const figures[] = {"workforce", "trained", "rate", "days", "days-unknown"};

static int write_coverage(const void *doc, snplp_sink *s)
{
    const coverage_doc *e = doc;
    const snplp_coverage *c = e->coverage;
    const char sep = e->d->sep;
    const unsigned by = snplp_coverage_axes(c);
    numfmt n;
    int rc = snplp__csv_numfmt_open(&n, e->d);
    if (rc) {
        s->rc = rc;
        return rc;
    }
    if (e->d->bom)
        snplp__out_putn(s, "\xEF\xBB\xBF", 3);
    for (size_t k = 0; k < sizeof axes / sizeof axes[0]; k++)
        if (by & axes[k].flag) {
            snplp__out_put(s, axes[k].name);
            snplp__out_putn(s, &sep, 1);
        }
    for (size_t k = 0; k < sizeof figures / sizeof figures[0]; k++) {
        if (k)
            snplp__out_putn(s, &sep, 1);
        snplp__out_put(s, figures[k]);
    }
    snplp__out_putn(s, "\r\n", 2);
    size_t rows = snplp_coverage_row_count(c);
    for (size_t row = 0; row < rows && s->rc == SNPLP_OK; row++) {
        for (size_t k = 0; k < sizeof axes / sizeof axes[0]; k++)
            if (by & axes[k].flag) {
                snplp__csv_put_field(s, e->d, axes[k].get(c, row));
                snplp__out_putn(s, &sep, 1);
            }
        put_count(s, snplp_coverage_workforce(c, row));
        snplp__out_putn(s, &sep, 1);
        put_count(s, snplp_coverage_trained(c, row));
        snplp__out_putn(s, &sep, 1);
        snplp_decimal v;
        if (snplp_coverage_rate(&v, c, row) == SNPLP_OK) /* none without a workforce */
            put_decimal(s, &n, e->d, v);
        snplp__out_putn(s, &sep, 1);
        if (snplp_coverage_days(&v, c, row) == SNPLP_OK)
            put_decimal(s, &n, e->d, v);
        snplp__out_putn(s, &sep, 1);
        put_count(s, snplp_coverage_days_unknown(c, row));
        snplp__out_putn(s, "\r\n", 2);
    }
    snplp__csv_numfmt_close(&n);
    snplp__out_flush(s);
    return s->rc;
}

int snplp_csv_export_coverage_memory(char **out, size_t *size, const snplp_coverage *coverage,
                                     snplp_csv_dialect dialect)
{
    coverage_doc doc = {coverage, snplp__csv_dialect_of(dialect)};
    if (!out || !coverage || !doc.d)
        return snplp__bad_arg(__func__, "NULL out or coverage, or unknown dialect");
    return snplp__out_memory(write_coverage, &doc, out, size, __func__);
}

int snplp_csv_export_coverage_callback(const snplp_coverage *coverage, snplp_csv_dialect dialect,
                                       snplp_write_fn write, void *user)
{
    coverage_doc doc = {coverage, snplp__csv_dialect_of(dialect)};
    if (!coverage || !write || !doc.d)
        return snplp__bad_arg(__func__, "NULL coverage or write, or unknown dialect");
    return snplp__out_callback(write_coverage, &doc, write, user, __func__);
}

int snplp_csv_export_coverage_file(const snplp_coverage *coverage, snplp_csv_dialect dialect,
                                   const char *path)
{
    coverage_doc doc = {coverage, snplp__csv_dialect_of(dialect)};
    if (!coverage || !path || !path[0] || !doc.d)
        return snplp__bad_arg(__func__, "NULL coverage, no path, or unknown dialect");
    return snplp__out_file(write_coverage, &doc, path, __func__);
}
