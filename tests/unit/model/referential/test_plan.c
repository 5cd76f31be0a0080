/* Tests of plan.h: other plans of the strategy, their title, description, labels, themes and
 * key figures, with every error path and out of memory on every function that allocates: the
 * tests every kind shares (support/kind_tests.h), over the plan's description
 * (support/kinds.c). */
#include "kind_tests.h"

int main(void)
{
    return kind_tests_run(kinds[SNPLP_KIND_PLAN], NULL, 0);
}
