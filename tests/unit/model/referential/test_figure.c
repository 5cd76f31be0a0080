/* Tests of figure.h: key figures of another plan, their integer value (any int64, kept
 * exactly), wording and plan, with every error path and out of memory on the text setter: the
 * tests every kind shares (support/kind_tests.h), over the figure's description
 * (support/kinds.c). Adding figures, with every value, is tested with plans (test_plan.c). */
#include "kind_tests.h"

int main(void)
{
    return kind_tests_run(kinds[SNPLP_KIND_FIGURE], NULL, 0);
}
