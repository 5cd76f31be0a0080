/* Tests of competence.h: a competence of a module, its title and its top-level content items. */
#include "test_util.h"

#include <stdio.h>

static const char *const bad_ids[] = {"",    "1abc", "-abc", ".abc",
                                      "a b", "a/b",  "a:b",  "caf\xc3\xa9"};

typedef struct fixture {
    snplp_referential *ref;
    snplp_module *module;
    snplp_competence *competence;
} fixture;

static fixture make_fixture(void)
{
    fixture f = {.ref = test_new_referential()};
    assert_ok(snplp_referential_add_module(&f.module, f.ref, "t", "m", SNPLP_LEVEL_FUNDAMENTALS,
                                           "Module"));
    assert_ok(snplp_module_add_competence(&f.competence, f.module, "comp",
                                          "Conna\xc3\xaetre les dispositifs"));
    return f;
}

static void competence_basic_fields(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_competence *c = f.competence;
    assert_non_null(c);
    assert_string_equal(snplp_competence_id(c), "comp");
    assert_ptr_equal(snplp_competence_referential(c), f.ref);
    assert_ptr_equal(snplp_competence_module(c), f.module);
    assert_string_equal(snplp_competence_title(c), "Conna\xc3\xaetre les dispositifs");
    assert_int_equal(snplp_competence_content_count(c), 0);
    assert_null(snplp_competence_content_at(c, 0));
    assert_ptr_equal(snplp_referential_competence_find(f.ref, "comp"), c);
    assert_int_equal(snplp_referential_kind_of(f.ref, "comp"), SNPLP_KIND_COMPETENCE);

    assert_ok(snplp_competence_set_title(c, "Conna\xc3\xaet"
                                            "re"));
    assert_ok(snplp_competence_set_title(c, "Agir a\xcc\x80 temps"));
    assert_string_equal(snplp_competence_title(c), "Agir \xc3\xa0 temps");
    assert_status(snplp_competence_set_title(c, NULL), SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_status(snplp_competence_set_title(c, test_bad_texts[i]), SNPLP_EENCODING);
        assert_int_equal(snplp_error_last_code(), SNPLP_EENCODING);
    }
    assert_string_equal(snplp_competence_title(c), "Agir \xc3\xa0 temps");
    snplp_referential_unref(f.ref);
}

static void competence_contents(void **state)
{
    (void)state;
    fixture f = make_fixture();
    const snplp_style styles[] = {SNPLP_STYLE_HEADING, SNPLP_STYLE_NUMBERED, SNPLP_STYLE_NUMBERED,
                                  SNPLP_STYLE_BULLET};
    const char *const ids[] = {"h", "n1", "n2", "b"};
    snplp_content *items[4];
    for (size_t i = 0; i < COUNT_OF(styles); i++) {
        assert_ok(
            snplp_competence_add_content(&items[i], f.competence, ids[i], styles[i], "Contenu"));
        assert_non_null(items[i]);
    }
    assert_ok(snplp_competence_add_content(NULL, f.competence, "last", SNPLP_STYLE_BULLET,
                                           "e\xcc\x81l\xc3\xa9ment"));
    assert_int_equal(snplp_competence_content_count(f.competence), 5);
    for (size_t i = 0; i < COUNT_OF(styles); i++) {
        snplp_content *c = snplp_competence_content_at(f.competence, i);
        assert_ptr_equal(c, items[i]);
        assert_string_equal(snplp_content_id(c), ids[i]);
        assert_int_equal(snplp_content_style(c), styles[i]);
        assert_null(snplp_content_parent(c)); /* top level */
        assert_ptr_equal(snplp_content_competence(c), f.competence);
        assert_ptr_equal(snplp_referential_content_find(f.ref, ids[i]), c);
    }
    snplp_content *last = snplp_competence_content_at(f.competence, 4);
    assert_string_equal(snplp_content_text(last), "\xc3\xa9l\xc3\xa9ment");
    assert_null(snplp_competence_content_at(f.competence, 5));
    assert_null(snplp_competence_content_at(f.competence, SIZE_MAX));

    /* Nested items are not top-level items of the competence. */
    assert_ok(snplp_content_add_child(NULL, items[0], "nested", SNPLP_STYLE_BULLET, "Sous"));
    assert_int_equal(snplp_competence_content_count(f.competence), 5);
    /* Another competence of the same module has its own list. */
    snplp_competence *other = NULL;
    assert_ok(snplp_module_add_competence(&other, f.module, "comp2", "Autre"));
    assert_int_equal(snplp_competence_content_count(other), 0);
    assert_ok(snplp_competence_add_content(NULL, other, "o1", SNPLP_STYLE_HEADING, "O"));
    assert_int_equal(snplp_competence_content_count(other), 1);
    assert_int_equal(snplp_competence_content_count(f.competence), 5);
    snplp_referential_unref(f.ref);
}

