/* The strategy: one per referential. */
#include "model/referential/item.h"

#include "util/alloc.h"
#include "util/date.h"

SNPLP_DEFINE_BASICS(strategy, STRATEGY)
SNPLP_DEFINE_TEXT(strategy, STRATEGY, title, TITLE, false)
SNPLP_DEFINE_TEXT(strategy, STRATEGY, description, DESCRIPTION, false)
SNPLP_DEFINE_TEXT(strategy, STRATEGY, budget_text, BUDGET_TEXT, false)
SNPLP_DEFINE_LABELS(strategy, STRATEGY)

const char *snplp_strategy_launch_date(const snplp_strategy *strategy)
{
    return snplp__item_text(SNPLP__ITEM(strategy, STRATEGY), SNPLP_FIELD_LAUNCH_DATE);
}

int snplp_strategy_set_launch_date(snplp_strategy *strategy, const char *date)
{
    snplp_item *it = SNPLP__ITEM(strategy, STRATEGY);
    if (!it)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    if (date && !snplp__date_is_valid(date)) {
        char q[40];
        return snplp__fail_in(__func__, SNPLP_EINVAL,
                              "'%s' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
                              snplp__quote(q, sizeof q, date));
    }
    return snplp__item_set_text(it, SNPLP_FIELD_LAUNCH_DATE, date, false, SNPLP_TEXT_UNCHECKED,
                                __func__);
}

SNPLP_DEFINE_CENTS(strategy, STRATEGY, budget_cents, set_budget_cents, clear_budget,
                   "budget amount", "budget")

bool snplp_strategy_levers_open(const snplp_strategy *strategy)
{
    const snplp_item *it = SNPLP__ITEM(strategy, STRATEGY);
    return it && it->flag;
}

int snplp_strategy_set_levers_open(snplp_strategy *strategy, bool open)
{
    return snplp__item_set_flag(SNPLP__ITEM(strategy, STRATEGY), open, __func__);
}
