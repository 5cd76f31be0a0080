/* Tests of content.h: content items of a competence, their styles, their text, and nesting to
 * any depth (a chain 100000 items deep is built, walked and freed). */
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
    assert_ok(snplp_referential_add_module(&f.module, f.ref, "t", "m", SNPLP_LEVEL_EXPERT, "M"));
    assert_ok(snplp_module_add_competence(&f.competence, f.module, "comp", "Comp\xc3\xa9tence"));
    return f;
}

static snplp_content *add_top(fixture *f, const char *id, snplp_style style, const char *text)
{
    snplp_content *c = NULL;
    assert_ok(snplp_competence_add_content(&c, f->competence, id, style, text));
    assert_non_null(c);
    return c;
}

static snplp_content *add_child(snplp_content *parent, const char *id, snplp_style style,
                                const char *text)
{
    snplp_content *c = NULL;
    assert_ok(snplp_content_add_child(&c, parent, id, style, text));
    assert_non_null(c);
    return c;
}

static void style_names(void **state)
{
    (void)state;
    assert_string_equal(snplp_style_name(SNPLP_STYLE_BULLET), "bullet");
    assert_string_equal(snplp_style_name(SNPLP_STYLE_NUMBERED), "numbered");
    assert_string_equal(snplp_style_name(SNPLP_STYLE_HEADING), "heading");
    assert_int_equal(SNPLP_STYLE_BULLET, 1);
    assert_int_equal(SNPLP_STYLE_NUMBERED, 2);
    assert_int_equal(SNPLP_STYLE_HEADING, 3);
    assert_string_equal(snplp_style_name((snplp_style)0), "unknown");
    assert_string_equal(snplp_style_name((snplp_style)4), "unknown");
    assert_string_equal(snplp_style_name((snplp_style)-1), "unknown");
}

