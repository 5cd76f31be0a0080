/* Writing a file of conventions as XML: deterministic (the list's order, years increasing,
 * fixed forms, two-space indentation), to a buffer, a callback, or a file replaced
 * atomically. docs/xml-format.md describes the elements. */
#include <string.h>

#include <snplp/snplp.h>

#include "model/conventions/convention_model.h"
#include "io/sink.h"
#include "exchange/xml/writer.h"

typedef snplp_sink sink;

static void put(sink *s, const char *text)
{
    snplp__out_put(s, text);
}

static void attr_year(sink *s, const char *name, int32_t year)
{
    snplp__xml_attr_int(s, name, year);
}

static void attr_date(sink *s, const char *name, snplp_date d)
{
    char buf[SNPLP_DATE_TEXT_SIZE];
    if (snplp_date_format(buf, sizeof buf, d) == SNPLP_OK)
        snplp__xml_attr(s, name, buf);
}

static void attr_decimal(sink *s, const char *name, snplp_decimal d)
{
    char buf[SNPLP_DECIMAL_MAX_TEXT];
    if (snplp_decimal_format(buf, sizeof buf, d) == SNPLP_OK)
        snplp__xml_attr(s, name, buf);
}

/* Closes an item's element: its extension elements, then the end tag. */
static void close_item(sink *s, int depth, const char *name, const snplp_ext *e)
{
    snplp__xml_extensions(s, depth + 1, e);
    snplp__xml_indent(s, depth);
    put(s, "</");
    put(s, name);
    put(s, ">");
}

static void write_action(sink *s, const snplp_action *a)
{
    snplp__xml_indent(s, 2);
    put(s, "<action");
    snplp__xml_attr(s, "id", a->id);
    snplp__xml_attr(s, "objective", snplp_action_objective_name(a->objective));
    snplp__xml_foreign_attrs(s, &a->ext);
    put(s, ">");
    snplp__xml_text_element(s, 3, "title", a->title);
    snplp__xml_text_element(s, 3, "description", a->description);
    for (size_t i = 0; i < a->statuses.n; i++) {
        const snplp_status_year *st = snplp__yeartab_at(&a->statuses, sizeof *st, i);
        snplp__xml_indent(s, 3);
        put(s, "<status");
        attr_year(s, "year", st->year);
        snplp__xml_attr(s, "value", snplp_action_status_name(st->status));
        snplp__xml_end_with_texts(s, 3, "status", "reason", st->reason, NULL, NULL);
    }
    close_item(s, 2, "action", &a->ext);
}

static void write_indicator(sink *s, const snplp_indicator *ind)
{
    snplp__xml_indent(s, 2);
    put(s, "<indicator");
    snplp__xml_attr(s, "id", ind->id);
    snplp__xml_attr(s, "unit", snplp_unit_name(ind->unit));
    if (ind->polarity != SNPLP_POLARITY_HIGHER)
        snplp__xml_attr(s, "polarity", snplp_polarity_name(ind->polarity));
    if (ind->aggregation != SNPLP_AGGREGATION_NONE)
        snplp__xml_attr(s, "aggregation", snplp_aggregation_name(ind->aggregation));
    if (ind->weight_id)
        snplp__xml_attr(s, "weight", ind->weight_id);
    if (ind->numerator_id) {
        snplp__xml_attr(s, "numerator", ind->numerator_id);
        snplp__xml_attr(s, "denominator", ind->denominator_id);
    }
    snplp__xml_foreign_attrs(s, &ind->ext);
    put(s, ">");
    snplp__xml_text_element(s, 3, "label", ind->label);
    if (ind->has_baseline) {
        snplp__xml_indent(s, 3);
        put(s, "<baseline");
        attr_year(s, "year", ind->baseline_year);
        attr_decimal(s, "value", ind->baseline);
        put(s, "/>");
    }
    for (size_t i = 0; i < ind->values.n; i++) {
        const snplp_value_year *v = snplp__yeartab_at(&ind->values, sizeof *v, i);
        snplp__xml_indent(s, 3);
        put(s, "<values");
        attr_year(s, "year", v->year);
        if (v->has_target)
            attr_decimal(s, "target", v->target);
        if (v->has_actual)
            attr_decimal(s, "actual", v->actual);
        snplp__xml_end_with_texts(s, 3, "values", "source", v->source, "comment", v->comment);
    }
    /* format 1.1: what it counts in training records, after the extension elements (the
     * schema extends the 1.0 type, and an XSD extension appends to its content) */
    snplp__xml_extensions(s, 3, &ind->ext);
    if (ind->measure != SNPLP_MEASURE_NONE) {
        static const char *const ref_names[] = {"theme-ref", "module-ref", "plan-ref",
                                                "profession-ref"};
        snplp__xml_indent(s, 3);
        put(s, "<from-records");
        snplp__xml_attr(s, "measure", snplp_records_measure_name(ind->measure));
        bool any = false;
        for (size_t k = 0; k < SNPLP_INDICATOR_FILTER_KINDS; k++)
            for (size_t i = 0; i < ind->filters[k].n; i++) {
                if (!any)
                    put(s, ">");
                any = true;
                snplp__xml_indent(s, 4);
                put(s, "<");
                put(s, ref_names[k]);
                snplp__xml_attr(s, "ref", ind->filters[k].v[i]);
                put(s, "/>");
            }
        if (any) {
            snplp__xml_indent(s, 3);
            put(s, "</from-records>");
        } else {
            put(s, "/>");
        }
    }
    snplp__xml_indent(s, 2);
    put(s, "</indicator>");
}

