/* Tests of funding.h: the id, referential, required title, optional amount in euro cents,
 * optional period and optional source wording of a funding line, with every error path and out
 * of memory on every text setter. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>

#define TITLE "Actions de pr\xc3\xa9vention"
#define SOURCE                                                                                     \
    "Un financement de 1 million d\xe2\x80\x99"                                                    \
    "euros pendant trois ans sera d\xc3\xa9"                                                       \
    "di\xc3\xa9 "                                                                                  \
    "\xc3\xa0 ces actions."

/* A test's referential, two funding lines, and wrong objects (with numbers of their own). */
typedef struct fixture {
    snplp_referential *ref;
    snplp_funding *fu;
    snplp_funding *fu2;
    snplp_funding *rule_as_funding;
    snplp_funding *strategy_as_funding;
    size_t memory;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->memory = snplp_memory_used();
    snplp_diploma_rule *d = NULL;
    if (snplp_referential_new(&f->ref) != SNPLP_OK ||
        snplp_referential_add_funding(&f->fu, f->ref, "f1", TITLE) != SNPLP_OK ||
        snplp_referential_add_funding(&f->fu2, f->ref, "f2", "Autre ligne") != SNPLP_OK ||
        snplp_referential_add_diploma_rule(&d, f->ref, "d1", "Niveau II") != SNPLP_OK)
        return -1;
    f->rule_as_funding = (snplp_funding *)(void *)d;
    f->strategy_as_funding = (snplp_funding *)(void *)snplp_referential_strategy(f->ref);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    snplp_referential_unref(f->ref);
    int rc = snplp_memory_used() == f->memory ? 0 : -1;
    free(f);
    return rc;
}

static void assert_wrong_objects_intact(const fixture *f)
{
    snplp_diploma_rule *d = snplp_referential_diploma_rule_find(f->ref, "d1");
    assert_ptr_equal(d, (snplp_diploma_rule *)(void *)f->rule_as_funding);
    assert_string_equal(snplp_diploma_rule_text(d), "Niveau II");
    int level = 0;
    assert_int_equal(snplp_diploma_rule_min_level(&level, d), SNPLP_ENOTFOUND);
    snplp_strategy *s = snplp_referential_strategy(f->ref);
    int64_t cents = 0;
    assert_null(snplp_strategy_title(s));
    assert_null(snplp_strategy_description(s));
    assert_null(snplp_strategy_launch_date(s));
    assert_int_equal(snplp_strategy_budget_cents(&cents, s), SNPLP_ENOTFOUND);
}

/* ---- id and referential ---- */

static void id_and_referential(void **state)
{
    fixture *f = *state;
    assert_string_equal(snplp_funding_id(f->fu), "f1");
    assert_string_equal(snplp_funding_id(f->fu2), "f2");
    assert_ptr_equal(snplp_funding_referential(f->fu), f->ref);
    assert_ptr_equal(snplp_funding_referential(f->fu2), f->ref);
    assert_ptr_equal(snplp_referential_funding_find(f->ref, snplp_funding_id(f->fu)), f->fu);
    assert_int_equal(snplp_referential_kind_of(f->ref, "f1"), SNPLP_KIND_FUNDING);
    assert_null(snplp_funding_id(NULL));
    assert_null(snplp_funding_referential(NULL));
    assert_null(snplp_funding_id(f->rule_as_funding));
    assert_null(snplp_funding_referential(f->rule_as_funding));
    assert_null(snplp_funding_id(f->strategy_as_funding));
    assert_null(snplp_funding_referential(f->strategy_as_funding));
}

