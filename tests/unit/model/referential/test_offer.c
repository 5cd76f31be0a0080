/* Tests of offer.h: the offer of a module (what a training body states for LHEO): coded values
 * checked against the official LHEO tables, texts, the FORMACODE version and audience codes,
 * equality, a frozen referential, and out of memory on every function that allocates. */
#include "test_util.h"

#include <stdio.h>

static snplp_module *new_module(snplp_referential *ref, const char *id)
{
    snplp_module *m = NULL;
    assert_ok(snplp_referential_add_module(&m, ref, "theme-x", id, SNPLP_LEVEL_FUNDAMENTALS, "M"));
    return m;
}

static snplp_referential *new_ref(void)
{
    snplp_referential *ref = NULL;
    assert_ok(snplp_referential_new(&ref));
    return ref;
}

static void names_and_tables(void **state)
{
    (void)state;
    assert_string_equal(snplp_offer_code_name(SNPLP_OFFER_PATH), "path");
    assert_string_equal(snplp_offer_code_name(SNPLP_OFFER_FEES_COVERED), "fees-covered");
    assert_string_equal(snplp_offer_code_name((snplp_offer_code)0), "unknown");
    assert_string_equal(snplp_offer_code_name((snplp_offer_code)7), "unknown");
    assert_string_equal(snplp_offer_code_table(SNPLP_OFFER_ENTRY_LEVEL), "dict-niveaux");
    assert_string_equal(snplp_offer_code_table(SNPLP_OFFER_CERTIFYING), "dict-boolean");
    assert_null(snplp_offer_code_table((snplp_offer_code)99));
    assert_string_equal(snplp_offer_text_name(SNPLP_OFFER_RHYTHM), "rhythm");
    assert_string_equal(snplp_offer_text_name(SNPLP_OFFER_AUDIENCE_INFO), "audience-info");
    assert_string_equal(snplp_offer_text_name((snplp_offer_text)8), "unknown");
    assert_string_equal(snplp_offer_text_name(SNPLP_OFFER_CONTENT), "content-description");
    /* the labels of the official tables, verbatim (tests/python/test_lheo.py compares them all
     * with the LHEO definition) */
    assert_string_equal(snplp_offer_code_label(SNPLP_OFFER_PATH, 2), "individualisé");
    assert_string_equal(snplp_offer_code_label(SNPLP_OFFER_ENTRY_LEVEL, 0),
                        "information non communiquée");
    assert_string_equal(snplp_offer_code_label(SNPLP_OFFER_EXIT_LEVEL, 11),
                        "Niveau 1. Maîtrise des savoirs de base");
    assert_string_equal(snplp_offer_code_label(SNPLP_OFFER_FEES_COVERED, 1), "oui");
    /* 9 and 10 are not levels: the table jumps from 8 to 11 */
    assert_null(snplp_offer_code_label(SNPLP_OFFER_ENTRY_LEVEL, 9));
    assert_null(snplp_offer_code_label(SNPLP_OFFER_ENTRY_LEVEL, 10));
    assert_null(snplp_offer_code_label(SNPLP_OFFER_ENTRY_LEVEL, 19));
    assert_null(snplp_offer_code_label(SNPLP_OFFER_PATH, 0));
    assert_null(snplp_offer_code_label(SNPLP_OFFER_CERTIFYING, 2));
    assert_null(snplp_offer_code_label((snplp_offer_code)0, 0));
}

