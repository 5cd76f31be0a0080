/* Tests of records.h, the root: creation, reference counting, freezing, the one id space of
 * every kind (snplp_records_kind_of(), SNPLP_EEXISTS across kinds, SNPLP_EBADID), the names of
 * the enumerations, deep equality (extensions included) and pointers of another type. */
#include "test_values.h"

#include <stdio.h>

/* Records with one record of every kind and an attendance. */
static snplp_records *build(void)
{
    snplp_records *r = NULL;
    assert_ok(snplp_records_new(&r));
    assert_ok(snplp_records_add_profession(NULL, r, "p-ap", SNPLP_CATEGORY_WORKER,
                                           "auxiliaires de pu\xc3\xa9riculture"));
    assert_ok(snplp_records_add_employer(NULL, r, "e-80", SNPLP_EMPLOYER_DEPARTEMENT,
                                         "Conseil d\xc3\xa9partemental de la Somme", "80"));
    assert_ok(snplp_records_add_worker(NULL, r, "w1", "p-ap", "e-80", "80", date(2020, 1, 6)));
    assert_ok(snplp_records_add_training_body(NULL, r, "tb1", "Institut r\xc3\xa9gional"));
    assert_ok(snplp_records_add_session(NULL, r, "s1", "m-fund", "tb1", date(2021, 3, 1),
                                        date(2021, 3, 5), dec(5, 0), SNPLP_MODE_ON_SITE));
    assert_ok(snplp_records_add_attendance(NULL, r, "w1", "s1", SNPLP_ATTENDANCE_ATTENDED));
    return r;
}

static void new_and_unref(void **state)
{
    (void)state;
    size_t before = snplp_memory_used();
    snplp_records *r = NULL;
    assert_ok(snplp_records_new(&r));
    assert_non_null(r);
    assert_int_equal(snplp_records_profession_count(r), 0);
    assert_int_equal(snplp_records_employer_count(r), 0);
    assert_int_equal(snplp_records_worker_count(r), 0);
    assert_int_equal(snplp_records_training_body_count(r), 0);
    assert_int_equal(snplp_records_session_count(r), 0);
    assert_int_equal(snplp_records_attendance_count(r), 0);
    assert_false(snplp_records_is_frozen(r));
    assert_ptr_equal(snplp_records_ref(r), r);
    snplp_records_unref(r);
    assert_int_equal(snplp_records_worker_count(r), 0); /* still alive: one reference left */
    snplp_records_unref(r);
    assert_int_equal(snplp_memory_used(), before);
    assert_fails_in(snplp_records_new(NULL), SNPLP_EINVAL, "snplp_records_new");
    assert_null(snplp_records_ref(NULL));
    snplp_records_unref(NULL);
}

static void one_id_space(void **state)
{
    (void)state;
    snplp_records *r = build();
    assert_int_equal(snplp_records_kind_of(r, "p-ap"), SNPLP_RECORD_PROFESSION);
    assert_int_equal(snplp_records_kind_of(r, "e-80"), SNPLP_RECORD_EMPLOYER);
    assert_int_equal(snplp_records_kind_of(r, "w1"), SNPLP_RECORD_WORKER);
    assert_int_equal(snplp_records_kind_of(r, "tb1"), SNPLP_RECORD_TRAINING_BODY);
    assert_int_equal(snplp_records_kind_of(r, "s1"), SNPLP_RECORD_SESSION);
    snplp_error_clear();
    assert_int_equal(snplp_records_kind_of(r, "nobody"), SNPLP_RECORD_NONE);
    assert_int_equal(snplp_error_last_code(), SNPLP_ENOTFOUND);
    assert_message_has("nobody");
    /* an id of any kind is taken for every kind */
    snplp_records *copy = build();
    assert_fails_in(snplp_records_add_worker(NULL, r, "s1", "p-ap", "e-80", "80", date(2020, 1, 1)),
                    SNPLP_EEXISTS, "snplp_records_add_worker");
    assert_message_has("session");
    assert_fails(snplp_records_add_session(NULL, r, "w1", "m", "tb1", date(2021, 1, 1),
                                           date(2021, 1, 1), dec(1, 0), SNPLP_MODE_DISTANCE),
                 SNPLP_EEXISTS);
    assert_fails(snplp_records_add_profession(NULL, r, "tb1", SNPLP_CATEGORY_CADRE, "x"),
                 SNPLP_EEXISTS);
    assert_fails(snplp_records_add_employer(NULL, r, "p-ap", SNPLP_EMPLOYER_OTHER, "x", "80"),
                 SNPLP_EEXISTS);
    assert_fails(snplp_records_add_training_body(NULL, r, "e-80", "x"), SNPLP_EEXISTS);
    assert_fails(snplp_records_add_training_body(NULL, r, "9bad", "x"), SNPLP_EBADID);
    assert_fails(snplp_records_add_training_body(NULL, r, NULL, "x"), SNPLP_EINVAL);
    assert_true(snplp_records_equal(r, copy));
    snplp_records_unref(r);
    snplp_records_unref(copy);
}