static void id_is_a_copy(void **state)
{
    fixture *f = *state;
    char id[8] = "f3";
    snplp_funding *fu = NULL;
    assert_ok(snplp_referential_add_funding(&fu, f->ref, id, "Trois"));
    strcpy(id, "zz");
    assert_string_equal(snplp_funding_id(fu), "f3");
    assert_ok(snplp_funding_set_title(fu, "Autre"));
    assert_ok(snplp_funding_set_period(fu, "2019-2022"));
    assert_ok(snplp_funding_set_source_text(fu, "Source"));
    assert_ok(snplp_funding_set_amount_cents(fu, 1));
    assert_string_equal(snplp_funding_id(fu), "f3");
    assert_ptr_equal(snplp_referential_funding_find(f->ref, "f3"), fu);
}

static void everything_but_the_title_starts_unset(void **state)
{
    fixture *f = *state;
    assert_string_equal(snplp_funding_title(f->fu), TITLE);
    assert_null(snplp_funding_period(f->fu));
    assert_null(snplp_funding_source_text(f->fu));
    int64_t cents = 42;
    assert_fails(snplp_funding_amount_cents(&cents, f->fu), SNPLP_ENOTFOUND);
}

/* ---- title (required) ---- */

static void title(void **state)
{
    fixture *f = *state;
    assert_ok(snplp_funding_set_title(f->fu, "Formation des travailleurs sociaux"));
    assert_string_equal(snplp_funding_title(f->fu), "Formation des travailleurs sociaux");
    assert_string_equal(snplp_funding_title(f->fu2), "Autre ligne");
    char buf[40] = "Pre\xcc\x81vention";
    assert_ok(snplp_funding_set_title(f->fu, buf));
    memset(buf, 'x', sizeof buf - 1);
    assert_string_equal(snplp_funding_title(f->fu), "Pr\xc3\xa9vention");
    assert_ok(snplp_funding_set_title(f->fu, "\xef\xac\x81n"));
    assert_string_equal(snplp_funding_title(f->fu), "\xef\xac\x81n");
    assert_ok(snplp_funding_set_title(f->fu, ""));
    assert_string_equal(snplp_funding_title(f->fu), "");
    assert_null(snplp_funding_period(f->fu));
    assert_null(snplp_funding_source_text(f->fu));
}

static void title_errors(void **state)
{
    fixture *f = *state;
    assert_fails(snplp_funding_set_title(f->fu, NULL), SNPLP_EINVAL);
    assert_string_equal(snplp_funding_title(f->fu), TITLE);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_fails(snplp_funding_set_title(f->fu, test_bad_texts[i]), SNPLP_EENCODING);
        assert_string_equal(snplp_funding_title(f->fu), TITLE);
    }
    assert_fails(snplp_funding_set_title(NULL, "x"), SNPLP_EINVAL);
    assert_fails(snplp_funding_set_title(NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_funding_set_title(f->rule_as_funding, "x"), SNPLP_EINVAL);
    assert_fails(snplp_funding_set_title(f->strategy_as_funding, "x"), SNPLP_EINVAL);
    assert_null(snplp_funding_title(NULL));
    assert_null(snplp_funding_title(f->rule_as_funding));
    assert_null(snplp_funding_title(f->strategy_as_funding));
    assert_wrong_objects_intact(f);
    assert_string_equal(snplp_funding_title(f->fu), TITLE);
}

/* ---- period and source wording (optional) ---- */

typedef struct text_field {
    const char *(*get)(const snplp_funding *fu);
    int (*set)(snplp_funding *fu, const char *text);
} text_field;

static const char *get_period(const snplp_funding *fu)
{
    return snplp_funding_period(fu);
}
static int set_period(snplp_funding *fu, const char *text)
{
    return snplp_funding_set_period(fu, text);
}
static const char *get_source(const snplp_funding *fu)
{
    return snplp_funding_source_text(fu);
}
static int set_source(snplp_funding *fu, const char *text)
{
    return snplp_funding_set_source_text(fu, text);
}

static const text_field period_field = {get_period, set_period};
static const text_field source_field = {get_source, set_source};