static void competence_add_content_errors(void **state)
{
    (void)state;
    fixture f = make_fixture();
    assert_ok(snplp_competence_add_content(NULL, f.competence, "c0", SNPLP_STYLE_BULLET, "C"));
    assert_ok(snplp_referential_add_theme(NULL, f.ref, "t", "Th\xc3\xa8me"));
    size_t items = snplp_referential_item_count(f.ref);
    char long_id[SNPLP_ID_MAX + 2];
    memset(long_id, 'a', SNPLP_ID_MAX + 1);
    long_id[SNPLP_ID_MAX + 1] = '\0';

    snplp_content *sentinel = snplp_competence_content_at(f.competence, 0);
    snplp_content *out = sentinel;
    snplp_competence *comp = f.competence;
    const snplp_style bad_styles[] = {(snplp_style)0, (snplp_style)4, (snplp_style)-1,
                                      (snplp_style)255};
    for (size_t i = 0; i < COUNT_OF(bad_styles); i++)
        assert_status(snplp_competence_add_content(&out, comp, "x", bad_styles[i], "X"),
                      SNPLP_EINVAL);
    assert_status(snplp_competence_add_content(&out, comp, NULL, SNPLP_STYLE_BULLET, "X"),
                  SNPLP_EINVAL);
    assert_status(snplp_competence_add_content(&out, comp, "x", SNPLP_STYLE_BULLET, NULL),
                  SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(bad_ids); i++)
        assert_status(snplp_competence_add_content(&out, comp, bad_ids[i], SNPLP_STYLE_BULLET, "X"),
                      SNPLP_EBADID);
    assert_status(snplp_competence_add_content(&out, comp, long_id, SNPLP_STYLE_BULLET, "X"),
                  SNPLP_EBADID);
    const char *const used[] = {"c0", "comp", "m", "t", "strategy", "training-plan"};
    for (size_t i = 0; i < COUNT_OF(used); i++)
        assert_status(snplp_competence_add_content(&out, comp, used[i], SNPLP_STYLE_BULLET, "X"),
                      SNPLP_EEXISTS);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_status(
            snplp_competence_add_content(&out, comp, "x", SNPLP_STYLE_BULLET, test_bad_texts[i]),
            SNPLP_EENCODING);
    assert_ptr_equal(out, sentinel);
    assert_int_equal(snplp_competence_content_count(comp), 1);
    assert_int_equal(snplp_referential_item_count(f.ref), items);
    assert_int_equal(snplp_referential_kind_of(f.ref, "x"), SNPLP_KIND_NONE);
    snplp_referential_unref(f.ref);
}

static void competence_null_and_wrong_kind(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_content *content = NULL;
    assert_ok(
        snplp_competence_add_content(&content, f.competence, "c0", SNPLP_STYLE_HEADING, "Contenu"));
    assert_ok(snplp_content_add_child(NULL, content, "c1", SNPLP_STYLE_BULLET, "Enfant"));
    snplp_plan_theme *pt = NULL;
    snplp_plan *plan = NULL;
    assert_ok(snplp_referential_add_plan(&plan, f.ref, "p", "P"));
    assert_ok(snplp_plan_add_plan_theme(&pt, plan, "pt", "Langage"));
    size_t items = snplp_referential_item_count(f.ref);

    /* A content item, a plan theme (a title) and a module (competences): no competence. */
    snplp_competence *const objects[] = {NULL, (snplp_competence *)(void *)content,
                                         (snplp_competence *)(void *)pt,
                                         (snplp_competence *)(void *)f.module};
    for (size_t i = 0; i < COUNT_OF(objects); i++) {
        snplp_competence *x = objects[i];
        assert_null(snplp_competence_id(x));
        assert_null(snplp_competence_referential(x));
        assert_null(snplp_competence_module(x));
        assert_null(snplp_competence_title(x));
        assert_int_equal(snplp_competence_content_count(x), 0);
        assert_null(snplp_competence_content_at(x, 0));
        assert_status(snplp_competence_set_title(x, "T"), SNPLP_EINVAL);
        assert_status(snplp_competence_add_content(NULL, x, "x", SNPLP_STYLE_BULLET, "X"),
                      SNPLP_EINVAL);
        assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    }
    assert_string_equal(snplp_content_text(content), "Contenu");
    assert_int_equal(snplp_content_child_count(content), 1);
    assert_string_equal(snplp_plan_theme_title(pt), "Langage");
    assert_string_equal(snplp_module_title(f.module), "Module");
    assert_int_equal(snplp_referential_item_count(f.ref), items);
    snplp_referential_unref(f.ref);
}

/* ---- out of memory ---- */

typedef struct title_ctx {
    snplp_competence *competence;
    const char *title;
    const char *old;
} title_ctx;

static int step_set_title(void *p)
{
    title_ctx *c = p;
    return snplp_competence_set_title(c->competence, c->title);
}

static void check_set_title(void *p)
{
    title_ctx *c = p;
    assert_string_equal(snplp_competence_title(c->competence), c->old);
}

