/* Tests of the workers of records (records.h): adding, reading, finding, the references to a
 * profession and an employer (well-formed ids that may name nothing yet), the territory, the
 * unit, the diploma level (unknown is never 0), the days of presence in the workforce, every
 * refusal changing nothing, and out of memory. */
#include "records_test.h"

static const snplp_date bad_dates[] = {
    {0, 0, 0},   {2021, 2, 29}, {2020, 13, 1}, {2020, 0, 1},
    {999, 1, 1}, {10000, 1, 1}, {2020, 4, 31},
};

static void add_and_read(void **state)
{
    rec_fixture *f = *state;
    snplp_worker *w = NULL;
    /* references may name nothing yet, or a profession of the referential */
    assert_ok(snplp_records_add_worker(&w, f->r, "w-0042", "prof-ass", "e-later", "80021",
                                       date(2019, 9, 1)));
    assert_non_null(w);
    assert_int_equal(snplp_records_worker_count(f->r), 2);
    assert_ptr_equal(snplp_records_worker_at(f->r, 0), f->w);
    assert_ptr_equal(snplp_records_worker_at(f->r, 1), w);
    assert_null(snplp_records_worker_at(f->r, 2));
    assert_ptr_equal(snplp_records_worker_find(f->r, "w-0042"), w);
    assert_string_equal(snplp_worker_id(w), "w-0042");
    assert_ptr_equal(snplp_worker_records(w), f->r);
    assert_string_equal(snplp_worker_profession_id(w), "prof-ass");
    assert_string_equal(snplp_worker_employer_id(w), "e-later");
    assert_string_equal(snplp_worker_territory_code(w), "80021");
    assert_null(snplp_worker_unit(w));
    assert_date(snplp_worker_from(w), 2019, 9, 1);
    int level = 77;
    assert_fails_in(snplp_worker_diploma_level(&level, w), SNPLP_ENOTFOUND,
                    "snplp_worker_diploma_level");
    assert_int_equal(level, 77);
    snplp_date until = date_sentinel;
    assert_fails_in(snplp_worker_until(&until, w), SNPLP_ENOTFOUND, "snplp_worker_until");
    assert_date(until, 1234, 5, 6);
    assert_int_equal(snplp_records_kind_of(f->r, "w-0042"), SNPLP_RECORD_WORKER);
}

static void add_refused(void **state)
{
    rec_fixture *f = *state;
    snplp_worker *w = (snplp_worker *)f->s;
    const char *fn = "snplp_records_add_worker";
    const snplp_date d = date(2020, 1, 1);
    FOR_WRONG(f, REC_ROOT, snplp_records, x)
    assert_refused(f, snplp_records_add_worker(&w, x, "w2", "p-ap", "e-80", "80", d), SNPLP_EINVAL,
                   fn);
    assert_refused(f, snplp_records_add_worker(&w, f->r, NULL, "p-ap", "e-80", "80", d),
                   SNPLP_EINVAL, fn);
    assert_refused(f, snplp_records_add_worker(&w, f->r, "-w", "p-ap", "e-80", "80", d),
                   SNPLP_EBADID, fn);
    static const char *const used[] = {"p-ap", "e-80", "w1", "tb1", "s1"};
    for (size_t i = 0; i < COUNT_OF(used); i++)
        assert_refused(f, snplp_records_add_worker(&w, f->r, used[i], "p-ap", "e-80", "80", d),
                       SNPLP_EEXISTS, fn);
    /* malformed references: SNPLP_EINVAL naming the reference */
    assert_refused(f, snplp_records_add_worker(&w, f->r, "w2", NULL, "e-80", "80", d), SNPLP_EINVAL,
                   fn);
    assert_refused(f, snplp_records_add_worker(&w, f->r, "w2", "p ap", "e-80", "80", d),
                   SNPLP_EINVAL, fn);
    assert_message_has("profession id");
    assert_refused(f, snplp_records_add_worker(&w, f->r, "w2", "p-ap", NULL, "80", d), SNPLP_EINVAL,
                   fn);
    assert_refused(f, snplp_records_add_worker(&w, f->r, "w2", "p-ap", "1e", "80", d), SNPLP_EINVAL,
                   fn);
    assert_message_has("employer id");
    assert_refused(f, snplp_records_add_worker(&w, f->r, "w2", "p-ap", "e-80", NULL, d),
                   SNPLP_EINVAL, fn);
    assert_refused(f, snplp_records_add_worker(&w, f->r, "w2", "p-ap", "e-80", "8", d),
                   SNPLP_EINVAL, fn);
    assert_message_has("territory code");
    for (size_t i = 0; i < COUNT_OF(bad_dates); i++) {
        assert_refused(f,
                       snplp_records_add_worker(&w, f->r, "w2", "p-ap", "e-80", "80", bad_dates[i]),
                       SNPLP_EINVAL, fn);
        assert_message_has("first day");
    }
    assert_ptr_equal(w, (snplp_worker *)f->s);
    assert_ok(snplp_records_freeze(f->r));
    assert_refused(f, snplp_records_add_worker(&w, f->r, "w2", "p-ap", "e-80", "80", d),
                   SNPLP_EFROZEN, fn);
}

