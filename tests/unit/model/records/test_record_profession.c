/* Tests of the professions declared by records (records.h): adding, reading, finding, the title
 * and the category, every refusal (NULL and wrong objects, ids, categories, texts, frozen
 * records) changing nothing, and out of memory. */
#include "records_test.h"

static void add_and_read(void **state)
{
    rec_fixture *f = *state;
    snplp_record_profession *p = NULL;
    assert_ok(snplp_records_add_profession(&p, f->r, "p-eje", SNPLP_CATEGORY_CADRE,
                                           "\xc3\x89"
                                           "ducateurs de jeunes enfants"));
    assert_non_null(p);
    assert_int_equal(snplp_records_profession_count(f->r), 2);
    assert_ptr_equal(snplp_records_profession_at(f->r, 0), f->p);
    assert_ptr_equal(snplp_records_profession_at(f->r, 1), p);
    assert_null(snplp_records_profession_at(f->r, 2));
    assert_null(snplp_records_profession_at(f->r, SIZE_MAX));
    assert_ptr_equal(snplp_records_profession_find(f->r, "p-eje"), p);
    assert_string_equal(snplp_record_profession_id(p), "p-eje");
    assert_string_equal(snplp_record_profession_title(p), "\xc3\x89"
                                                          "ducateurs de jeunes enfants");
    assert_int_equal(snplp_record_profession_category(p), SNPLP_CATEGORY_CADRE);
    assert_int_equal(snplp_records_kind_of(f->r, "p-eje"), SNPLP_RECORD_PROFESSION);
    /* the title is copied and normalized (NFC); out may be NULL */
    char title[] = AP_NFD;
    assert_ok(snplp_records_add_profession(NULL, f->r, "p-2", SNPLP_CATEGORY_WORKER, title));
    title[0] = 'X';
    assert_string_equal(snplp_record_profession_title(snplp_records_profession_at(f->r, 2)),
                        AP_NFC);
    assert_false(snplp_records_equal(f->r, f->copy));
}

static void add_refused(void **state)
{
    rec_fixture *f = *state;
    snplp_record_profession *p = (snplp_record_profession *)f->e;
    const char *fn = "snplp_records_add_profession";
    FOR_WRONG(f, REC_ROOT, snplp_records, x)
    assert_refused(f, snplp_records_add_profession(&p, x, "p-x", SNPLP_CATEGORY_WORKER, "T"),
                   SNPLP_EINVAL, fn);
    assert_refused(f, snplp_records_add_profession(&p, f->r, NULL, SNPLP_CATEGORY_WORKER, "T"),
                   SNPLP_EINVAL, fn);
    assert_refused(f, snplp_records_add_profession(&p, f->r, "9x", SNPLP_CATEGORY_WORKER, "T"),
                   SNPLP_EBADID, fn);
    assert_message_has("9x");
    char id[SNPLP_ID_MAX + 2];
    test_long_id(id, SNPLP_ID_MAX + 1);
    assert_refused(f, snplp_records_add_profession(&p, f->r, id, SNPLP_CATEGORY_WORKER, "T"),
                   SNPLP_EBADID, fn);
    static const char *const used[] = {"p-ap", "e-80", "w1", "tb1", "s1"};
    for (size_t i = 0; i < COUNT_OF(used); i++) {
        assert_refused(f,
                       snplp_records_add_profession(&p, f->r, used[i], SNPLP_CATEGORY_WORKER, "T"),
                       SNPLP_EEXISTS, fn);
        assert_message_has(used[i]);
    }
    static const int bad_categories[] = {0, 3, -1, 99};
    for (size_t i = 0; i < COUNT_OF(bad_categories); i++)
        assert_refused(
            f,
            snplp_records_add_profession(&p, f->r, "p-x", (snplp_category)bad_categories[i], "T"),
            SNPLP_EINVAL, fn);
    assert_refused(f, snplp_records_add_profession(&p, f->r, "p-x", SNPLP_CATEGORY_WORKER, NULL),
                   SNPLP_EINVAL, fn);
    assert_refused(f, snplp_records_add_profession(&p, f->r, "p-x", SNPLP_CATEGORY_WORKER, " \t"),
                   SNPLP_EINVAL, fn);
    assert_message_has("blank");
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_refused(
            f,
            snplp_records_add_profession(&p, f->r, "p-x", SNPLP_CATEGORY_WORKER, test_bad_texts[i]),
            SNPLP_EENCODING, fn);
    assert_ptr_equal(p, (snplp_record_profession *)f->e); /* out untouched */
    assert_ok(snplp_records_freeze(f->r));
    assert_refused(f, snplp_records_add_profession(&p, f->r, "p-x", SNPLP_CATEGORY_WORKER, "T"),
                   SNPLP_EFROZEN, fn);
    /* the longest id is accepted */
    test_long_id(id, SNPLP_ID_MAX);
    assert_ok(snplp_records_add_profession(NULL, f->copy, id, SNPLP_CATEGORY_WORKER, "T"));
}

