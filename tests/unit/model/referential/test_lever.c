/* Tests of lever.h: id, referential, the required title and the optional description of
 * a lever, with every error path and out of memory on every text setter. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>

#define TITLE "Un choc de participation et de r\xc3\xa9novation du travail social"

/* A test's referential, two levers, and items of other kinds as wrong objects. */
typedef struct fixture {
    snplp_referential *ref;
    snplp_lever *l;
    snplp_lever *l2;
    snplp_lever *commitment_as_lever;
    snplp_lever *strategy_as_lever;
    size_t memory;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->memory = snplp_memory_used();
    snplp_commitment *cm = NULL;
    if (snplp_referential_new(&f->ref) != SNPLP_OK ||
        snplp_referential_add_lever(&f->l, f->ref, "l1", TITLE) != SNPLP_OK ||
        snplp_referential_add_lever(&f->l2, f->ref, "l2", "Mobiliser") != SNPLP_OK ||
        snplp_referential_add_commitment(&cm, f->ref, "c1", "Engagement") != SNPLP_OK)
        return -1;
    f->commitment_as_lever = (snplp_lever *)(void *)cm;
    f->strategy_as_lever = (snplp_lever *)(void *)snplp_referential_strategy(f->ref);
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

/* The wrong objects were not changed through the wrong pointers. */
static void assert_wrong_objects_intact(const fixture *f)
{
    snplp_commitment *cm = snplp_referential_commitment_find(f->ref, "c1");
    assert_ptr_equal(cm, (snplp_commitment *)(void *)f->commitment_as_lever);
    assert_string_equal(snplp_commitment_title(cm), "Engagement");
    assert_null(snplp_commitment_description(cm));
    assert_null(snplp_strategy_title(snplp_referential_strategy(f->ref)));
    assert_null(snplp_strategy_description(snplp_referential_strategy(f->ref)));
}

/* ---- id and referential ---- */

static void id_and_referential(void **state)
{
    fixture *f = *state;
    assert_string_equal(snplp_lever_id(f->l), "l1");
    assert_string_equal(snplp_lever_id(f->l2), "l2");
    assert_ptr_equal(snplp_lever_referential(f->l), f->ref);
    assert_ptr_equal(snplp_lever_referential(f->l2), f->ref);
    assert_ptr_equal(snplp_referential_lever_find(f->ref, snplp_lever_id(f->l)), f->l);
    assert_int_equal(snplp_referential_kind_of(f->ref, "l1"), SNPLP_KIND_LEVER);
    assert_null(snplp_lever_id(NULL));
    assert_null(snplp_lever_referential(NULL));
    assert_null(snplp_lever_id(f->commitment_as_lever));
    assert_null(snplp_lever_referential(f->commitment_as_lever));
    assert_null(snplp_lever_id(f->strategy_as_lever));
    assert_null(snplp_lever_referential(f->strategy_as_lever));
}

static void id_is_a_copy(void **state)
{
    fixture *f = *state;
    char id[8] = "l3";
    snplp_lever *c = NULL;
    assert_ok(snplp_referential_add_lever(&c, f->ref, id, "Trois"));
    strcpy(id, "zz");
    assert_string_equal(snplp_lever_id(c), "l3");
    /* Changing texts does not change the id. */
    assert_ok(snplp_lever_set_title(c, "Autre"));
    assert_ok(snplp_lever_set_description(c, "Description"));
    assert_string_equal(snplp_lever_id(c), "l3");
    assert_ptr_equal(snplp_referential_lever_find(f->ref, "l3"), c);
}

static void each_referential_owns_its_levers(void **state)
{
    fixture *f = *state;
    snplp_referential *other = test_new_referential();
    snplp_lever *c = NULL;
    assert_ok(snplp_referential_add_lever(&c, other, "l1", "Ailleurs"));
    assert_ptr_equal(snplp_lever_referential(c), other);
    assert_ptr_not_equal(c, f->l);
    assert_string_equal(snplp_lever_title(f->l), TITLE);
    snplp_referential_unref(other);
}

/* ---- title (required) ---- */

static void title(void **state)
{
    fixture *f = *state;
    assert_string_equal(snplp_lever_title(f->l), TITLE);
    assert_ok(snplp_lever_set_title(f->l, "Garantir au quotidien"));
    assert_string_equal(snplp_lever_title(f->l), "Garantir au quotidien");
    assert_string_equal(snplp_lever_title(f->l2), "Mobiliser"); /* the other is untouched */
    assert_null(snplp_lever_description(f->l));

    /* Copied and NFC-normalized; NFC, not NFKC. */
    char buf[40] = "L'e\xcc\x81galite\xcc\x81";
    assert_ok(snplp_lever_set_title(f->l, buf));
    memset(buf, 'x', sizeof buf - 1);
    assert_string_equal(snplp_lever_title(f->l), "L'\xc3\xa9galit\xc3\xa9");
    assert_ok(snplp_lever_set_title(f->l, "\xef\xac\x81n"));
    assert_string_equal(snplp_lever_title(f->l), "\xef\xac\x81n");
    assert_ok(snplp_lever_set_title(f->l, "a\tb\nc\rd"));
    assert_string_equal(snplp_lever_title(f->l), "a\tb\nc\rd");
    /* Setting a text from its own (borrowed) value, or from another field's. */
    assert_ok(snplp_lever_set_title(f->l, snplp_lever_title(f->l)));
    assert_string_equal(snplp_lever_title(f->l), "a\tb\nc\rd");
    assert_ok(snplp_lever_set_description(f->l, snplp_lever_title(f->l)));
    assert_string_equal(snplp_lever_description(f->l), "a\tb\nc\rd");
    assert_ok(snplp_lever_set_description(f->l, snplp_lever_description(f->l)));
    assert_string_equal(snplp_lever_description(f->l), "a\tb\nc\rd");
    assert_ok(snplp_lever_set_description(f->l, NULL));
    /* Blank is accepted (validation reports it). */
    assert_ok(snplp_lever_set_title(f->l, ""));
    assert_string_equal(snplp_lever_title(f->l), "");
    assert_ok(snplp_lever_set_title(f->l, TITLE));
}

static void title_errors(void **state)
{
    fixture *f = *state;
    /* Required: NULL is refused and the old value stays. */
    assert_fails(snplp_lever_set_title(f->l, NULL), SNPLP_EINVAL);
    assert_string_equal(snplp_lever_title(f->l), TITLE);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_fails(snplp_lever_set_title(f->l, test_bad_texts[i]), SNPLP_EENCODING);
        assert_string_equal(snplp_lever_title(f->l), TITLE);
    }
    assert_fails(snplp_lever_set_title(NULL, "x"), SNPLP_EINVAL);
    assert_fails(snplp_lever_set_title(NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_lever_set_title(f->commitment_as_lever, "x"), SNPLP_EINVAL);
    assert_fails(snplp_lever_set_title(f->strategy_as_lever, "x"), SNPLP_EINVAL);
    assert_null(snplp_lever_title(NULL));
    assert_null(snplp_lever_title(f->commitment_as_lever));
    assert_null(snplp_lever_title(f->strategy_as_lever));
    assert_wrong_objects_intact(f);
    assert_string_equal(snplp_lever_title(f->l), TITLE);
}

/* ---- description (optional) ---- */

static void description(void **state)
{
    fixture *f = *state;
    assert_null(snplp_lever_description(f->l));
    assert_ok(snplp_lever_set_description(f->l, "Pr\xc3\xa9venir d\xc3\xa8s l'enfance"));
    assert_string_equal(snplp_lever_description(f->l), "Pr\xc3\xa9venir d\xc3\xa8s l'enfance");
    assert_null(snplp_lever_description(f->l2));
    assert_string_equal(snplp_lever_title(f->l), TITLE);
    assert_ok(snplp_lever_set_description(f->l, ""));
    assert_string_equal(snplp_lever_description(f->l), "");
    /* NULL unsets. */
    assert_ok(snplp_lever_set_description(f->l, NULL));
    assert_null(snplp_lever_description(f->l));
    assert_ok(snplp_lever_set_description(f->l, NULL));
    assert_null(snplp_lever_description(f->l));
    /* Copied and NFC-normalized. */
    char buf[32] = "Pre\xcc\x81venir";
    assert_ok(snplp_lever_set_description(f->l, buf));
    memset(buf, 'x', sizeof buf - 1);
    assert_string_equal(snplp_lever_description(f->l), "Pr\xc3\xa9venir");
    assert_string_equal(snplp_lever_title(f->l), TITLE);
}

static void description_errors(void **state)
{
    fixture *f = *state;
    assert_ok(snplp_lever_set_description(f->l, "Garde"));
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_fails(snplp_lever_set_description(f->l, test_bad_texts[i]), SNPLP_EENCODING);
        assert_string_equal(snplp_lever_description(f->l), "Garde");
    }
    assert_fails(snplp_lever_set_description(NULL, "x"), SNPLP_EINVAL);
    assert_fails(snplp_lever_set_description(NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_lever_set_description(f->commitment_as_lever, "x"), SNPLP_EINVAL);
    assert_fails(snplp_lever_set_description(f->commitment_as_lever, NULL), SNPLP_EINVAL);
    assert_fails(snplp_lever_set_description(f->strategy_as_lever, "x"), SNPLP_EINVAL);
    assert_null(snplp_lever_description(NULL));
    assert_null(snplp_lever_description(f->commitment_as_lever));
    assert_null(snplp_lever_description(f->strategy_as_lever));
    assert_wrong_objects_intact(f);
    assert_string_equal(snplp_lever_description(f->l), "Garde");
}

/* ---- out of memory ---- */

typedef struct set_ctx {
    snplp_lever *l;
    int (*set)(snplp_lever *c, const char *text);
    const char *(*get)(const snplp_lever *c);
    const char *text;
    char *old;
    char *other_title;
} set_ctx;

static int set_step(void *p)
{
    set_ctx *x = p;
    return x->set(x->l, x->text);
}

static void set_check(void *p)
{
    set_ctx *x = p;
    assert_text(x->get(x->l), x->old);
    assert_text(snplp_lever_title(x->l), x->other_title);
}

static void sweep_set(snplp_lever *c, int (*set)(snplp_lever *, const char *),
                      const char *(*get)(const snplp_lever *), const char *text, const char *stored)
{
    const char *old = get(c);
    set_ctx x = {c, set, get, text, old ? strdup(old) : NULL, strdup(snplp_lever_title(c))};
    assert_true(test_oom_sweep(set_step, set_check, &x) > 0);
    assert_text(get(c), stored);
    free(x.old);
    free(x.other_title);
}

static void sweep_texts(snplp_lever *c, int (*set)(snplp_lever *, const char *),
                        const char *(*get)(const snplp_lever *))
{
    sweep_set(c, set, get, "Mobiliser", "Mobiliser");
    sweep_set(c, set, get, "L'e\xcc\x81galite\xcc\x81", "L'\xc3\xa9galit\xc3\xa9");
    char *nfd = test_long_text("e\xcc\x81", 300), *nfc = test_long_text("\xc3\xa9", 300);
    sweep_set(c, set, get, nfd, nfc);
    free(nfd);
    free(nfc);
}

static void title_out_of_memory(void **state)
{
    fixture *f = *state;
    sweep_texts(f->l, snplp_lever_set_title, snplp_lever_title);
}

static void description_out_of_memory(void **state)
{
    fixture *f = *state;
    sweep_texts(f->l, snplp_lever_set_description, snplp_lever_description);
}

/* ---- in the referential ---- */

static void changes_show_in_equality(void **state)
{
    fixture *f = *state;
    snplp_referential *other = test_new_referential();
    snplp_lever *c = NULL;
    assert_ok(snplp_referential_add_lever(&c, other, "l1", TITLE));
    assert_ok(snplp_referential_add_lever(NULL, other, "l2", "Mobiliser"));
    assert_ok(snplp_referential_add_commitment(NULL, other, "c1", "Engagement"));
    assert_true(snplp_referential_equal(f->ref, other));

    assert_ok(snplp_lever_set_description(c, "D"));
    assert_false(snplp_referential_equal(f->ref, other));
    assert_ok(snplp_lever_set_description(f->l, "D"));
    assert_true(snplp_referential_equal(f->ref, other));

    assert_ok(snplp_lever_set_title(c, "T"));
    assert_false(snplp_referential_equal(f->ref, other));
    assert_ok(snplp_lever_set_title(f->l, "T"));
    assert_true(snplp_referential_equal(f->ref, other));
    snplp_referential_unref(other);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(id_and_referential),
        TEST(id_is_a_copy),
        TEST(each_referential_owns_its_levers),
        TEST(title),
        TEST(title_errors),
        TEST(description),
        TEST(description_errors),
        TEST(title_out_of_memory),
        TEST(description_out_of_memory),
        TEST(changes_show_in_equality),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
