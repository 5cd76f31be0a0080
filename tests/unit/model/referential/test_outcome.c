/* Tests of outcome.h: the text of a learning outcome and whether it is meant for the workers
 * more involved in the theme, with every error path and out of memory on the text setter: the
 * tests every kind shares (support/kind_tests.h), over the outcome's description
 * (support/kinds.c). Adding outcomes to the training plan and to a theme is tested with them
 * (test_training_plan.c, test_theme.c). */
#include "kind_tests.h"

int main(void)
{
    return kind_tests_run(kinds[SNPLP_KIND_OUTCOME], NULL, 0);
}
