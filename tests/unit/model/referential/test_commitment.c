/* Tests of commitment.h: id, referential, the required title and the optional description of a
 * commitment, with every error path and out of memory on every text setter: the tests every
 * kind shares (support/kind_tests.h), over the commitment's description (support/kinds.c). */
#include "kind_tests.h"

int main(void)
{
    return kind_tests_run(kinds[SNPLP_KIND_COMMITMENT], NULL, 0);
}
