/* Tests of strategy.h: the strategy singleton, its optional texts, launch date, budget and
 * alternative labels, with every error path and out of memory on every function that
 * allocates. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>

/* A test's referential, its strategy, and items of other kinds to pass as a wrong object. */
typedef struct fixture {
    snplp_referential *ref;
    snplp_strategy *s;
    snplp_strategy *plan_as_strategy;
    snplp_strategy *commitment_as_strategy;
    size_t memory;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->memory = snplp_memory_used();
    if (snplp_referential_new(&f->ref) != SNPLP_OK)
        return -1;
    f->s = snplp_referential_strategy(f->ref);
    f->plan_as_strategy = (snplp_strategy *)(void *)snplp_referential_training_plan(f->ref);
    snplp_commitment *c = NULL;
    if (snplp_referential_add_commitment(&c, f->ref, "c1", "Engagement") != SNPLP_OK)
        return -1;
    f->commitment_as_strategy = (snplp_strategy *)(void *)c;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    snplp_referential_unref(f->ref);
    /* Everything the test made was freed with the referential. */
    int rc = snplp_memory_used() == f->memory ? 0 : -1;
    free(f);
    return rc;
}

/* ---- id and referential ---- */

static void id_and_referential(void **state)
{
    fixture *f = *state;
    assert_string_equal(snplp_strategy_id(f->s), "strategy");
    assert_ptr_equal(snplp_strategy_referential(f->s), f->ref);
    assert_int_equal(snplp_referential_kind_of(f->ref, snplp_strategy_id(f->s)),
                     SNPLP_KIND_STRATEGY);
    assert_null(snplp_strategy_id(NULL));
    assert_null(snplp_strategy_referential(NULL));
    assert_null(snplp_strategy_id(f->plan_as_strategy));
    assert_null(snplp_strategy_referential(f->plan_as_strategy));
    assert_null(snplp_strategy_id(f->commitment_as_strategy));
    assert_null(snplp_strategy_referential(f->commitment_as_strategy));
}

static void everything_starts_unset(void **state)
{
    fixture *f = *state;
    assert_null(snplp_strategy_title(f->s));
    assert_null(snplp_strategy_description(f->s));
    assert_null(snplp_strategy_launch_date(f->s));
    assert_null(snplp_strategy_budget_text(f->s));
    int64_t cents = 42;
    assert_fails(snplp_strategy_budget_cents(&cents, f->s), SNPLP_ENOTFOUND);
    assert_int_equal(snplp_strategy_label_count(f->s), 0);
    assert_null(snplp_strategy_label_at(f->s, 0));
}

/* ---- the optional texts: title, description, budget text ---- */

typedef struct text_field {
    const char *(*get)(const snplp_strategy *s);
    int (*set)(snplp_strategy *s, const char *text);
} text_field;

static const char *get_title(const snplp_strategy *s)
{
    return snplp_strategy_title(s);
}
static int set_title(snplp_strategy *s, const char *text)
{
    return snplp_strategy_set_title(s, text);
}
static const char *get_description(const snplp_strategy *s)
{
    return snplp_strategy_description(s);
}
static int set_description(snplp_strategy *s, const char *text)
{
    return snplp_strategy_set_description(s, text);
}
static const char *get_budget_text(const snplp_strategy *s)
{
    return snplp_strategy_budget_text(s);
}
static int set_budget_text(snplp_strategy *s, const char *text)
{
    return snplp_strategy_set_budget_text(s, text);
}

static const text_field title_field = {get_title, set_title};
static const text_field description_field = {get_description, set_description};
static const text_field budget_text_field = {get_budget_text, set_budget_text};

/* The other text fields of the strategy keep their values when one changes. */
static void assert_others_unset(fixture *f, const text_field *t)
{
    if (t != &title_field)
        assert_null(snplp_strategy_title(f->s));
    if (t != &description_field)
        assert_null(snplp_strategy_description(f->s));
    if (t != &budget_text_field)
        assert_null(snplp_strategy_budget_text(f->s));
    assert_null(snplp_strategy_launch_date(f->s));
}

