/* Writing a referential as XML: deterministic (document order, fixed number forms, two-space
 * indentation, UTF-8 with a declaration), to a buffer, a callback, or a file replaced
 * atomically. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <snplp/snplp.h>

#include "util/alloc.h"
#include "util/errors.h"
#include "model/referential/item.h"
#include "io/sink.h"
#include "exchange/xml/writer.h"
#include "exchange/xml/fragment.h"
#include "util/days.h"

typedef snplp_sink sink;

static void put(sink *s, const char *text)
{
    snplp__out_put(s, text);
}

static void indent(sink *s, int depth)
{
    snplp__xml_indent(s, depth);
}

static void attr(sink *s, const char *name, const char *value)
{
    snplp__xml_attr(s, name, value);
}

static void attr_int(sink *s, const char *name, int64_t v)
{
    snplp__xml_attr_int(s, name, v);
}

static void attr_days(sink *s, const char *name, double days)
{
    char buf[40];
    snplp__days_format(buf, sizeof buf, days);
    attr(s, name, buf);
}

static void foreign_attrs(sink *s, const snplp_item *it)
{
    snplp__xml_foreign_attrs(s, snplp__ext_get(it));
}

static void text_element(sink *s, int depth, const char *name, const char *text)
{
    snplp__xml_text_element(s, depth, name, text);
}

static void labels(sink *s, int depth, const snplp_item *it)
{
    const snplp_list *l = snplp__item_list(it, LIST_LABELS);
    for (uint32_t i = 0; l && i < l->n; i++)
        text_element(s, depth, "label", l->v[i]);
}

static void extensions(sink *s, int depth, const snplp_item *it)
{
    snplp__xml_extensions(s, depth, snplp__ext_get(it));
}

static void open_item(sink *s, int depth, const char *name, const snplp_item *it, bool with_id)
{
    indent(s, depth);
    put(s, "<");
    put(s, name);
    if (with_id)
        attr(s, "id", it->id);
}

static void close_start(sink *s, const snplp_item *it)
{
    foreign_attrs(s, it);
    put(s, ">");
}

static void close_item(sink *s, int depth, const char *name, const snplp_item *it)
{
    extensions(s, depth + 1, it);
    indent(s, depth);
    put(s, "</");
    put(s, name);
    put(s, ">");
}

static const char *text(const snplp_item *it, snplp_field f)
{
    return snplp__item_text(it, f);
}

/* objective, outcome, recommendation, diploma rule, figure: an id and a <text>. */
static void text_item(sink *s, int depth, const char *name, const snplp_item *it)
{
    open_item(s, depth, name, it, true);
    if (it->kind == SNPLP_KIND_OUTCOME && it->flag)
        attr(s, "for-involved", "true");
    if (it->kind == SNPLP_KIND_DIPLOMA_RULE && it->has_number)
        attr_int(s, "min-level", it->number.integer);
    if (it->kind == SNPLP_KIND_FIGURE)
        attr_int(s, "value", it->number.integer);
    close_start(s, it);
    text_element(s, depth + 1, "text", text(it, SNPLP_FIELD_TEXT));
    close_item(s, depth, name, it);
}

static void list_of(sink *s, int depth, const char *name, const snplp_item *it, snplp_list_id l)
{
    const snplp_list *list = snplp__item_list(it, l);
    for (uint32_t i = 0; list && i < list->n; i++)
        text_item(s, depth, name, list->v[i]);
}

/* A content tree, without recursion (content nests to any depth in the model). */
static void content_tree(sink *s, int depth, const snplp_item *top)
{
    const snplp_item *it = top;
    int d = depth;
    for (;;) {
        open_item(s, d, "content", it, true);
        attr(s, "style", snplp_style_name((snplp_style)it->variant));
        close_start(s, it);
        text_element(s, d + 1, "text", text(it, SNPLP_FIELD_TEXT));
        const snplp_list *kids = snplp__item_list(it, LIST_CONTENTS);
        if (kids && kids->n) {
            it = kids->v[0];
            d++;
            continue;
        }
        /* close this item and every ancestor whose last child it is, then go to a sibling */
        for (;;) {
            close_item(s, d, "content", it);
            if (it == top || s->rc != SNPLP_OK)
                return;
            const snplp_list *sib = snplp__item_list(it->parent, LIST_CONTENTS);
            if (it->parent->kind == SNPLP_KIND_CONTENT && it->index + 1 < sib->n) {
                it = sib->v[it->index + 1];
                break;
            }
            it = it->parent;
            d--;
        }
    }
}

static bool strategy_empty(const snplp_item *it)
{
    const snplp_list *l = snplp__item_list(it, LIST_LABELS);
    return !text(it, SNPLP_FIELD_TITLE) && !text(it, SNPLP_FIELD_DESCRIPTION) &&
           !text(it, SNPLP_FIELD_BUDGET_TEXT) && !text(it, SNPLP_FIELD_LAUNCH_DATE) &&
           !it->has_number && !it->flag && (!l || l->n == 0) && !it->has_ext;
}

