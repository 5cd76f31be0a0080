/* Themes of the training plan. Their modules are a view kept up to date by module.c. */
#include "model/referential/item.h"

SNPLP_DEFINE_BASICS(theme, THEME)
SNPLP_DEFINE_TEXT(theme, THEME, title, TITLE, true)
SNPLP_DEFINE_TEXT(theme, THEME, description, DESCRIPTION, false)
SNPLP_DEFINE_LABELS(theme, THEME)
SNPLP_DEFINE_CHILD_LIST(theme, THEME, objective, OBJECTIVES)
SNPLP_DEFINE_ADD_CHILD(theme, THEME, objective, OBJECTIVE, OBJECTIVES)
SNPLP_DEFINE_CHILD_LIST(theme, THEME, outcome, OUTCOMES)
SNPLP_DEFINE_ADD_CHILD(theme, THEME, outcome, OUTCOME, OUTCOMES)
SNPLP_DEFINE_CHILD_LIST(theme, THEME, recommendation, RECOMMENDATIONS)
SNPLP_DEFINE_ADD_CHILD(theme, THEME, recommendation, RECOMMENDATION, RECOMMENDATIONS)
SNPLP_DEFINE_CHILD_LIST(theme, THEME, module, MODULES_VIEW)

int snplp_theme_add_module(snplp_module **out, snplp_theme *theme, const char *id,
                           snplp_level level, const char *title)
{
    snplp_item *t = SNPLP__ITEM(theme, THEME);
    if (!t)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    snplp_item *it = NULL;
    int rc = snplp__module_add(&it, t->root, t->id, id, level, title, __func__);
    if (!rc && out)
        *out = (snplp_module *)(void *)it;
    return rc;
}
