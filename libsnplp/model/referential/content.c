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

int snplp__content_add(snplp_item **out, snplp_item *parent, snplp_style style, const char *id,
                       const char *text, const char *fn)
{
    if (!style_ok(style))
        return snplp__fail_in(fn, SNPLP_EINVAL, "unknown content style %d", (int)style);
    snplp_item_init init = {.id = id, .text = text, .variant = (int)style};
    return snplp__item_make(out, parent->root, parent, LIST_CONTENTS, SNPLP_KIND_CONTENT, &init,
                            SNPLP_TEXT_UNCHECKED, fn);
}

int snplp_content_add_child(snplp_content **out, snplp_content *content, const char *id,
                            snplp_style style, const char *text)
{
    snplp_item *p = SNPLP__ITEM(content, CONTENT);
    if (!p)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    snplp_item *it = NULL;
    int rc = snplp__content_add(&it, p, style, id, text, __func__);
    if (!rc && out)
        *out = (snplp_content *)(void *)it;
    return rc;
}

snplp_style snplp_content_style(const snplp_content *content)
{
    const snplp_item *it = SNPLP__ITEM(content, CONTENT);
    return it ? (snplp_style)it->variant : (snplp_style)0;
}

int snplp_content_set_style(snplp_content *content, snplp_style style)
{
    snplp_item *it = SNPLP__ITEM(content, CONTENT);
    if (!it)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    if (!style_ok(style))
        return snplp__fail_in(__func__, SNPLP_EINVAL, "unknown content style %d", (int)style);
    it->variant = (uint8_t)style;
    snplp__touch(it->root);
    return 0;
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