static void check_text_field(fixture *f, const text_field *t)
{
    assert_null(t->get(f->s));
    assert_ok(t->set(f->s, "Strat\xc3\xa9gie nationale"));
    assert_text(t->get(f->s), "Strat\xc3\xa9gie nationale");
    assert_others_unset(f, t);
    /* Replaced. */
    assert_ok(t->set(f->s, "Autre"));
    assert_text(t->get(f->s), "Autre");
    /* Empty is a value, NULL unsets. */
    assert_ok(t->set(f->s, ""));
    assert_text(t->get(f->s), "");
    assert_ok(t->set(f->s, NULL));
    assert_null(t->get(f->s));
    assert_ok(t->set(f->s, NULL)); /* unsetting an unset text is fine */
    assert_null(t->get(f->s));

    /* Copied and NFC-normalized. */
    char buf[32] = "Strate\xcc\x81gie";
    assert_ok(t->set(f->s, buf));
    memset(buf, 'x', sizeof buf - 1);
    assert_text(t->get(f->s), "Strat\xc3\xa9gie");
    /* NFC, not NFKC: the "fi" ligature stays. */
    assert_ok(t->set(f->s, "\xef\xac\x81n"));
    assert_text(t->get(f->s), "\xef\xac\x81n");
    assert_ok(t->set(f->s, "a\tb\nc\rd"));
    assert_text(t->get(f->s), "a\tb\nc\rd");

    /* From its own (borrowed) value. */
    assert_ok(t->set(f->s, t->get(f->s)));
    assert_text(t->get(f->s), "a\tb\nc\rd");

    /* Invalid text: refused, the old value stays. */
    assert_ok(t->set(f->s, "Garde"));
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_fails(t->set(f->s, test_bad_texts[i]), SNPLP_EENCODING);
        assert_text(t->get(f->s), "Garde");
    }

    /* NULL or wrong object. */
    assert_fails(t->set(NULL, "x"), SNPLP_EINVAL);
    assert_fails(t->set(NULL, NULL), SNPLP_EINVAL);
    assert_null(t->get(NULL));
    assert_fails(t->set(f->plan_as_strategy, "x"), SNPLP_EINVAL);
    assert_fails(t->set(f->commitment_as_strategy, "x"), SNPLP_EINVAL);
    assert_null(t->get(f->plan_as_strategy));
    assert_null(t->get(f->commitment_as_strategy));
    assert_null(snplp_training_plan_title(snplp_referential_training_plan(f->ref)));
    assert_string_equal(
        snplp_commitment_title((snplp_commitment *)(void *)f->commitment_as_strategy),
        "Engagement");
    assert_text(t->get(f->s), "Garde");
}

static void title(void **state)
{
    check_text_field(*state, &title_field);
}

static void description(void **state)
{
    check_text_field(*state, &description_field);
}

static void budget_text(void **state)
{
    check_text_field(*state, &budget_text_field);
}

/* Out of memory while setting a text. */
typedef struct set_ctx {
    snplp_strategy *s;
    int (*set)(snplp_strategy *s, const char *text);
    const char *(*get)(const snplp_strategy *s);
    const char *text;
    char *old; /* a copy of the value before, NULL if unset */
} set_ctx;

static int set_step(void *p)
{
    set_ctx *c = p;
    return c->set(c->s, c->text);
}

static void set_check(void *p)
{
    set_ctx *c = p;
    assert_text(c->get(c->s), c->old);
}

static void sweep_set(snplp_strategy *s, int (*set)(snplp_strategy *, const char *),
                      const char *(*get)(const snplp_strategy *), const char *text,
                      const char *stored)
{
    const char *old = get(s);
    set_ctx c = {s, set, get, text, old ? strdup(old) : NULL};
    assert_true(test_oom_sweep(set_step, set_check, &c) > 0);
    assert_text(get(s), stored);
    free(c.old);
}

/* "é" decomposed 300 times, and composed. */

static void sweep_text_field(fixture *f, const text_field *t)
{
    sweep_set(f->s, t->set, t->get, "Strat\xc3\xa9gie", "Strat\xc3\xa9gie"); /* from unset */
    sweep_set(f->s, t->set, t->get, "Strate\xcc\x81gie pauvrete\xcc\x81",
              "Strat\xc3\xa9gie pauvret\xc3\xa9");
    char *nfd = test_long_text("e\xcc\x81", 300), *nfc = test_long_text("\xc3\xa9", 300);
    sweep_set(f->s, t->set, t->get, nfd, nfc);
    free(nfd);
    free(nfc);
}

static void title_out_of_memory(void **state)
{
    sweep_text_field(*state, &title_field);
}

static void description_out_of_memory(void **state)
{
    sweep_text_field(*state, &description_field);
}

