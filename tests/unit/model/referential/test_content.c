/* Tests of content.h: content items of a competence, their styles, their text, and nesting to
 * any depth, with every error path and out of memory on every function that allocates: the
 * tests every kind shares (support/kind_tests.h), over the content item's description
 * (support/kinds.c), then a tree of items, and a chain 100000 items deep built, walked and
 * freed. */
#include "kind_tests.h"

#include <stdio.h>

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

int main(void)
{
    const struct CMUnitTest own[] = {
        cmocka_unit_test(content_tree),
        cmocka_unit_test(content_deep_chain),
    };
    return kind_tests_run(kinds[SNPLP_KIND_CONTENT], own, COUNT_OF(own));
}