static void content_fields(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_content *c = add_top(&f, "c1", SNPLP_STYLE_NUMBERED, "Le droit a\xcc\x80 l'erreur");
    assert_string_equal(snplp_content_id(c), "c1");
    assert_ptr_equal(snplp_content_referential(c), f.ref);
    assert_ptr_equal(snplp_content_competence(c), f.competence);
    assert_null(snplp_content_parent(c));
    assert_string_equal(snplp_content_text(c), "Le droit \xc3\xa0 l'erreur");
    assert_int_equal(snplp_content_style(c), SNPLP_STYLE_NUMBERED);
    assert_int_equal(snplp_content_child_count(c), 0);
    assert_null(snplp_content_child_at(c, 0));
    assert_ptr_equal(snplp_referential_content_find(f.ref, "c1"), c);
    assert_int_equal(snplp_referential_kind_of(f.ref, "c1"), SNPLP_KIND_CONTENT);

    assert_ok(snplp_content_set_text(c, "Autre texte"));
    assert_string_equal(snplp_content_text(c), "Autre texte");
    assert_ok(snplp_content_set_text(c, "")); /* blank is for validation to report */
    assert_string_equal(snplp_content_text(c), "");
    assert_ok(snplp_content_set_text(c, "Texte"));
    assert_status(snplp_content_set_text(c, NULL), SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_status(snplp_content_set_text(c, test_bad_texts[i]), SNPLP_EENCODING);
    assert_string_equal(snplp_content_text(c), "Texte");

    const snplp_style styles[] = {SNPLP_STYLE_HEADING, SNPLP_STYLE_BULLET, SNPLP_STYLE_NUMBERED};
    for (size_t i = 0; i < COUNT_OF(styles); i++) {
        assert_ok(snplp_content_set_style(c, styles[i]));
        assert_int_equal(snplp_content_style(c), styles[i]);
    }
    const snplp_style bad_styles[] = {(snplp_style)0, (snplp_style)4, (snplp_style)-1,
                                      (snplp_style)257};
    for (size_t i = 0; i < COUNT_OF(bad_styles); i++) {
        assert_status(snplp_content_set_style(c, bad_styles[i]), SNPLP_EINVAL);
        assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
        assert_int_equal(snplp_content_style(c), SNPLP_STYLE_NUMBERED);
    }
    snplp_referential_unref(f.ref);
}

static void content_tree(void **state)
{
    (void)state;
    fixture f = make_fixture();
    /* h: a heading over two numbered items, the first with bullets; then a bullet. */
    snplp_content *h = add_top(&f, "h", SNPLP_STYLE_HEADING, "Les droits");
    snplp_content *n1 = add_child(h, "n1", SNPLP_STYLE_NUMBERED, "Un");
    snplp_content *n2 = add_child(h, "n2", SNPLP_STYLE_NUMBERED, "Deux");
    snplp_content *b1 = add_child(n1, "b1", SNPLP_STYLE_BULLET, "a");
    snplp_content *b2 = add_child(n1, "b2", SNPLP_STYLE_BULLET, "b");
    snplp_content *empty = add_top(&f, "empty", SNPLP_STYLE_HEADING, "Titre sans contenu");
    snplp_content *b3 = add_top(&f, "b3", SNPLP_STYLE_BULLET, "Puce");
    assert_ok(snplp_content_add_child(NULL, b3, "b3a", SNPLP_STYLE_HEADING, "out may be NULL"));

    assert_int_equal(snplp_competence_content_count(f.competence), 3);
    assert_ptr_equal(snplp_competence_content_at(f.competence, 0), h);
    assert_ptr_equal(snplp_competence_content_at(f.competence, 1), empty);
    assert_ptr_equal(snplp_competence_content_at(f.competence, 2), b3);
    assert_int_equal(snplp_content_child_count(h), 2);
    assert_ptr_equal(snplp_content_child_at(h, 0), n1);
    assert_ptr_equal(snplp_content_child_at(h, 1), n2);
    assert_null(snplp_content_child_at(h, 2));
    assert_int_equal(snplp_content_child_count(n1), 2);
    assert_ptr_equal(snplp_content_child_at(n1, 0), b1);
    assert_ptr_equal(snplp_content_child_at(n1, 1), b2);
    assert_int_equal(snplp_content_child_count(n2), 0);
    assert_int_equal(snplp_content_child_count(empty), 0);
    assert_int_equal(snplp_content_child_count(b3), 1);
    assert_string_equal(snplp_content_id(snplp_content_child_at(b3, 0)), "b3a");

    assert_null(snplp_content_parent(h));
    assert_ptr_equal(snplp_content_parent(n1), h);
    assert_ptr_equal(snplp_content_parent(n2), h);
    assert_ptr_equal(snplp_content_parent(b2), n1);
    assert_ptr_equal(snplp_content_parent(snplp_content_child_at(b3, 0)), b3);
    snplp_content *all[] = {h, n1, n2, b1, b2, empty, b3};
    for (size_t i = 0; i < COUNT_OF(all); i++) {
        assert_ptr_equal(snplp_content_competence(all[i]), f.competence);
        assert_ptr_equal(snplp_content_referential(all[i]), f.ref);
        assert_ptr_equal(snplp_referential_content_find(f.ref, snplp_content_id(all[i])), all[i]);
    }
    assert_int_equal(snplp_content_style(b2), SNPLP_STYLE_BULLET);
    assert_int_equal(snplp_content_style(n2), SNPLP_STYLE_NUMBERED);
    assert_string_equal(snplp_content_text(n2), "Deux");
    snplp_referential_unref(f.ref);
}

static void content_add_child_errors(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_content *parent = add_top(&f, "c0", SNPLP_STYLE_HEADING, "H");
    snplp_content *first = add_child(parent, "c1", SNPLP_STYLE_BULLET, "B");
    assert_ok(snplp_referential_add_plan(NULL, f.ref, "p", "P"));
    size_t items = snplp_referential_item_count(f.ref);
    char long_id[SNPLP_ID_MAX + 2];
    memset(long_id, 'a', SNPLP_ID_MAX + 1);
    long_id[SNPLP_ID_MAX + 1] = '\0';

    snplp_content *out = first;
    const snplp_style bad_styles[] = {(snplp_style)0, (snplp_style)4, (snplp_style)-1};
    for (size_t i = 0; i < COUNT_OF(bad_styles); i++)
        assert_status(snplp_content_add_child(&out, parent, "x", bad_styles[i], "X"), SNPLP_EINVAL);
    assert_status(snplp_content_add_child(&out, NULL, "x", SNPLP_STYLE_BULLET, "X"), SNPLP_EINVAL);
    /* A competence is no content item, though it holds content items. */
    assert_status(snplp_content_add_child(&out, (snplp_content *)(void *)f.competence, "x",
                                          SNPLP_STYLE_BULLET, "X"),
                  SNPLP_EINVAL);
    assert_status(snplp_content_add_child(&out, parent, NULL, SNPLP_STYLE_BULLET, "X"),
                  SNPLP_EINVAL);
    assert_status(snplp_content_add_child(&out, parent, "x", SNPLP_STYLE_BULLET, NULL),
                  SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(bad_ids); i++)
        assert_status(snplp_content_add_child(&out, parent, bad_ids[i], SNPLP_STYLE_BULLET, "X"),
                      SNPLP_EBADID);
    assert_status(snplp_content_add_child(&out, parent, long_id, SNPLP_STYLE_BULLET, "X"),
                  SNPLP_EBADID);
    const char *const used[] = {"c0", "c1", "comp", "m", "p", "strategy"};
    for (size_t i = 0; i < COUNT_OF(used); i++) {
        assert_status(snplp_content_add_child(&out, parent, used[i], SNPLP_STYLE_BULLET, "X"),
                      SNPLP_EEXISTS);
        assert_int_equal(snplp_error_last_code(), SNPLP_EEXISTS);
    }
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_status(
            snplp_content_add_child(&out, parent, "x", SNPLP_STYLE_BULLET, test_bad_texts[i]),
            SNPLP_EENCODING);
    assert_ptr_equal(out, first);
    assert_int_equal(snplp_content_child_count(parent), 1);
    assert_int_equal(snplp_referential_item_count(f.ref), items);
    assert_int_equal(snplp_referential_kind_of(f.ref, "x"), SNPLP_KIND_NONE);
    snplp_referential_unref(f.ref);
}

static void content_null_and_wrong_kind(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_content *c = add_top(&f, "c0", SNPLP_STYLE_HEADING, "H");
    add_child(c, "c1", SNPLP_STYLE_BULLET, "B");
    snplp_objective *objective = NULL;
    assert_ok(snplp_training_plan_add_objective(&objective, snplp_referential_training_plan(f.ref),
                                                "o", "Objectif"));
    size_t items = snplp_referential_item_count(f.ref);

    /* A competence holds content items; an objective has a text: neither is a content item. */
    snplp_content *const objects[] = {NULL, (snplp_content *)(void *)f.competence,
                                      (snplp_content *)(void *)objective,
                                      (snplp_content *)(void *)f.module};
    for (size_t i = 0; i < COUNT_OF(objects); i++) {
        snplp_content *x = objects[i];
        assert_null(snplp_content_id(x));
        assert_null(snplp_content_referential(x));
        assert_null(snplp_content_competence(x));
        assert_null(snplp_content_parent(x));
        assert_null(snplp_content_text(x));
        assert_int_equal(snplp_content_style(x), 0);
        assert_int_equal(snplp_content_child_count(x), 0);
        assert_null(snplp_content_child_at(x, 0));
        assert_status(snplp_content_set_text(x, "T"), SNPLP_EINVAL);
        assert_status(snplp_content_set_style(x, SNPLP_STYLE_BULLET), SNPLP_EINVAL);
        assert_status(snplp_content_add_child(NULL, x, "x", SNPLP_STYLE_BULLET, "X"), SNPLP_EINVAL);
        assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    }
    assert_string_equal(snplp_objective_text(objective), "Objectif");
    assert_string_equal(snplp_competence_title(f.competence), "Comp\xc3\xa9tence");
    assert_int_equal(snplp_competence_content_count(f.competence), 1);
    assert_int_equal(snplp_referential_item_count(f.ref), items);
    snplp_referential_unref(f.ref);
}

/* ---- depth ---- */

#define DEPTH 100000

/* Builds a chain of DEPTH items, each nested in the one before; returns the deepest. */
static snplp_content *build_chain(fixture *f, const char *last_text)
{
    char id[32];
    snplp_content *cur = add_top(f, "d0", SNPLP_STYLE_HEADING, "Niveau");
    for (int i = 1; i < DEPTH; i++) {
        snprintf(id, sizeof id, "d%d", i);
        snplp_content *next = NULL;
        int rc = snplp_content_add_child(&next, cur, id, (snplp_style)(1 + i % 3),
                                         i == DEPTH - 1 ? last_text : "Niveau");
        if (rc != SNPLP_OK)
            assert_ok(rc); /* one assertion only when it fails: keeps the loop fast */
        cur = next;
    }
    return cur;
}

static void content_deep_chain(void **state)
{
    (void)state;
    size_t before = snplp_memory_used();
    fixture f = make_fixture();
    snplp_content *deepest = build_chain(&f, "Le plus profond");
    assert_string_equal(snplp_content_id(deepest), "d99999");
    assert_string_equal(snplp_content_text(deepest), "Le plus profond");
    assert_ptr_equal(snplp_content_competence(deepest), f.competence);
    assert_ptr_equal(snplp_competence_module(snplp_content_competence(deepest)), f.module);
    assert_ptr_equal(snplp_referential_content_find(f.ref, "d99999"), deepest);
    assert_int_equal(snplp_content_child_count(deepest), 0);
    assert_int_equal(snplp_competence_content_count(f.competence), 1);

    /* Up the parent chain to the top-level item, every link consistent. */
    size_t depth = 0;
    const snplp_content *top = deepest;
    for (const snplp_content *p = snplp_content_parent(deepest); p; p = snplp_content_parent(p)) {
        if (snplp_content_child_count(p) != 1 || snplp_content_child_at(p, 0) != top)
            fail_msg("broken link at depth %zu", DEPTH - 1 - depth);
        top = p;
        depth++;
    }
    assert_int_equal(depth, DEPTH - 1);
    assert_ptr_equal(top, snplp_competence_content_at(f.competence, 0));
    assert_string_equal(snplp_content_id(top), "d0");
    assert_null(snplp_content_parent(top));
    assert_int_equal(snplp_referential_item_count(f.ref), 2 + 2 + DEPTH);

    /* Freeing walks the tree without recursion: a recursive free could overflow the stack. */
    snplp_referential_unref(f.ref);
    assert_int_equal(snplp_memory_used(), before);
}

/* ---- out of memory ---- */

typedef struct text_ctx {
    snplp_content *content;
    const char *text;
    const char *old;
} text_ctx;

static int step_set_text(void *p)
{
    text_ctx *c = p;
    return snplp_content_set_text(c->content, c->text);
}

static void check_set_text(void *p)
{
    text_ctx *c = p;
    assert_string_equal(snplp_content_text(c->content), c->old);
}

static void content_set_text_oom(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_content *c = add_top(&f, "c", SNPLP_STYLE_BULLET, "Ancien");
    text_ctx ctx = {c, "Nouveau", "Ancien"};
    assert_true(test_oom_sweep(step_set_text, check_set_text, &ctx) > 0);
    assert_string_equal(snplp_content_text(c), "Nouveau");
    ctx = (text_ctx){c, "E\xcc\x81tat", "Nouveau"};
    assert_true(test_oom_sweep(step_set_text, check_set_text, &ctx) > 0);
    assert_string_equal(snplp_content_text(c), "\xc3\x89tat");
    snplp_referential_unref(f.ref);
}

typedef struct child_ctx {
    snplp_referential *ref;
    snplp_content *parent;
    const char *id;
    snplp_style style;
    size_t before, items;
    snplp_content *out;
} child_ctx;

static int step_add_child(void *p)
{
    child_ctx *c = p;
    return snplp_content_add_child(&c->out, c->parent, c->id, c->style,
                                   "Sous-e\xcc\x81l\xc3\xa9ment");
}

static void check_add_child(void *p)
{
    child_ctx *c = p;
    assert_null(c->out);
    assert_int_equal(snplp_content_child_count(c->parent), c->before);
    assert_null(snplp_content_child_at(c->parent, c->before));
    assert_int_equal(snplp_referential_item_count(c->ref), c->items);
    assert_int_equal(snplp_referential_kind_of(c->ref, c->id), SNPLP_KIND_NONE);
}

static void content_add_child_oom(void **state)
{
    (void)state;
    fixture f = make_fixture();
    snplp_content *parent = add_top(&f, "c", SNPLP_STYLE_HEADING, "H");
    /* Into an empty list, with room, and when the list grows (4 -> 8). */
    const snplp_style styles[] = {SNPLP_STYLE_BULLET, SNPLP_STYLE_NUMBERED, SNPLP_STYLE_HEADING,
                                  SNPLP_STYLE_BULLET, SNPLP_STYLE_NUMBERED, SNPLP_STYLE_HEADING};
    const char *const ids[] = {"c0", "c1", "c2", "c3", "c4", "c5"};
    for (size_t i = 0; i < COUNT_OF(styles); i++) {
        child_ctx c = {f.ref,
                       parent,
                       ids[i],
                       styles[i],
                       snplp_content_child_count(parent),
                       snplp_referential_item_count(f.ref),
                       NULL};
        assert_true(test_oom_sweep(step_add_child, check_add_child, &c) > 0);
        assert_ptr_equal(snplp_content_child_at(parent, c.before), c.out);
        assert_ptr_equal(snplp_content_parent(c.out), parent);
        assert_int_equal(snplp_content_style(c.out), styles[i]);
        assert_string_equal(snplp_content_text(c.out), "Sous-\xc3\xa9l\xc3\xa9ment");
    }
    snplp_referential_unref(f.ref);
}

/* ---- deep equality ---- */

/* c1 [c2 [c3]], c4 ; with shape 1: c1 [c2, c3], c4 (same document order). */
static snplp_referential *build(int shape)
{
    fixture f = make_fixture();
    snplp_content *c1 = add_top(&f, "c1", SNPLP_STYLE_HEADING, "Un");
    snplp_content *c2 = add_child(c1, "c2", SNPLP_STYLE_NUMBERED, "Deux");
    add_child(shape ? c1 : c2, "c3", SNPLP_STYLE_BULLET, "Trois");
    add_top(&f, "c4", SNPLP_STYLE_BULLET, "Quatre");
    return f.ref;
}

static void content_equality_sees_each_field(void **state)
{
    (void)state;
    snplp_referential *a = build(0);
    for (int change = 0; change < 5; change++) {
        snplp_referential *b = build(change == 4);
        if (change < 4)
            assert_true(snplp_referential_equal(a, b));
        snplp_content *c3 = snplp_referential_content_find(b, "c3");
        switch (change) {
        case 0:
            assert_ok(snplp_content_set_style(c3, SNPLP_STYLE_NUMBERED));
            break;
        case 1:
            assert_ok(snplp_content_set_text(c3, "trois"));
            break;
        case 2:
            assert_ok(snplp_content_add_child(NULL, c3, "c5", SNPLP_STYLE_BULLET, "Cinq"));
            break;
        case 3:
            assert_ok(snplp_content_set_style(snplp_content_parent(c3), SNPLP_STYLE_HEADING));
            break;
        case 4: /* the same items in the same order, but c3 nested elsewhere */
            assert_ptr_equal(snplp_content_parent(c3), snplp_referential_content_find(b, "c1"));
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
        cmocka_unit_test(style_names),
        cmocka_unit_test(content_fields),
        cmocka_unit_test(content_tree),
        cmocka_unit_test(content_add_child_errors),
        cmocka_unit_test(content_null_and_wrong_kind),
        cmocka_unit_test(content_deep_chain),
        cmocka_unit_test(content_set_text_oom),
        cmocka_unit_test(content_add_child_oom),
        cmocka_unit_test(content_equality_sees_each_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