static void budget_text_out_of_memory(void **state)
{
    sweep_text_field(*state, &budget_text_field);
}

/* ---- launch date ---- */

static void launch_date_accepts_real_dates(void **state)
{
    fixture *f = *state;
    static const char *const good[] = {
        "2018",       "2018-09",    "2018-09-13", "2020-02-29", "2000-02-29",
        "2016-02-29", "2019-02-28", "2018-01-31", "2018-04-30", "2018-12-31",
        "1000",       "1000-01-01", "9999",       "9999-12",    "9999-12-31",
    };
    for (size_t i = 0; i < COUNT_OF(good); i++) {
        assert_ok(snplp_strategy_set_launch_date(f->s, good[i]));
        assert_text(snplp_strategy_launch_date(f->s), good[i]);
    }
    /* Copied. */
    char buf[16] = "2018-09-13";
    assert_ok(snplp_strategy_set_launch_date(f->s, buf));
    buf[3] = '9';
    assert_string_equal(snplp_strategy_launch_date(f->s), "2018-09-13");
    /* NULL unsets. */
    assert_ok(snplp_strategy_set_launch_date(f->s, NULL));
    assert_null(snplp_strategy_launch_date(f->s));
    assert_null(snplp_strategy_title(f->s)); /* the other texts are untouched */
}