static void find_misses(void **state)
{
    rec_fixture *f = *state;
    const char *fn = "snplp_records_worker_find";
    assert_miss(snplp_records_worker_find(f->r, "w2"), SNPLP_ENOTFOUND, fn, "w2");
    assert_miss(snplp_records_worker_find(f->r, "p-ap"), SNPLP_ENOTFOUND, fn, "profession");
    assert_miss(snplp_records_worker_find(f->r, NULL), SNPLP_EINVAL, fn, NULL);
    FOR_WRONG(f, REC_ROOT, snplp_records, x)
    {
        assert_miss(snplp_records_worker_find(x, "w1"), SNPLP_EINVAL, fn, NULL);
        assert_int_equal(snplp_records_worker_count(x), 0);
        assert_null(snplp_records_worker_at(x, 0));
    }
}

static void wrong_objects(void **state)
{
    rec_fixture *f = *state;
    FOR_WRONG(f, REC_WORKER, snplp_worker, x)
    {
        assert_null(snplp_worker_id(x));
        assert_null(snplp_worker_records(x));
        assert_null(snplp_worker_profession_id(x));
        assert_null(snplp_worker_employer_id(x));
        assert_null(snplp_worker_territory_code(x));
        assert_null(snplp_worker_unit(x));
        assert_date(snplp_worker_from(x), 0, 0, 0);
        int level = 5;
        assert_fails(snplp_worker_diploma_level(&level, x), SNPLP_EINVAL);
        assert_int_equal(level, 5);
        snplp_date until = date_sentinel;
        assert_fails(snplp_worker_until(&until, x), SNPLP_EINVAL);
        assert_date(until, 1234, 5, 6);
        assert_refused(f, snplp_worker_set_profession_id(x, "p"), SNPLP_EINVAL,
                       "snplp_worker_set_profession_id");
        assert_refused(f, snplp_worker_set_employer_id(x, "e"), SNPLP_EINVAL,
                       "snplp_worker_set_employer_id");
        assert_refused(f, snplp_worker_set_territory_code(x, "80"), SNPLP_EINVAL,
                       "snplp_worker_set_territory_code");
        assert_refused(f, snplp_worker_set_unit(x, "PMI"), SNPLP_EINVAL, "snplp_worker_set_unit");
        assert_refused(f, snplp_worker_set_diploma_level(x, 6), SNPLP_EINVAL,
                       "snplp_worker_set_diploma_level");
        assert_refused(f, snplp_worker_clear_diploma_level(x), SNPLP_EINVAL,
                       "snplp_worker_clear_diploma_level");
        assert_refused(f, snplp_worker_set_from(x, date(2020, 1, 1)), SNPLP_EINVAL,
                       "snplp_worker_set_from");
        assert_refused(f, snplp_worker_set_until(x, date(2020, 1, 1)), SNPLP_EINVAL,
                       "snplp_worker_set_until");
        assert_refused(f, snplp_worker_clear_until(x), SNPLP_EINVAL, "snplp_worker_clear_until");
    }
    /* NULL out-parameters */
    assert_fails(snplp_worker_diploma_level(NULL, f->w), SNPLP_EINVAL);
    assert_fails(snplp_worker_until(NULL, f->w), SNPLP_EINVAL);
}

