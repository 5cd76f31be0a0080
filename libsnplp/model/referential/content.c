/* Content items of a competence: a tree of bullets, numbered entries and headings. */
#include "model/referential/item.h"

SNPLP_DEFINE_BASICS(content, CONTENT)
SNPLP_DEFINE_TEXT(content, CONTENT, text, TEXT, true)

size_t snplp_content_child_count(const snplp_content *content)
{
    const snplp_list *l = snplp__item_list(SNPLP__ITEM(content, CONTENT), LIST_CONTENTS);
    return l ? l->n : 0;
}

snplp_content *snplp_content_child_at(const snplp_content *content, size_t index)
{
    return snplp__list_at(snplp__item_list(SNPLP__ITEM(content, CONTENT), LIST_CONTENTS), index);
}

const char *snplp_style_name(snplp_style style)
{
    return snplp__variant_name(snplp__style_names, (int)style);
}

static bool style_ok(snplp_style style)
{
    return style == SNPLP_STYLE_BULLET || style == SNPLP_STYLE_NUMBERED ||
           style == SNPLP_STYLE_HEADING;
}

int snplp__content_add(snplp_content **out, const void *parent, snplp_kind parent_kind,
                       snplp_style style, const char *id, const char *text, const char *fn)
{
    snplp_item *p = snplp__item_of(parent, parent_kind);
    if (!p)
        return snplp__bad_arg(fn, "NULL or wrong object");
    if (!style_ok(style))
        return snplp__fail_in(fn, SNPLP_EINVAL, "unknown content style %d", (int)style);
    snplp_item_init init = {.id = id, .text = text, .variant = (int)style};
    snplp_item *it = NULL;
    int rc = snplp__item_make(&it, p->root, p, LIST_CONTENTS, SNPLP_KIND_CONTENT, &init,
                              SNPLP_TEXT_UNCHECKED, fn);
    if (!rc && out)
        *out = (snplp_content *)(void *)it;
    return rc;
}

int snplp_content_add_child(snplp_content **out, snplp_content *content, const char *id,
                            snplp_style style, const char *text)
{
    return snplp__content_add(out, content, SNPLP_KIND_CONTENT, style, id, text, __func__);
}

snplp_style snplp_content_style(const snplp_content *content)
{
    const snplp_item *it = SNPLP__ITEM(content, CONTENT);
    return it ? (snplp_style)it->variant : (snplp_style)0;
}

int snplp_content_set_style(snplp_content *content, snplp_style style)
{
    return snplp__item_set_variant(SNPLP__ITEM(content, CONTENT), (int)style, snplp__style_names,
                                   "content style", __func__);
}

snplp_content *snplp_content_parent(const snplp_content *content)
{
    const snplp_item *it = SNPLP__ITEM(content, CONTENT);
    return it && it->parent->kind == SNPLP_KIND_CONTENT ? (snplp_content *)(void *)it->parent
                                                        : NULL;
}

snplp_competence *snplp_content_competence(const snplp_content *content)
{
    const snplp_item *it = SNPLP__ITEM(content, CONTENT);
    while (it && it->kind == SNPLP_KIND_CONTENT)
        it = it->parent;
    return (snplp_competence *)(void *)(uintptr_t)it;
}
