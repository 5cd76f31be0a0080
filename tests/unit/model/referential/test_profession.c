/* Tests of profession.h: category names, and the id, referential, required title, optional
 * abbreviation and category of a profession, with every error path and out of memory on every
 * text setter. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>

#define TITLE "Assistants de service social"

/* A test's referential, a worker profession and a cadre role, and wrong objects. */
typedef struct fixture {
    snplp_referential *ref;
    snplp_profession *p;     /* worker */
    snplp_profession *cadre; /* cadre */
    snplp_profession *commitment_as_profession;
    snplp_profession *strategy_as_profession;
    size_t memory;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->memory = snplp_memory_used();
    snplp_commitment *c = NULL;
    if (snplp_referential_new(&f->ref) != SNPLP_OK ||
        snplp_referential_add_profession(&f->p, f->ref, "ass", SNPLP_CATEGORY_WORKER, TITLE) !=
            SNPLP_OK ||
        snplp_referential_add_profession(&f->cadre, f->ref, "chef", SNPLP_CATEGORY_CADRE,
                                         "Chefs de service") != SNPLP_OK ||
        snplp_referential_add_commitment(&c, f->ref, "c1", "Engagement") != SNPLP_OK)
        return -1;
    f->commitment_as_profession = (snplp_profession *)(void *)c;
    f->strategy_as_profession = (snplp_profession *)(void *)snplp_referential_strategy(f->ref);
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
    snplp_commitment *c = snplp_referential_commitment_find(f->ref, "c1");
    assert_ptr_equal(c, (snplp_commitment *)(void *)f->commitment_as_profession);
    assert_string_equal(snplp_commitment_title(c), "Engagement");
    assert_null(snplp_commitment_description(c));
    snplp_strategy *s = snplp_referential_strategy(f->ref);
    assert_null(snplp_strategy_title(s));
    assert_null(snplp_strategy_description(s));
    assert_int_equal(snplp_strategy_label_count(s), 0);
}

/* ---- categories ---- */

static void category_names(void **state)
{
    (void)state;
    assert_string_equal(snplp_category_name(SNPLP_CATEGORY_WORKER), "worker");
    assert_string_equal(snplp_category_name(SNPLP_CATEGORY_CADRE), "cadre");
    assert_string_equal(snplp_category_name((snplp_category)0), "unknown");
    assert_string_equal(snplp_category_name((snplp_category)3), "unknown");
    assert_string_equal(snplp_category_name((snplp_category)-1), "unknown");
    assert_int_equal(SNPLP_CATEGORY_WORKER, 1); /* ABI values */
    assert_int_equal(SNPLP_CATEGORY_CADRE, 2);
}

/* ---- id and referential ---- */

static void id_and_referential(void **state)
{
    fixture *f = *state;
    assert_string_equal(snplp_profession_id(f->p), "ass");
    assert_string_equal(snplp_profession_id(f->cadre), "chef");
    assert_ptr_equal(snplp_profession_referential(f->p), f->ref);
    assert_ptr_equal(snplp_profession_referential(f->cadre), f->ref);
    assert_ptr_equal(snplp_referential_profession_find(f->ref, snplp_profession_id(f->p)), f->p);
    assert_int_equal(snplp_referential_kind_of(f->ref, "ass"), SNPLP_KIND_PROFESSION);
    assert_null(snplp_profession_id(NULL));
    assert_null(snplp_profession_referential(NULL));
    assert_null(snplp_profession_id(f->commitment_as_profession));
    assert_null(snplp_profession_referential(f->commitment_as_profession));
    assert_null(snplp_profession_id(f->strategy_as_profession));
    assert_null(snplp_profession_referential(f->strategy_as_profession));
}

static void id_is_a_copy(void **state)
{
    fixture *f = *state;
    char id[8] = "eje";
    snplp_profession *p = NULL;
    assert_ok(snplp_referential_add_profession(&p, f->ref, id, SNPLP_CATEGORY_WORKER,
                                               "\xc3\x89"
                                               "ducateurs de jeunes enfants"));
    strcpy(id, "zz");
    assert_string_equal(snplp_profession_id(p), "eje");
    assert_ok(snplp_profession_set_title(p, "Autre"));
    assert_ok(snplp_profession_set_abbreviation(p, "EJE"));
    assert_ok(snplp_profession_set_category(p, SNPLP_CATEGORY_CADRE));
    assert_string_equal(snplp_profession_id(p), "eje");
    assert_ptr_equal(snplp_referential_profession_find(f->ref, "eje"), p);
}