static void find_misses(void **state)
{
    rec_fixture *f = *state;
    const char *fn = "snplp_records_profession_find";
    assert_miss(snplp_records_profession_find(f->r, "nobody"), SNPLP_ENOTFOUND, fn, "nobody");
    /* an id of another kind */
    assert_miss(snplp_records_profession_find(f->r, "w1"), SNPLP_ENOTFOUND, fn, "worker");
    assert_miss(snplp_records_profession_find(f->r, NULL), SNPLP_EINVAL, fn, NULL);
    FOR_WRONG(f, REC_ROOT, snplp_records, x)
    {
        assert_miss(snplp_records_profession_find(x, "p-ap"), SNPLP_EINVAL, fn, NULL);
        assert_int_equal(snplp_records_profession_count(x), 0);
        assert_null(snplp_records_profession_at(x, 0));
    }
}

static void getters_of_wrong_objects(void **state)
{
    rec_fixture *f = *state;
    FOR_WRONG(f, REC_PROFESSION, snplp_record_profession, x)
    {
        assert_null(snplp_record_profession_id(x));
        assert_null(snplp_record_profession_title(x));
        assert_int_equal(snplp_record_profession_category(x), 0);
        assert_refused(f, snplp_record_profession_set_title(x, "T"), SNPLP_EINVAL,
                       "snplp_record_profession_set_title");
        assert_refused(f, snplp_record_profession_set_category(x, SNPLP_CATEGORY_CADRE),
                       SNPLP_EINVAL, "snplp_record_profession_set_category");
    }
}

static void set_title(void **state)
{
    rec_fixture *f = *state;
    const char *fn = "snplp_record_profession_set_title";
    assert_refused(f, snplp_record_profession_set_title(f->p, NULL), SNPLP_EINVAL, fn);
    assert_refused(f, snplp_record_profession_set_title(f->p, ""), SNPLP_EINVAL, fn);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_refused(f, snplp_record_profession_set_title(f->p, test_bad_texts[i]),
                       SNPLP_EENCODING, fn);
    assert_string_equal(snplp_record_profession_title(f->p), AP_NFC);
    assert_ok(snplp_record_profession_set_title(f->p, "Assistants maternels"));
    assert_string_equal(snplp_record_profession_title(f->p), "Assistants maternels");
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(snplp_record_profession_set_title(f->p, AP_NFD));
    assert_string_equal(snplp_record_profession_title(f->p), AP_NFC);
    /* from its own value */
    assert_ok(snplp_record_profession_set_title(f->p, snplp_record_profession_title(f->p)));
    assert_unchanged(f);
    assert_ok(snplp_records_freeze(f->r));
    assert_refused(f, snplp_record_profession_set_title(f->p, "T"), SNPLP_EFROZEN, fn);
}

static void set_category(void **state)
{
    rec_fixture *f = *state;
    const char *fn = "snplp_record_profession_set_category";
    assert_refused(f, snplp_record_profession_set_category(f->p, (snplp_category)0), SNPLP_EINVAL,
                   fn);
    assert_refused(f, snplp_record_profession_set_category(f->p, (snplp_category)3), SNPLP_EINVAL,
                   fn);
    assert_ok(snplp_record_profession_set_category(f->p, SNPLP_CATEGORY_CADRE));
    assert_int_equal(snplp_record_profession_category(f->p), SNPLP_CATEGORY_CADRE);
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(snplp_record_profession_set_category(f->p, SNPLP_CATEGORY_WORKER));
    assert_unchanged(f);
    assert_ok(snplp_records_freeze(f->r));
    assert_refused(f, snplp_record_profession_set_category(f->p, SNPLP_CATEGORY_CADRE),
                   SNPLP_EFROZEN, fn);
}

static int op_add(snplp_records *r, int i)
{
    char id[16];
    snprintf(id, sizeof id, "p-%d", i);
    return snplp_records_add_profession(NULL, r, id, SNPLP_CATEGORY_WORKER, AP_NFD);
}

static void add_out_of_memory(void **state)
{
    rec_fixture *f = *state;
    assert_int_equal(rec_sweep(f->r, f->copy, op_add, 20), 20);
    assert_int_equal(snplp_records_profession_count(f->r), 21);
    assert_string_equal(snplp_record_profession_title(snplp_records_profession_find(f->r, "p-19")),
                        AP_NFC);
}

static int op_title(snplp_records *r, int i)
{
    return snplp_record_profession_set_title(snplp_records_profession_at(r, 0),
                                             i % 2 ? AP_NFD : "Assistants familiaux");
}

static void set_title_out_of_memory(void **state)
{
    rec_fixture *f = *state;
    assert_int_equal(rec_sweep(f->r, f->copy, op_title, 3), 3);
    assert_string_equal(snplp_record_profession_title(f->p), "Assistants familiaux");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        REC_TEST(add_and_read),      REC_TEST(add_refused),
        REC_TEST(find_misses),       REC_TEST(getters_of_wrong_objects),
        REC_TEST(set_title),         REC_TEST(set_category),
        REC_TEST(add_out_of_memory), REC_TEST(set_title_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
