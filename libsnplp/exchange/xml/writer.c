/* The pieces of XML both writers use. */
#include "exchange/xml/writer.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <snplp/errors.h>

#include "exchange/xml/fragment.h"

typedef snplp_sink sink;

static void put(sink *s, const char *text)
{
    snplp__out_put(s, text);
}

/* text escaped for element content (attr: for a double-quoted attribute value) */
static void put_escaped(sink *s, const char *text, bool attr)
{
    if (s->rc != SNPLP_OK)
        return;
    snplp__xml_escape(&s->buf, text, strlen(text), attr);
    snplp__out_wrote(s);
}

void snplp__xml_indent(sink *s, int depth)
{
    static const char spaces[] = "                                                                ";
    put(s, "\n");
    for (int d = depth * 2; d > 0 && s->rc == SNPLP_OK; d -= 64)
        put(s, spaces + (d >= 64 ? 0 : 64 - d));
}

void snplp__xml_attr(sink *s, const char *name, const char *value)
{
    put(s, " ");
    put(s, name);
    put(s, "=\"");
    put_escaped(s, value, true);
    put(s, "\"");
}

void snplp__xml_attr_int(sink *s, const char *name, int64_t v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%" PRId64, v);
    snplp__xml_attr(s, name, buf);
}

void snplp__xml_text_element(sink *s, int depth, const char *name, const char *text)
{
    if (!text)
        return;
    snplp__xml_indent(s, depth);
    put(s, "<");
    put(s, name);
    put(s, ">");
    put_escaped(s, text, false);
    put(s, "</");
    put(s, name);
    put(s, ">");
}

void snplp__xml_foreign_attrs(sink *s, const snplp_ext *e)
{
    if (!e)
        return;
    const snplp_list *l = &e->attrs;
    for (uint32_t i = 0; i < l->n; i++) {
        const snplp_foreign_attr *a = l->v[i];
        bool declared = strcmp(a->prefix, "xml") == 0;
        for (uint32_t j = 0; j < i && !declared; j++)
            declared = strcmp(((const snplp_foreign_attr *)l->v[j])->prefix, a->prefix) == 0;
        if (!declared) {
            put(s, " xmlns:");
            put(s, a->prefix);
            put(s, "=\"");
            put_escaped(s, a->ns, true);
            put(s, "\"");
        }
    }
    for (uint32_t i = 0; i < l->n; i++) {
        const snplp_foreign_attr *a = l->v[i];
        put(s, " ");
        put(s, a->prefix);
        put(s, ":");
        put(s, a->name);
        put(s, "=\"");
        put_escaped(s, a->value, true);
        put(s, "\"");
    }
}

void snplp__xml_extensions(sink *s, int depth, const snplp_ext *e)
{
    for (uint32_t i = 0; e && i < e->elements.n; i++) {
        snplp__xml_indent(s, depth);
        put(s, e->elements.v[i]);
    }
}

void snplp__xml_end_with_texts(sink *s, int depth, const char *name, const char *name1,
                               const char *text1, const char *name2, const char *text2)
{
    if (!text1 && !text2) {
        put(s, "/>");
        return;
    }
    put(s, ">");
    snplp__xml_text_element(s, depth + 1, name1, text1);
    if (name2)
        snplp__xml_text_element(s, depth + 1, name2, text2);
    snplp__xml_indent(s, depth);
    put(s, "</");
    put(s, name);
    put(s, ">");
}