/* ---- title (required) ---- */

static void title(void **state)
{
    fixture *f = *state;
    assert_string_equal(snplp_profession_title(f->p), TITLE);
    assert_ok(snplp_profession_set_title(f->p, "\xc3\x89"
                                               "ducateurs sp\xc3\xa9"
                                               "cialis\xc3\xa9s"));
    assert_string_equal(snplp_profession_title(f->p), "\xc3\x89"
                                                      "ducateurs sp\xc3\xa9"
                                                      "cialis\xc3\xa9s");
    assert_string_equal(snplp_profession_title(f->cadre), "Chefs de service");
    assert_null(snplp_profession_abbreviation(f->p));
    assert_int_equal(snplp_profession_category(f->p), SNPLP_CATEGORY_WORKER);

    char buf[40] = "E\xcc\x81"
                   "ducateurs";
    assert_ok(snplp_profession_set_title(f->p, buf));
    memset(buf, 'x', sizeof buf - 1);
    assert_string_equal(snplp_profession_title(f->p), "\xc3\x89"
                                                      "ducateurs");
    assert_ok(snplp_profession_set_title(f->p, "\xef\xac\x81n"));
    assert_string_equal(snplp_profession_title(f->p), "\xef\xac\x81n");
    assert_ok(snplp_profession_set_title(f->p, ""));
    assert_string_equal(snplp_profession_title(f->p), "");
    assert_ok(snplp_profession_set_title(f->p, TITLE));
}

static void title_errors(void **state)
{
    fixture *f = *state;
    assert_fails(snplp_profession_set_title(f->p, NULL), SNPLP_EINVAL);
    assert_string_equal(snplp_profession_title(f->p), TITLE);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_fails(snplp_profession_set_title(f->p, test_bad_texts[i]), SNPLP_EENCODING);
        assert_string_equal(snplp_profession_title(f->p), TITLE);
    }
    assert_fails(snplp_profession_set_title(NULL, "x"), SNPLP_EINVAL);
    assert_fails(snplp_profession_set_title(NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_profession_set_title(f->commitment_as_profession, "x"), SNPLP_EINVAL);
    assert_fails(snplp_profession_set_title(f->strategy_as_profession, "x"), SNPLP_EINVAL);
    assert_null(snplp_profession_title(NULL));
    assert_null(snplp_profession_title(f->commitment_as_profession));
    assert_null(snplp_profession_title(f->strategy_as_profession));
    assert_wrong_objects_intact(f);
    assert_string_equal(snplp_profession_title(f->p), TITLE);
}

/* ---- abbreviation (optional) ---- */

static void abbreviation(void **state)
{
    fixture *f = *state;
    assert_null(snplp_profession_abbreviation(f->p));
    assert_null(snplp_profession_abbreviation(f->cadre));
    assert_ok(snplp_profession_set_abbreviation(f->p, "ASS"));
    assert_string_equal(snplp_profession_abbreviation(f->p), "ASS");
    assert_null(snplp_profession_abbreviation(f->cadre));
    assert_string_equal(snplp_profession_title(f->p), TITLE);
    assert_ok(snplp_profession_set_abbreviation(f->p, ""));
    assert_string_equal(snplp_profession_abbreviation(f->p), "");
    assert_ok(snplp_profession_set_abbreviation(f->p, NULL));
    assert_null(snplp_profession_abbreviation(f->p));
    assert_ok(snplp_profession_set_abbreviation(f->p, NULL));
    assert_null(snplp_profession_abbreviation(f->p));
    char buf[16] = "E\xcc\x81JE";
    assert_ok(snplp_profession_set_abbreviation(f->p, buf));
    memset(buf, 'x', sizeof buf - 1);
    assert_string_equal(snplp_profession_abbreviation(f->p), "\xc3\x89JE");
    assert_string_equal(snplp_profession_title(f->p), TITLE);
}