static void competence_set_title_oom(void **state)
{
    (void)state;
    fixture f = make_fixture();
    const char *const titles[] = {"Agir", "Agir a\xcc\x80 temps"};
    for (size_t i = 0; i < COUNT_OF(titles); i++) {
        char old[64];
        snprintf(old, sizeof old, "%s", snplp_competence_title(f.competence));
        title_ctx c = {f.competence, titles[i], old};
        assert_true(test_oom_sweep(step_set_title, check_set_title, &c) > 0);
    }
    assert_string_equal(snplp_competence_title(f.competence), "Agir \xc3\xa0 temps");
    snplp_referential_unref(f.ref);
}

typedef struct content_ctx {
    snplp_referential *ref;
    snplp_competence *competence;
    const char *id;
    snplp_style style;
    const char *text;
    size_t before, items;
    snplp_content *out;
} content_ctx;

static int step_add_content(void *p)
{
    content_ctx *c = p;
    return snplp_competence_add_content(&c->out, c->competence, c->id, c->style, c->text);
}

static void check_add_content(void *p)
{
    content_ctx *c = p;
    assert_null(c->out);
    assert_int_equal(snplp_competence_content_count(c->competence), c->before);
    assert_null(snplp_competence_content_at(c->competence, c->before));
    assert_int_equal(snplp_referential_item_count(c->ref), c->items);
    assert_int_equal(snplp_referential_kind_of(c->ref, c->id), SNPLP_KIND_NONE);
    assert_null(snplp_referential_content_find(c->ref, c->id));
}

static void competence_add_content_oom(void **state)
{
    (void)state;
    fixture f = make_fixture();
    /* Into an empty list, with room, and when the list grows (4 -> 8). */
    const snplp_style styles[] = {SNPLP_STYLE_BULLET, SNPLP_STYLE_HEADING, SNPLP_STYLE_NUMBERED,
                                  SNPLP_STYLE_BULLET, SNPLP_STYLE_HEADING, SNPLP_STYLE_NUMBERED};
    const char *const ids[] = {"c0", "c1", "c2", "c3", "c4", "c5"};
    const char *const texts[] = {
        "C", "Titre", "Num\xc3\xa9ro", "Pu\314\202ce", /* "Pûce" with u + U+0302, decomposed */
        "E", "F"};
    for (size_t i = 0; i < COUNT_OF(styles); i++) {
        content_ctx c = {f.ref,
                         f.competence,
                         ids[i],
                         styles[i],
                         texts[i],
                         snplp_competence_content_count(f.competence),
                         snplp_referential_item_count(f.ref),
                         NULL};
        assert_true(test_oom_sweep(step_add_content, check_add_content, &c) > 0);
        assert_ptr_equal(snplp_competence_content_at(f.competence, c.before), c.out);
        assert_int_equal(snplp_content_style(c.out), styles[i]);
    }
    assert_string_equal(snplp_content_text(snplp_competence_content_at(f.competence, 3)),
                        "P\xc3\xbb"
                        "ce");
    snplp_referential_unref(f.ref);
}

/* ---- deep equality ---- */

static snplp_referential *build(void)
{
    fixture f = make_fixture();
    assert_ok(snplp_competence_add_content(NULL, f.competence, "c1", SNPLP_STYLE_HEADING, "H"));
    assert_ok(snplp_competence_add_content(NULL, f.competence, "c2", SNPLP_STYLE_BULLET, "B"));
    return f.ref;
}

static void competence_equality_sees_each_field(void **state)
{
    (void)state;
    snplp_referential *a = build();
    for (int change = 0; change < 4; change++) {
        snplp_referential *b = build();
        assert_true(snplp_referential_equal(a, b));
        snplp_competence *c = snplp_referential_competence_find(b, "comp");
        switch (change) {
        case 0:
            assert_ok(snplp_competence_set_title(c, "Autre"));
            break;
        case 1:
            assert_ok(snplp_competence_add_content(NULL, c, "c3", SNPLP_STYLE_BULLET, "B"));
            break;
        case 2:
            assert_ok(
                snplp_content_set_style(snplp_competence_content_at(c, 1), SNPLP_STYLE_NUMBERED));
            break;
        case 3: /* a second competence */
            assert_ok(snplp_module_add_competence(NULL, snplp_competence_module(c), "comp2", "X"));
            break;
        }
        assert_false(snplp_referential_equal(a, b));
        assert_false(snplp_referential_equal(b, a));
        snplp_referential_unref(b);
    }
    snplp_referential_unref(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(competence_basic_fields),
        cmocka_unit_test(competence_contents),
        cmocka_unit_test(competence_add_content_errors),
        cmocka_unit_test(competence_null_and_wrong_kind),
        cmocka_unit_test(competence_set_title_oom),
        cmocka_unit_test(competence_add_content_oom),
        cmocka_unit_test(competence_equality_sees_each_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