static void references_and_territory(void **state)
{
    rec_fixture *f = *state;
    snplp_worker *c = snplp_records_worker_at(f->copy, 0);
    assert_refused(f, snplp_worker_set_profession_id(f->w, NULL), SNPLP_EINVAL,
                   "snplp_worker_set_profession_id");
    assert_refused(f, snplp_worker_set_profession_id(f->w, "a b"), SNPLP_EINVAL,
                   "snplp_worker_set_profession_id");
    assert_refused(f, snplp_worker_set_employer_id(f->w, ""), SNPLP_EINVAL,
                   "snplp_worker_set_employer_id");
    assert_refused(f, snplp_worker_set_territory_code(f->w, "2C"), SNPLP_EINVAL,
                   "snplp_worker_set_territory_code");
    assert_refused(f, snplp_worker_set_territory_code(f->w, NULL), SNPLP_EINVAL,
                   "snplp_worker_set_territory_code");
    assert_ok(snplp_worker_set_profession_id(f->w, "prof-es"));
    assert_string_equal(snplp_worker_profession_id(f->w), "prof-es");
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(snplp_worker_set_profession_id(c, "prof-es"));
    assert_ok(snplp_worker_set_employer_id(f->w, "e-81"));
    assert_string_equal(snplp_worker_employer_id(f->w), "e-81");
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(snplp_worker_set_employer_id(c, "e-81"));
    assert_ok(snplp_worker_set_territory_code(f->w, "2A004"));
    assert_string_equal(snplp_worker_territory_code(f->w), "2A004");
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(snplp_worker_set_territory_code(c, "2A004"));
    assert_unchanged(f);
    /* its own value */
    assert_ok(snplp_worker_set_profession_id(f->w, snplp_worker_profession_id(f->w)));
    assert_unchanged(f);
}

static void unit(void **state)
{
    rec_fixture *f = *state;
    const char *fn = "snplp_worker_set_unit";
    assert_refused(f, snplp_worker_set_unit(f->w, " "), SNPLP_EINVAL, fn);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_refused(f, snplp_worker_set_unit(f->w, test_bad_texts[i]), SNPLP_EENCODING, fn);
    assert_ok(snplp_worker_set_unit(f->w, "Protection maternelle et infantile (PMI) \xe2\x80\x94 "
                                          "Amiens"));
    assert_string_equal(snplp_worker_unit(f->w),
                        "Protection maternelle et infantile (PMI) \xe2\x80\x94 Amiens");
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(snplp_worker_set_unit(f->w, AP_NFD));
    assert_string_equal(snplp_worker_unit(f->w), AP_NFC);
    assert_ok(snplp_worker_set_unit(f->w, NULL));
    assert_null(snplp_worker_unit(f->w));
    assert_unchanged(f);
    assert_ok(snplp_worker_set_unit(f->w, NULL)); /* unsetting what is unset */
    assert_unchanged(f);
}

static void diploma_level(void **state)
{
    rec_fixture *f = *state;
    const char *fn = "snplp_worker_set_diploma_level";
    static const int bad[] = {0, 9, -1, 10, 100};
    for (size_t i = 0; i < COUNT_OF(bad); i++) {
        assert_refused(f, snplp_worker_set_diploma_level(f->w, bad[i]), SNPLP_EINVAL, fn);
        assert_message_has("1 to 8");
    }
    for (int level = 1; level <= 8; level++) {
        assert_ok(snplp_worker_set_diploma_level(f->w, level));
        ASSERT_READ(int, snplp_worker_diploma_level, f->w, level);
    }
    assert_false(snplp_records_equal(f->r, f->copy));
    /* a bad level while set changes nothing */
    assert_fails(snplp_worker_set_diploma_level(f->w, 0), SNPLP_EINVAL);
    ASSERT_READ(int, snplp_worker_diploma_level, f->w, 8);
    assert_ok(snplp_worker_set_diploma_level(snplp_records_worker_at(f->copy, 0), 8));
    assert_unchanged(f);
    assert_ok(snplp_worker_clear_diploma_level(f->w));
    assert_fails(snplp_worker_diploma_level(&(int){0}, f->w), SNPLP_ENOTFOUND);
    assert_message_has("w1");
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(snplp_worker_clear_diploma_level(snplp_records_worker_at(f->copy, 0)));
    assert_unchanged(f);
    assert_ok(snplp_worker_clear_diploma_level(f->w));
    assert_unchanged(f);
}