static bool plan_empty(const snplp_item *it)
{
    const snplp_list *o = snplp__item_list(it, LIST_OBJECTIVES);
    const snplp_list *u = snplp__item_list(it, LIST_OUTCOMES);
    return !text(it, SNPLP_FIELD_TITLE) && !text(it, SNPLP_FIELD_DESCRIPTION) &&
           !text(it, SNPLP_FIELD_AUDIENCE) && !it->has_number && o->n == 0 && u->n == 0 &&
           !it->has_ext;
}

static void write_strategy(sink *s, const snplp_item *it)
{
    if (strategy_empty(it))
        return;
    indent(s, 1);
    put(s, "<strategy");
    if (text(it, SNPLP_FIELD_LAUNCH_DATE))
        attr(s, "launch-date", text(it, SNPLP_FIELD_LAUNCH_DATE));
    if (it->has_number)
        attr_int(s, "budget-cents", it->number.integer);
    if (it->flag)
        attr(s, "levers-open", "true");
    close_start(s, it);
    text_element(s, 2, "title", text(it, SNPLP_FIELD_TITLE));
    labels(s, 2, it);
    text_element(s, 2, "description", text(it, SNPLP_FIELD_DESCRIPTION));
    text_element(s, 2, "budget-text", text(it, SNPLP_FIELD_BUDGET_TEXT));
    close_item(s, 1, "strategy", it);
}

static void write_titled(sink *s, const char *name, const snplp_item *it)
{
    open_item(s, 1, name, it, true);
    close_start(s, it);
    text_element(s, 2, "title", text(it, SNPLP_FIELD_TITLE));
    text_element(s, 2, "description", text(it, SNPLP_FIELD_DESCRIPTION));
    close_item(s, 1, name, it);
}

static void write_training_plan(sink *s, const snplp_item *it)
{
    if (plan_empty(it))
        return;
    indent(s, 1);
    put(s, "<training-plan");
    if (it->has_number)
        attr_days(s, "max-module-days", it->number.real);
    close_start(s, it);
    text_element(s, 2, "title", text(it, SNPLP_FIELD_TITLE));
    text_element(s, 2, "description", text(it, SNPLP_FIELD_DESCRIPTION));
    text_element(s, 2, "audience", text(it, SNPLP_FIELD_AUDIENCE));
    list_of(s, 2, "objective", it, LIST_OBJECTIVES);
    list_of(s, 2, "outcome", it, LIST_OUTCOMES);
    close_item(s, 1, "training-plan", it);
}

static void write_theme(sink *s, const snplp_item *it)
{
    open_item(s, 1, "theme", it, true);
    close_start(s, it);
    text_element(s, 2, "title", text(it, SNPLP_FIELD_TITLE));
    labels(s, 2, it);
    text_element(s, 2, "description", text(it, SNPLP_FIELD_DESCRIPTION));
    list_of(s, 2, "objective", it, LIST_OBJECTIVES);
    list_of(s, 2, "outcome", it, LIST_OUTCOMES);
    list_of(s, 2, "recommendation", it, LIST_RECOMMENDATIONS);
    close_item(s, 1, "theme", it);
}

static void references(sink *s, const char *name, const snplp_item *it, snplp_list_id l)
{
    const snplp_list *list = snplp__item_list(it, l);
    for (uint32_t i = 0; list && i < list->n; i++) {
        indent(s, 2);
        put(s, "<");
        put(s, name);
        attr(s, "ref", list->v[i]);
        put(s, "/>");
    }
}

static void write_module(sink *s, const snplp_item *it)
{
    open_item(s, 1, "module", it, true);
    attr(s, "theme", text(it, SNPLP_FIELD_THEME_ID));
    attr(s, "level", snplp_level_name((snplp_level)it->variant));
    if (it->has_number)
        attr_days(s, "duration-days", it->number.real);
    close_start(s, it);
    text_element(s, 2, "title", text(it, SNPLP_FIELD_TITLE));
    text_element(s, 2, "subtitle", text(it, SNPLP_FIELD_SUBTITLE));
    text_element(s, 2, "audience", text(it, SNPLP_FIELD_AUDIENCE));
    text_element(s, 2, "role", text(it, SNPLP_FIELD_ROLE));
    references(s, "prerequisite", it, LIST_PREREQUISITES);
    references(s, "profession-ref", it, LIST_PROFESSION_LINKS);
    const snplp_list *comps = snplp__item_list(it, LIST_COMPETENCES);
    for (uint32_t i = 0; i < comps->n; i++) {
        const snplp_item *c = comps->v[i];
        open_item(s, 2, "competence", c, true);
        close_start(s, c);
        text_element(s, 3, "title", text(c, SNPLP_FIELD_TITLE));
        const snplp_list *contents = snplp__item_list(c, LIST_CONTENTS);
        for (uint32_t j = 0; j < contents->n; j++)
            content_tree(s, 3, contents->v[j]);
        close_item(s, 2, "competence", c);
    }
    list_of(s, 2, "recommendation", it, LIST_RECOMMENDATIONS);
    close_item(s, 1, "module", it);
}

