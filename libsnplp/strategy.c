/* The strategy: one per referential. */
#include "item.h"

#include "alloc.h"
#include "date.h"

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
        return snplp__fail(SNPLP_EINVAL,
                           "%s: '%s' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
                           __func__, snplp__quote(q, sizeof q, date));
    }
    return snplp__item_set_text(it, SNPLP_FIELD_LAUNCH_DATE, date, false, __func__);
}

int snplp_strategy_budget_cents(int64_t *out, const snplp_strategy *strategy)
{
    const snplp_item *it = SNPLP__ITEM(strategy, STRATEGY);
    if (!it || !out)
        return snplp__bad_arg(__func__, "NULL argument or wrong object");
    if (!it->has_number)
        return snplp__fail(SNPLP_ENOTFOUND, "%s: the strategy has no budget amount", __func__);
    *out = it->number.integer;
    return 0;
}

int snplp_strategy_set_budget_cents(snplp_strategy *strategy, int64_t cents)
{
    snplp_item *it = SNPLP__ITEM(strategy, STRATEGY);
    if (!it)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    if (cents < 0)
        return snplp__fail(SNPLP_EINVAL, "%s: a budget is not negative", __func__);
    snplp__item_set_int(it, cents);
    return 0;
}

int snplp_strategy_clear_budget(snplp_strategy *strategy)
{
    snplp_item *it = SNPLP__ITEM(strategy, STRATEGY);
    if (!it)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    snplp__item_clear_number(it);
    return 0;
}