static void abbreviation_errors(void **state)
{
    fixture *f = *state;
    assert_ok(snplp_profession_set_abbreviation(f->p, "ASS"));
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_fails(snplp_profession_set_abbreviation(f->p, test_bad_texts[i]), SNPLP_EENCODING);
        assert_string_equal(snplp_profession_abbreviation(f->p), "ASS");
    }
    assert_fails(snplp_profession_set_abbreviation(NULL, "x"), SNPLP_EINVAL);
    assert_fails(snplp_profession_set_abbreviation(NULL, NULL), SNPLP_EINVAL);
    assert_fails(snplp_profession_set_abbreviation(f->commitment_as_profession, "x"), SNPLP_EINVAL);
    assert_fails(snplp_profession_set_abbreviation(f->commitment_as_profession, NULL),
                 SNPLP_EINVAL);
    assert_fails(snplp_profession_set_abbreviation(f->strategy_as_profession, "x"), SNPLP_EINVAL);
    assert_null(snplp_profession_abbreviation(NULL));
    assert_null(snplp_profession_abbreviation(f->commitment_as_profession));
    assert_null(snplp_profession_abbreviation(f->strategy_as_profession));
    assert_wrong_objects_intact(f);
    assert_string_equal(snplp_profession_abbreviation(f->p), "ASS");
}

/* ---- category ---- */

static void category(void **state)
{
    fixture *f = *state;
    assert_int_equal(snplp_profession_category(f->p), SNPLP_CATEGORY_WORKER);
    assert_int_equal(snplp_profession_category(f->cadre), SNPLP_CATEGORY_CADRE);
    assert_ok(snplp_profession_set_category(f->p, SNPLP_CATEGORY_CADRE));
    assert_int_equal(snplp_profession_category(f->p), SNPLP_CATEGORY_CADRE);
    assert_ok(snplp_profession_set_category(f->p, SNPLP_CATEGORY_CADRE)); /* same again */
    assert_int_equal(snplp_profession_category(f->p), SNPLP_CATEGORY_CADRE);
    assert_ok(snplp_profession_set_category(f->p, SNPLP_CATEGORY_WORKER));
    assert_int_equal(snplp_profession_category(f->p), SNPLP_CATEGORY_WORKER);
    assert_int_equal(snplp_profession_category(f->cadre), SNPLP_CATEGORY_CADRE);
    assert_string_equal(snplp_profession_title(f->p), TITLE);
}

static void category_errors(void **state)
{
    fixture *f = *state;
    static const int bad[] = {
        0, 3, -1, 255, 256 + SNPLP_CATEGORY_WORKER, 256 + SNPLP_CATEGORY_CADRE, 1 << 30};
    for (size_t i = 0; i < COUNT_OF(bad); i++) {
        assert_fails(snplp_profession_set_category(f->p, (snplp_category)bad[i]), SNPLP_EINVAL);
        assert_int_equal(snplp_profession_category(f->p), SNPLP_CATEGORY_WORKER);
        assert_fails(snplp_profession_set_category(f->cadre, (snplp_category)bad[i]), SNPLP_EINVAL);
        assert_int_equal(snplp_profession_category(f->cadre), SNPLP_CATEGORY_CADRE);
    }
    assert_fails(snplp_profession_set_category(NULL, SNPLP_CATEGORY_CADRE), SNPLP_EINVAL);
    assert_fails(snplp_profession_set_category(f->commitment_as_profession, SNPLP_CATEGORY_CADRE),
                 SNPLP_EINVAL);
    assert_fails(snplp_profession_set_category(f->strategy_as_profession, SNPLP_CATEGORY_CADRE),
                 SNPLP_EINVAL);
    assert_int_equal(snplp_profession_category(NULL), 0);
    assert_int_equal(snplp_profession_category(f->commitment_as_profession), 0);
    assert_int_equal(snplp_profession_category(f->strategy_as_profession), 0);
    assert_wrong_objects_intact(f);
}

