/* Tests of commitment.h: id, referential, the required title and the optional description of
 * a commitment, with every error path and out of memory on every text setter. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>

#define TITLE "L'\xc3\xa9galit\xc3\xa9 des chances d\xc3\xa8s les premiers pas"

/* A test's referential, two commitments, and items of other kinds as wrong objects. */
typedef struct fixture {
    snplp_referential *ref;
    snplp_commitment *c;
    snplp_commitment *c2;
    snplp_commitment *lever_as_commitment;
    snplp_commitment *strategy_as_commitment;
    size_t memory;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->memory = snplp_memory_used();
    snplp_lever *l = NULL;
    if (snplp_referential_new(&f->ref) != SNPLP_OK ||
        snplp_referential_add_commitment(&f->c, f->ref, "c1", TITLE) != SNPLP_OK ||
        snplp_referential_add_commitment(&f->c2, f->ref, "c2", "Garantir") != SNPLP_OK ||
        snplp_referential_add_lever(&l, f->ref, "l1", "Levier") != SNPLP_OK)
        return -1;
    f->lever_as_commitment = (snplp_commitment *)(void *)l;
    f->strategy_as_commitment = (snplp_commitment *)(void *)snplp_referential_strategy(f->ref);
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
    snplp_lever *l = snplp_referential_lever_find(f->ref, "l1");
    assert_ptr_equal(l, (snplp_lever *)(void *)f->lever_as_commitment);
    assert_string_equal(snplp_lever_title(l), "Levier");
    assert_null(snplp_lever_description(l));
    assert_null(snplp_strategy_title(snplp_referential_strategy(f->ref)));
    assert_null(snplp_strategy_description(snplp_referential_strategy(f->ref)));
}

/* ---- id and referential ---- */

static void id_and_referential(void **state)
{
    fixture *f = *state;
    assert_string_equal(snplp_commitment_id(f->c), "c1");
    assert_string_equal(snplp_commitment_id(f->c2), "c2");
    assert_ptr_equal(snplp_commitment_referential(f->c), f->ref);
    assert_ptr_equal(snplp_commitment_referential(f->c2), f->ref);
    assert_ptr_equal(snplp_referential_commitment_find(f->ref, snplp_commitment_id(f->c)), f->c);
    assert_int_equal(snplp_referential_kind_of(f->ref, "c1"), SNPLP_KIND_COMMITMENT);
    assert_null(snplp_commitment_id(NULL));
    assert_null(snplp_commitment_referential(NULL));
    assert_null(snplp_commitment_id(f->lever_as_commitment));
    assert_null(snplp_commitment_referential(f->lever_as_commitment));
    assert_null(snplp_commitment_id(f->strategy_as_commitment));
    assert_null(snplp_commitment_referential(f->strategy_as_commitment));
}

static void id_is_a_copy(void **state)
{
    fixture *f = *state;
    char id[8] = "c3";
    snplp_commitment *c = NULL;
    assert_ok(snplp_referential_add_commitment(&c, f->ref, id, "Trois"));
    strcpy(id, "zz");
    assert_string_equal(snplp_commitment_id(c), "c3");
    /* Changing texts does not change the id. */
    assert_ok(snplp_commitment_set_title(c, "Autre"));
    assert_ok(snplp_commitment_set_description(c, "Description"));
    assert_string_equal(snplp_commitment_id(c), "c3");
    assert_ptr_equal(snplp_referential_commitment_find(f->ref, "c3"), c);
}

static void each_referential_owns_its_commitments(void **state)
{
    fixture *f = *state;
    snplp_referential *other = test_new_referential();
    snplp_commitment *c = NULL;
    assert_ok(snplp_referential_add_commitment(&c, other, "c1", "Ailleurs"));
    assert_ptr_equal(snplp_commitment_referential(c), other);
    assert_ptr_not_equal(c, f->c);
    assert_string_equal(snplp_commitment_title(f->c), TITLE);
    snplp_referential_unref(other);
}

/* ---- title (required) ---- */

