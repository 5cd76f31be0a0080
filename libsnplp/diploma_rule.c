/* Diploma-level rules for the priority public. */
#include "item.h"

SNPLP_DEFINE_BASICS(diploma_rule, DIPLOMA_RULE)
SNPLP_DEFINE_TEXT(diploma_rule, DIPLOMA_RULE, text, TEXT, true)

int snplp_diploma_rule_min_level(int *out, const snplp_diploma_rule *rule)
{
    const snplp_item *it = SNPLP__ITEM(rule, DIPLOMA_RULE);
    if (!it || !out)
        return snplp__bad_arg(__func__, "NULL argument or wrong object");
    if (!it->has_number)
        return snplp__fail(SNPLP_ENOTFOUND, "%s: rule '%s' sets no level", __func__, it->id);
    *out = (int)it->number.integer;
    return 0;
}

int snplp_diploma_rule_set_min_level(snplp_diploma_rule *rule, int level)
{
    snplp_item *it = SNPLP__ITEM(rule, DIPLOMA_RULE);
    if (!it)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    if (level < 1 || level > 8)
        return snplp__fail(SNPLP_EINVAL, "%s: level %d is not a level of the national framework "
                                         "(1 to 8)",
                           __func__, level);
    snplp__item_set_int(it, level);
    return 0;
}

int snplp_diploma_rule_clear_min_level(snplp_diploma_rule *rule)
{
    snplp_item *it = SNPLP__ITEM(rule, DIPLOMA_RULE);
    if (!it)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    snplp__item_clear_number(it);
    return 0;
}
