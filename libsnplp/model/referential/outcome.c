/* Learning outcomes of the training plan or of a theme. */
#include "model/referential/item.h"

SNPLP_DEFINE_BASICS(outcome, OUTCOME)
SNPLP_DEFINE_TEXT(outcome, OUTCOME, text, TEXT, true)

bool snplp_outcome_for_involved(const snplp_outcome *outcome)
{
    const snplp_item *it = SNPLP__ITEM(outcome, OUTCOME);
    return it && it->flag;
}

int snplp_outcome_set_for_involved(snplp_outcome *outcome, bool for_involved)
{
    return snplp__item_set_flag(SNPLP__ITEM(outcome, OUTCOME), for_involved, __func__);
}