static void codes(void **state)
{
    (void)state;
    snplp_referential *ref = new_ref();
    snplp_module *m = new_module(ref, "m");
    assert_false(snplp_module_has_offer(m));
    for (int w = 1; w <= SNPLP_OFFER_CODE_COUNT; w++)
        assert_int_equal(snplp_module_offer_code(m, (snplp_offer_code)w), -1);
    assert_ok(snplp_module_set_offer_code(m, SNPLP_OFFER_ENTRY_LEVEL, 13));
    assert_true(snplp_module_has_offer(m));
    assert_int_equal(snplp_module_offer_code(m, SNPLP_OFFER_ENTRY_LEVEL), 13);
    assert_int_equal(snplp_module_offer_code(m, SNPLP_OFFER_EXIT_LEVEL), -1);
    assert_ok(snplp_module_set_offer_code(m, SNPLP_OFFER_CERTIFYING, 0));
    assert_int_equal(snplp_module_offer_code(m, SNPLP_OFFER_CERTIFYING), 0);
    /* codes outside the official tables, unknown values */
    assert_fails_in(snplp_module_set_offer_code(m, SNPLP_OFFER_ENTRY_LEVEL, 9), SNPLP_EINVAL,
                    "snplp_module_set_offer_code");
    assert_non_null(strstr(snplp_error_last_message(), "dict-niveaux"));
    assert_fails(snplp_module_set_offer_code(m, SNPLP_OFFER_PATH, 5), SNPLP_EINVAL);
    assert_fails(snplp_module_set_offer_code(m, SNPLP_OFFER_CERTIFYING, 2), SNPLP_EINVAL);
    assert_fails(snplp_module_set_offer_code(m, SNPLP_OFFER_CERTIFYING, -2), SNPLP_EINVAL);
    assert_fails(snplp_module_set_offer_code(m, (snplp_offer_code)0, 1), SNPLP_EINVAL);
    assert_fails(snplp_module_set_offer_code(m, (snplp_offer_code)7, 1), SNPLP_EINVAL);
    assert_fails(snplp_module_set_offer_code(NULL, SNPLP_OFFER_PATH, 1), SNPLP_EINVAL);
    assert_fails(snplp_module_set_offer_code((snplp_module *)(void *)ref, SNPLP_OFFER_PATH, 1),
                 SNPLP_EINVAL);
    assert_int_equal(snplp_module_offer_code(m, SNPLP_OFFER_ENTRY_LEVEL), 13);
    assert_int_equal(snplp_module_offer_code(m, (snplp_offer_code)0), -1);
    assert_int_equal(snplp_module_offer_code(NULL, SNPLP_OFFER_PATH), -1);
    /* -1 unsets; an offer with nothing set is no offer */
    assert_ok(snplp_module_set_offer_code(m, SNPLP_OFFER_ENTRY_LEVEL, -1));
    assert_ok(snplp_module_set_offer_code(m, SNPLP_OFFER_CERTIFYING, -1));
    assert_false(snplp_module_has_offer(m));
    snplp_module *other = new_module(ref, "other");
    assert_ok(snplp_module_set_offer_code(other, SNPLP_OFFER_PATH, -1)); /* nothing to unset */
    assert_false(snplp_module_has_offer(other));
    assert_false(snplp_module_has_offer(NULL));
    snplp_referential_unref(ref);
}