static void title(void **state)
{
    fixture *f = *state;
    assert_string_equal(snplp_commitment_title(f->c), TITLE);
    assert_ok(snplp_commitment_set_title(f->c, "Garantir au quotidien"));
    assert_string_equal(snplp_commitment_title(f->c), "Garantir au quotidien");
    assert_string_equal(snplp_commitment_title(f->c2), "Garantir"); /* the other is untouched */
    assert_null(snplp_commitment_description(f->c));

    /* Copied and NFC-normalized; NFC, not NFKC. */
    char buf[40] = "L'e\xcc\x81galite\xcc\x81";
    assert_ok(snplp_commitment_set_title(f->c, buf));
    memset(buf, 'x', sizeof buf - 1);
    assert_string_equal(snplp_commitment_title(f->c), "L'\xc3\xa9galit\xc3\xa9");
    assert_ok(snplp_commitment_set_title(f->c, "\xef\xac\x81n"));
    assert_string_equal(snplp_commitment_title(f->c), "\xef\xac\x81n");
    assert_ok(snplp_commitment_set_title(f->c, "a\tb\nc\rd"));
    assert_string_equal(snplp_commitment_title(f->c), "a\tb\nc\rd");
    /* Setting a text from its own (borrowed) value, or from another field's. */
    assert_ok(snplp_commitment_set_title(f->c, snplp_commitment_title(f->c)));
    assert_string_equal(snplp_commitment_title(f->c), "a\tb\nc\rd");
    assert_ok(snplp_commitment_set_description(f->c, snplp_commitment_title(f->c)));
    assert_string_equal(snplp_commitment_description(f->c), "a\tb\nc\rd");
    assert_ok(snplp_commitment_set_description(f->c, snplp_commitment_description(f->c)));
    assert_string_equal(snplp_commitment_description(f->c), "a\tb\nc\rd");
    assert_ok(snplp_commitment_set_description(f->c, NULL));
    /* Blank is accepted (validation reports it). */
    assert_ok(snplp_commitment_set_title(f->c, ""));
    assert_string_equal(snplp_commitment_title(f->c), "");
    assert_ok(snplp_commitment_set_title(f->c, TITLE));
}

static void title_errors(void **state)
{
    fixture *f = *state;
    /* Required: NULL is refused and the old value stays. */
    assert_fails(snplp_commitment_set_title(f->c, NULL), SNPLP_EINVAL);
    assert_string_equal(snplp_commitment_title(f->c), TITLE);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_fails(snplp_commitment_set_title(f->c, test_bad_texts[i]), SNPLP_EENCODING);
        assert_string_equal(snplp_commitment_title(f->c), TITLE);
    }
    assert_fails(snplp_commitment_set_title(NULL, "x"), SNPLP_EINVAL);
    assert_fails(snplp_commitment_set_title(NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_commitment_set_title(f->lever_as_commitment, "x"), SNPLP_EINVAL);
    assert_fails(snplp_commitment_set_title(f->strategy_as_commitment, "x"), SNPLP_EINVAL);
    assert_null(snplp_commitment_title(NULL));
    assert_null(snplp_commitment_title(f->lever_as_commitment));
    assert_null(snplp_commitment_title(f->strategy_as_commitment));
    assert_wrong_objects_intact(f);
    assert_string_equal(snplp_commitment_title(f->c), TITLE);
}

/* ---- description (optional) ---- */

static void description(void **state)
{
    fixture *f = *state;
    assert_null(snplp_commitment_description(f->c));
    assert_ok(snplp_commitment_set_description(f->c, "Pr\xc3\xa9venir d\xc3\xa8s l'enfance"));
    assert_string_equal(snplp_commitment_description(f->c), "Pr\xc3\xa9venir d\xc3\xa8s l'enfance");
    assert_null(snplp_commitment_description(f->c2));
    assert_string_equal(snplp_commitment_title(f->c), TITLE);
    assert_ok(snplp_commitment_set_description(f->c, ""));
    assert_string_equal(snplp_commitment_description(f->c), "");
    /* NULL unsets. */
    assert_ok(snplp_commitment_set_description(f->c, NULL));
    assert_null(snplp_commitment_description(f->c));
    assert_ok(snplp_commitment_set_description(f->c, NULL));
    assert_null(snplp_commitment_description(f->c));
    /* Copied and NFC-normalized. */
    char buf[32] = "Pre\xcc\x81venir";
    assert_ok(snplp_commitment_set_description(f->c, buf));
    memset(buf, 'x', sizeof buf - 1);
    assert_string_equal(snplp_commitment_description(f->c), "Pr\xc3\xa9venir");
    assert_string_equal(snplp_commitment_title(f->c), TITLE);
}

