/* Tests of indicator.h, 1.4: what an indicator counts in training records (its measure and
 * filters): names, setters and getters, every refusal, pointers of another type, freezing,
 * equality and out of memory. */
#include "test_values.h"

#include <stdio.h>

/* The convention of the tests: 2019 to 2021, the indicators i-formes (count) and i-jours
 * (days). */
static snplp_convention *new_conv(void)
{
    snplp_convention *c = NULL;
    if (snplp_convention_new(&c, "calpae-49", SNPLP_TERRITORY_DEPARTEMENT, "49",
                             "Maine-et-Loire") != SNPLP_OK ||
        snplp_convention_set_years(c, 2019, 2021) != SNPLP_OK ||
        snplp_convention_add_indicator(NULL, c, "i-formes", "Agents form\xc3\xa9s",
                                       SNPLP_UNIT_COUNT) != SNPLP_OK ||
        snplp_convention_add_indicator(NULL, c, "i-jours", "Jours", SNPLP_UNIT_DAYS) != SNPLP_OK) {
        snplp_convention_unref(c);
        return NULL;
    }
    return c;
}

static int setup(void **state)
{
    return conv_fixture_setup(state, new_conv, "i-formes", "i-jours");
}

#define teardown conv_fixture_teardown

static snplp_indicator *copy_ind(const conv_fixture *f)
{
    return snplp_convention_indicator_find(f->copy, "i-formes");
}

static bool same(const conv_fixture *f)
{
    return snplp_convention_equal(f->conv, f->copy);
}

static void measure_and_filter_names(void **state)
{
    (void)state;
    const char *const names[] = {"none", "workers-trained", "training-days", "sessions"};
    for (int m = 0; m <= 3; m++)
        assert_string_equal(snplp_records_measure_name((snplp_records_measure)m), names[m]);
    for (int m = 1; m <= 3; m++)
        assert_int_equal(snplp_records_measure_from_name(names[m]), m);
    assert_int_equal(SNPLP_MEASURE_WORKERS_TRAINED, 1);
    assert_int_equal(SNPLP_MEASURE_TRAINING_DAYS, 2);
    assert_int_equal(SNPLP_MEASURE_SESSIONS, 3);
    assert_string_equal(snplp_records_measure_name((snplp_records_measure)4), "none");
    assert_string_equal(snplp_records_measure_name((snplp_records_measure)-1), "none");
    const char *const bad[] = {"none", "", "Sessions", "workers_trained", "days", " sessions"};
    for (size_t i = 0; i < COUNT_OF(bad); i++)
        assert_int_equal(snplp_records_measure_from_name(bad[i]), SNPLP_MEASURE_NONE);
    assert_int_equal(snplp_records_measure_from_name(NULL), SNPLP_MEASURE_NONE);
    const char *const filters[] = {"theme", "module", "plan", "profession"};
    for (int k = 1; k <= 4; k++)
        assert_string_equal(snplp_records_filter_name((snplp_records_filter)k), filters[k - 1]);
    assert_int_equal(SNPLP_FILTER_THEME, 1);
    assert_int_equal(SNPLP_FILTER_PROFESSION, 4);
    assert_string_equal(snplp_records_filter_name((snplp_records_filter)0), "unknown");
    assert_string_equal(snplp_records_filter_name((snplp_records_filter)5), "unknown");
    assert_string_equal(snplp_records_filter_name((snplp_records_filter)-3), "unknown");
}

static void a_new_indicator_is_not_computed(void **state)
{
    conv_fixture *f = *state;
    assert_int_equal(snplp_indicator_records_measure(f->item), SNPLP_MEASURE_NONE);
    for (int k = 1; k <= 4; k++) {
        assert_int_equal(snplp_indicator_records_filter_count(f->item, (snplp_records_filter)k), 0);
        assert_null(snplp_indicator_records_filter_at(f->item, (snplp_records_filter)k, 0));
    }
}