static void write_convention(sink *s, const snplp_convention *c)
{
    snplp__xml_indent(s, 1);
    put(s, "<convention");
    snplp__xml_attr(s, "id", c->id);
    snplp__xml_attr(s, "territory-kind", snplp_territory_kind_name(c->kind));
    snplp__xml_attr(s, "territory-code", c->code);
    if (c->first_year) {
        attr_year(s, "first-year", c->first_year);
        attr_year(s, "last-year", c->last_year);
    }
    if (c->has_signature_date)
        attr_date(s, "signature-date", c->signature_date);
    snplp__xml_foreign_attrs(s, &c->ext);
    put(s, ">");
    snplp__xml_text_element(s, 2, "territory-name", c->name);
    for (uint32_t i = 0; i < c->signatories.n; i++) {
        const snplp_signatory *sg = c->signatories.v[i];
        snplp__xml_indent(s, 2);
        put(s, "<signatory>");
        snplp__xml_text_element(s, 3, "role", sg->role);
        snplp__xml_text_element(s, 3, "name", sg->name);
        snplp__xml_indent(s, 2);
        put(s, "</signatory>");
    }
    for (size_t i = 0; i < c->funding.n; i++) {
        const snplp_funding_year *f = snplp__yeartab_at(&c->funding, sizeof *f, i);
        snplp__xml_indent(s, 2);
        put(s, "<funding");
        attr_year(s, "year", f->year);
        snplp__xml_attr_int(s, "state-cents", f->state_cents);
        snplp__xml_attr_int(s, "own-cents", f->own_cents);
        put(s, "/>");
    }
    for (size_t i = 0; i < c->reports.n; i++) {
        const snplp_report_year *r = snplp__yeartab_at(&c->reports, sizeof *r, i);
        snplp__xml_indent(s, 2);
        put(s, "<report");
        attr_year(s, "year", r->year);
        attr_date(s, "sent", r->sent);
        put(s, "/>");
    }
    for (uint32_t i = 0; i < c->actions.n; i++)
        write_action(s, c->actions.v[i]);
    for (uint32_t i = 0; i < c->indicators.n; i++)
        write_indicator(s, c->indicators.v[i]);
    close_item(s, 1, "convention", &c->ext);
}

static int write_document(const void *doc, sink *s)
{
    const snplp_convention_list *list = doc;
    put(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    put(s, snplp__convention_list_prolog(list)); /* the comments before the root, if read */
    put(s, "<conventions xmlns=\"");
    put(s, SNPLP_XML_NAMESPACE);
    put(s, "\">");
    for (size_t i = 0; i < snplp_convention_list_count(list); i++)
        write_convention(s, snplp_convention_list_at(list, i));
    put(s, "\n</conventions>\n");
    snplp__out_flush(s);
    return s->rc;
}

/* A list that can be written: not NULL, not empty (the format needs one convention). */
static int check_list(const snplp_convention_list *list, const char *fn)
{
    if (!list)
        return snplp__bad_arg(fn, "NULL list");
    if (snplp_convention_list_count(list) == 0)
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "the list is empty (or not a list): a file holds one convention "
                              "at least");
    return SNPLP_OK;
}

int snplp_conventions_export_callback(const snplp_convention_list *list, snplp_write_fn write,
                                      void *user)
{
    int rc = check_list(list, __func__);
    if (rc)
        return rc;
    if (!write)
        return snplp__bad_arg(__func__, "NULL write");
    return snplp__out_callback(write_document, list, write, user, __func__);
}

int snplp_conventions_export_memory(char **out, size_t *size, const snplp_convention_list *list)
{
    int rc = check_list(list, __func__);
    if (rc)
        return rc;
    if (!out)
        return snplp__bad_arg(__func__, "NULL out");
    return snplp__out_memory(write_document, list, out, size, __func__);
}

int snplp_conventions_export_file(const snplp_convention_list *list, const char *path)
{
    int rc = check_list(list, __func__);
    if (rc)
        return rc;
    if (!path || !path[0])
        return snplp__bad_arg(__func__, "no path");
    return snplp__out_file(write_document, list, path, __func__);
}