static void write_profession(sink *s, const snplp_item *it)
{
    open_item(s, 1, "profession", it, true);
    attr(s, "category", snplp_category_name((snplp_category)it->variant));
    close_start(s, it);
    text_element(s, 2, "title", text(it, SNPLP_FIELD_TITLE));
    text_element(s, 2, "abbreviation", text(it, SNPLP_FIELD_ABBREVIATION));
    close_item(s, 1, "profession", it);
}

static void write_funding(sink *s, const snplp_item *it)
{
    open_item(s, 1, "funding", it, true);
    if (it->has_number)
        attr_int(s, "cents", it->number.integer);
    close_start(s, it);
    text_element(s, 2, "title", text(it, SNPLP_FIELD_TITLE));
    text_element(s, 2, "period", text(it, SNPLP_FIELD_PERIOD));
    text_element(s, 2, "source-text", text(it, SNPLP_FIELD_SOURCE));
    close_item(s, 1, "funding", it);
}

static void write_plan(sink *s, const snplp_item *it)
{
    open_item(s, 1, "plan", it, true);
    close_start(s, it);
    text_element(s, 2, "title", text(it, SNPLP_FIELD_TITLE));
    labels(s, 2, it);
    text_element(s, 2, "description", text(it, SNPLP_FIELD_DESCRIPTION));
    const snplp_list *themes = snplp__item_list(it, LIST_PLAN_THEMES);
    for (uint32_t i = 0; i < themes->n; i++) {
        const snplp_item *t = themes->v[i];
        open_item(s, 2, "plan-theme", t, true);
        close_start(s, t);
        text_element(s, 3, "title", text(t, SNPLP_FIELD_TITLE));
        close_item(s, 2, "plan-theme", t);
    }
    list_of(s, 2, "figure", it, LIST_FIGURES);
    close_item(s, 1, "plan", it);
}

static int write_document(const void *doc, sink *s)
{
    const snplp_referential *ref = doc;
    put(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<referential xmlns=\"");
    put(s, SNPLP_XML_NAMESPACE);
    put(s, "\">");
    const snplp_list *l = ref->lists;
    write_strategy(s, l[ROOT_STRATEGY].v[0]);
    for (uint32_t i = 0; i < l[ROOT_COMMITMENTS].n; i++)
        write_titled(s, "commitment", l[ROOT_COMMITMENTS].v[i]);
    for (uint32_t i = 0; i < l[ROOT_LEVERS].n; i++)
        write_titled(s, "lever", l[ROOT_LEVERS].v[i]);
    write_training_plan(s, l[ROOT_TRAINING_PLAN].v[0]);
    for (uint32_t i = 0; i < l[ROOT_THEMES].n; i++)
        write_theme(s, l[ROOT_THEMES].v[i]);
    for (uint32_t i = 0; i < l[ROOT_MODULES].n; i++)
        write_module(s, l[ROOT_MODULES].v[i]);
    for (uint32_t i = 0; i < l[ROOT_PROFESSIONS].n; i++)
        write_profession(s, l[ROOT_PROFESSIONS].v[i]);
    for (uint32_t i = 0; i < l[ROOT_DIPLOMA_RULES].n; i++)
        text_item(s, 1, "diploma-rule", l[ROOT_DIPLOMA_RULES].v[i]);
    for (uint32_t i = 0; i < l[ROOT_FUNDINGS].n; i++)
        write_funding(s, l[ROOT_FUNDINGS].v[i]);
    for (uint32_t i = 0; i < l[ROOT_PLANS].n; i++)
        write_plan(s, l[ROOT_PLANS].v[i]);
    put(s, "\n</referential>\n");
    snplp__out_flush(s);
    return s->rc;
}

int snplp_referential_export_callback(const snplp_referential *ref, snplp_write_fn write,
                                      void *user)
{
    if (!snplp__ref_ok(ref) || !write)
        return snplp__bad_arg(__func__, "NULL or wrong referential, or NULL write");
    return snplp__out_callback(write_document, ref, write, user, __func__);
}

int snplp_referential_export_memory(char **out, size_t *size, const snplp_referential *ref)
{
    if (!out || !snplp__ref_ok(ref))
        return snplp__bad_arg(__func__, "NULL out, or NULL or wrong referential");
    return snplp__out_memory(write_document, ref, out, size, __func__);
}

int snplp_referential_export_file(const snplp_referential *ref, const char *path)
{
    if (!snplp__ref_ok(ref) || !path || !path[0])
        return snplp__bad_arg(__func__, "NULL or wrong referential, or no path");
    return snplp__out_file(write_document, ref, path, __func__);
}
