/* Tests of common.h: the names of kinds and fields. */
#include "test_util.h"

#include <limits.h>

static void every_kind_has_its_name(void **state)
{
    (void)state;
    static const struct {
        snplp_kind kind;
        int value;
        const char *name;
    } kinds[] = {
        {SNPLP_KIND_NONE, 0, "none"},
        {SNPLP_KIND_STRATEGY, 1, "strategy"},
        {SNPLP_KIND_TRAINING_PLAN, 2, "training-plan"},
        {SNPLP_KIND_COMMITMENT, 3, "commitment"},
        {SNPLP_KIND_LEVER, 4, "lever"},
        {SNPLP_KIND_THEME, 5, "theme"},
        {SNPLP_KIND_MODULE, 6, "module"},
        {SNPLP_KIND_COMPETENCE, 7, "competence"},
        {SNPLP_KIND_CONTENT, 8, "content"},
        {SNPLP_KIND_OBJECTIVE, 9, "objective"},
        {SNPLP_KIND_OUTCOME, 10, "outcome"},
        {SNPLP_KIND_RECOMMENDATION, 11, "recommendation"},
        {SNPLP_KIND_PROFESSION, 12, "profession"},
        {SNPLP_KIND_DIPLOMA_RULE, 13, "diploma-rule"},
        {SNPLP_KIND_FUNDING, 14, "funding"},
        {SNPLP_KIND_PLAN, 15, "plan"},
        {SNPLP_KIND_PLAN_THEME, 16, "plan-theme"},
        {SNPLP_KIND_FIGURE, 17, "figure"},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        assert_int_equal((int)kinds[i].kind, kinds[i].value);
        assert_int_equal((int)kinds[i].kind, (int)i);
        assert_string_equal(snplp_kind_name(kinds[i].kind), kinds[i].name);
    }
}

static void kind_out_of_range_is_none(void **state)
{
    (void)state;
    static const int out_of_range[] = {18, 19, 100, 255, 256, INT_MAX, -1, INT_MIN};
    for (size_t i = 0; i < sizeof out_of_range / sizeof out_of_range[0]; i++)
        assert_string_equal(snplp_kind_name((snplp_kind)out_of_range[i]), "none");
}

/* The name of a kind is the one of the items of that kind (here the two a referential always
 * has and one added theme). */
static void kind_names_match_items(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    assert_ok(snplp_referential_add_theme(NULL, ref, "t1", "Th\xc3\xa8me"));
    assert_string_equal(snplp_kind_name(snplp_referential_kind_of(ref, "strategy")), "strategy");
    assert_string_equal(snplp_kind_name(snplp_referential_kind_of(ref, "training-plan")),
                        "training-plan");
    assert_string_equal(snplp_kind_name(snplp_referential_kind_of(ref, "t1")), "theme");
    assert_string_equal(snplp_kind_name(snplp_referential_kind_of(ref, "nothing")), "none");
    snplp_referential_unref(ref);
}

static void every_field_has_its_name(void **state)
{
    (void)state;
    static const struct {
        snplp_field field;
        int value;
        const char *name;
    } fields[] = {
        {SNPLP_FIELD_NONE, 0, "none"},
        {SNPLP_FIELD_TITLE, 1, "title"},
        {SNPLP_FIELD_SUBTITLE, 2, "subtitle"},
        {SNPLP_FIELD_DESCRIPTION, 3, "description"},
        {SNPLP_FIELD_AUDIENCE, 4, "audience"},
        {SNPLP_FIELD_ROLE, 5, "role"},
        {SNPLP_FIELD_TEXT, 6, "text"},
        {SNPLP_FIELD_LABEL, 7, "label"},
        {SNPLP_FIELD_ABBREVIATION, 8, "abbreviation"},
        {SNPLP_FIELD_PERIOD, 9, "period"},
        {SNPLP_FIELD_SOURCE, 10, "source"},
        {SNPLP_FIELD_LAUNCH_DATE, 11, "launch-date"},
        {SNPLP_FIELD_BUDGET_TEXT, 12, "budget-text"},
        {SNPLP_FIELD_THEME_ID, 13, "theme-id"},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        assert_int_equal((int)fields[i].field, fields[i].value);
        assert_int_equal((int)fields[i].field, (int)i);
        assert_string_equal(snplp_field_name(fields[i].field), fields[i].name);
    }
}

static void field_out_of_range_is_none(void **state)
{
    (void)state;
    static const int out_of_range[] = {14, 15, 100, 1000, INT_MAX, -1, INT_MIN};
    for (size_t i = 0; i < sizeof out_of_range / sizeof out_of_range[0]; i++)
        assert_string_equal(snplp_field_name((snplp_field)out_of_range[i]), "none");
}

/* Names are static: the same pointer every time, usable without freeing. */
static void names_are_static(void **state)
{
    (void)state;
    assert_ptr_equal(snplp_kind_name(SNPLP_KIND_MODULE), snplp_kind_name(SNPLP_KIND_MODULE));
    assert_ptr_equal(snplp_field_name(SNPLP_FIELD_ROLE), snplp_field_name(SNPLP_FIELD_ROLE));
    size_t used = snplp_memory_used();
    (void)snplp_kind_name(SNPLP_KIND_FIGURE);
    (void)snplp_field_name(SNPLP_FIELD_PERIOD);
    assert_int_equal(snplp_memory_used(), used);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_kind_has_its_name),    cmocka_unit_test(kind_out_of_range_is_none),
        cmocka_unit_test(kind_names_match_items),     cmocka_unit_test(every_field_has_its_name),
        cmocka_unit_test(field_out_of_range_is_none), cmocka_unit_test(names_are_static),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
