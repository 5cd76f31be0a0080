/* Tests of training_plan.h: the training plan singleton, its optional texts, its maximum
 * module duration, and its plan-wide objectives and learning outcomes, with every error path
 * and out of memory on every function that allocates: the tests every kind shares
 * (support/kind_tests.h), over the plan's description (support/kinds.c), and the lists the
 * plan shares ids with. */
#include "kind_tests.h"

/* An objective or an outcome of a theme is in the theme's list, not in the plan's, but its id
 * is taken for the plan's too. */
static void child_of_a_theme_is_not_plan_wide(void **state)
{
    kind_fixture *f = *state;
    snplp_training_plan *tp = f->z.items[SNPLP_KIND_TRAINING_PLAN][0];
    snplp_theme *theme = f->z.items[SNPLP_KIND_THEME][0];
    const char *const theme_ids[] = {"th-objective", "th-outcome"};
    const char *const plan_ids[] = {"tp-objective", "tp-outcome"};
    for (size_t i = 0; i < 2; i++) { /* objectives, then outcomes */
        const child_list *plan_list = &kinds[SNPLP_KIND_TRAINING_PLAN]->lists[i];
        const child_list *theme_list = &kinds[SNPLP_KIND_THEME]->lists[i];
        const kind_desc *child = kinds[plan_list->child];
        size_t before = plan_list->count(tp);
        assert_ok(theme_list->add(NULL, theme, theme_ids[i], theme_list->extra, "Du th\xc3\xa8me"));
        assert_int_equal(plan_list->count(tp), before);
        assert_null(plan_list->at(tp, before));
        assert_non_null(child->find(f->z.ref, theme_ids[i]));
        assert_ok(plan_list->add(NULL, tp, plan_ids[i], plan_list->extra, "Du plan"));
        assert_int_equal(plan_list->count(tp), before + 1);
        assert_string_equal(child->id(plan_list->at(tp, before)), plan_ids[i]);
        /* Ids are shared with the themes' children. */
        assert_fails(plan_list->add(NULL, tp, theme_ids[i], plan_list->extra, "Encore"),
                     SNPLP_EEXISTS);
    }
}

int main(void)
{
    const struct CMUnitTest own[] = {KIND_TEST(child_of_a_theme_is_not_plan_wide)};
    return kind_tests_run(kinds[SNPLP_KIND_TRAINING_PLAN], own, COUNT_OF(own));
}
