/* Writing a referential as XML: deterministic (document order, fixed number forms, two-space
 * indentation, UTF-8 with a declaration), to a buffer, a callback, or a file replaced
 * atomically. Every item is written from the description of its kind (model/referential/
 * kinds.c): its scalar properties as attributes, what it holds as child elements. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <snplp/snplp.h>

#include "exchange/xml/writer.h"
#include "io/sink.h"
#include "model/referential/item.h"
#include "util/days.h"
#include "util/errors.h"

typedef snplp_sink sink;

/* The start tag of an item at depth, its attributes from its scalar properties, then what it
 * holds but its items: texts, labels, references, each on its line at depth + 1. */
static void open_item(sink *s, const snplp_item *it, int depth)
{
    const snplp_kind_info *k = snplp__kind_info((snplp_kind)it->kind);
    snplp__xml_indent(s, depth);
    snplp__out_put(s, "<");
    snplp__out_put(s, k->name);
    for (int i = 0; i < k->nprops; i++) {
        const snplp_prop *p = &k->props[i];
        const char *text;
        char buf[40];
        switch ((snplp_prop_type)p->type) {
        case PROP_ID:
            snplp__xml_attr(s, p->name, it->id);
            break;
        case PROP_REF:
        case PROP_DATE:
            if ((text = snplp__item_text(it, (snplp_field)p->field)))
                snplp__xml_attr(s, p->name, text);
            break;
        case PROP_VARIANT:
            snplp__xml_attr(s, p->name, snplp__variant_name(p->names, it->variant));
            break;
        case PROP_DAYS:
            if (it->has_number) {
                snplp__days_format(buf, sizeof buf, it->number.real);
                snplp__xml_attr(s, p->name, buf);
            }
            break;
        case PROP_CENTS:
        case PROP_INTEGER:
        case PROP_LEVEL:
            if (it->has_number)
                snplp__xml_attr_int(s, p->name, it->number.integer);
            break;
        case PROP_FLAG:
            if (it->flag)
                snplp__xml_attr(s, p->name, "true");
            break;
        default:
            break;
        }
    }
    snplp__xml_foreign_attrs(s, snplp__ext_get(it));
    snplp__out_put(s, ">");
    for (int i = 0; i < k->nprops; i++) {
        const snplp_prop *p = &k->props[i];
        const snplp_list *l;
        switch ((snplp_prop_type)p->type) {
        case PROP_TEXT:
            snplp__xml_text_element(s, depth + 1, p->name,
                                    snplp__item_text(it, (snplp_field)p->field));
            break;
        case PROP_LABELS:
            l = snplp__item_list(it, (snplp_list_id)p->list);
            for (uint32_t j = 0; j < l->n; j++)
                snplp__xml_text_element(s, depth + 1, p->name, l->v[j]);
            break;
        case PROP_REFS:
            l = snplp__item_list(it, (snplp_list_id)p->list);
            for (uint32_t j = 0; j < l->n; j++) {
                snplp__xml_indent(s, depth + 1);
                snplp__out_put(s, "<");
                snplp__out_put(s, p->name);
                snplp__xml_attr(s, "ref", l->v[j]);
                snplp__out_put(s, "/>");
            }
            break;
        default:
            break;
        }
    }
}

/* Format 1.2: the offer of a module (offer.h) at depth, when it holds anything: its coded
 * values as attributes (the booleans of the table dict-boolean as true or false), its texts
 * then its audience codes as text elements. */
static void write_offer(sink *s, const snplp_offer *o, int depth)
{
    if (snplp__offer_is_empty(o))
        return;
    snplp__xml_indent(s, depth);
    snplp__out_put(s, "<offer");
    for (int c = 1; c <= SNPLP_OFFER_CODE_COUNT; c++) {
        snplp_offer_code which = (snplp_offer_code)c;
        if (o->codes[c] < 0)
            continue;
        if (strcmp(snplp_offer_code_table(which), "dict-boolean") == 0)
            snplp__xml_attr(s, snplp_offer_code_name(which), o->codes[c] ? "true" : "false");
        else
            snplp__xml_attr_int(s, snplp_offer_code_name(which), o->codes[c]);
    }
    if (o->formacode_version)
        snplp__xml_attr(s, "formacode-version", o->formacode_version);
    bool any = o->audience_codes.n > 0;
    for (int t = 1; t <= SNPLP_OFFER_TEXT_COUNT; t++)
        any |= o->texts[t] != NULL;
    if (!any) {
        snplp__out_put(s, "/>");
        return;
    }
    snplp__out_put(s, ">");
    for (int t = 1; t <= SNPLP_OFFER_TEXT_COUNT; t++)
        snplp__xml_text_element(s, depth + 1, snplp_offer_text_name((snplp_offer_text)t),
                                o->texts[t]);
    for (uint32_t i = 0; i < o->audience_codes.n; i++)
        snplp__xml_text_element(s, depth + 1, "audience-code", o->audience_codes.v[i]);
    snplp__xml_indent(s, depth);
    snplp__out_put(s, "</offer>");
}

/* The extensions kept with the item, then (a module's offer: format 1.2, after the extension
 * elements, as the schema's extension of the 1.0 type appends it) its end tag. */
static void close_item(sink *s, const snplp_item *it, int depth)
{
    snplp__xml_extensions(s, depth + 1, snplp__ext_get(it));
    if (it->kind == SNPLP_KIND_MODULE && it->has_offer)
        write_offer(s, snplp__offer_of(it), depth + 1);
    snplp__xml_indent(s, depth);
    snplp__out_put(s, "</");
    snplp__out_put(s, snplp__kind_info((snplp_kind)it->kind)->name);
    snplp__out_put(s, ">");
}

/* An item and everything it owns, in document order, without recursion (content items nest to
 * any depth). The description puts what an item holds before its lists of items (kinds.h). */
static void write_tree(sink *s, const snplp_item *top, int depth)
{
    const snplp_item *it = top;
    int d = depth;
    for (;;) {
        open_item(s, it, d);
        const snplp_item *child = snplp__first_child(it);
        if (child) {
            it = child;
            d++;
            continue;
        }
        for (;;) {
            close_item(s, it, d);
            if (it == top || s->rc != SNPLP_OK)
                return;
            const snplp_item *next = snplp__next_sibling(it);
            if (next) {
                it = next;
                break;
            }
            it = it->parent;
            d--;
        }
    }
}

static int write_document(const void *doc, sink *s)
{
    const snplp_referential *ref = doc;
    snplp__out_put(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<referential xmlns=\"");
    snplp__out_put(s, SNPLP_XML_NAMESPACE);
    snplp__out_put(s, "\">");
    for (int r = 0; r < ROOT_LIST_COUNT; r++) {
        const snplp_list *l = &ref->lists[r];
        bool singleton = snplp__kind_info((snplp_kind)snplp__roots[r].kind)->singleton;
        for (uint32_t i = 0; i < l->n; i++)
            if (!singleton || !snplp__item_is_empty(l->v[i])) /* a singleton: if it holds any */
                write_tree(s, l->v[i], 1);
    }
    snplp__out_put(s, "\n</referential>\n");
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
