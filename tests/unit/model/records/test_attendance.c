/* Tests of attendance in records (records.h): statuses and their names, adding (ids that may
 * name nothing yet, duplicates allowed: findings of validation), reading, the status and the
 * days attended (unknown is never 0), every refusal changing nothing, and out of memory. */
#include "records_test.h"

static void statuses(void **state)
{
    (void)state;
    static const char *const names[] = {"registered", "attended", "partial", "absent", "cancelled"};
    for (int s = 1; s <= 5; s++)
        assert_string_equal(snplp_attendance_status_name((snplp_attendance_status)s), names[s - 1]);
    assert_string_equal(snplp_attendance_status_name((snplp_attendance_status)0), "unknown");
    assert_string_equal(snplp_attendance_status_name((snplp_attendance_status)6), "unknown");
}

static void add_and_read(void **state)
{
    rec_fixture *f = *state;
    snplp_attendance *a = NULL;
    assert_string_equal(snplp_attendance_worker_id(f->a), "w1");
    assert_string_equal(snplp_attendance_session_id(f->a), "s1");
    assert_int_equal(snplp_attendance_status_of(f->a), SNPLP_ATTENDANCE_ATTENDED);
    /* ids naming nothing yet, and the same pair again */
    assert_ok(
        snplp_records_add_attendance(&a, f->r, "w-later", "s-later", SNPLP_ATTENDANCE_REGISTERED));
    assert_non_null(a);
    assert_ok(snplp_records_add_attendance(NULL, f->r, "w1", "s1", SNPLP_ATTENDANCE_CANCELLED));
    assert_int_equal(snplp_records_attendance_count(f->r), 3);
    assert_ptr_equal(snplp_records_attendance_at(f->r, 0), f->a);
    assert_ptr_equal(snplp_records_attendance_at(f->r, 1), a);
    assert_null(snplp_records_attendance_at(f->r, 3));
    assert_null(snplp_records_attendance_at(f->r, SIZE_MAX));
    assert_string_equal(snplp_attendance_worker_id(a), "w-later");
    assert_string_equal(snplp_attendance_session_id(a), "s-later");
    assert_int_equal(snplp_attendance_status_of(a), SNPLP_ATTENDANCE_REGISTERED);
    snplp_decimal days = dec(7, 7);
    assert_fails_in(snplp_attendance_days(&days, a), SNPLP_ENOTFOUND, "snplp_attendance_days");
    assert_message_has("w-later");
    assert_identical(days, dec(7, 7));
    /* attendance records have no id */
    assert_int_equal(snplp_records_kind_of(f->r, "w-later"), SNPLP_RECORD_NONE);
}

static void add_refused(void **state)
{
    rec_fixture *f = *state;
    snplp_attendance *a = (snplp_attendance *)f->w;
    const char *fn = "snplp_records_add_attendance";
    FOR_WRONG(f, REC_ROOT, snplp_records, x)
    assert_refused(f, snplp_records_add_attendance(&a, x, "w1", "s1", SNPLP_ATTENDANCE_ATTENDED),
                   SNPLP_EINVAL, fn);
    assert_refused(f, snplp_records_add_attendance(&a, f->r, NULL, "s1", SNPLP_ATTENDANCE_ATTENDED),
                   SNPLP_EINVAL, fn);
    assert_refused(f,
                   snplp_records_add_attendance(&a, f->r, "w 1", "s1", SNPLP_ATTENDANCE_ATTENDED),
                   SNPLP_EINVAL, fn);
    assert_message_has("worker id");
    assert_refused(f, snplp_records_add_attendance(&a, f->r, "w1", NULL, SNPLP_ATTENDANCE_ATTENDED),
                   SNPLP_EINVAL, fn);
    assert_refused(f, snplp_records_add_attendance(&a, f->r, "w1", "", SNPLP_ATTENDANCE_ATTENDED),
                   SNPLP_EINVAL, fn);
    assert_message_has("session id");
    static const int bad[] = {0, 6, -1};
    for (size_t i = 0; i < COUNT_OF(bad); i++)
        assert_refused(
            f, snplp_records_add_attendance(&a, f->r, "w1", "s1", (snplp_attendance_status)bad[i]),
            SNPLP_EINVAL, fn);
    assert_ptr_equal(a, (snplp_attendance *)f->w);
    assert_ok(snplp_records_freeze(f->r));
    assert_refused(f, snplp_records_add_attendance(&a, f->r, "w1", "s1", SNPLP_ATTENDANCE_ATTENDED),
                   SNPLP_EFROZEN, fn);
}