static void texts(void **state)
{
    (void)state;
    snplp_referential *ref = new_ref();
    snplp_module *m = new_module(ref, "m");
    assert_null(snplp_module_offer_text(m, SNPLP_OFFER_RHYTHM));
    /* copied and NFC-normalized ("e" + combining acute becomes "é") */
    assert_ok(snplp_module_set_offer_text(m, SNPLP_OFFER_RHYTHM,
                                          "3 jours conse\xcc\x81"
                                          "cutifs"));
    assert_string_equal(snplp_module_offer_text(m, SNPLP_OFFER_RHYTHM), "3 jours consécutifs");
    assert_ok(snplp_module_set_offer_text(m, SNPLP_OFFER_CONDITIONS, "aucune"));
    assert_fails(snplp_module_set_offer_text(m, SNPLP_OFFER_WORK_STUDY, " \n\t"), SNPLP_EINVAL);
    assert_fails(snplp_module_set_offer_text(m, SNPLP_OFFER_WORK_STUDY, ""), SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_fails(snplp_module_set_offer_text(m, SNPLP_OFFER_WORK_STUDY, test_bad_texts[i]),
                     SNPLP_EENCODING);
    assert_fails(snplp_module_set_offer_text(m, (snplp_offer_text)0, "x"), SNPLP_EINVAL);
    assert_fails(snplp_module_set_offer_text(m, (snplp_offer_text)8, "x"), SNPLP_EINVAL);
    assert_fails(snplp_module_set_offer_text(NULL, SNPLP_OFFER_RHYTHM, "x"), SNPLP_EINVAL);
    assert_null(snplp_module_offer_text(m, SNPLP_OFFER_WORK_STUDY));
    assert_null(snplp_module_offer_text(m, (snplp_offer_text)9));
    /* a long text is kept whole: the LHEO export cuts it */
    char *long_text = test_long_text("mot ", 2000);
    assert_ok(snplp_module_set_offer_text(m, SNPLP_OFFER_WORK_STUDY, long_text));
    assert_int_equal(strlen(snplp_module_offer_text(m, SNPLP_OFFER_WORK_STUDY)), 8000);
    free(long_text);
    assert_ok(snplp_module_set_offer_text(m, SNPLP_OFFER_RHYTHM, NULL));
    assert_null(snplp_module_offer_text(m, SNPLP_OFFER_RHYTHM));
    snplp_referential_unref(ref);
}

static void formacode(void **state)
{
    (void)state;
    snplp_referential *ref = new_ref();
    snplp_module *m = new_module(ref, "m");
    assert_null(snplp_module_formacode_version(m));
    assert_ok(snplp_module_set_formacode_version(m, "V14"));
    assert_string_equal(snplp_module_formacode_version(m), "V14");
    static const char *const bad[] = {"", "V", "14", "v14", "V1234", "V1a", "V 14", "W14"};
    for (size_t i = 0; i < COUNT_OF(bad); i++)
        assert_fails(snplp_module_set_formacode_version(m, bad[i]), SNPLP_EINVAL);
    assert_string_equal(snplp_module_formacode_version(m), "V14");
    assert_ok(snplp_module_set_formacode_version(m, NULL));
    assert_null(snplp_module_formacode_version(m));

    assert_int_equal(snplp_module_audience_code_count(m), 0);
    assert_ok(snplp_module_add_audience_code(m, "15041"));
    assert_fails(snplp_module_add_audience_code(m, "15041"), SNPLP_EEXISTS);
    static const char *const bad_codes[] = {"", "1504", "150411", "1504a", " 1504", "15 41"};
    for (size_t i = 0; i < COUNT_OF(bad_codes); i++)
        assert_fails(snplp_module_add_audience_code(m, bad_codes[i]), SNPLP_EINVAL);
    assert_fails(snplp_module_add_audience_code(m, NULL), SNPLP_EINVAL);
    for (int i = 1; i < SNPLP_OFFER_MAX_AUDIENCE_CODES; i++) {
        char code[8];
        snprintf(code, sizeof code, "%05d", 20000 + i);
        assert_ok(snplp_module_add_audience_code(m, code));
    }
    assert_int_equal(snplp_module_audience_code_count(m), SNPLP_OFFER_MAX_AUDIENCE_CODES);
    assert_fails(snplp_module_add_audience_code(m, "99999"), SNPLP_EINVAL);
    assert_string_equal(snplp_module_audience_code_at(m, 0), "15041");
    assert_string_equal(snplp_module_audience_code_at(m, 9), "20009");
    assert_null(snplp_module_audience_code_at(m, 10));
    assert_null(snplp_module_audience_code_at(NULL, 0));
    assert_ok(snplp_module_clear_audience_codes(m));
    assert_int_equal(snplp_module_audience_code_count(m), 0);
    assert_false(snplp_module_has_offer(m));
    assert_fails(snplp_module_clear_audience_codes(NULL), SNPLP_EINVAL);
    snplp_referential_unref(ref);
}

/* Two referentials that differ only by an offer are not equal; an offer emptied again is no
 * offer. */
static void equality(void **state)
{
    (void)state;
    snplp_referential *a = new_ref(), *b = new_ref();
    snplp_module *ma = new_module(a, "m"), *mb = new_module(b, "m");
    assert_true(snplp_referential_equal(a, b));
    assert_ok(snplp_module_set_offer_code(ma, SNPLP_OFFER_PATH, 1));
    assert_false(snplp_referential_equal(a, b));
    assert_ok(snplp_module_set_offer_code(mb, SNPLP_OFFER_PATH, 2));
    assert_false(snplp_referential_equal(a, b));
    assert_ok(snplp_module_set_offer_code(mb, SNPLP_OFFER_PATH, 1));
    assert_true(snplp_referential_equal(a, b));
    assert_ok(snplp_module_set_offer_text(ma, SNPLP_OFFER_CONDITIONS, "aucune"));
    assert_false(snplp_referential_equal(a, b));
    assert_ok(snplp_module_set_offer_text(mb, SNPLP_OFFER_CONDITIONS, "aucune"));
    assert_true(snplp_referential_equal(a, b));
    assert_ok(snplp_module_add_audience_code(ma, "15041"));
    assert_ok(snplp_module_set_formacode_version(ma, "V14"));
    assert_false(snplp_referential_equal(a, b));
    assert_ok(snplp_module_add_audience_code(mb, "15041"));
    assert_false(snplp_referential_equal(a, b));
    assert_ok(snplp_module_set_formacode_version(mb, "V14"));
    assert_true(snplp_referential_equal(a, b));
    /* emptied: equal to a module that never had one */
    snplp_referential *c = new_ref();
    new_module(c, "m");
    assert_ok(snplp_module_set_offer_code(ma, SNPLP_OFFER_PATH, -1));
    assert_ok(snplp_module_set_offer_text(ma, SNPLP_OFFER_CONDITIONS, NULL));
    assert_ok(snplp_module_clear_audience_codes(ma));
    assert_ok(snplp_module_set_formacode_version(ma, NULL));
    assert_true(snplp_referential_equal(a, c));
    assert_true(snplp_referential_equal(c, a));
    snplp_referential_unref(a);
    snplp_referential_unref(b);
    snplp_referential_unref(c);
}

static void frozen(void **state)
{
    (void)state;
    snplp_referential *ref = new_ref();
    snplp_module *m = new_module(ref, "m");
    assert_ok(snplp_module_set_offer_code(m, SNPLP_OFFER_PATH, 1));
    assert_ok(snplp_referential_freeze(ref));
    assert_fails(snplp_module_set_offer_code(m, SNPLP_OFFER_PATH, 2), SNPLP_EFROZEN);
    assert_fails(snplp_module_set_offer_text(m, SNPLP_OFFER_RHYTHM, "x"), SNPLP_EFROZEN);
    assert_fails(snplp_module_set_formacode_version(m, "V14"), SNPLP_EFROZEN);
    assert_fails(snplp_module_add_audience_code(m, "15041"), SNPLP_EFROZEN);
    assert_fails(snplp_module_clear_audience_codes(m), SNPLP_EFROZEN);
    assert_int_equal(snplp_module_offer_code(m, SNPLP_OFFER_PATH), 1);
    snplp_referential_unref(ref);
}

/* ---- out of memory: nothing half-made ---- */

typedef struct oom_ctx {
    snplp_referential *ref;
    snplp_module *m;
    int step;
} oom_ctx;

static int oom_step(void *p)
{
    oom_ctx *c = p;
    switch (c->step) {
    case 0:
        return snplp_module_set_offer_code(c->m, SNPLP_OFFER_PATH, 3);
    case 1:
        return snplp_module_set_offer_text(c->m, SNPLP_OFFER_RHYTHM, "2 jours puis 1 jour");
    case 2:
        return snplp_module_set_formacode_version(c->m, "V13");
    default:
        return snplp_module_add_audience_code(c->m, "15041");
    }
}

static void oom_check(void *p)
{
    oom_ctx *c = p;
    assert_false(snplp_module_has_offer(c->m));
}

static void out_of_memory(void **state)
{
    (void)state;
    for (int step = 0; step < 4; step++) {
        oom_ctx c = {new_ref(), NULL, step};
        char id[8];
        snprintf(id, sizeof id, "m%d", step);
        c.m = new_module(c.ref, id);
        assert_true(test_oom_sweep(oom_step, oom_check, &c) > 0);
        assert_true(snplp_module_has_offer(c.m));
        snplp_referential_unref(c.ref);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_and_tables), cmocka_unit_test(codes),    cmocka_unit_test(texts),
        cmocka_unit_test(formacode),        cmocka_unit_test(equality), cmocka_unit_test(frozen),
        cmocka_unit_test(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
