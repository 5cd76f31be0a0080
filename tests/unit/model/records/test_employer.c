/* Tests of the employers of records (records.h): kinds and their names, adding, reading,
 * finding, the name and the territory code (its accepted shapes), every refusal changing
 * nothing, and out of memory. */
#include "records_test.h"

/* Territory codes of every accepted shape, and codes of none. */
static const char *const good_codes[] = {"80",  "01", "2A",    "2B",    "974",   "976",
                                         "988", "32", "80021", "2A004", "97411", NULL};
static const char *const bad_codes[] = {"",
                                        "8",
                                        "2C",
                                        "800",
                                        "0800",
                                        "8002",
                                        "2A0045",
                                        "80 21",
                                        "80021 ",
                                        "1234567890",
                                        "12345678a",
                                        "AB",
                                        "\xc3\xa9"
                                        "8",

                                        "2a"};

static void kinds(void **state)
{
    (void)state;
    static const char *const names[] = {"departement", "metropole", "region",      "commune",
                                        "grouping",    "state",     "association", "creche",
                                        "company",     "other"};
    for (int k = 1; k <= 10; k++)
        assert_string_equal(snplp_employer_kind_name((snplp_employer_kind)k), names[k - 1]);
    assert_string_equal(snplp_employer_kind_name((snplp_employer_kind)0), "unknown");
    assert_string_equal(snplp_employer_kind_name((snplp_employer_kind)11), "unknown");
    assert_string_equal(snplp_employer_kind_name((snplp_employer_kind)-3), "unknown");
}

static void add_and_read(void **state)
{
    rec_fixture *f = *state;
    snplp_employer *e = NULL;
    assert_ok(snplp_records_add_employer(&e, f->r, "e-creche", SNPLP_EMPLOYER_CRECHE,
                                         "Cr\xc3\xa8"
                                         "che Les Lucioles",
                                         "80021"));
    assert_non_null(e);
    assert_int_equal(snplp_records_employer_count(f->r), 2);
    assert_ptr_equal(snplp_records_employer_at(f->r, 0), f->e);
    assert_ptr_equal(snplp_records_employer_at(f->r, 1), e);
    assert_null(snplp_records_employer_at(f->r, 2));
    assert_ptr_equal(snplp_records_employer_find(f->r, "e-creche"), e);
    assert_string_equal(snplp_employer_id(e), "e-creche");
    assert_int_equal(snplp_employer_kind_of(e), SNPLP_EMPLOYER_CRECHE);
    assert_string_equal(snplp_employer_name(e), "Cr\xc3\xa8"
                                                "che Les Lucioles");
    assert_string_equal(snplp_employer_territory_code(e), "80021");
    assert_int_equal(snplp_records_kind_of(f->r, "e-creche"), SNPLP_RECORD_EMPLOYER);
    for (size_t i = 0; good_codes[i]; i++) {
        char id[16];
        snprintf(id, sizeof id, "e-%zu", i);
        assert_ok(snplp_records_add_employer(NULL, f->r, id, SNPLP_EMPLOYER_OTHER, AP_NFD,
                                             good_codes[i]));
        assert_string_equal(snplp_employer_territory_code(snplp_records_employer_find(f->r, id)),
                            good_codes[i]);
        assert_string_equal(snplp_employer_name(snplp_records_employer_find(f->r, id)), AP_NFC);
    }
    assert_ok(snplp_records_add_employer(NULL, f->r, "e-metro", SNPLP_EMPLOYER_METROPOLE,
                                         "M\xc3\xa9tropole de Lyon", "200046977"));
}

