/* Tests of competence.h: a competence of a module, its title and its top-level content items,
 * with every error path and out of memory on every function that allocates: the tests every
 * kind shares (support/kind_tests.h), over the competence's description (support/kinds.c),
 * and the top level of its content. */
#include "kind_tests.h"

/* Nested items are not top-level items of the competence; another competence of the same
 * module has its own list. */
static void nested_contents_are_not_top_level(void **state)
{
    kind_fixture *f = *state;
    snplp_competence *c = f->z.items[SNPLP_KIND_COMPETENCE][0];
    snplp_competence *other = f->z.items[SNPLP_KIND_COMPETENCE][1];
    snplp_content *top = snplp_competence_content_at(c, 0);
    size_t count = snplp_competence_content_count(c);
    assert_ok(snplp_content_add_child(NULL, top, "nested", SNPLP_STYLE_BULLET, "Sous"));
    assert_int_equal(snplp_competence_content_count(c), count);
    assert_ptr_equal(snplp_content_competence(snplp_referential_content_find(f->z.ref, "nested")),
                     c);
    assert_int_equal(snplp_competence_content_count(other), 0);
    assert_ok(snplp_competence_add_content(NULL, other, "top2", SNPLP_STYLE_HEADING, "O"));
    assert_int_equal(snplp_competence_content_count(other), 1);
    assert_int_equal(snplp_competence_content_count(c), count);
}

int main(void)
{
    const struct CMUnitTest own[] = {KIND_TEST(nested_contents_are_not_top_level)};
    return kind_tests_run(kinds[SNPLP_KIND_COMPETENCE], own, COUNT_OF(own));
}