static void measure_and_filters(void **state)
{
    conv_fixture *f = *state;
    assert_ok(snplp_indicator_set_records_measure(f->item, SNPLP_MEASURE_WORKERS_TRAINED));
    assert_int_equal(snplp_indicator_records_measure(f->item), SNPLP_MEASURE_WORKERS_TRAINED);
    assert_false(same(f));
    assert_ok(snplp_indicator_add_records_filter(f->item, SNPLP_FILTER_THEME, "theme-a"));
    assert_ok(snplp_indicator_add_records_filter(f->item, SNPLP_FILTER_THEME, "theme-b"));
    assert_ok(snplp_indicator_add_records_filter(f->item, SNPLP_FILTER_MODULE, "module-a"));
    assert_ok(snplp_indicator_add_records_filter(f->item, SNPLP_FILTER_PLAN, "training-plan"));
    assert_ok(snplp_indicator_add_records_filter(f->item, SNPLP_FILTER_PROFESSION, "p"));
    /* the same id under another kind is another filter */
    assert_ok(snplp_indicator_add_records_filter(f->item, SNPLP_FILTER_MODULE, "theme-a"));
    assert_int_equal(snplp_indicator_records_filter_count(f->item, SNPLP_FILTER_THEME), 2);
    assert_string_equal(snplp_indicator_records_filter_at(f->item, SNPLP_FILTER_THEME, 0),
                        "theme-a");
    assert_string_equal(snplp_indicator_records_filter_at(f->item, SNPLP_FILTER_THEME, 1),
                        "theme-b");
    assert_null(snplp_indicator_records_filter_at(f->item, SNPLP_FILTER_THEME, 2));
    assert_null(snplp_indicator_records_filter_at(f->item, SNPLP_FILTER_THEME, SIZE_MAX));
    assert_int_equal(snplp_indicator_records_filter_count(f->item, SNPLP_FILTER_MODULE), 2);
    assert_string_equal(snplp_indicator_records_filter_at(f->item, SNPLP_FILTER_MODULE, 1),
                        "theme-a");
    assert_string_equal(snplp_indicator_records_filter_at(f->item, SNPLP_FILTER_PLAN, 0),
                        "training-plan");
    assert_string_equal(snplp_indicator_records_filter_at(f->item, SNPLP_FILTER_PROFESSION, 0),
                        "p");
    /* another measure keeps the filters */
    assert_ok(snplp_indicator_set_records_measure(f->item, SNPLP_MEASURE_SESSIONS));
    assert_int_equal(snplp_indicator_records_filter_count(f->item, SNPLP_FILTER_THEME), 2);
    /* none drops them */
    assert_ok(snplp_indicator_set_records_measure(f->item, SNPLP_MEASURE_NONE));
    assert_int_equal(snplp_indicator_records_measure(f->item), SNPLP_MEASURE_NONE);
    for (int k = 1; k <= 4; k++)
        assert_int_equal(snplp_indicator_records_filter_count(f->item, (snplp_records_filter)k), 0);
    assert_true(same(f));
    /* the other indicator never changed */
    assert_int_equal(snplp_indicator_records_measure(f->other), SNPLP_MEASURE_NONE);
}

static void refusals_change_nothing(void **state)
{
    conv_fixture *f = *state;
    /* a filter before a measure */
    assert_fails_in(snplp_indicator_add_records_filter(f->item, SNPLP_FILTER_THEME, "t"),
                    SNPLP_EINVAL, "snplp_indicator_add_records_filter");
    assert_message_has("set its measure first");
    const snplp_records_measure bad_measures[] = {
        (snplp_records_measure)4, (snplp_records_measure)-1, (snplp_records_measure)99};
    for (size_t i = 0; i < COUNT_OF(bad_measures); i++)
        assert_fails_in(snplp_indicator_set_records_measure(f->item, bad_measures[i]), SNPLP_EINVAL,
                        "snplp_indicator_set_records_measure");
    assert_true(same(f));
    assert_ok(snplp_indicator_set_records_measure(f->item, SNPLP_MEASURE_TRAINING_DAYS));
    assert_ok(snplp_indicator_set_records_measure(copy_ind(f), SNPLP_MEASURE_TRAINING_DAYS));
    assert_ok(snplp_indicator_add_records_filter(f->item, SNPLP_FILTER_THEME, "t"));
    assert_ok(snplp_indicator_add_records_filter(copy_ind(f), SNPLP_FILTER_THEME, "t"));
    const snplp_records_filter bad_kinds[] = {(snplp_records_filter)0, (snplp_records_filter)5,
                                              (snplp_records_filter)-1};
    for (size_t i = 0; i < COUNT_OF(bad_kinds); i++) {
        assert_fails(snplp_indicator_add_records_filter(f->item, bad_kinds[i], "u"), SNPLP_EINVAL);
        assert_int_equal(snplp_indicator_records_filter_count(f->item, bad_kinds[i]), 0);
        assert_null(snplp_indicator_records_filter_at(f->item, bad_kinds[i], 0));
    }
    assert_fails(snplp_indicator_add_records_filter(f->item, SNPLP_FILTER_THEME, "t"),
                 SNPLP_EEXISTS);
    assert_message_has("'t' is already a theme filter of 'i-formes'");
    const char *const bad_ids[] = {"", "1abc", "a b", "th\xc3\xa8me", "a/b"};
    for (size_t i = 0; i < COUNT_OF(bad_ids); i++)
        assert_fails(snplp_indicator_add_records_filter(f->item, SNPLP_FILTER_MODULE, bad_ids[i]),
                     SNPLP_EBADID);
    assert_fails(snplp_indicator_add_records_filter(f->item, SNPLP_FILTER_MODULE, NULL),
                 SNPLP_EINVAL);
    assert_true(same(f));
}

