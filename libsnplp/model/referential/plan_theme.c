/* Themes of other plans. */
#include "model/referential/item.h"

SNPLP_DEFINE_BASICS(plan_theme, PLAN_THEME)
SNPLP_DEFINE_TEXT(plan_theme, PLAN_THEME, title, TITLE, true)

snplp_plan *snplp_plan_theme_plan(const snplp_plan_theme *theme)
{
    const snplp_item *it = SNPLP__ITEM(theme, PLAN_THEME);
    return it ? (snplp_plan *)(void *)it->parent : NULL;
}