static void wrong_objects(void **state)
{
    rec_fixture *f = *state;
    FOR_WRONG(f, REC_ROOT, snplp_records, x)
    {
        assert_int_equal(snplp_records_attendance_count(x), 0);
        assert_null(snplp_records_attendance_at(x, 0));
    }
    FOR_WRONG(f, REC_ATTENDANCE, snplp_attendance, x)
    {
        assert_null(snplp_attendance_worker_id(x));
        assert_null(snplp_attendance_session_id(x));
        assert_int_equal(snplp_attendance_status_of(x), 0);
        snplp_decimal days = dec(3, 0);
        assert_fails(snplp_attendance_days(&days, x), SNPLP_EINVAL);
        assert_identical(days, dec(3, 0));
        assert_refused(f, snplp_attendance_set_status(x, SNPLP_ATTENDANCE_ABSENT), SNPLP_EINVAL,
                       "snplp_attendance_set_status");
        assert_refused(f, snplp_attendance_set_days(x, dec(1, 0)), SNPLP_EINVAL,
                       "snplp_attendance_set_days");
        assert_refused(f, snplp_attendance_clear_days(x), SNPLP_EINVAL,
                       "snplp_attendance_clear_days");
    }
    assert_fails(snplp_attendance_days(NULL, f->a), SNPLP_EINVAL);
}

static void status_and_days(void **state)
{
    rec_fixture *f = *state;
    snplp_attendance *c = snplp_records_attendance_at(f->copy, 0);
    assert_refused(f, snplp_attendance_set_status(f->a, (snplp_attendance_status)0), SNPLP_EINVAL,
                   "snplp_attendance_set_status");
    assert_refused(f, snplp_attendance_set_status(f->a, (snplp_attendance_status)6), SNPLP_EINVAL,
                   "snplp_attendance_set_status");
    assert_ok(snplp_attendance_set_status(f->a, SNPLP_ATTENDANCE_PARTIAL));
    assert_int_equal(snplp_attendance_status_of(f->a), SNPLP_ATTENDANCE_PARTIAL);
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(snplp_attendance_set_status(c, SNPLP_ATTENDANCE_PARTIAL));
    assert_unchanged(f);
    /* days: 0 or more, exact */
    static const snplp_decimal bad[] = {{-1, 0}, {-5, 1}, {1, 19}, {1, -1}};
    for (size_t i = 0; i < COUNT_OF(bad); i++)
        assert_refused(f, snplp_attendance_set_days(f->a, bad[i]), SNPLP_EINVAL,
                       "snplp_attendance_set_days");
    assert_ok(snplp_attendance_set_days(f->a, dec(0, 0)));
    snplp_decimal days = dec(9, 9);
    assert_ok(snplp_attendance_days(&days, f->a));
    assert_identical(days, dec(0, 0));
    assert_false(snplp_records_equal(f->r, f->copy)); /* 0 days is not unknown days */
    assert_ok(snplp_attendance_set_days(f->a, dec(25, 1)));
    assert_ok(snplp_attendance_days(&days, f->a));
    assert_identical(days, dec(25, 1));
    assert_fails(snplp_attendance_set_days(f->a, dec(-25, 1)), SNPLP_EINVAL);
    assert_ok(snplp_attendance_days(&days, f->a));
    assert_identical(days, dec(25, 1));
    assert_ok(snplp_attendance_set_days(c, dec(250, 2)));
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(snplp_attendance_set_days(c, dec(25, 1)));
    assert_unchanged(f);
    assert_ok(snplp_attendance_clear_days(f->a));
    assert_fails(snplp_attendance_days(&days, f->a), SNPLP_ENOTFOUND);
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(snplp_attendance_clear_days(c));
    assert_unchanged(f);
}

static void frozen(void **state)
{
    rec_fixture *f = *state;
    assert_ok(snplp_records_freeze(f->r));
    assert_refused(f, snplp_attendance_set_status(f->a, SNPLP_ATTENDANCE_ABSENT), SNPLP_EFROZEN,
                   "snplp_attendance_set_status");
    assert_refused(f, snplp_attendance_set_days(f->a, dec(1, 0)), SNPLP_EFROZEN,
                   "snplp_attendance_set_days");
    assert_refused(f, snplp_attendance_clear_days(f->a), SNPLP_EFROZEN,
                   "snplp_attendance_clear_days");
}

static int op_add(snplp_records *r, int i)
{
    char worker[16];
    snprintf(worker, sizeof worker, "w-%d", i);
    return snplp_records_add_attendance(NULL, r, worker, "s1", SNPLP_ATTENDANCE_REGISTERED);
}

static void out_of_memory(void **state)
{
    rec_fixture *f = *state;
    /* Attendance records live in blocks of 16, 32, 64... records (records_model.h), and their
     * references and the array of them grow by steps: an add allocates only when one of these
     * is full. From the fixture's 1 record to 41, 5 adds of 40 allocate, each all or nothing;
     * among them the 16th, which opens a second block. */
    assert_int_equal(rec_sweep(f->r, f->copy, op_add, 40), 5);
    assert_int_equal(snplp_records_attendance_count(f->r), 41);
    assert_string_equal(snplp_attendance_worker_id(snplp_records_attendance_at(f->r, 40)), "w-39");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(statuses), REC_TEST(add_and_read),    REC_TEST(add_refused),
        REC_TEST(wrong_objects),    REC_TEST(status_and_days), REC_TEST(frozen),
        REC_TEST(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