static void check_optional_text(fixture *f, const text_field *t, const text_field *other)
{
    assert_null(t->get(f->fu));
    assert_ok(t->set(f->fu, SOURCE));
    assert_string_equal(t->get(f->fu), SOURCE);
    assert_null(t->get(f->fu2));
    assert_null(other->get(f->fu));
    assert_string_equal(snplp_funding_title(f->fu), TITLE);
    assert_ok(t->set(f->fu, "pendant trois ans"));
    assert_string_equal(t->get(f->fu), "pendant trois ans");
    assert_ok(t->set(f->fu, ""));
    assert_string_equal(t->get(f->fu), "");
    assert_ok(t->set(f->fu, NULL));
    assert_null(t->get(f->fu));
    assert_ok(t->set(f->fu, NULL));
    assert_null(t->get(f->fu));
    char buf[40] = "d\xe2\x80\x99"
                   "ici a\xcc\x80 2022";
    assert_ok(t->set(f->fu, buf));
    memset(buf, 'x', sizeof buf - 1);
    assert_string_equal(t->get(f->fu), "d\xe2\x80\x99"
                                       "ici \xc3\xa0 2022");

    assert_ok(t->set(f->fu, "Garde"));
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_fails(t->set(f->fu, test_bad_texts[i]), SNPLP_EENCODING);
        assert_string_equal(t->get(f->fu), "Garde");
    }
    assert_fails(t->set(NULL, "x"), SNPLP_EINVAL);
    assert_fails(t->set(NULL, NULL), SNPLP_EINVAL);
    assert_fails(t->set(f->rule_as_funding, "x"), SNPLP_EINVAL);
    assert_fails(t->set(f->rule_as_funding, NULL), SNPLP_EINVAL);
    assert_fails(t->set(f->strategy_as_funding, "x"), SNPLP_EINVAL);
    assert_null(t->get(NULL));
    assert_null(t->get(f->rule_as_funding));
    assert_null(t->get(f->strategy_as_funding));
    assert_wrong_objects_intact(f);
    assert_string_equal(t->get(f->fu), "Garde");
}

static void period(void **state)
{
    check_optional_text(*state, &period_field, &source_field);
}

static void source_text(void **state)
{
    check_optional_text(*state, &source_field, &period_field);
}

/* ---- amount ---- */

static void amount_cents(void **state)
{
    fixture *f = *state;
    int64_t cents = -1;
    assert_ok(snplp_funding_set_amount_cents(f->fu, INT64_C(100000000))); /* 1 million euros */
    assert_ok(snplp_funding_amount_cents(&cents, f->fu));
    assert_int_equal(cents, INT64_C(100000000));
    assert_fails(snplp_funding_amount_cents(&cents, f->fu2), SNPLP_ENOTFOUND); /* untouched */
    assert_ok(snplp_funding_set_amount_cents(f->fu, 0));
    assert_ok(snplp_funding_amount_cents(&cents, f->fu));
    assert_int_equal(cents, 0);
    assert_ok(snplp_funding_set_amount_cents(f->fu, INT64_MAX)); /* exact, no rounding */
    assert_ok(snplp_funding_amount_cents(&cents, f->fu));
    assert_true(cents == INT64_MAX);
    assert_ok(snplp_funding_set_amount_cents(f->fu, INT64_C(9007199254740993))); /* 2^53 + 1 */
    assert_ok(snplp_funding_amount_cents(&cents, f->fu));
    assert_true(cents == INT64_C(9007199254740993));
    assert_ok(snplp_funding_clear_amount(f->fu));
    assert_fails(snplp_funding_amount_cents(&cents, f->fu), SNPLP_ENOTFOUND);
    assert_ok(snplp_funding_clear_amount(f->fu)); /* twice is fine */
    assert_fails(snplp_funding_amount_cents(&cents, f->fu), SNPLP_ENOTFOUND);
    assert_ok(snplp_funding_set_amount_cents(f->fu, 1));
    assert_ok(snplp_funding_amount_cents(&cents, f->fu));
    assert_int_equal(cents, 1);
    assert_string_equal(snplp_funding_title(f->fu), TITLE);
}