static void dates(void **state)
{
    rec_fixture *f = *state;
    for (size_t i = 0; i < COUNT_OF(bad_dates); i++) {
        assert_refused(f, snplp_worker_set_from(f->w, bad_dates[i]), SNPLP_EINVAL,
                       "snplp_worker_set_from");
        assert_refused(f, snplp_worker_set_until(f->w, bad_dates[i]), SNPLP_EINVAL,
                       "snplp_worker_set_until");
        assert_message_has("last day");
    }
    assert_ok(snplp_worker_set_from(f->w, date(2016, 2, 29)));
    assert_date(snplp_worker_from(f->w), 2016, 2, 29);
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(snplp_worker_set_from(f->w, date(2020, 1, 6)));
    assert_unchanged(f);
    /* before the first day: a finding of validation, not an error here */
    assert_ok(snplp_worker_set_until(f->w, date(2019, 12, 31)));
    snplp_date until = date_sentinel;
    assert_ok(snplp_worker_until(&until, f->w));
    assert_date(until, 2019, 12, 31);
    assert_false(snplp_records_equal(f->r, f->copy));
    snplp_worker *c = snplp_records_worker_at(f->copy, 0);
    assert_ok(snplp_worker_set_until(c, date(2019, 12, 30)));
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(snplp_worker_set_until(c, date(2019, 12, 31)));
    assert_unchanged(f);
    assert_ok(snplp_worker_clear_until(f->w));
    assert_fails(snplp_worker_until(&until, f->w), SNPLP_ENOTFOUND);
    assert_date(until, 2019, 12, 31);
    assert_ok(snplp_worker_clear_until(c));
    assert_unchanged(f);
}

static void frozen(void **state)
{
    rec_fixture *f = *state;
    assert_ok(snplp_records_freeze(f->r));
    assert_refused(f, snplp_worker_set_profession_id(f->w, "p"), SNPLP_EFROZEN,
                   "snplp_worker_set_profession_id");
    assert_refused(f, snplp_worker_set_employer_id(f->w, "e"), SNPLP_EFROZEN,
                   "snplp_worker_set_employer_id");
    assert_refused(f, snplp_worker_set_territory_code(f->w, "81"), SNPLP_EFROZEN,
                   "snplp_worker_set_territory_code");
    assert_refused(f, snplp_worker_set_unit(f->w, "PMI"), SNPLP_EFROZEN, "snplp_worker_set_unit");
    assert_refused(f, snplp_worker_set_diploma_level(f->w, 6), SNPLP_EFROZEN,
                   "snplp_worker_set_diploma_level");
    assert_refused(f, snplp_worker_clear_diploma_level(f->w), SNPLP_EFROZEN,
                   "snplp_worker_clear_diploma_level");
    assert_refused(f, snplp_worker_set_from(f->w, date(2020, 1, 1)), SNPLP_EFROZEN,
                   "snplp_worker_set_from");
    assert_refused(f, snplp_worker_set_until(f->w, date(2020, 1, 1)), SNPLP_EFROZEN,
                   "snplp_worker_set_until");
    assert_refused(f, snplp_worker_clear_until(f->w), SNPLP_EFROZEN, "snplp_worker_clear_until");
    /* reading is as before */
    assert_string_equal(snplp_worker_id(f->w), "w1");
    assert_date(snplp_worker_from(f->w), 2020, 1, 6);
}

static int op_add(snplp_records *r, int i)
{
    char id[16];
    snprintf(id, sizeof id, "w-%d", 100 + i);
    return snplp_records_add_worker(NULL, r, id, "p-ap", "e-80", "80021", date(2020, 1, 1 + i));
}

static int op_set(snplp_records *r, int i)
{
    snplp_worker *w = snplp_records_worker_at(r, 0);
    switch (i) {
    case 0:
        return snplp_worker_set_profession_id(w, "prof-as");
    case 1:
        return snplp_worker_set_employer_id(w, "e-81");
    case 2:
        return snplp_worker_set_territory_code(w, "974");
    default:
        return snplp_worker_set_unit(w, i % 2 ? "ASE" : AP_NFD);
    }
}

static void out_of_memory(void **state)
{
    rec_fixture *f = *state;
    assert_int_equal(rec_sweep(f->r, f->copy, op_add, 20), 20);
    assert_int_equal(snplp_records_worker_count(f->r), 21);
    /* codes and references are interned in the records' pool, which allocates only when it grows
     * (util/strpool.h; test_strpool sweeps its growth): only the units, copied to be normalized,
     * allocate at each step */
    assert_int_equal(rec_sweep(f->r, f->copy, op_set, 6), 3);
    assert_string_equal(snplp_worker_unit(f->w), "ASE");
    assert_string_equal(snplp_worker_territory_code(f->w), "974");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        REC_TEST(add_and_read),
        REC_TEST(add_refused),
        REC_TEST(find_misses),
        REC_TEST(wrong_objects),
        REC_TEST(references_and_territory),
        REC_TEST(unit),
        REC_TEST(diploma_level),
        REC_TEST(dates),
        REC_TEST(frozen),
        REC_TEST(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
