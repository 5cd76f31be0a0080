/* Tests of recommendation.h: the text of a pedagogical recommendation of a theme (for all its
 * modules) or of a module, with every error path and out of memory on the text setter: the
 * tests every kind shares (support/kind_tests.h), over the recommendation's description
 * (support/kinds.c). Adding recommendations is tested with their parents (test_theme.c,
 * test_module.c). */
#include "kind_tests.h"

int main(void)
{
    return kind_tests_run(kinds[SNPLP_KIND_RECOMMENDATION], NULL, 0);
}