static void null_and_wrong_objects(void **state)
{
    conv_fixture *f = *state;
    size_t before = snplp_memory_used();
    snplp_indicator *wrong = (snplp_indicator *)(void *)f->conv; /* a convention, not one */
    snplp_indicator *const objects[] = {NULL, wrong};
    for (size_t i = 0; i < COUNT_OF(objects); i++) {
        snplp_indicator *x = objects[i];
        assert_int_equal(snplp_indicator_records_measure(x), SNPLP_MEASURE_NONE);
        assert_int_equal(snplp_indicator_records_filter_count(x, SNPLP_FILTER_THEME), 0);
        assert_null(snplp_indicator_records_filter_at(x, SNPLP_FILTER_THEME, 0));
        assert_fails(snplp_indicator_set_records_measure(x, SNPLP_MEASURE_SESSIONS), SNPLP_EINVAL);
        assert_fails(snplp_indicator_add_records_filter(x, SNPLP_FILTER_THEME, "t"), SNPLP_EINVAL);
    }
    assert_int_equal(snplp_memory_used(), before);
    assert_true(same(f));
}

static void frozen(void **state)
{
    conv_fixture *f = *state;
    assert_ok(snplp_indicator_set_records_measure(f->item, SNPLP_MEASURE_SESSIONS));
    assert_ok(snplp_indicator_add_records_filter(f->item, SNPLP_FILTER_MODULE, "m"));
    assert_ok(snplp_convention_freeze(f->conv));
    assert_fails(snplp_indicator_set_records_measure(f->item, SNPLP_MEASURE_NONE), SNPLP_EFROZEN);
    assert_fails(snplp_indicator_set_records_measure(f->item, SNPLP_MEASURE_TRAINING_DAYS),
                 SNPLP_EFROZEN);
    assert_fails(snplp_indicator_add_records_filter(f->item, SNPLP_FILTER_MODULE, "n"),
                 SNPLP_EFROZEN);
    /* reads still work */
    assert_int_equal(snplp_indicator_records_measure(f->item), SNPLP_MEASURE_SESSIONS);
    assert_int_equal(snplp_indicator_records_filter_count(f->item, SNPLP_FILTER_MODULE), 1);
    assert_string_equal(snplp_indicator_records_filter_at(f->item, SNPLP_FILTER_MODULE, 0), "m");
}