static void amount_rejects_negative_values(void **state)
{
    fixture *f = *state;
    int64_t cents = 0;
    static const int64_t bad[] = {-1, -100, INT64_MIN, -INT64_MAX};
    for (size_t i = 0; i < COUNT_OF(bad); i++)
        assert_fails(snplp_funding_set_amount_cents(f->fu, bad[i]), SNPLP_EINVAL);
    assert_fails(snplp_funding_amount_cents(&cents, f->fu), SNPLP_ENOTFOUND); /* still unset */
    assert_ok(snplp_funding_set_amount_cents(f->fu, 500));
    for (size_t i = 0; i < COUNT_OF(bad); i++) {
        assert_fails(snplp_funding_set_amount_cents(f->fu, bad[i]), SNPLP_EINVAL);
        assert_ok(snplp_funding_amount_cents(&cents, f->fu));
        assert_int_equal(cents, 500); /* the old value stays */
    }
}

static void amount_null_and_wrong_object(void **state)
{
    fixture *f = *state;
    int64_t cents = 7;
    assert_ok(snplp_funding_set_amount_cents(f->fu, 100));
    assert_fails(snplp_funding_amount_cents(NULL, f->fu), SNPLP_EINVAL);
    assert_fails(snplp_funding_amount_cents(&cents, NULL), SNPLP_EINVAL);
    assert_fails(snplp_funding_amount_cents(&cents, f->rule_as_funding), SNPLP_EINVAL);
    assert_fails(snplp_funding_amount_cents(&cents, f->strategy_as_funding), SNPLP_EINVAL);
    assert_int_equal(cents, 7);
    assert_fails(snplp_funding_set_amount_cents(NULL, 100), SNPLP_EINVAL);
    assert_fails(snplp_funding_set_amount_cents(f->rule_as_funding, 6), SNPLP_EINVAL);
    assert_fails(snplp_funding_set_amount_cents(f->strategy_as_funding, 100), SNPLP_EINVAL);
    assert_fails(snplp_funding_clear_amount(NULL), SNPLP_EINVAL);
    assert_fails(snplp_funding_clear_amount(f->rule_as_funding), SNPLP_EINVAL);
    assert_fails(snplp_funding_clear_amount(f->strategy_as_funding), SNPLP_EINVAL);
    assert_wrong_objects_intact(f);
    assert_ok(snplp_funding_amount_cents(&cents, f->fu));
    assert_int_equal(cents, 100);
}

static void amount_does_not_allocate(void **state)
{
    fixture *f = *state;
    int64_t cents = 0;
    size_t before = snplp_memory_used();
    snplp__alloc_fail_after(0);
    int set = snplp_funding_set_amount_cents(f->fu, 42);
    int get = snplp_funding_amount_cents(&cents, f->fu);
    int clear = snplp_funding_clear_amount(f->fu);
    snplp__alloc_fail_after(-1);
    assert_ok(set);
    assert_ok(get);
    assert_ok(clear);
    assert_int_equal(cents, 42);
    assert_int_equal(snplp_memory_used(), before);
}

/* ---- out of memory ---- */

typedef struct set_ctx {
    snplp_funding *fu;
    int (*set)(snplp_funding *fu, const char *text);
    const char *(*get)(const snplp_funding *fu);
    const char *text;
    char *old;
    char *title;
} set_ctx;

static int set_step(void *p)
{
    set_ctx *x = p;
    return x->set(x->fu, x->text);
}

static void set_check(void *p)
{
    set_ctx *x = p;
    assert_text(x->get(x->fu), x->old);
    assert_text(snplp_funding_title(x->fu), x->title);
    int64_t cents = 0;
    assert_ok(snplp_funding_amount_cents(&cents, x->fu));
    assert_int_equal(cents, 100000000);
}