static void add_refused(void **state)
{
    rec_fixture *f = *state;
    snplp_employer *e = (snplp_employer *)f->w;
    const char *fn = "snplp_records_add_employer";
    FOR_WRONG(f, REC_ROOT, snplp_records, x)
    assert_refused(f, snplp_records_add_employer(&e, x, "e-x", SNPLP_EMPLOYER_OTHER, "N", "80"),
                   SNPLP_EINVAL, fn);
    assert_refused(f, snplp_records_add_employer(&e, f->r, NULL, SNPLP_EMPLOYER_OTHER, "N", "80"),
                   SNPLP_EINVAL, fn);
    assert_refused(f, snplp_records_add_employer(&e, f->r, "e x", SNPLP_EMPLOYER_OTHER, "N", "80"),
                   SNPLP_EBADID, fn);
    static const char *const used[] = {"p-ap", "e-80", "w1", "tb1", "s1"};
    for (size_t i = 0; i < COUNT_OF(used); i++)
        assert_refused(
            f, snplp_records_add_employer(&e, f->r, used[i], SNPLP_EMPLOYER_OTHER, "N", "80"),
            SNPLP_EEXISTS, fn);
    static const int bad_kinds[] = {0, 11, -1};
    for (size_t i = 0; i < COUNT_OF(bad_kinds); i++)
        assert_refused(f,
                       snplp_records_add_employer(&e, f->r, "e-x",
                                                  (snplp_employer_kind)bad_kinds[i], "N", "80"),
                       SNPLP_EINVAL, fn);
    assert_refused(f, snplp_records_add_employer(&e, f->r, "e-x", SNPLP_EMPLOYER_OTHER, NULL, "80"),
                   SNPLP_EINVAL, fn);
    assert_refused(f, snplp_records_add_employer(&e, f->r, "e-x", SNPLP_EMPLOYER_OTHER, " ", "80"),
                   SNPLP_EINVAL, fn);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_refused(f,
                       snplp_records_add_employer(&e, f->r, "e-x", SNPLP_EMPLOYER_OTHER,
                                                  test_bad_texts[i], "80"),
                       SNPLP_EENCODING, fn);
    assert_refused(f, snplp_records_add_employer(&e, f->r, "e-x", SNPLP_EMPLOYER_OTHER, "N", NULL),
                   SNPLP_EINVAL, fn);
    for (size_t i = 0; i < COUNT_OF(bad_codes); i++) {
        assert_refused(
            f, snplp_records_add_employer(&e, f->r, "e-x", SNPLP_EMPLOYER_OTHER, "N", bad_codes[i]),
            SNPLP_EINVAL, fn);
        assert_message_has("territory code");
    }
    assert_ptr_equal(e, (snplp_employer *)f->w);
    assert_ok(snplp_records_freeze(f->r));
    assert_refused(f, snplp_records_add_employer(&e, f->r, "e-x", SNPLP_EMPLOYER_OTHER, "N", "80"),
                   SNPLP_EFROZEN, fn);
}

static void find_misses(void **state)
{
    rec_fixture *f = *state;
    const char *fn = "snplp_records_employer_find";
    assert_miss(snplp_records_employer_find(f->r, "e-81"), SNPLP_ENOTFOUND, fn, "e-81");
    assert_miss(snplp_records_employer_find(f->r, "tb1"), SNPLP_ENOTFOUND, fn, "training-body");
    assert_miss(snplp_records_employer_find(f->r, NULL), SNPLP_EINVAL, fn, NULL);
    FOR_WRONG(f, REC_ROOT, snplp_records, x)
    {
        assert_miss(snplp_records_employer_find(x, "e-80"), SNPLP_EINVAL, fn, NULL);
        assert_int_equal(snplp_records_employer_count(x), 0);
        assert_null(snplp_records_employer_at(x, 0));
    }
}

static void wrong_objects(void **state)
{
    rec_fixture *f = *state;
    FOR_WRONG(f, REC_EMPLOYER, snplp_employer, x)
    {
        assert_null(snplp_employer_id(x));
        assert_int_equal(snplp_employer_kind_of(x), 0);
        assert_null(snplp_employer_name(x));
        assert_null(snplp_employer_territory_code(x));
        assert_refused(f, snplp_employer_set_kind(x, SNPLP_EMPLOYER_STATE), SNPLP_EINVAL,
                       "snplp_employer_set_kind");
        assert_refused(f, snplp_employer_set_name(x, "N"), SNPLP_EINVAL, "snplp_employer_set_name");
        assert_refused(f, snplp_employer_set_territory_code(x, "80"), SNPLP_EINVAL,
                       "snplp_employer_set_territory_code");
    }
}

