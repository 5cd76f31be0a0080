/* Tests of diploma_rule.h: the id, referential, required wording and optional minimum level
 * (1 to 8) of a diploma-level rule, with every error path and out of memory on the text
 * setter. */
#include "test_util.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#define TEXT "Titulaires d'un dipl\xc3\xb4me d'\xc3\x89tat de travail social de niveau II ou I"

/* A test's referential, two rules, and wrong objects. */
typedef struct fixture {
    snplp_referential *ref;
    snplp_diploma_rule *d;
    snplp_diploma_rule *d2;
    snplp_diploma_rule *funding_as_rule;
    snplp_diploma_rule *strategy_as_rule;
    size_t memory;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->memory = snplp_memory_used();
    snplp_funding *fu = NULL;
    if (snplp_referential_new(&f->ref) != SNPLP_OK ||
        snplp_referential_add_diploma_rule(&f->d, f->ref, "d1", TEXT) != SNPLP_OK ||
        snplp_referential_add_diploma_rule(&f->d2, f->ref, "d2", "Niveau III") != SNPLP_OK ||
        snplp_referential_add_funding(&fu, f->ref, "f1", "Financement") != SNPLP_OK)
        return -1;
    f->funding_as_rule = (snplp_diploma_rule *)(void *)fu;
    f->strategy_as_rule = (snplp_diploma_rule *)(void *)snplp_referential_strategy(f->ref);
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

/* The wrong objects (both with a number and a text) were not changed. */
static void assert_wrong_objects_intact(const fixture *f)
{
    snplp_funding *fu = snplp_referential_funding_find(f->ref, "f1");
    assert_ptr_equal(fu, (snplp_funding *)(void *)f->funding_as_rule);
    assert_string_equal(snplp_funding_title(fu), "Financement");
    int64_t cents = 0;
    assert_int_equal(snplp_funding_amount_cents(&cents, fu), SNPLP_ENOTFOUND);
    snplp_strategy *s = snplp_referential_strategy(f->ref);
    assert_null(snplp_strategy_title(s));
    assert_int_equal(snplp_strategy_budget_cents(&cents, s), SNPLP_ENOTFOUND);
}

/* ---- id and referential ---- */

static void id_and_referential(void **state)
{
    fixture *f = *state;
    assert_string_equal(snplp_diploma_rule_id(f->d), "d1");
    assert_string_equal(snplp_diploma_rule_id(f->d2), "d2");
    assert_ptr_equal(snplp_diploma_rule_referential(f->d), f->ref);
    assert_ptr_equal(snplp_diploma_rule_referential(f->d2), f->ref);
    assert_ptr_equal(snplp_referential_diploma_rule_find(f->ref, snplp_diploma_rule_id(f->d)),
                     f->d);
    assert_int_equal(snplp_referential_kind_of(f->ref, "d1"), SNPLP_KIND_DIPLOMA_RULE);
    assert_null(snplp_diploma_rule_id(NULL));
    assert_null(snplp_diploma_rule_referential(NULL));
    assert_null(snplp_diploma_rule_id(f->funding_as_rule));
    assert_null(snplp_diploma_rule_referential(f->funding_as_rule));
    assert_null(snplp_diploma_rule_id(f->strategy_as_rule));
    assert_null(snplp_diploma_rule_referential(f->strategy_as_rule));
}

static void id_is_a_copy(void **state)
{
    fixture *f = *state;
    char id[8] = "d3";
    snplp_diploma_rule *d = NULL;
    assert_ok(snplp_referential_add_diploma_rule(&d, f->ref, id, "Niveau 6"));
    strcpy(id, "zz");
    assert_string_equal(snplp_diploma_rule_id(d), "d3");
    assert_ok(snplp_diploma_rule_set_text(d, "Autre"));
    assert_ok(snplp_diploma_rule_set_min_level(d, 6));
    assert_string_equal(snplp_diploma_rule_id(d), "d3");
    assert_ptr_equal(snplp_referential_diploma_rule_find(f->ref, "d3"), d);
}

/* ---- wording (required) ---- */

static void text(void **state)
{
    fixture *f = *state;
    assert_string_equal(snplp_diploma_rule_text(f->d), TEXT);
    assert_ok(snplp_diploma_rule_set_text(f->d, "Niveau 6 ou plus"));
    assert_string_equal(snplp_diploma_rule_text(f->d), "Niveau 6 ou plus");
    assert_string_equal(snplp_diploma_rule_text(f->d2), "Niveau III");

    char buf[40] = "Dipl\xc3\xb4me d'E\xcc\x81tat";
    assert_ok(snplp_diploma_rule_set_text(f->d, buf));
    memset(buf, 'x', sizeof buf - 1);
    assert_string_equal(snplp_diploma_rule_text(f->d), "Dipl\xc3\xb4me d'\xc3\x89tat");
    assert_ok(snplp_diploma_rule_set_text(f->d, "\xef\xac\x81n"));
    assert_string_equal(snplp_diploma_rule_text(f->d), "\xef\xac\x81n");
    assert_ok(snplp_diploma_rule_set_text(f->d, ""));
    assert_string_equal(snplp_diploma_rule_text(f->d), "");
    assert_ok(snplp_diploma_rule_set_text(f->d, TEXT));
    /* The level is independent of the wording. */
    int level = 0;
    assert_int_equal(snplp_diploma_rule_min_level(&level, f->d), SNPLP_ENOTFOUND);
}

static void text_errors(void **state)
{
    fixture *f = *state;
    assert_fails(snplp_diploma_rule_set_text(f->d, NULL), SNPLP_EINVAL);
    assert_string_equal(snplp_diploma_rule_text(f->d), TEXT);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_fails(snplp_diploma_rule_set_text(f->d, test_bad_texts[i]), SNPLP_EENCODING);
        assert_string_equal(snplp_diploma_rule_text(f->d), TEXT);
    }
    assert_fails(snplp_diploma_rule_set_text(NULL, "x"), SNPLP_EINVAL);
    assert_fails(snplp_diploma_rule_set_text(NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_diploma_rule_set_text(f->funding_as_rule, "x"), SNPLP_EINVAL);
    assert_fails(snplp_diploma_rule_set_text(f->strategy_as_rule, "x"), SNPLP_EINVAL);
    assert_null(snplp_diploma_rule_text(NULL));
    assert_null(snplp_diploma_rule_text(f->funding_as_rule));
    assert_null(snplp_diploma_rule_text(f->strategy_as_rule));
    assert_wrong_objects_intact(f);
    assert_string_equal(snplp_diploma_rule_text(f->d), TEXT);
}

typedef struct set_ctx {
    snplp_diploma_rule *d;
    const char *text;
    char *old;
} set_ctx;

static int set_step(void *p)
{
    set_ctx *x = p;
    return snplp_diploma_rule_set_text(x->d, x->text);
}

static void set_check(void *p)
{
    set_ctx *x = p;
    assert_string_equal(snplp_diploma_rule_text(x->d), x->old);
    int level = 0;
    assert_ok(snplp_diploma_rule_min_level(&level, x->d));
    assert_int_equal(level, 6);
}

static void sweep_set(snplp_diploma_rule *d, const char *text, const char *stored)
{
    set_ctx x = {d, text, strdup(snplp_diploma_rule_text(d))};
    assert_true(test_oom_sweep(set_step, set_check, &x) > 0);
    assert_string_equal(snplp_diploma_rule_text(d), stored);
    free(x.old);
}

static void text_out_of_memory(void **state)
{
    fixture *f = *state;
    assert_ok(snplp_diploma_rule_set_min_level(f->d, 6));
    sweep_set(f->d, "Niveau 6", "Niveau 6");
    sweep_set(f->d, "Dipl\xc3\xb4me d'E\xcc\x81tat", "Dipl\xc3\xb4me d'\xc3\x89tat");
    char *nfd = test_long_text("e\xcc\x81", 300), *nfc = test_long_text("\xc3\xa9", 300);
    sweep_set(f->d, nfd, nfc);
    free(nfd);
    free(nfc);
}

/* ---- minimum level ---- */

static void min_level(void **state)
{
    fixture *f = *state;
    int level = -1;
    assert_fails(snplp_diploma_rule_min_level(&level, f->d), SNPLP_ENOTFOUND);
    for (int l = 1; l <= 8; l++) {
        assert_ok(snplp_diploma_rule_set_min_level(f->d, l));
        assert_ok(snplp_diploma_rule_min_level(&level, f->d));
        assert_int_equal(level, l);
    }
    assert_fails(snplp_diploma_rule_min_level(&level, f->d2), SNPLP_ENOTFOUND); /* untouched */
    assert_ok(snplp_diploma_rule_set_min_level(f->d, 6));
    assert_ok(snplp_diploma_rule_clear_min_level(f->d));
    assert_fails(snplp_diploma_rule_min_level(&level, f->d), SNPLP_ENOTFOUND);
    assert_ok(snplp_diploma_rule_clear_min_level(f->d)); /* twice is fine */
    assert_fails(snplp_diploma_rule_min_level(&level, f->d), SNPLP_ENOTFOUND);
    assert_ok(snplp_diploma_rule_set_min_level(f->d, 7));
    assert_ok(snplp_diploma_rule_min_level(&level, f->d));
    assert_int_equal(level, 7);
    assert_string_equal(snplp_diploma_rule_text(f->d), TEXT);
}

static void min_level_out_of_range(void **state)
{
    fixture *f = *state;
    static const int bad[] = {0, 9, -1, 10, 100, 256 + 6, INT_MIN, INT_MAX, -6};
    int level = 0;
    for (size_t i = 0; i < COUNT_OF(bad); i++)
        assert_fails(snplp_diploma_rule_set_min_level(f->d, bad[i]), SNPLP_EINVAL);
    assert_fails(snplp_diploma_rule_min_level(&level, f->d), SNPLP_ENOTFOUND); /* still unset */
    assert_ok(snplp_diploma_rule_set_min_level(f->d, 6));
    for (size_t i = 0; i < COUNT_OF(bad); i++) {
        assert_fails(snplp_diploma_rule_set_min_level(f->d, bad[i]), SNPLP_EINVAL);
        assert_ok(snplp_diploma_rule_min_level(&level, f->d));
        assert_int_equal(level, 6); /* the old value stays */
    }
}

static void min_level_null_and_wrong_object(void **state)
{
    fixture *f = *state;
    int level = 42;
    assert_ok(snplp_diploma_rule_set_min_level(f->d, 6));
    assert_fails(snplp_diploma_rule_min_level(NULL, f->d), SNPLP_EINVAL);
    assert_fails(snplp_diploma_rule_min_level(&level, NULL), SNPLP_EINVAL);
    assert_fails(snplp_diploma_rule_min_level(&level, f->funding_as_rule), SNPLP_EINVAL);
    assert_fails(snplp_diploma_rule_min_level(&level, f->strategy_as_rule), SNPLP_EINVAL);
    assert_int_equal(level, 42);
    assert_fails(snplp_diploma_rule_set_min_level(NULL, 6), SNPLP_EINVAL);
    assert_fails(snplp_diploma_rule_set_min_level(f->funding_as_rule, 6), SNPLP_EINVAL);
    assert_fails(snplp_diploma_rule_set_min_level(f->strategy_as_rule, 6), SNPLP_EINVAL);
    assert_fails(snplp_diploma_rule_clear_min_level(NULL), SNPLP_EINVAL);
    assert_fails(snplp_diploma_rule_clear_min_level(f->funding_as_rule), SNPLP_EINVAL);
    assert_fails(snplp_diploma_rule_clear_min_level(f->strategy_as_rule), SNPLP_EINVAL);
    assert_wrong_objects_intact(f);
    assert_ok(snplp_diploma_rule_min_level(&level, f->d));
    assert_int_equal(level, 6);
}

static void min_level_does_not_allocate(void **state)
{
    fixture *f = *state;
    int level = 0;
    size_t before = snplp_memory_used();
    snplp__alloc_fail_after(0);
    int set = snplp_diploma_rule_set_min_level(f->d, 8);
    int get = snplp_diploma_rule_min_level(&level, f->d);
    int clear = snplp_diploma_rule_clear_min_level(f->d);
    snplp__alloc_fail_after(-1);
    assert_ok(set);
    assert_ok(get);
    assert_ok(clear);
    assert_int_equal(level, 8);
    assert_int_equal(snplp_memory_used(), before);
}

/* ---- in the referential ---- */

static void changes_show_in_equality(void **state)
{
    fixture *f = *state;
    snplp_referential *other = test_new_referential();
    snplp_diploma_rule *d = NULL;
    assert_ok(snplp_referential_add_diploma_rule(&d, other, "d1", TEXT));
    assert_ok(snplp_referential_add_diploma_rule(NULL, other, "d2", "Niveau III"));
    assert_ok(snplp_referential_add_funding(NULL, other, "f1", "Financement"));
    assert_true(snplp_referential_equal(f->ref, other));

    assert_ok(snplp_diploma_rule_set_min_level(d, 6));
    assert_false(snplp_referential_equal(f->ref, other)); /* set vs unset */
    assert_ok(snplp_diploma_rule_set_min_level(f->d, 7));
    assert_false(snplp_referential_equal(f->ref, other)); /* 7 vs 6 */
    assert_ok(snplp_diploma_rule_set_min_level(f->d, 6));
    assert_true(snplp_referential_equal(f->ref, other));
    assert_ok(snplp_diploma_rule_clear_min_level(d));
    assert_ok(snplp_diploma_rule_clear_min_level(f->d));
    assert_true(snplp_referential_equal(f->ref, other));

    assert_ok(snplp_diploma_rule_set_text(d, "Autre"));
    assert_false(snplp_referential_equal(f->ref, other));
    snplp_referential_unref(other);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(id_and_referential),
        TEST(id_is_a_copy),
        TEST(text),
        TEST(text_errors),
        TEST(text_out_of_memory),
        TEST(min_level),
        TEST(min_level_out_of_range),
        TEST(min_level_null_and_wrong_object),
        TEST(min_level_does_not_allocate),
        TEST(changes_show_in_equality),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
