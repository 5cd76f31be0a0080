/* Writing indicator values as CSV (csv.h, docs/csv.md): through io/sink.h (memory, callback,
 * atomic file), in the dialect's form. */

#include <snplp/csv.h>

#include <stdio.h>

#include "exchange/csv/dialect.h"
#include "io/sink.h"
#include "model/conventions/convention_model.h"

/* ---- export ---- */

typedef struct export_doc {
    const snplp_convention_list *list;
    const dialect_info *d;
} export_doc;

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
    int rc = snplp__csv_number_format(n, d, value, buf, sizeof buf);
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
    snplp__csv_put_field(s, d, c->id);
    snplp__out_putn(s, &sep, 1);
    snplp__csv_put_field(s, d, ind->id);
    snplp__out_putn(s, &sep, 1);
    put_year(s, year);
    snplp__out_putn(s, &sep, 1);
    put_value(s, n, d, v && v->has_target, v ? v->target : (snplp_decimal){0, 0});
    snplp__out_putn(s, &sep, 1);
    put_value(s, n, d, v && v->has_actual, v ? v->actual : (snplp_decimal){0, 0});
    snplp__out_putn(s, &sep, 1);
    snplp__csv_put_field(s, d, snplp_unit_name(ind->unit));
    snplp__out_putn(s, &sep, 1);
    snplp__csv_put_field(s, d, v ? v->source : NULL);
    snplp__out_putn(s, &sep, 1);
    snplp__csv_put_field(s, d, v ? v->comment : NULL);
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
    int rc = snplp__csv_numfmt_open(&n, e->d);
    if (rc) {
        s->rc = rc;
        return rc;
    }
    if (e->d->bom)
        snplp__out_putn(s, "\xEF\xBB\xBF", 3);
    char header[128];
    snplp__csv_header_text(header, sizeof header, e->d);
    snplp__out_put(s, header);
    snplp__out_putn(s, "\r\n", 2);
    for (size_t k = 0; k < snplp_convention_list_count(e->list) && s->rc == SNPLP_OK; k++) {
        const snplp_convention *c = snplp_convention_list_at(e->list, k);
        for (uint32_t j = 0; j < c->indicators.n && s->rc == SNPLP_OK; j++)
            put_indicator(s, &n, e->d, c, c->indicators.v[j]);
    }
    snplp__csv_numfmt_close(&n);
    snplp__out_flush(s);
    return s->rc;
}

int snplp_csv_export_memory(char **out, size_t *size, const snplp_convention_list *list,
                            snplp_csv_dialect dialect)
{
    export_doc doc = {list, snplp__csv_dialect_of(dialect)};
    if (!out || !snplp__convention_list_of(list) || !doc.d)
        return snplp__bad_arg(__func__, "NULL out or list, or unknown dialect");
    return snplp__out_memory(write_document, &doc, out, size, __func__);
}

int snplp_csv_export_callback(const snplp_convention_list *list, snplp_csv_dialect dialect,
                              snplp_write_fn write, void *user)
{
    export_doc doc = {list, snplp__csv_dialect_of(dialect)};
    if (!snplp__convention_list_of(list) || !write || !doc.d)
        return snplp__bad_arg(__func__, "NULL list or write, or unknown dialect");
    return snplp__out_callback(write_document, &doc, write, user, __func__);
}

int snplp_csv_export_file(const snplp_convention_list *list, snplp_csv_dialect dialect,
                          const char *path)
{
    export_doc doc = {list, snplp__csv_dialect_of(dialect)};
    if (!snplp__convention_list_of(list) || !path || !path[0] || !doc.d)
        return snplp__bad_arg(__func__, "NULL list, no path, or unknown dialect");
    return snplp__out_file(write_document, &doc, path, __func__);
}
