/* Tests of profession.h: category names, and the id, referential, required title, optional
 * abbreviation and category of a profession, with every error path and out of memory on every
 * text setter: the tests every kind shares (support/kind_tests.h), over the profession's
 * description (support/kinds.c). */
#include "kind_tests.h"

int main(void)
{
    return kind_tests_run(kinds[SNPLP_KIND_PROFESSION], NULL, 0);
}
