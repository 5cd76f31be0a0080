/* Tests of the contract of errors.h for a lookup that finds nothing: a miss is reported as
 * SNPLP_ENOTFOUND with its own message, so that a message read after a miss is never that of an
 * earlier failure (issue 16). Every _find of the referential, of a convention, of a list of
 * conventions and of training records, snplp_referential_kind_of(), snplp_records_kind_of(),
 * and the status getters of optional values. */
#include "test_util.h"

#include <stdio.h>

/* Records a failure whose message must not survive the miss that follows. */
static void fail_first(void)
{
    snplp_error_clear();
    snplp_date d;
    assert_int_equal(snplp_date_parse(&d, "2021-02-30"), SNPLP_EPARSE);
    assert_non_null(strstr(snplp_error_last_message(), "snplp_date_parse"));
}

/* The miss recorded by fn, naming what was looked for. */
static void assert_miss(const char *fn, const char *id)
{
    assert_int_equal(snplp_error_last_code(), SNPLP_ENOTFOUND);
    const char *msg = snplp_error_last_message();
    if (!strstr(msg, fn) || !strstr(msg, id))
        fail_msg("after a miss of %s('%s'), the last message is '%s'", fn, id, msg);
    assert_string_equal(snplp_error_last_function(), fn);
    assert_null(strstr(msg, "snplp_date_parse"));
}

#define MISS(call, fn, id)                                                                         \
    do {                                                                                           \
        fail_first();                                                                              \
        assert_null(call);                                                                         \
        assert_miss(fn, id);                                                                       \
    } while (0)

static void referential_finds(void **state)
{
    (void)state;
    snplp_referential *ref;
    assert_ok(snplp_referential_new(&ref));
    assert_ok(snplp_referential_add_theme(NULL, ref, "t1", "Theme"));
#define REF_MISS(type)                                                                             \
    MISS(snplp_referential_##type##_find(ref, "nope"), "snplp_referential_" #type "_find", "nope")
    REF_MISS(commitment);
    REF_MISS(lever);
    REF_MISS(theme);
    REF_MISS(module);
    REF_MISS(profession);
    REF_MISS(diploma_rule);
    REF_MISS(funding);
    REF_MISS(plan);
    REF_MISS(competence);
    REF_MISS(content);
    REF_MISS(objective);
    REF_MISS(outcome);
    REF_MISS(recommendation);
    REF_MISS(plan_theme);
    REF_MISS(figure);
    /* an id of another kind: said so */
    MISS(snplp_referential_module_find(ref, "t1"), "snplp_referential_module_find", "t1");
    assert_non_null(strstr(snplp_error_last_reason(), "is a theme, not a module"));
    fail_first();
    assert_int_equal(snplp_referential_kind_of(ref, "nope"), SNPLP_KIND_NONE);
    assert_miss("snplp_referential_kind_of", "nope");
    /* a NULL referential is an invalid argument, still not the earlier message */
    fail_first();
    assert_null(snplp_referential_theme_find(NULL, "t1"));
    assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    /* a hit leaves the last error alone, as any success */
    fail_first();
    assert_non_null(snplp_referential_theme_find(ref, "t1"));
    assert_int_equal(snplp_error_last_code(), SNPLP_EPARSE);
    snplp_referential_unref(ref);
}

static void optional_values(void **state)
{
    (void)state;
    snplp_referential *ref;
    snplp_module *m;
    assert_ok(snplp_referential_new(&ref));
    assert_ok(snplp_referential_add_module(&m, ref, "t1", "m1", SNPLP_LEVEL_EXPERT, "Module"));
    double days;
    fail_first();
    assert_int_equal(snplp_module_duration_days(&days, m), SNPLP_ENOTFOUND);
    assert_miss("snplp_module_duration_days", "m1");
    snplp_referential_unref(ref);
}

static void convention_finds(void **state)
{
    (void)state;
    snplp_convention *conv;
    snplp_convention_list *list;
    assert_ok(snplp_convention_new(&conv, "conv-1", SNPLP_TERRITORY_DEPARTEMENT, "75", "Paris"));
    assert_ok(snplp_convention_list_new(&list));
    assert_ok(snplp_convention_list_add(list, conv));
    /* adding to a list looks the id up without recording a miss */
    snplp_error_clear();
    snplp_convention *other;
    assert_ok(snplp_convention_new(&other, "conv-2", SNPLP_TERRITORY_DEPARTEMENT, "13", "BdR"));
    assert_ok(snplp_convention_list_add(list, other));
    assert_int_equal(snplp_error_last_code(), SNPLP_OK);
    snplp_convention_unref(other);

    MISS(snplp_convention_action_find(conv, "nope"), "snplp_convention_action_find", "nope");
    MISS(snplp_convention_indicator_find(conv, "nope"), "snplp_convention_indicator_find", "nope");
    MISS(snplp_convention_list_find(list, "nope"), "snplp_convention_list_find", "nope");
    int64_t cents;
    fail_first();
    assert_int_equal(snplp_convention_funding(conv, 2021, &cents, NULL), SNPLP_ENOTFOUND);
    assert_miss("snplp_convention_funding", "conv-1");
    snplp_convention_list_free(list);
    snplp_convention_unref(conv);
}

static void records_finds(void **state)
{
    (void)state;
    snplp_records *r;
    snplp_worker *w;
    snplp_session *s;
    snplp_attendance *a;
    assert_ok(snplp_records_new(&r));
    /* adding looks the id up without recording a miss */
    snplp_error_clear();
    assert_ok(snplp_records_add_worker(&w, r, "w1", "p", "e", "80", (snplp_date){2020, 1, 1}));
    assert_ok(snplp_records_add_session(&s, r, "s1", "m", "tb", (snplp_date){2021, 1, 1},
                                        (snplp_date){2021, 1, 1}, (snplp_decimal){1, 0},
                                        SNPLP_MODE_ON_SITE));
    assert_ok(snplp_records_add_attendance(&a, r, "w1", "s1", SNPLP_ATTENDANCE_PARTIAL));
    assert_int_equal(snplp_error_last_code(), SNPLP_OK);
#define REC_MISS(type)                                                                             \
    MISS(snplp_records_##type##_find(r, "nope"), "snplp_records_" #type "_find", "nope")
    REC_MISS(profession);
    REC_MISS(employer);
    REC_MISS(worker);
    REC_MISS(training_body);
    REC_MISS(session);
    /* an id of another kind: said so */
    MISS(snplp_records_session_find(r, "w1"), "snplp_records_session_find", "w1");
    fail_first();
    assert_int_equal(snplp_records_kind_of(r, "nope"), SNPLP_RECORD_NONE);
    assert_miss("snplp_records_kind_of", "nope");
    int n;
    fail_first();
    assert_int_equal(snplp_worker_diploma_level(&n, w), SNPLP_ENOTFOUND);
    assert_miss("snplp_worker_diploma_level", "w1");
    snplp_date d;
    fail_first();
    assert_int_equal(snplp_worker_until(&d, w), SNPLP_ENOTFOUND);
    assert_miss("snplp_worker_until", "w1");
    fail_first();
    assert_int_equal(snplp_session_capacity(&n, s), SNPLP_ENOTFOUND);
    assert_miss("snplp_session_capacity", "s1");
    snplp_decimal days;
    fail_first();
    assert_int_equal(snplp_attendance_days(&days, a), SNPLP_ENOTFOUND);
    assert_miss("snplp_attendance_days", "w1");
    snplp_records_unref(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(referential_finds),
        cmocka_unit_test(optional_values),
        cmocka_unit_test(convention_finds),
        cmocka_unit_test(records_finds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
