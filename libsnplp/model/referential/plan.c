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
    int rc = snplp__item_create(&it, p->root, p, LIST_FIGURES, ROOT_LIST_COUNT, SNPLP_KIND_FIGURE,
                                id, text, __func__);
    if (rc)
        return rc;
    it->number.integer = value;
    it->has_number = true;
    if ((rc = snplp__item_insert(it, NULL))) {
        snplp__item_discard(it);
        return rc;
    }
    if (out)
        *out = (snplp_figure *)(void *)it;
    return 0;
}