static void category_does_not_allocate(void **state)
{
    fixture *f = *state;
    size_t before = snplp_memory_used();
    snplp__alloc_fail_after(0);
    int rc = snplp_profession_set_category(f->p, SNPLP_CATEGORY_CADRE);
    snplp__alloc_fail_after(-1);
    assert_ok(rc);
    assert_int_equal(snplp_profession_category(f->p), SNPLP_CATEGORY_CADRE);
    assert_int_equal(snplp_memory_used(), before);
}

/* ---- out of memory ---- */

typedef struct set_ctx {
    snplp_profession *p;
    int (*set)(snplp_profession *p, const char *text);
    const char *(*get)(const snplp_profession *p);
    const char *text;
    char *old;
    char *title;
} set_ctx;

static int set_step(void *ptr)
{
    set_ctx *x = ptr;
    return x->set(x->p, x->text);
}

static void set_check(void *ptr)
{
    set_ctx *x = ptr;
    assert_text(x->get(x->p), x->old);
    assert_text(snplp_profession_title(x->p), x->title);
    assert_int_equal(snplp_profession_category(x->p), SNPLP_CATEGORY_WORKER);
}

static void sweep_set(snplp_profession *p, int (*set)(snplp_profession *, const char *),
                      const char *(*get)(const snplp_profession *), const char *text,
                      const char *stored)
{
    const char *old = get(p);
    set_ctx x = {p, set, get, text, old ? strdup(old) : NULL, strdup(snplp_profession_title(p))};
    assert_true(test_oom_sweep(set_step, set_check, &x) > 0);
    assert_text(get(p), stored);
    free(x.old);
    free(x.title);
}

static void sweep_texts(snplp_profession *p, int (*set)(snplp_profession *, const char *),
                        const char *(*get)(const snplp_profession *))
{
    sweep_set(p, set, get, "ASS", "ASS");
    sweep_set(p, set, get,
              "E\xcc\x81"
              "ducateurs",
              "\xc3\x89"
              "ducateurs");
    char *nfd = test_long_text("e\xcc\x81", 300), *nfc = test_long_text("\xc3\xa9", 300);
    sweep_set(p, set, get, nfd, nfc);
    free(nfd);
    free(nfc);
}

static void title_out_of_memory(void **state)
{
    fixture *f = *state;
    sweep_texts(f->p, snplp_profession_set_title, snplp_profession_title);
}

static void abbreviation_out_of_memory(void **state)
{
    fixture *f = *state;
    sweep_texts(f->p, snplp_profession_set_abbreviation, snplp_profession_abbreviation);
}

/* ---- in the referential ---- */

static void changes_show_in_equality(void **state)
{
    fixture *f = *state;
    snplp_referential *other = test_new_referential();
    snplp_profession *p = NULL;
    assert_ok(snplp_referential_add_profession(&p, other, "ass", SNPLP_CATEGORY_WORKER, TITLE));
    assert_ok(snplp_referential_add_profession(NULL, other, "chef", SNPLP_CATEGORY_CADRE,
                                               "Chefs de service"));
    assert_ok(snplp_referential_add_commitment(NULL, other, "c1", "Engagement"));
    assert_true(snplp_referential_equal(f->ref, other));

    assert_ok(snplp_profession_set_category(p, SNPLP_CATEGORY_CADRE));
    assert_false(snplp_referential_equal(f->ref, other));
    assert_ok(snplp_profession_set_category(p, SNPLP_CATEGORY_WORKER));
    assert_true(snplp_referential_equal(f->ref, other));

    assert_ok(snplp_profession_set_abbreviation(p, "ASS"));
    assert_false(snplp_referential_equal(f->ref, other));
    assert_ok(snplp_profession_set_abbreviation(f->p, "ASS"));
    assert_true(snplp_referential_equal(f->ref, other));

    assert_ok(snplp_profession_set_title(p, "T"));
    assert_false(snplp_referential_equal(f->ref, other));
    snplp_referential_unref(other);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(category_names),
        TEST(id_and_referential),
        TEST(id_is_a_copy),
        TEST(title),
        TEST(title_errors),
        TEST(abbreviation),
        TEST(abbreviation_errors),
        TEST(category),
        TEST(category_errors),
        TEST(category_does_not_allocate),
        TEST(title_out_of_memory),
        TEST(abbreviation_out_of_memory),
        TEST(changes_show_in_equality),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