static void launch_date_rejects_malformed_or_impossible_dates(void **state)
{
    fixture *f = *state;
    static const char *const bad[] = {
        "2018-02-30",
        "2018-02-29",
        "2019-02-29",
        "2100-02-29",
        "1900-02-29",
        "2018-13",
        "2018-00",
        "2018-09-00",
        "2018-09-31",
        "2018-04-31",
        "2018-06-31",
        "2018-01-32",
        "2018-12-32",
        "18-09",
        "18",
        "201",
        "20180",
        "0999",
        "0000",
        "999-01-01",
        "12345",
        "2018/09",
        "2018-9",
        "2018-9-13",
        "2018-09-1",
        "2018-09-013",
        "2018-09-13T10:00",
        "2018-0a",
        "20x8",
        "+2018",
        " 2018",
        "2018 ",
        "2018-09-13\n",
        "",
        "abcd",
        "2018-09-",
        "2018--09",
        "2018-09_13",
        "-2018",
        "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x91\xef\xbc\x98",
        "\xff\xff\xff\xff",
    };
    assert_ok(snplp_strategy_set_launch_date(f->s, "2018-09"));
    for (size_t i = 0; i < COUNT_OF(bad); i++) {
        snplp_error_clear();
        int rc = snplp_strategy_set_launch_date(f->s, bad[i]);
        if (rc != SNPLP_EINVAL)
            fail_msg("'%s' gave %s instead of SNPLP_EINVAL", bad[i], snplp_status_name(rc));
        assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
        /* The old value stays. */
        assert_string_equal(snplp_strategy_launch_date(f->s), "2018-09");
    }
    /* NULL or wrong object. */
    assert_fails(snplp_strategy_set_launch_date(NULL, "2018"), SNPLP_EINVAL);
    assert_fails(snplp_strategy_set_launch_date(NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_strategy_set_launch_date(f->plan_as_strategy, "2018"), SNPLP_EINVAL);
    assert_fails(snplp_strategy_set_launch_date(f->commitment_as_strategy, "2018"), SNPLP_EINVAL);
    assert_null(snplp_strategy_launch_date(NULL));
    assert_null(snplp_strategy_launch_date(f->plan_as_strategy));
    assert_null(snplp_strategy_launch_date(f->commitment_as_strategy));
    assert_string_equal(snplp_strategy_launch_date(f->s), "2018-09");
}

static void launch_date_out_of_memory(void **state)
{
    fixture *f = *state;
    sweep_set(f->s, snplp_strategy_set_launch_date, snplp_strategy_launch_date, "2018-09",
              "2018-09");
    sweep_set(f->s, snplp_strategy_set_launch_date, snplp_strategy_launch_date, "2018-09-13",
              "2018-09-13");
}

/* ---- budget ---- */

static void budget_cents(void **state)
{
    fixture *f = *state;
    int64_t cents = -1;
    assert_ok(snplp_strategy_set_budget_cents(f->s, INT64_C(850000000000)));
    assert_ok(snplp_strategy_budget_cents(&cents, f->s));
    assert_int_equal(cents, INT64_C(850000000000));
    assert_ok(snplp_strategy_set_budget_cents(f->s, 0));
    assert_ok(snplp_strategy_budget_cents(&cents, f->s));
    assert_int_equal(cents, 0);
    assert_ok(snplp_strategy_set_budget_cents(f->s, INT64_MAX));
    assert_ok(snplp_strategy_budget_cents(&cents, f->s));
    assert_true(cents == INT64_MAX);
    /* The amount and its wording are independent. */
    assert_null(snplp_strategy_budget_text(f->s));
    assert_ok(snplp_strategy_set_budget_text(f->s, "8,5 milliards d'euros"));
    assert_ok(snplp_strategy_clear_budget(f->s));
    assert_fails(snplp_strategy_budget_cents(&cents, f->s), SNPLP_ENOTFOUND);
    assert_string_equal(snplp_strategy_budget_text(f->s), "8,5 milliards d'euros");
    assert_ok(snplp_strategy_clear_budget(f->s)); /* clearing twice is fine */
    assert_fails(snplp_strategy_budget_cents(&cents, f->s), SNPLP_ENOTFOUND);
    assert_ok(snplp_strategy_set_budget_cents(f->s, 1));
    assert_ok(snplp_strategy_budget_cents(&cents, f->s));
    assert_int_equal(cents, 1);
}

static void budget_rejects_negative_amounts(void **state)
{
    fixture *f = *state;
    int64_t cents = 0;
    assert_fails(snplp_strategy_set_budget_cents(f->s, -1), SNPLP_EINVAL);
    assert_fails(snplp_strategy_budget_cents(&cents, f->s), SNPLP_ENOTFOUND); /* still unset */
    assert_ok(snplp_strategy_set_budget_cents(f->s, 500));
    assert_fails(snplp_strategy_set_budget_cents(f->s, -1), SNPLP_EINVAL);
    assert_fails(snplp_strategy_set_budget_cents(f->s, INT64_MIN), SNPLP_EINVAL);
    assert_fails(snplp_strategy_set_budget_cents(f->s, -INT64_C(850000000000)), SNPLP_EINVAL);
    assert_ok(snplp_strategy_budget_cents(&cents, f->s));
    assert_int_equal(cents, 500); /* the old value stays */
}

static void budget_null_and_wrong_object(void **state)
{
    fixture *f = *state;
    int64_t cents = 7;
    assert_ok(snplp_strategy_set_budget_cents(f->s, 100));
    assert_fails(snplp_strategy_budget_cents(NULL, f->s), SNPLP_EINVAL);
    assert_fails(snplp_strategy_budget_cents(&cents, NULL), SNPLP_EINVAL);
    assert_fails(snplp_strategy_budget_cents(&cents, f->plan_as_strategy), SNPLP_EINVAL);
    assert_fails(snplp_strategy_budget_cents(&cents, f->commitment_as_strategy), SNPLP_EINVAL);
    assert_int_equal(cents, 7);
    assert_fails(snplp_strategy_set_budget_cents(NULL, 100), SNPLP_EINVAL);
    assert_fails(snplp_strategy_set_budget_cents(f->plan_as_strategy, 100), SNPLP_EINVAL);
    assert_fails(snplp_strategy_set_budget_cents(f->commitment_as_strategy, 100), SNPLP_EINVAL);
    assert_fails(snplp_strategy_clear_budget(NULL), SNPLP_EINVAL);
    assert_fails(snplp_strategy_clear_budget(f->plan_as_strategy), SNPLP_EINVAL);
    assert_fails(snplp_strategy_clear_budget(f->commitment_as_strategy), SNPLP_EINVAL);
    /* The training plan's own number was not touched through the wrong pointer. */
    double days = 0;
    assert_fails(
        snplp_training_plan_max_module_days(&days, snplp_referential_training_plan(f->ref)),
        SNPLP_ENOTFOUND);
    assert_ok(snplp_strategy_budget_cents(&cents, f->s));
    assert_int_equal(cents, 100);
}

static void budget_does_not_allocate(void **state)
{
    fixture *f = *state;
    int64_t cents = 0;
    size_t before = snplp_memory_used();
    snplp__alloc_fail_after(0);
    int set = snplp_strategy_set_budget_cents(f->s, 42);
    int get = snplp_strategy_budget_cents(&cents, f->s);
    int clear = snplp_strategy_clear_budget(f->s);
    snplp__alloc_fail_after(-1);
    assert_ok(set);
    assert_ok(get);
    assert_ok(clear);
    assert_int_equal(cents, 42);
    assert_int_equal(snplp_memory_used(), before);
}

/* ---- alternative labels ---- */

static void labels(void **state)
{
    fixture *f = *state;
    char buf[32] = "strat\xc3\xa9gie pauvret\xc3\xa9";
    assert_ok(snplp_strategy_add_label(f->s, buf));
    memset(buf, 'x', sizeof buf - 1); /* copied */
    assert_ok(snplp_strategy_add_label(f->s, "SNPLP"));
    assert_ok(snplp_strategy_add_label(f->s, "Strate\xcc\x81gie")); /* NFC */
    assert_int_equal(snplp_strategy_label_count(f->s), 3);
    assert_string_equal(snplp_strategy_label_at(f->s, 0), "strat\xc3\xa9gie pauvret\xc3\xa9");
    assert_string_equal(snplp_strategy_label_at(f->s, 1), "SNPLP");
    assert_string_equal(snplp_strategy_label_at(f->s, 2), "Strat\xc3\xa9gie");
    assert_null(snplp_strategy_label_at(f->s, 3));
    assert_null(snplp_strategy_label_at(f->s, SIZE_MAX));
    /* Many labels, in order. */
    for (int i = 0; i < 100; i++) {
        char label[16];
        snprintf(label, sizeof label, "label %d", i);
        assert_ok(snplp_strategy_add_label(f->s, label));
    }
    assert_int_equal(snplp_strategy_label_count(f->s), 103);
    assert_string_equal(snplp_strategy_label_at(f->s, 102), "label 99");
    assert_string_equal(snplp_strategy_label_at(f->s, 1), "SNPLP");
    /* A label copied from another one (borrowed), while the list grows. */
    for (int i = 0; i < 30; i++)
        assert_ok(snplp_strategy_add_label(f->s, snplp_strategy_label_at(f->s, 1)));
    assert_int_equal(snplp_strategy_label_count(f->s), 133);
    assert_string_equal(snplp_strategy_label_at(f->s, 132), "SNPLP");
    /* Labels are not items. */
    assert_int_equal(snplp_referential_item_count(f->ref), 3);
    assert_int_equal(snplp_referential_kind_of(f->ref, "SNPLP"), SNPLP_KIND_NONE);
}

static void labels_errors(void **state)
{
    fixture *f = *state;
    assert_ok(snplp_strategy_add_label(f->s, "SNPLP"));
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_fails(snplp_strategy_add_label(f->s, test_bad_texts[i]), SNPLP_EENCODING);
    assert_fails(snplp_strategy_add_label(f->s, NULL), SNPLP_EINVAL);
    assert_fails(snplp_strategy_add_label(NULL, "x"), SNPLP_EINVAL);
    assert_fails(snplp_strategy_add_label(NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_strategy_add_label(f->plan_as_strategy, "x"), SNPLP_EINVAL);
    assert_fails(snplp_strategy_add_label(f->commitment_as_strategy, "x"), SNPLP_EINVAL);
    assert_int_equal(snplp_strategy_label_count(f->s), 1);
    assert_string_equal(snplp_strategy_label_at(f->s, 0), "SNPLP");
    assert_int_equal(snplp_strategy_label_count(NULL), 0);
    assert_null(snplp_strategy_label_at(NULL, 0));
    assert_int_equal(snplp_strategy_label_count(f->plan_as_strategy), 0);
    assert_null(snplp_strategy_label_at(f->plan_as_strategy, 0));
    assert_int_equal(snplp_strategy_label_count(f->commitment_as_strategy), 0);
    assert_null(snplp_strategy_label_at(f->commitment_as_strategy, 0));
}

typedef struct label_ctx {
    snplp_strategy *s;
    const char *label;
    size_t count;
} label_ctx;

static int label_step(void *p)
{
    label_ctx *c = p;
    return snplp_strategy_add_label(c->s, c->label);
}

static void label_check(void *p)
{
    label_ctx *c = p;
    assert_int_equal(snplp_strategy_label_count(c->s), c->count);
    assert_null(snplp_strategy_label_at(c->s, c->count));
    if (c->count)
        assert_string_equal(snplp_strategy_label_at(c->s, 0), "label 0");
}

static void sweep_label(snplp_strategy *s, const char *label, const char *stored)
{
    label_ctx c = {s, label, snplp_strategy_label_count(s)};
    assert_true(test_oom_sweep(label_step, label_check, &c) > 0);
    assert_int_equal(snplp_strategy_label_count(s), c.count + 1);
    assert_string_equal(snplp_strategy_label_at(s, c.count), stored);
}

static void labels_out_of_memory(void **state)
{
    fixture *f = *state;
    sweep_label(f->s, "label 0", "label 0"); /* the first: the list is made */
    for (int i = 1; i < 4; i++) {
        char label[16];
        snprintf(label, sizeof label, "label %d", i);
        assert_ok(snplp_strategy_add_label(f->s, label));
    }
    sweep_label(f->s, "Strate\xcc\x81gie", "Strat\xc3\xa9gie"); /* the fifth: the list grows */
    sweep_label(f->s, "pauvret\xc3\xa9", "pauvret\xc3\xa9");
    char *nfd = test_long_text("e\xcc\x81", 300), *nfc = test_long_text("\xc3\xa9", 300);
    sweep_label(f->s, nfd, nfc);
    free(nfd);
    free(nfc);
}

/* ---- levers open ---- */

static void levers_open(void **state)
{
    fixture *f = *state;
    size_t used = snplp_memory_used();
    assert_false(snplp_strategy_levers_open(f->s));
    assert_ok(snplp_strategy_set_levers_open(f->s, true));
    assert_true(snplp_strategy_levers_open(f->s));
    assert_ok(snplp_strategy_set_levers_open(f->s, false));
    assert_false(snplp_strategy_levers_open(f->s));
    assert_int_equal(snplp_memory_used(), used);

    assert_false(snplp_strategy_levers_open(NULL));
    assert_false(snplp_strategy_levers_open(f->plan_as_strategy));
    assert_fails(snplp_strategy_set_levers_open(NULL, true), SNPLP_EINVAL);
    assert_fails(snplp_strategy_set_levers_open(f->commitment_as_strategy, true), SNPLP_EINVAL);
    /* the wrong object was not changed: a commitment has no such flag */
    assert_false(snplp_strategy_levers_open(f->commitment_as_strategy));
}

/* ---- the strategy in a referential ---- */

static void changes_show_in_equality(void **state)
{
    fixture *f = *state;
    snplp_referential *other = test_new_referential();
    assert_ok(snplp_referential_add_commitment(NULL, other, "c1", "Engagement"));
    assert_true(snplp_referential_equal(f->ref, other));
    snplp_strategy *s2 = snplp_referential_strategy(other);

    assert_ok(snplp_strategy_set_launch_date(f->s, "2018-09"));
    assert_false(snplp_referential_equal(f->ref, other));
    assert_ok(snplp_strategy_set_launch_date(s2, "2018-09"));
    assert_true(snplp_referential_equal(f->ref, other));

    assert_ok(snplp_strategy_add_label(f->s, "SNPLP"));
    assert_false(snplp_referential_equal(f->ref, other));
    assert_ok(snplp_strategy_add_label(s2, "SNPLP"));
    assert_true(snplp_referential_equal(f->ref, other));

    assert_ok(snplp_strategy_set_budget_cents(f->s, 0));
    assert_false(snplp_referential_equal(f->ref, other)); /* 0 is set, not unset */
    assert_ok(snplp_strategy_set_budget_cents(s2, 0));
    assert_true(snplp_referential_equal(f->ref, other));

    assert_ok(snplp_strategy_set_levers_open(f->s, true));
    assert_false(snplp_referential_equal(f->ref, other));
    assert_ok(snplp_strategy_set_levers_open(s2, true));
    assert_true(snplp_referential_equal(f->ref, other));
    snplp_referential_unref(other);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(id_and_referential),
        TEST(everything_starts_unset),
        TEST(title),
        TEST(description),
        TEST(budget_text),
        TEST(title_out_of_memory),
        TEST(description_out_of_memory),
        TEST(budget_text_out_of_memory),
        TEST(launch_date_accepts_real_dates),
        TEST(launch_date_rejects_malformed_or_impossible_dates),
        TEST(launch_date_out_of_memory),
        TEST(budget_cents),
        TEST(budget_rejects_negative_amounts),
        TEST(budget_null_and_wrong_object),
        TEST(budget_does_not_allocate),
        TEST(labels),
        TEST(labels_errors),
        TEST(labels_out_of_memory),
        TEST(levers_open),
        TEST(changes_show_in_equality),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
