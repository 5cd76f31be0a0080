/* Tests of diploma_rule.h: the id, referential, required wording and optional minimum level
 * (1 to 8) of a diploma-level rule, with every error path and out of memory on the text
 * setter: the tests every kind shares (support/kind_tests.h), over the rule's description
 * (support/kinds.c). */
#include "kind_tests.h"

int main(void)
{
    return kind_tests_run(kinds[SNPLP_KIND_DIPLOMA_RULE], NULL, 0);
}
