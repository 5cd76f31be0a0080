/* Tests of the one description of the kinds of items (libsnplp/model/referential/kinds.c,
 * internal): the table is data the compiler cannot check, and the storage, the XML reader and
 * the XML writer are derived from it, so snplp__kinds_check() says whether it holds what they
 * rely on; here it must hold today, and each rule must be caught when the table breaks it (the
 * table is changed in place, then restored). */
#include "test_util.h"

#include "model/referential/kinds.h"

static void the_description_holds(void **state)
{
    (void)state;
    const char *problem = snplp__kinds_check();
    if (problem)
        print_error("%s\n", problem);
    assert_null(problem);
}

/* What the layout derived for two kinds: the main text first, then the other texts, then the
 * texts of scalars; the lists in document order; the links of a module to its theme. */
static void the_layout_follows_the_description(void **state)
{
    (void)state;
    snplp__kinds_init();
    const snplp_kind_info *m = snplp__kind_info(SNPLP_KIND_MODULE);
    static const uint8_t module_texts[] = {SNPLP_FIELD_TITLE, SNPLP_FIELD_SUBTITLE,
                                           SNPLP_FIELD_AUDIENCE, SNPLP_FIELD_ROLE,
                                           SNPLP_FIELD_THEME_ID};
    assert_int_equal(m->ntexts, COUNT_OF(module_texts));
    assert_memory_equal(m->texts, module_texts, sizeof module_texts);
    assert_int_equal(m->nlists, 4);
    assert_int_equal(m->lists[0].id, LIST_PREREQUISITES);
    assert_int_equal(m->lists[2].id, LIST_COMPETENCES);
    assert_int_equal(m->lists[2].child_kind, SNPLP_KIND_COMPETENCE);
    assert_int_equal(m->number, NUMBER_REAL);
    assert_true(m->required);
    assert_int_equal(m->ref_field, SNPLP_FIELD_THEME_ID);
    assert_int_equal(m->ref_kind, SNPLP_KIND_THEME);
    const snplp_kind_info *t = snplp__kind_info(SNPLP_KIND_THEME);
    assert_int_equal(t->view_kind, SNPLP_KIND_MODULE);
    assert_int_equal(t->view_list, LIST_MODULES_VIEW);
    const snplp_kind_info *s = snplp__kind_info(SNPLP_KIND_STRATEGY);
    assert_true(s->singleton);
    assert_false(s->required);
    assert_int_equal(s->texts[0], SNPLP_FIELD_TITLE);
    assert_int_equal(s->number, NUMBER_INT);
    assert_ptr_equal(snplp__kind_info((snplp_kind)99), snplp__kind_info(SNPLP_KIND_NONE));
}

/* Each rule of the check, broken once in the table. */
static void each_rule_is_checked(void **state)
{
    (void)state;
    snplp__kinds_init();
    snplp_kind_info *module = &snplp__kinds[SNPLP_KIND_MODULE];
    snplp_kind_info *theme = &snplp__kinds[SNPLP_KIND_THEME];
    snplp_kind_info saved_module = *module, saved_theme = *theme;

    /* a text after a list of items: swap the module's last list of items with its title */
    snplp_prop title = module->props[4];
    module->props[4] = module->props[module->nprops - 1];
    module->props[module->nprops - 1] = title;
    assert_non_null(snplp__kinds_check());
    *module = saved_module;

    /* a scalar after a text */
    snplp_prop id = module->props[0];
    module->props[0] = module->props[4];
    module->props[4] = id;
    assert_non_null(snplp__kinds_check());
    *module = saved_module;

    /* a list of items without its public function */
    module->props[module->nprops - 1].adder = NULL;
    assert_non_null(snplp__kinds_check());
    *module = saved_module;

    /* a main text that is not required */
    module->props[4].required = false;
    assert_non_null(snplp__kinds_check());
    *module = saved_module;

    /* a view whose kind does not name the theme */
    theme->props[theme->nprops - 1].kind = SNPLP_KIND_PROFESSION;
    assert_non_null(snplp__kinds_check());
    *theme = saved_theme;

    assert_null(snplp__kinds_check());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_description_holds),
        cmocka_unit_test(the_layout_follows_the_description),
        cmocka_unit_test(each_rule_is_checked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
