/* Tests of objective.h: the text of an objective of the training plan or of a theme, with
 * every error path and out of memory on the text setter: the tests every kind shares
 * (support/kind_tests.h), over the objective's description (support/kinds.c); adding
 * objectives is tested with their parents (test_training_plan.c, test_theme.c). Here: adding
 * until the referential's map of ids grows. */
#include "kind_tests.h"

#include <stdio.h>

/* Until the referential's id map grows (it holds 48 ids at most before its first growth): a
 * failure then must leave the old map in place. */
static void add_out_of_memory_as_the_id_map_grows(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *theme = NULL;
    assert_ok(snplp_referential_add_theme(&theme, ref, "t", "Th\xc3\xa8me"));
    char id[32];
    for (int i = 0; snplp_referential_item_count(ref) < 70; i++) {
        snprintf(id, sizeof id, "many%d", i);
        kind_sweep_add(kinds[SNPLP_KIND_THEME], 0, theme, ref, id, "Conna\xc3\xaetre les publics",
                       "Conna\xc3\xaetre les publics");
    }
    /* Every id is still found after the growth. */
    for (size_t i = 0; i < snplp_theme_objective_count(theme); i++) {
        const snplp_objective *o = snplp_theme_objective_at(theme, i);
        assert_ptr_equal(snplp_referential_objective_find(ref, snplp_objective_id(o)), o);
    }
    snplp_referential_unref(ref);
}

int main(void)
{
    const struct CMUnitTest own[] = {cmocka_unit_test(add_out_of_memory_as_the_id_map_grows)};
    return kind_tests_run(kinds[SNPLP_KIND_OBJECTIVE], own, COUNT_OF(own));
}