static void freeze(void **state)
{
    (void)state;
    snplp_records *r = build(), *copy = build();
    assert_ok(snplp_records_freeze(r));
    assert_true(snplp_records_is_frozen(r));
    assert_ok(snplp_records_freeze(r));
    assert_fails_in(snplp_records_add_training_body(NULL, r, "tb2", "x"), SNPLP_EFROZEN,
                    "snplp_records_add_training_body");
    assert_fails(snplp_worker_set_unit(snplp_records_worker_at(r, 0), "PMI"), SNPLP_EFROZEN);
    assert_fails(
        snplp_attendance_set_status(snplp_records_attendance_at(r, 0), SNPLP_ATTENDANCE_ABSENT),
        SNPLP_EFROZEN);
    assert_true(snplp_records_equal(r, copy));
    assert_fails(snplp_records_freeze(NULL), SNPLP_EINVAL);
    assert_false(snplp_records_is_frozen(NULL));
    snplp_records_unref(r);
    snplp_records_unref(copy);
}

static void equal(void **state)
{
    (void)state;
    snplp_records *a = build(), *b = build();
    assert_true(snplp_records_equal(a, b));
    assert_true(snplp_records_equal(a, a));
    assert_true(snplp_records_equal(NULL, NULL));
    assert_false(snplp_records_equal(a, NULL));
    assert_ok(snplp_session_set_capacity(snplp_records_session_at(a, 0), 12));
    assert_false(snplp_records_equal(a, b));
    assert_ok(snplp_session_set_capacity(snplp_records_session_at(b, 0), 12));
    assert_true(snplp_records_equal(a, b));
    snplp_records_unref(a);
    snplp_records_unref(b);
}

static void names(void **state)
{
    (void)state;
    assert_string_equal(snplp_record_kind_name(SNPLP_RECORD_TRAINING_BODY), "training-body");
    assert_string_equal(snplp_record_kind_name((snplp_record_kind)99), "none");
    assert_string_equal(snplp_employer_kind_name(SNPLP_EMPLOYER_CRECHE), "creche");
    assert_string_equal(snplp_employer_kind_name((snplp_employer_kind)0), "unknown");
    assert_string_equal(snplp_session_mode_name(SNPLP_MODE_MIXED), "mixed");
    assert_string_equal(snplp_session_mode_name((snplp_session_mode)4), "unknown");
    assert_string_equal(snplp_attendance_status_name(SNPLP_ATTENDANCE_PARTIAL), "partial");
    assert_string_equal(snplp_attendance_status_name((snplp_attendance_status)-1), "unknown");
}

static void siret(void **state)
{
    (void)state;
    assert_true(snplp_siret_is_valid("73282932000074"));
    assert_true(snplp_siret_is_valid("35600000000048"));
    assert_false(snplp_siret_is_valid("73282932000075"));
    assert_false(snplp_siret_is_valid("7328293200007"));
    assert_false(snplp_siret_is_valid(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(new_and_unref), cmocka_unit_test(one_id_space), cmocka_unit_test(freeze),
        cmocka_unit_test(equal),         cmocka_unit_test(names),        cmocka_unit_test(siret),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
