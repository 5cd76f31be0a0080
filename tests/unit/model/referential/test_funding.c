/* Tests of funding.h: the id, referential, required title, optional amount in euro cents,
 * optional period and optional source wording of a funding line, with every error path and
 * out of memory on every text setter: the tests every kind shares (support/kind_tests.h), over
 * the funding line's description (support/kinds.c). */
#include "kind_tests.h"

int main(void)
{
    return kind_tests_run(kinds[SNPLP_KIND_FUNDING], NULL, 0);
}
