/* The training plan: one per referential, with its rule on module duration, its rule text and
 * its plan-wide objectives and learning outcomes. */
#include "model/referential/item.h"

SNPLP_DEFINE_BASICS(training_plan, TRAINING_PLAN)
SNPLP_DEFINE_TEXT(training_plan, TRAINING_PLAN, title, TITLE, false)
SNPLP_DEFINE_TEXT(training_plan, TRAINING_PLAN, description, DESCRIPTION, false)
SNPLP_DEFINE_TEXT(training_plan, TRAINING_PLAN, audience, AUDIENCE, false)
SNPLP_DEFINE_TEXT(training_plan, TRAINING_PLAN, rule, RULE, false)
SNPLP_DEFINE_CHILD_LIST(training_plan, TRAINING_PLAN, objective, OBJECTIVES)
SNPLP_DEFINE_ADD_CHILD(training_plan, TRAINING_PLAN, objective, OBJECTIVE, OBJECTIVES)
SNPLP_DEFINE_CHILD_LIST(training_plan, TRAINING_PLAN, outcome, OUTCOMES)
SNPLP_DEFINE_ADD_CHILD(training_plan, TRAINING_PLAN, outcome, OUTCOME, OUTCOMES)

int snplp_training_plan_max_module_days(double *out, const snplp_training_plan *plan)
{
    return snplp__number_get_real(out, SNPLP__ITEM(plan, TRAINING_PLAN), "maximum module duration",
                                  __func__);
}

int snplp_training_plan_set_max_module_days(snplp_training_plan *plan, double days)
{
    return snplp__number_set_days(SNPLP__ITEM(plan, TRAINING_PLAN), days, __func__);
}

int snplp_training_plan_clear_max_module_days(snplp_training_plan *plan)
{
    return snplp__number_clear(SNPLP__ITEM(plan, TRAINING_PLAN), __func__);
}