static void setters(void **state)
{
    rec_fixture *f = *state;
    assert_refused(f, snplp_employer_set_kind(f->e, (snplp_employer_kind)0), SNPLP_EINVAL,
                   "snplp_employer_set_kind");
    assert_refused(f, snplp_employer_set_kind(f->e, (snplp_employer_kind)11), SNPLP_EINVAL,
                   "snplp_employer_set_kind");
    assert_refused(f, snplp_employer_set_name(f->e, NULL), SNPLP_EINVAL, "snplp_employer_set_name");
    assert_refused(f, snplp_employer_set_name(f->e, "\n"), SNPLP_EINVAL, "snplp_employer_set_name");
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_refused(f, snplp_employer_set_name(f->e, test_bad_texts[i]), SNPLP_EENCODING,
                       "snplp_employer_set_name");
    assert_refused(f, snplp_employer_set_territory_code(f->e, NULL), SNPLP_EINVAL,
                   "snplp_employer_set_territory_code");
    for (size_t i = 0; i < COUNT_OF(bad_codes); i++)
        assert_refused(f, snplp_employer_set_territory_code(f->e, bad_codes[i]), SNPLP_EINVAL,
                       "snplp_employer_set_territory_code");

    assert_ok(snplp_employer_set_kind(f->e, SNPLP_EMPLOYER_ASSOCIATION));
    assert_int_equal(snplp_employer_kind_of(f->e), SNPLP_EMPLOYER_ASSOCIATION);
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(
        snplp_employer_set_kind(snplp_records_employer_at(f->copy, 0), SNPLP_EMPLOYER_ASSOCIATION));
    assert_unchanged(f);
    assert_ok(snplp_employer_set_name(f->e, AP_NFD));
    assert_string_equal(snplp_employer_name(f->e), AP_NFC);
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(snplp_employer_set_name(snplp_records_employer_at(f->copy, 0), AP_NFC));
    assert_unchanged(f);
    for (size_t i = 0; good_codes[i]; i++) {
        assert_ok(snplp_employer_set_territory_code(f->e, good_codes[i]));
        assert_string_equal(snplp_employer_territory_code(f->e), good_codes[i]);
    }
    assert_false(snplp_records_equal(f->r, f->copy));
    assert_ok(snplp_employer_set_territory_code(f->e, "80"));
    assert_unchanged(f);

    assert_ok(snplp_records_freeze(f->r));
    assert_refused(f, snplp_employer_set_kind(f->e, SNPLP_EMPLOYER_STATE), SNPLP_EFROZEN,
                   "snplp_employer_set_kind");
    assert_refused(f, snplp_employer_set_name(f->e, "N"), SNPLP_EFROZEN, "snplp_employer_set_name");
    assert_refused(f, snplp_employer_set_territory_code(f->e, "81"), SNPLP_EFROZEN,
                   "snplp_employer_set_territory_code");
}

static int op_add(snplp_records *r, int i)
{
    char id[16];
    snprintf(id, sizeof id, "e-%d", i);
    return snplp_records_add_employer(NULL, r, id, SNPLP_EMPLOYER_COMMUNE, AP_NFD, "80021");
}

static int op_set(snplp_records *r, int i)
{
    snplp_employer *e = snplp_records_employer_at(r, 0);
    return i % 2 ? snplp_employer_set_name(e, i % 4 == 1 ? AP_NFD : "Somme")
                 : snplp_employer_set_territory_code(e, i % 4 ? "2A" : "974");
}

static void out_of_memory(void **state)
{
    rec_fixture *f = *state;
    assert_int_equal(rec_sweep(f->r, f->copy, op_add, 20), 20);
    assert_int_equal(snplp_records_employer_count(f->r), 21);
    /* codes and references are interned in the records' pool, which allocates only when it grows
     * (util/strpool.h; test_strpool sweeps its growth): only the names, copied to be normalized,
     * allocate at each step */
    assert_int_equal(rec_sweep(f->r, f->copy, op_set, 6), 3);
    assert_string_equal(snplp_employer_territory_code(f->e), "974");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kinds), REC_TEST(add_and_read),  REC_TEST(add_refused),
        REC_TEST(find_misses),   REC_TEST(wrong_objects), REC_TEST(setters),
        REC_TEST(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
