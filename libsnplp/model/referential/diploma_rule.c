/* Diploma-level rules for the priority public. */
#include "model/referential/item.h"

SNPLP_DEFINE_BASICS(diploma_rule, DIPLOMA_RULE)
SNPLP_DEFINE_TEXT(diploma_rule, DIPLOMA_RULE, text, TEXT, true)

int snplp_diploma_rule_min_level(int *out, const snplp_diploma_rule *rule)
{
    int64_t level = 0;
    int rc = snplp__number_get_int(out ? &level : NULL, SNPLP__ITEM(rule, DIPLOMA_RULE), "level",
                                   __func__);
    if (!rc)
        *out = (int)level;
    return rc;
}

int snplp_diploma_rule_set_min_level(snplp_diploma_rule *rule, int level)
{
    return snplp__number_set_int(SNPLP__ITEM(rule, DIPLOMA_RULE), level, 1, 8,
                                 "level of the national framework (1 to 8)", __func__);
}

int snplp_diploma_rule_clear_min_level(snplp_diploma_rule *rule)
{
    return snplp__number_clear(SNPLP__ITEM(rule, DIPLOMA_RULE), __func__);
}