/* Equality sees the measure, each filter, its kind and their order. */
static void equality(void **state)
{
    conv_fixture *f = *state;
    snplp_indicator *a = f->item, *b = copy_ind(f);
    assert_ok(snplp_indicator_set_records_measure(a, SNPLP_MEASURE_WORKERS_TRAINED));
    assert_false(same(f));
    assert_ok(snplp_indicator_set_records_measure(b, SNPLP_MEASURE_SESSIONS));
    assert_false(same(f));
    assert_ok(snplp_indicator_set_records_measure(b, SNPLP_MEASURE_WORKERS_TRAINED));
    assert_true(same(f));
    assert_ok(snplp_indicator_add_records_filter(a, SNPLP_FILTER_THEME, "x"));
    assert_ok(snplp_indicator_add_records_filter(a, SNPLP_FILTER_THEME, "y"));
    assert_false(same(f));
    assert_ok(snplp_indicator_add_records_filter(b, SNPLP_FILTER_MODULE, "x"));
    assert_ok(snplp_indicator_add_records_filter(b, SNPLP_FILTER_MODULE, "y"));
    assert_false(same(f)); /* another kind */
    assert_ok(snplp_indicator_set_records_measure(b, SNPLP_MEASURE_NONE));
    assert_ok(snplp_indicator_set_records_measure(b, SNPLP_MEASURE_WORKERS_TRAINED));
    assert_ok(snplp_indicator_add_records_filter(b, SNPLP_FILTER_THEME, "y"));
    assert_ok(snplp_indicator_add_records_filter(b, SNPLP_FILTER_THEME, "x"));
    assert_false(same(f)); /* another order */
    assert_ok(snplp_indicator_set_records_measure(b, SNPLP_MEASURE_NONE));
    assert_ok(snplp_indicator_set_records_measure(b, SNPLP_MEASURE_WORKERS_TRAINED));
    assert_ok(snplp_indicator_add_records_filter(b, SNPLP_FILTER_THEME, "x"));
    assert_false(same(f)); /* fewer */
    assert_ok(snplp_indicator_add_records_filter(b, SNPLP_FILTER_THEME, "y"));
    assert_true(same(f));
}

/* ---- out of memory ---- */

static int step_add(void *p)
{
    conv_fixture *f = p;
    static int i;
    char id[32];
    snprintf(id, sizeof id, "filtre-%d", i);
    int rc = snplp_indicator_add_records_filter(f->item, SNPLP_FILTER_PROFESSION, id);
    if (rc == SNPLP_OK)
        i++;
    return rc;
}

static void check_unchanged(void *p)
{
    assert_true(same(p));
}

static void add_filter_out_of_memory(void **state)
{
    conv_fixture *f = *state;
    assert_ok(snplp_indicator_set_records_measure(f->item, SNPLP_MEASURE_WORKERS_TRAINED));
    assert_ok(snplp_indicator_set_records_measure(copy_ind(f), SNPLP_MEASURE_WORKERS_TRAINED));
    int allocating = 0;
    for (int i = 0; i < 6; i++) {
        allocating += test_oom_sweep(step_add, check_unchanged, f) > 0;
        char id[32];
        snprintf(id, sizeof id, "filtre-%d", i);
        assert_ok(snplp_indicator_add_records_filter(copy_ind(f), SNPLP_FILTER_PROFESSION, id));
        assert_true(same(f));
    }
    assert_int_equal(allocating, 6); /* each copies its id */
    assert_int_equal(snplp_indicator_records_filter_count(f->item, SNPLP_FILTER_PROFESSION), 6);
}

/* Setting a measure allocates nothing (its documentation lists no SNPLP_ENOMEM), nor does
 * dropping the filters. */
static void set_measure_does_not_allocate(void **state)
{
    conv_fixture *f = *state;
    assert_ok(snplp_indicator_set_records_measure(f->item, SNPLP_MEASURE_WORKERS_TRAINED));
    assert_ok(snplp_indicator_add_records_filter(f->item, SNPLP_FILTER_PROFESSION, "p"));
    size_t before = snplp_memory_used();
    snplp__alloc_fail_after(0);
    int rc[3];
    rc[0] = snplp_indicator_set_records_measure(f->item, SNPLP_MEASURE_TRAINING_DAYS);
    rc[1] = snplp_indicator_set_records_measure(f->item, SNPLP_MEASURE_NONE);
    rc[2] = snplp_indicator_set_records_measure(f->item, SNPLP_MEASURE_SESSIONS);
    snplp__alloc_fail_after(-1);
    for (size_t i = 0; i < COUNT_OF(rc); i++)
        assert_ok(rc[i]);
    assert_true(snplp_memory_used() < before); /* the filter was freed */
    assert_int_equal(snplp_indicator_records_measure(f->item), SNPLP_MEASURE_SESSIONS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(measure_and_filter_names),
        FIXTURE_TEST(a_new_indicator_is_not_computed),
        FIXTURE_TEST(measure_and_filters),
        FIXTURE_TEST(refusals_change_nothing),
        FIXTURE_TEST(null_and_wrong_objects),
        FIXTURE_TEST(frozen),
        FIXTURE_TEST(equality),
        FIXTURE_TEST(add_filter_out_of_memory),
        FIXTURE_TEST(set_measure_does_not_allocate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
