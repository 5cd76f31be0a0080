/* Other plans of the strategy, with their themes and key figures. */
#include "model/referential/item.h"

SNPLP_DEFINE_BASICS(plan, PLAN)
SNPLP_DEFINE_TEXT(plan, PLAN, title, TITLE, true)
SNPLP_DEFINE_TEXT(plan, PLAN, description, DESCRIPTION, false)
SNPLP_DEFINE_LABELS(plan, PLAN)
SNPLP_DEFINE_CHILD_LIST(plan, PLAN, plan_theme, PLAN_THEMES)
SNPLP_DEFINE_ADD_CHILD(plan, PLAN, plan_theme, PLAN_THEME, PLAN_THEMES)
SNPLP_DEFINE_CHILD_LIST(plan, PLAN, figure, FIGURES)

int snplp_plan_add_figure(snplp_figure **out, snplp_plan *plan, const char *id, int64_t value,
                          const char *text)
{
    snplp_item *p = SNPLP__ITEM(plan, PLAN);
    if (!p)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    snplp_item *it = NULL;
    snplp_item_init init = {.id = id, .text = text, .has_number = true, .integer = value};
    int rc = snplp__item_make(&it, p->root, p, LIST_FIGURES, SNPLP_KIND_FIGURE, &init,
                              SNPLP_TEXT_UNCHECKED, __func__);
    if (!rc && out)
        *out = (snplp_figure *)(void *)it;
    return rc;
}