static void sweep_set(snplp_funding *fu, int (*set)(snplp_funding *, const char *),
                      const char *(*get)(const snplp_funding *), const char *text,
                      const char *stored)
{
    const char *old = get(fu);
    set_ctx x = {fu, set, get, text, old ? strdup(old) : NULL, strdup(snplp_funding_title(fu))};
    assert_true(test_oom_sweep(set_step, set_check, &x) > 0);
    assert_text(get(fu), stored);
    free(x.old);
    free(x.title);
}

static void sweep_texts(fixture *f, int (*set)(snplp_funding *, const char *),
                        const char *(*get)(const snplp_funding *))
{
    assert_ok(snplp_funding_set_amount_cents(f->fu, 100000000));
    sweep_set(f->fu, set, get, "pendant trois ans", "pendant trois ans");
    sweep_set(f->fu, set, get,
              "d\xe2\x80\x99"
              "ici a\xcc\x80 2022",
              "d\xe2\x80\x99"
              "ici \xc3\xa0 2022");
    char *nfd = test_long_text("e\xcc\x81", 300), *nfc = test_long_text("\xc3\xa9", 300);
    sweep_set(f->fu, set, get, nfd, nfc);
    free(nfd);
    free(nfc);
}

static void title_out_of_memory(void **state)
{
    sweep_texts(*state, snplp_funding_set_title, snplp_funding_title);
}

static void period_out_of_memory(void **state)
{
    sweep_texts(*state, snplp_funding_set_period, snplp_funding_period);
}

static void source_text_out_of_memory(void **state)
{
    sweep_texts(*state, snplp_funding_set_source_text, snplp_funding_source_text);
}

/* ---- in the referential ---- */

static void changes_show_in_equality(void **state)
{
    fixture *f = *state;
    snplp_referential *other = test_new_referential();
    snplp_funding *fu = NULL;
    assert_ok(snplp_referential_add_funding(&fu, other, "f1", TITLE));
    assert_ok(snplp_referential_add_funding(NULL, other, "f2", "Autre ligne"));
    assert_ok(snplp_referential_add_diploma_rule(NULL, other, "d1", "Niveau II"));
    assert_true(snplp_referential_equal(f->ref, other));

    assert_ok(snplp_funding_set_amount_cents(fu, 0));
    assert_false(snplp_referential_equal(f->ref, other)); /* 0 is set, not unset */
    assert_ok(snplp_funding_set_amount_cents(f->fu, 1));
    assert_false(snplp_referential_equal(f->ref, other));
    assert_ok(snplp_funding_set_amount_cents(f->fu, 0));
    assert_true(snplp_referential_equal(f->ref, other));

    assert_ok(snplp_funding_set_period(fu, "trois ans"));
    assert_false(snplp_referential_equal(f->ref, other));
    assert_ok(snplp_funding_set_period(f->fu, "trois ans"));
    assert_true(snplp_referential_equal(f->ref, other));

    assert_ok(snplp_funding_set_source_text(fu, SOURCE));
    assert_false(snplp_referential_equal(f->ref, other));
    assert_ok(snplp_funding_set_source_text(f->fu, SOURCE));
    assert_true(snplp_referential_equal(f->ref, other));
    snplp_referential_unref(other);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(id_and_referential),
        TEST(id_is_a_copy),
        TEST(everything_but_the_title_starts_unset),
        TEST(title),
        TEST(title_errors),
        TEST(period),
        TEST(source_text),
        TEST(amount_cents),
        TEST(amount_rejects_negative_values),
        TEST(amount_null_and_wrong_object),
        TEST(amount_does_not_allocate),
        TEST(title_out_of_memory),
        TEST(period_out_of_memory),
        TEST(source_text_out_of_memory),
        TEST(changes_show_in_equality),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
