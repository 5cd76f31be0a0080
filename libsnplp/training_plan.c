/* The training plan: one per referential, with its rule on module duration and its
 * plan-wide objectives and learning outcomes. */
#include "item.h"

#include <math.h>

SNPLP_DEFINE_BASICS(training_plan, TRAINING_PLAN)
SNPLP_DEFINE_TEXT(training_plan, TRAINING_PLAN, title, TITLE, false)
SNPLP_DEFINE_TEXT(training_plan, TRAINING_PLAN, description, DESCRIPTION, false)
SNPLP_DEFINE_TEXT(training_plan, TRAINING_PLAN, audience, AUDIENCE, false)
SNPLP_DEFINE_CHILD_LIST(training_plan, TRAINING_PLAN, objective, OBJECTIVES)
SNPLP_DEFINE_ADD_CHILD(training_plan, TRAINING_PLAN, objective, OBJECTIVE, OBJECTIVES)
SNPLP_DEFINE_CHILD_LIST(training_plan, TRAINING_PLAN, outcome, OUTCOMES)
SNPLP_DEFINE_ADD_CHILD(training_plan, TRAINING_PLAN, outcome, OUTCOME, OUTCOMES)

int snplp_training_plan_max_module_days(double *out, const snplp_training_plan *plan)
{
    const snplp_item *it = SNPLP__ITEM(plan, TRAINING_PLAN);
    if (!it || !out)
        return snplp__bad_arg(__func__, "NULL argument or wrong object");
    if (!it->has_number)
        return snplp__fail(SNPLP_ENOTFOUND, "%s: the training plan sets no maximum duration",
                           __func__);
    *out = it->number.real;
    return 0;
}

int snplp_training_plan_set_max_module_days(snplp_training_plan *plan, double days)
{
    snplp_item *it = SNPLP__ITEM(plan, TRAINING_PLAN);
    if (!it)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    if (!isfinite(days) || days <= 0)
        return snplp__fail(SNPLP_EINVAL, "%s: a duration is a number of days above 0", __func__);
    snplp__item_set_real(it, days);
    return 0;
}

int snplp_training_plan_clear_max_module_days(snplp_training_plan *plan)
{
    snplp_item *it = SNPLP__ITEM(plan, TRAINING_PLAN);
    if (!it)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    snplp__item_clear_number(it);
    return 0;
}
