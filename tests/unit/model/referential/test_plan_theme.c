/* Tests of plan_theme.h: themes of another plan (e.g. « langage » for the « Enfance = égalité »
 * days), their title and their plan, with every error path and out of memory on the title
 * setter: the tests every kind shares (support/kind_tests.h), over the plan theme's
 * description (support/kinds.c). Adding plan themes is tested with plans (test_plan.c). */
#include "kind_tests.h"

/* A plan theme is not a theme of the training plan. */
static void not_a_theme_of_the_training_plan(void **state)
{
    kind_fixture *f = *state;
    size_t themes = snplp_referential_theme_count(f->z.ref);
    assert_ok(snplp_plan_add_plan_theme(NULL, f->z.items[SNPLP_KIND_PLAN][0], "eveil", "E"));
    assert_null(snplp_referential_theme_find(f->z.ref, "eveil"));
    assert_int_equal(snplp_referential_theme_count(f->z.ref), themes);
    assert_int_equal(snplp_referential_kind_of(f->z.ref, "eveil"), SNPLP_KIND_PLAN_THEME);
}

int main(void)
{
    const struct CMUnitTest own[] = {KIND_TEST(not_a_theme_of_the_training_plan)};
    return kind_tests_run(kinds[SNPLP_KIND_PLAN_THEME], own, COUNT_OF(own));
}