static void description_errors(void **state)
{
    fixture *f = *state;
    assert_ok(snplp_commitment_set_description(f->c, "Garde"));
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_fails(snplp_commitment_set_description(f->c, test_bad_texts[i]), SNPLP_EENCODING);
        assert_string_equal(snplp_commitment_description(f->c), "Garde");
    }
    assert_fails(snplp_commitment_set_description(NULL, "x"), SNPLP_EINVAL);
    assert_fails(snplp_commitment_set_description(NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_commitment_set_description(f->lever_as_commitment, "x"), SNPLP_EINVAL);
    assert_fails(snplp_commitment_set_description(f->lever_as_commitment, NULL), SNPLP_EINVAL);
    assert_fails(snplp_commitment_set_description(f->strategy_as_commitment, "x"), SNPLP_EINVAL);
    assert_null(snplp_commitment_description(NULL));
    assert_null(snplp_commitment_description(f->lever_as_commitment));
    assert_null(snplp_commitment_description(f->strategy_as_commitment));
    assert_wrong_objects_intact(f);
    assert_string_equal(snplp_commitment_description(f->c), "Garde");
}

/* ---- out of memory ---- */

typedef struct set_ctx {
    snplp_commitment *c;
    int (*set)(snplp_commitment *c, const char *text);
    const char *(*get)(const snplp_commitment *c);
    const char *text;
    char *old;
    char *other_title;
} set_ctx;

static int set_step(void *p)
{
    set_ctx *x = p;
    return x->set(x->c, x->text);
}

static void set_check(void *p)
{
    set_ctx *x = p;
    assert_text(x->get(x->c), x->old);
    assert_text(snplp_commitment_title(x->c), x->other_title);
}

static void sweep_set(snplp_commitment *c, int (*set)(snplp_commitment *, const char *),
                      const char *(*get)(const snplp_commitment *), const char *text,
                      const char *stored)
{
    const char *old = get(c);
    set_ctx x = {c, set, get, text, old ? strdup(old) : NULL, strdup(snplp_commitment_title(c))};
    assert_true(test_oom_sweep(set_step, set_check, &x) > 0);
    assert_text(get(c), stored);
    free(x.old);
    free(x.other_title);
}

static void sweep_texts(snplp_commitment *c, int (*set)(snplp_commitment *, const char *),
                        const char *(*get)(const snplp_commitment *))
{
    sweep_set(c, set, get, "Garantir", "Garantir");
    sweep_set(c, set, get, "L'e\xcc\x81galite\xcc\x81", "L'\xc3\xa9galit\xc3\xa9");
    char *nfd = test_long_text("e\xcc\x81", 300), *nfc = test_long_text("\xc3\xa9", 300);
    sweep_set(c, set, get, nfd, nfc);
    free(nfd);
    free(nfc);
}

static void title_out_of_memory(void **state)
{
    fixture *f = *state;
    sweep_texts(f->c, snplp_commitment_set_title, snplp_commitment_title);
}

static void description_out_of_memory(void **state)
{
    fixture *f = *state;
    sweep_texts(f->c, snplp_commitment_set_description, snplp_commitment_description);
}

/* ---- in the referential ---- */

static void changes_show_in_equality(void **state)
{
    fixture *f = *state;
    snplp_referential *other = test_new_referential();
    snplp_commitment *c = NULL;
    assert_ok(snplp_referential_add_commitment(&c, other, "c1", TITLE));
    assert_ok(snplp_referential_add_commitment(NULL, other, "c2", "Garantir"));
    assert_ok(snplp_referential_add_lever(NULL, other, "l1", "Levier"));
    assert_true(snplp_referential_equal(f->ref, other));

    assert_ok(snplp_commitment_set_description(c, "D"));
    assert_false(snplp_referential_equal(f->ref, other));
    assert_ok(snplp_commitment_set_description(f->c, "D"));
    assert_true(snplp_referential_equal(f->ref, other));

    assert_ok(snplp_commitment_set_title(c, "T"));
    assert_false(snplp_referential_equal(f->ref, other));
    assert_ok(snplp_commitment_set_title(f->c, "T"));
    assert_true(snplp_referential_equal(f->ref, other));
    snplp_referential_unref(other);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(id_and_referential),
        TEST(id_is_a_copy),
        TEST(each_referential_owns_its_commitments),
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
