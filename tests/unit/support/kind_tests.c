/* The tests every kind of item shares (kind_tests.h). */
#include "kind_tests.h"

#include <stdio.h>

/* ---- helpers ---- */

static kind_fixture *fixture_of(void **state)
{
    return *state;
}

static void *item_of(const kind_fixture *f, int j)
{
    return f->z.items[f->k->kind][j];
}

/* The item's main text (the one it is added with), or NULL for the referential. */
static const text_field *main_text(const kind_desc *k)
{
    return k->ntexts && (k->texts[0].flags & TEXT_REQUIRED) ? &k->texts[0] : NULL;
}

static void assert_num(num_type type, num got, num want)
{
    if (!num_equal(type, got, want)) {
        char g[64], w[64];
        num_format(g, sizeof g, type, got);
        num_format(w, sizeof w, type, want);
        fail_msg("got %s, want %s", g, w);
    }
}

/* A snapshot taken now, to compare with later (free with free()). */
static char *others_now(const kind_fixture *f, const void *except)
{
    return zoo_snapshot(&f->z, except);
}

static void assert_same_and_free(char *before, char *after)
{
    assert_string_equal(after, before);
    free(before);
    free(after);
}

/* The zoo but item is as before. */
static void assert_others(const kind_fixture *f, const void *item, char *before)
{
    assert_same_and_free(before, zoo_snapshot(&f->z, item));
}

/* item's fields but the one named skip are as before. */
static void assert_rest(const kind_desc *k, const void *item, const char *skip, char *before)
{
    assert_same_and_free(before, kind_snapshot(k, item, skip));
}

/* A new item of kind k in f's zoo (its parent: the zoo's first one), with the given id. */
static void *add_fresh(kind_fixture *f, const kind_desc *k, const char *id, const char *text)
{
    const child_list *l = &kinds[k->parent]->lists[k->parent_list];
    void *it = NULL;
    assert_ok(l->add(&it, f->z.items[k->parent][0], id, l->extra, text));
    assert_non_null(it);
    return it;
}

/* ---- identity ---- */

static void identity(void **state)
{
    kind_fixture *f = fixture_of(state);
    const kind_desc *k = f->k;
    for (int j = 0; j < 2 && item_of(f, j); j++) {
        void *it = item_of(f, j);
        assert_string_equal(k->id(it), k->ids[j]);
        assert_ptr_equal(k->referential(it), f->z.ref);
        assert_ptr_equal(k->find(f->z.ref, k->id(it)), it);
        assert_int_equal(snplp_referential_kind_of(f->z.ref, k->ids[j]), k->kind);
        if (k->owner)
            assert_ptr_equal(k->owner(it), f->z.items[k->owner_kind][0]);
        if (k->nest)
            assert_null(k->nest(it)); /* the zoo's items are not nested */
    }
    assert_null(k->id(NULL));
    assert_null(k->referential(NULL));
    if (k->owner)
        assert_null(k->owner(NULL));
    if (k->nest)
        assert_null(k->nest(NULL));
    /* Finding by the id of an item of another kind finds nothing. */
    if (k->ids[1]) {
        size_t cursor = 0;
        snplp_kind other;
        for (void *w; (w = zoo_next_other(&f->z, k->kind, &cursor, &other));)
            assert_null(k->find(f->z.ref, kinds[other]->id(w)));
        assert_null(k->find(f->z.ref, "absent"));
        assert_null(k->find(f->z.ref, ""));
        assert_null(k->find(f->z.ref, NULL));
        assert_null(k->find(NULL, k->ids[0]));
        char upper[64]; /* ids are case-sensitive */
        snprintf(upper, sizeof upper, "%s", k->ids[0]);
        upper[0] = (char)(upper[0] - 'a' + 'A');
        assert_null(k->find(f->z.ref, upper));
    }
}

/* ---- NULL and wrong objects ---- */

static void through_wrong_object(const kind_desc *k, void *x)
{
    num v;
    assert_null(k->id(x));
    assert_null(k->referential(x));
    if (k->owner)
        assert_null(k->owner(x));
    if (k->nest)
        assert_null(k->nest(x));
    for (size_t i = 0; i < k->ntexts; i++) {
        const text_field *t = &k->texts[i];
        assert_null(t->get(x));
        assert_fails(t->set(x, t->sample), SNPLP_EINVAL);
        assert_fails(t->set(x, NULL), SNPLP_EINVAL);
    }
    for (size_t i = 0; i < k->nnumbers; i++) {
        const number_field *n = &k->numbers[i];
        v = (num){.i = 7, .d = 7};
        assert_fails(n->get(&v, x), SNPLP_EINVAL);
        assert_true(v.i == 7 && v.d == 7); /* out untouched */
        assert_fails(n->set(x, n->good[0].given), SNPLP_EINVAL);
        assert_fails(n->clear(x), SNPLP_EINVAL);
    }
    for (size_t i = 0; i < k->nvalues; i++) {
        const value_field *n = &k->values[i];
        assert_num(n->type, n->get(x), (num){0});
        for (size_t g = 0; g < n->ngood; g++)
            assert_fails(n->set(x, n->good[g]), SNPLP_EINVAL);
    }
    for (size_t i = 0; i < k->nstrings; i++) {
        const string_list *l = &k->strings[i];
        assert_int_equal(l->count(x), 0);
        assert_null(l->at(x, 0));
        assert_fails(l->add(x, "m"), SNPLP_EINVAL);
        assert_fails(l->add(x, NULL), SNPLP_EINVAL);
        if (l->remove)
            assert_fails(l->remove(x, "m"), SNPLP_EINVAL);
    }
    for (size_t i = 0; i < k->nlists; i++) {
        const child_list *l = &k->lists[i];
        assert_int_equal(l->count(x), 0);
        assert_null(l->at(x, 0));
        void *out = &out;
        assert_fails(l->add(&out, x, "x", l->extra, "X"), SNPLP_EINVAL);
        assert_fails(l->add(NULL, x, "x", l->extra, "X"), SNPLP_EINVAL);
        assert_ptr_equal(out, &out);
    }
}

static void wrong_objects(void **state)
{
    kind_fixture *f = fixture_of(state);
    zoo_fill(&f->z); /* every item holds every field: a wrong read would show */
    char *before = zoo_snapshot(&f->z, NULL);
    size_t items = snplp_referential_item_count(f->z.ref);
    through_wrong_object(f->k, NULL);
    size_t cursor = 0;
    for (void *w; (w = zoo_next_other(&f->z, f->k->kind, &cursor, NULL));)
        through_wrong_object(f->k, w);
    /* Nothing changed, through any pointer. */
    assert_same_and_free(before, zoo_snapshot(&f->z, NULL));
    assert_int_equal(snplp_referential_item_count(f->z.ref), items);
    assert_int_equal(snplp_referential_kind_of(f->z.ref, "x"), SNPLP_KIND_NONE);
}

/* ---- a new item ---- */

static void starts_unset(void **state)
{
    kind_fixture *f = fixture_of(state);
    const kind_desc *k = f->k;
    snplp_referential *alone = NULL;
    void *it;
    if (k->ids[1]) {
        it = add_fresh(f, k, "fresh", "Frais");
    } else { /* a singleton of a new referential */
        alone = test_new_referential();
        it = k->find(alone, k->ids[0]);
        assert_ptr_equal(k->referential(it), alone);
    }
    for (size_t i = 0; i < k->ntexts; i++) {
        const text_field *t = &k->texts[i];
        if (t == main_text(k))
            assert_string_equal(t->get(it), "Frais");
        else if (!(t->flags & TEXT_REQUIRED))
            assert_null(t->get(it));
    }
    for (size_t i = 0; i < k->nnumbers; i++) {
        num v = {.i = 42, .d = 42};
        assert_fails(k->numbers[i].get(&v, it), SNPLP_ENOTFOUND);
        assert_true(v.i == 42 && v.d == 42);
    }
    for (size_t i = 0; i < k->nvalues; i++)
        assert_num(k->values[i].type, k->values[i].get(it), k->values[i].good[0]);
    for (size_t i = 0; i < k->nstrings; i++) {
        assert_int_equal(k->strings[i].count(it), 0);
        assert_null(k->strings[i].at(it, 0));
    }
    for (size_t i = 0; i < k->nlists; i++) {
        assert_int_equal(k->lists[i].count(it), 0);
        assert_null(k->lists[i].at(it, 0));
    }
    if (alone)
        snplp_referential_unref(alone);
}

static void id_is_a_copy(void **state)
{
    kind_fixture *f = fixture_of(state);
    const kind_desc *k = f->k;
    char id[8] = "c3", text[40] = "Acce\xcc\x80s aux droits";
    void *it = add_fresh(f, k, id, text);
    strcpy(id, "zz");
    memset(text, 'x', sizeof text - 1);
    assert_string_equal(k->id(it), "c3");
    assert_string_equal(main_text(k)->get(it), "Acc\xc3\xa8s aux droits");
    /* Changing every field does not change the id. */
    for (size_t i = 0; i < k->ntexts; i++)
        assert_ok(k->texts[i].set(it, k->texts[i].sample));
    for (size_t i = 0; i < k->nnumbers; i++)
        assert_ok(k->numbers[i].set(it, k->numbers[i].good[0].given));
    for (size_t i = 0; i < k->nvalues; i++)
        assert_ok(k->values[i].set(it, k->values[i].good[k->values[i].ngood - 1]));
    for (size_t i = 0; i < k->nstrings; i++)
        assert_ok(k->strings[i].add(it, "m"));
    assert_string_equal(k->id(it), "c3");
    assert_ptr_equal(k->find(f->z.ref, "c3"), it);
    assert_null(k->find(f->z.ref, "zz"));
    /* A blank text is accepted (validation reports it). */
    it = add_fresh(f, k, "blank", "");
    assert_string_equal(main_text(k)->get(it), "");
}

static void each_referential_owns_its_items(void **state)
{
    kind_fixture *f = fixture_of(state);
    const kind_desc *k = f->k;
    zoo other = zoo_new();
    void *mine = item_of(f, 0), *theirs = k->find(other.ref, k->ids[0]);
    assert_non_null(theirs);
    assert_ptr_not_equal(theirs, mine);
    assert_ptr_equal(k->referential(theirs), other.ref);
    assert_ok(main_text(k)->set(theirs, "Ailleurs"));
    assert_string_equal(main_text(k)->get(mine), k->item_texts[0]);
    zoo_free(&other);
}

/* ---- texts ---- */

/* Sets the text and checks what it reads back. */
static void set_and_check(const text_field *t, void *it, const char *text, const char *stored)
{
    assert_ok(t->set(it, text));
    assert_text(t->get(it), stored);
}

static void text_field_test(void **state)
{
    kind_fixture *f = fixture_of(state);
    const kind_desc *k = f->k;
    const text_field *t = &k->texts[f->field];
    void *it = item_of(f, 0), *second = item_of(f, 1);
    const char *initial = t == main_text(k) ? k->item_texts[0] : NULL;
    kind_fill(k, it, t->name); /* the other fields hold values, to see them kept */
    char *others = others_now(f, it), *rest = kind_snapshot(k, it, t->name);
    char *second_text = second && t->get(second) ? strdup(t->get(second)) : NULL;
    assert_text(t->get(it), initial);

    set_and_check(t, it, "Garantir au quotidien", "Garantir au quotidien");
    if (second)
        assert_text(t->get(second), second_text); /* the other item is untouched */
    char *rest_now = kind_snapshot(k, it, t->name);
    assert_string_equal(rest_now, rest);
    free(rest_now);

    /* Copied and NFC-normalized; NFC, not NFKC; tabs and line ends are text. */
    char buf[40] = "L'e\xcc\x81galite\xcc\x81";
    assert_ok(t->set(it, buf));
    memset(buf, 'x', sizeof buf - 1);
    assert_string_equal(t->get(it), "L'\xc3\xa9galit\xc3\xa9");
    set_and_check(t, it, "\xef\xac\x81n", "\xef\xac\x81n");
    set_and_check(t, it, "a\tb\nc\rd", "a\tb\nc\rd");

    /* From its own (borrowed) value, and into another field from this one's. */
    set_and_check(t, it, t->get(it), "a\tb\nc\rd");
    for (size_t i = 0; i < k->ntexts; i++) {
        const text_field *u = &k->texts[i];
        if (u == t || (u->flags & TEXT_FORMATTED))
            continue;
        char *keep = u->get(it) ? strdup(u->get(it)) : NULL;
        set_and_check(u, it, t->get(it), "a\tb\nc\rd");
        set_and_check(t, it, u->get(it), "a\tb\nc\rd");
        set_and_check(u, it, u->get(it), "a\tb\nc\rd");
        set_and_check(u, it, keep, keep);
        free(keep);
    }

    /* Blank is a value (validation reports it); NULL unsets, or is refused when required. */
    set_and_check(t, it, "", "");
    if (t->flags & TEXT_REQUIRED) {
        assert_fails(t->set(it, NULL), SNPLP_EINVAL);
        assert_string_equal(t->get(it), "");
    } else {
        set_and_check(t, it, NULL, NULL);
        set_and_check(t, it, NULL, NULL); /* unsetting an unset text is fine */
    }

    /* Invalid text: refused, the old value stays. */
    set_and_check(t, it, "Garde", "Garde");
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_fails(t->set(it, test_bad_texts[i]), SNPLP_EENCODING);
        assert_string_equal(t->get(it), "Garde");
    }
    /* Through NULL. */
    assert_fails(t->set(NULL, "x"), SNPLP_EINVAL);
    assert_fails(t->set(NULL, NULL), SNPLP_EINVAL);
    assert_null(t->get(NULL));

    assert_string_equal(t->get(it), "Garde");
    assert_rest(k, it, t->name, rest);
    assert_others(f, it, others);
    free(second_text);
}

typedef struct set_ctx {
    const kind_desc *k;
    const text_field *t;
    void *it;
    const char *text;
    char *old;  /* the value before, NULL if unset */
    char *rest; /* the item's other fields */
} set_ctx;

static int set_step(void *p)
{
    set_ctx *c = p;
    return c->t->set(c->it, c->text);
}

static void set_check(void *p)
{
    set_ctx *c = p;
    assert_text(c->t->get(c->it), c->old);
    char *rest = kind_snapshot(c->k, c->it, c->t->name);
    assert_string_equal(rest, c->rest);
    free(rest);
}

void kind_sweep_set(const kind_desc *k, const char *field, void *it, const char *text,
                    const char *stored)
{
    const text_field *t = kind_text(k, field);
    const char *old = t->get(it);
    set_ctx c = {k, t, it, text, old ? strdup(old) : NULL, kind_snapshot(k, it, t->name)};
    int failures = test_oom_sweep(set_step, set_check, &c);
    if (text)
        assert_true(failures > 0);
    else
        assert_int_equal(failures, 0); /* unsetting allocates nothing */
    assert_text(t->get(it), stored);
    free(c.old);
    free(c.rest);
}

static void text_out_of_memory(void **state)
{
    kind_fixture *f = fixture_of(state);
    const kind_desc *k = f->k;
    const text_field *t = &k->texts[f->field];
    void *it = item_of(f, 0);
    kind_fill(k, it, t->name);
    kind_sweep_set(k, t->name, it, "Garantir", "Garantir");
    kind_sweep_set(k, t->name, it, "L'e\xcc\x81galite\xcc\x81", "L'\xc3\xa9galit\xc3\xa9");
    /* "é" decomposed 300 times: longer than ICU's stack buffers. */
    char *nfd = test_long_text("e\xcc\x81", 300), *nfc = test_long_text("\xc3\xa9", 300);
    kind_sweep_set(k, t->name, it, nfd, nfc);
    if (!(t->flags & TEXT_REQUIRED)) {
        kind_sweep_set(k, t->name, it, NULL, NULL);
        kind_sweep_set(k, t->name, it, "Strate\xcc\x81gie", "Strat\xc3\xa9gie"); /* from unset */
        kind_sweep_set(k, t->name, it, nfd, nfc);
    }
    free(nfd);
    free(nfc);
}

/* ---- optional numbers ---- */

static void get_number(const number_field *n, const void *it, num want)
{
    num v = {.i = -1, .d = -1};
    assert_ok(n->get(&v, it));
    assert_num(n->type, v, want);
}

static void assert_unset(const number_field *n, const void *it)
{
    num v = {.i = 42, .d = 42};
    assert_fails(n->get(&v, it), SNPLP_ENOTFOUND);
    assert_true(v.i == 42 && v.d == 42); /* out untouched */
}

static void number_field_test(void **state)
{
    kind_fixture *f = fixture_of(state);
    const kind_desc *k = f->k;
    const number_field *n = &k->numbers[f->field];
    void *it = item_of(f, 0), *second = item_of(f, 1);
    kind_fill(k, it, n->name);
    char *rest = kind_snapshot(k, it, n->name), *others = others_now(f, it);
    assert_unset(n, it);
    for (size_t i = 0; i < n->ngood; i++) {
        assert_ok(n->set(it, n->good[i].given));
        get_number(n, it, n->good[i].stored);
    }
    if (second)
        assert_unset(n, second); /* untouched */
    assert_ok(n->set(it, n->good[0].given));
    assert_ok(n->clear(it));
    assert_unset(n, it);
    assert_ok(n->clear(it)); /* clearing twice is fine */
    assert_unset(n, it);
    assert_ok(n->set(it, n->good[n->ngood - 1].given));
    get_number(n, it, n->good[n->ngood - 1].stored);
    assert_rest(k, it, n->name, rest);
    assert_others(f, it, others);
}

static void number_errors(void **state)
{
    kind_fixture *f = fixture_of(state);
    const kind_desc *k = f->k;
    const number_field *n = &k->numbers[f->field];
    void *it = item_of(f, 0);
    for (size_t i = 0; i < n->nbad; i++)
        assert_fails(n->set(it, n->bad[i]), SNPLP_EINVAL);
    assert_unset(n, it); /* still unset */
    assert_ok(n->set(it, n->good[0].given));
    for (size_t i = 0; i < n->nbad; i++) {
        assert_fails(n->set(it, n->bad[i]), SNPLP_EINVAL);
        get_number(n, it, n->good[0].stored); /* the old value stays */
    }
    assert_fails(n->get(NULL, it), SNPLP_EINVAL);
    /* NULL and wrong objects (holding numbers of their own) change nothing. */
    zoo_fill(&f->z);
    char *before = zoo_snapshot(&f->z, NULL);
    size_t cursor = 0;
    for (void *w; (w = zoo_next_other(&f->z, k->kind, &cursor, NULL));) {
        num v = {.i = 7, .d = 7};
        assert_fails(n->get(&v, w), SNPLP_EINVAL);
        assert_true(v.i == 7 && v.d == 7);
        assert_fails(n->set(w, n->good[0].given), SNPLP_EINVAL);
        assert_fails(n->clear(w), SNPLP_EINVAL);
    }
    assert_same_and_free(before, zoo_snapshot(&f->z, NULL));
    get_number(n, it, n->good[0].stored);
}

static void number_does_not_allocate(void **state)
{
    kind_fixture *f = fixture_of(state);
    const number_field *n = &f->k->numbers[f->field];
    void *it = item_of(f, 0);
    num v = {0};
    size_t before = snplp_memory_used();
    snplp__alloc_fail_after(0);
    int set = n->set(it, n->good[n->ngood - 1].given);
    int get = n->get(&v, it);
    int clear = n->clear(it);
    snplp__alloc_fail_after(-1);
    assert_ok(set);
    assert_ok(get);
    assert_ok(clear);
    assert_num(n->type, v, n->good[n->ngood - 1].stored);
    assert_int_equal(snplp_memory_used(), before);
}

/* ---- values ---- */

typedef struct value_ctx {
    const value_field *v;
    void *it;
    num value;
} value_ctx;

static int value_step(void *p)
{
    value_ctx *c = p;
    return c->v->set(c->it, c->value);
}

static void value_field_test(void **state)
{
    kind_fixture *f = fixture_of(state);
    const kind_desc *k = f->k;
    const value_field *v = &k->values[f->field];
    void *it = item_of(f, 0), *second = item_of(f, 1);
    char *rest = kind_snapshot(k, it, v->name), *others = others_now(f, it);
    assert_num(v->type, v->get(it), v->good[0]);
    for (size_t i = 1; i <= v->ngood; i++) { /* every value, and back to the first */
        num g = v->good[i % v->ngood];
        assert_ok(v->set(it, g));
        assert_num(v->type, v->get(it), g);
        assert_ok(v->set(it, g)); /* the same again */
        assert_num(v->type, v->get(it), g);
    }
    if (second)
        assert_num(v->type, v->get(second), v->good[0]);
    /* Bad values are refused, on each item, and the old value stays. */
    assert_ok(v->set(it, v->good[v->ngood - 1]));
    for (size_t i = 0; i < v->nbad; i++) {
        assert_fails(v->set(it, v->bad[i]), SNPLP_EINVAL);
        assert_num(v->type, v->get(it), v->good[v->ngood - 1]);
        if (second) {
            assert_fails(v->set(second, v->bad[i]), SNPLP_EINVAL);
            assert_num(v->type, v->get(second), v->good[0]);
        }
    }
    /* Setting a value allocates nothing: it cannot fail for lack of memory. */
    size_t before = snplp_memory_used();
    value_ctx c = {v, it, v->good[0]};
    assert_int_equal(test_oom_sweep(value_step, NULL, &c), 0);
    assert_num(v->type, v->get(it), v->good[0]);
    assert_int_equal(snplp_memory_used(), before);
    assert_rest(k, it, v->name, rest);
    assert_others(f, it, others);
}

/* The names of the values of the enum of its value field. */
static void value_names(void **state)
{
    assert_enum_names(fixture_of(state)->k->names);
}

/* ---- lists of strings ---- */

static void labels(void **state)
{
    kind_fixture *f = fixture_of(state);
    const kind_desc *k = f->k;
    const string_list *l = &k->strings[f->field];
    void *it = item_of(f, 0);
    char *rest = kind_snapshot(k, it, l->name), *others = others_now(f, it);
    size_t items = snplp_referential_item_count(f->z.ref);
    char buf[32] = "strat\xc3\xa9gie pauvret\xc3\xa9";
    assert_ok(l->add(it, buf));
    memset(buf, 'x', sizeof buf - 1); /* copied */
    assert_ok(l->add(it, "SNPLP"));
    assert_ok(l->add(it, "Strate\xcc\x81gie")); /* NFC */
    assert_ok(l->add(it, "SNPLP"));             /* labels may repeat */
    assert_int_equal(l->count(it), 4);
    assert_string_equal(l->at(it, 0), "strat\xc3\xa9gie pauvret\xc3\xa9");
    assert_string_equal(l->at(it, 1), "SNPLP");
    assert_string_equal(l->at(it, 2), "Strat\xc3\xa9gie");
    assert_string_equal(l->at(it, 3), "SNPLP");
    assert_null(l->at(it, 4));
    assert_null(l->at(it, SIZE_MAX));
    /* Many labels, in order. */
    for (int i = 0; i < 100; i++) {
        char label[16];
        snprintf(label, sizeof label, "label %d", i);
        assert_ok(l->add(it, label));
    }
    assert_int_equal(l->count(it), 104);
    assert_string_equal(l->at(it, 103), "label 99");
    assert_string_equal(l->at(it, 1), "SNPLP");
    /* A label copied from another one (borrowed), while the list grows. */
    for (int i = 0; i < 30; i++)
        assert_ok(l->add(it, l->at(it, 1)));
    assert_int_equal(l->count(it), 134);
    assert_string_equal(l->at(it, 133), "SNPLP");
    /* Labels are not items. */
    assert_int_equal(snplp_referential_item_count(f->z.ref), items);
    assert_int_equal(snplp_referential_kind_of(f->z.ref, "SNPLP"), SNPLP_KIND_NONE);
    assert_rest(k, it, l->name, rest);
    assert_others(f, it, others);
}

static void labels_errors(void **state)
{
    kind_fixture *f = fixture_of(state);
    const string_list *l = &f->k->strings[f->field];
    void *it = item_of(f, 0);
    char *others = others_now(f, it);
    assert_ok(l->add(it, "SNPLP"));
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_fails(l->add(it, test_bad_texts[i]), SNPLP_EENCODING);
    assert_fails(l->add(it, NULL), SNPLP_EINVAL);
    assert_fails(l->add(NULL, "x"), SNPLP_EINVAL);
    assert_fails(l->add(NULL, NULL), SNPLP_EINVAL);
    assert_int_equal(l->count(it), 1);
    assert_string_equal(l->at(it, 0), "SNPLP");
    assert_int_equal(l->count(NULL), 0);
    assert_null(l->at(NULL, 0));
    assert_others(f, it, others);
}

typedef struct string_ctx {
    const string_list *l;
    void *it;
    const char *s;
    size_t count;
    const char *before[8]; /* the strings before the step (they never move) */
} string_ctx;

static int string_step(void *p)
{
    string_ctx *c = p;
    return c->l->add(c->it, c->s);
}

static void string_check(void *p)
{
    string_ctx *c = p;
    assert_int_equal(c->l->count(c->it), c->count);
    assert_null(c->l->at(c->it, c->count));
    for (size_t i = 0; i < c->count; i++) {
        assert_ptr_equal(c->l->at(c->it, i), c->before[i]);
        assert_string_not_equal(c->before[i], c->s);
    }
}

static void strings_out_of_memory(void **state)
{
    kind_fixture *f = fixture_of(state);
    const string_list *l = &f->k->strings[f->field];
    void *it = item_of(f, 0);
    char *nfd = test_long_text("e\xcc\x81", 300), *nfc = test_long_text("\xc3\xa9", 300);
    /* Into an empty list (it is made), with room, and when it grows (4 -> 8). */
    const char *const labels_in[] = {nfd,
                                     "label 1",
                                     "la\xcc\x80"
                                     "bel",
                                     "c",
                                     "Strate\xcc\x81gie",
                                     "pauvret\xc3\xa9",
                                     nfd};
    const char *const labels_out[] = {nfc,
                                      "label 1",
                                      "l\xc3\xa0"
                                      "bel",
                                      "c",
                                      "Strat\xc3\xa9gie",
                                      "pauvret\xc3\xa9",
                                      nfc};
    const char *const ids[] = {"id0", "id1", "id2", "id3", "id4", "id5", "m-1.a"};
    for (size_t n = 0; n < COUNT_OF(ids); n++) {
        string_ctx c = {.l = l, .it = it, .s = l->ids ? ids[n] : labels_in[n], .count = n};
        for (size_t i = 0; i < n; i++)
            c.before[i] = l->at(it, i);
        assert_true(test_oom_sweep(string_step, string_check, &c) > 0);
        assert_int_equal(l->count(it), n + 1);
        assert_string_equal(l->at(it, n), l->ids ? ids[n] : labels_out[n]);
    }
    free(nfd);
    free(nfc);
}

/* ---- lists of child items ---- */

typedef struct list_case {
    const kind_desc *k; /* the parent's kind */
    const child_list *l;
    const kind_desc *c; /* the child's kind */
    const value_field *value;
    void *parent;
} list_case;

static list_case list_of(kind_fixture *f)
{
    list_case lc = {f->k, &f->k->lists[f->field], kinds[f->k->lists[f->field].child], NULL,
                    item_of(f, 0)};
    lc.value = kind_value(lc.c, lc.l->value);
    return lc;
}

/* Asserts that child, at index in the list, holds what it was added with. */
static void assert_child(const list_case *lc, snplp_referential *ref, const void *child,
                         size_t index, const char *id, const char *text)
{
    assert_ptr_equal(lc->l->at(lc->parent, index), child);
    assert_ptr_equal(lc->c->find(ref, id), child);
    assert_string_equal(lc->c->id(child), id);
    assert_string_equal(lc->c->texts[0].get(child), text);
    assert_ptr_equal(lc->c->referential(child), ref);
    assert_int_equal(snplp_referential_kind_of(ref, id), lc->c->kind);
    if (lc->c->owner && lc->c->owner_kind == lc->k->kind)
        assert_ptr_equal(lc->c->owner(child), lc->parent);
    if (lc->c->nest) /* nested in its parent, or at the top */
        assert_ptr_equal(lc->c->nest(child), lc->c == lc->k ? lc->parent : NULL);
    /* The value the adder was given, the default of the others. */
    for (size_t i = 0; i < lc->c->nvalues; i++) {
        const value_field *v = &lc->c->values[i];
        assert_num(v->type, v->get(child), v == lc->value ? lc->l->extra : v->good[0]);
    }
    /* An item of one kind is not found as another kind. */
    for (size_t k = 1; k < KIND_COUNT; k++)
        if (k != lc->c->kind && kinds[k]->ids[1])
            assert_null(kinds[k]->find(ref, id));
}

static void list_add_count_at(void **state)
{
    kind_fixture *f = fixture_of(state);
    list_case lc = list_of(f);
    snplp_referential *ref = f->z.ref;
    static const char *const ids[] = {"z9", "a1", "m_5", "_x", "B.c-d", "_", "Z9.-_", "m.9"};
    void *items[COUNT_OF(ids)];
    const size_t n = COUNT_OF(ids);
    size_t before = lc.l->count(lc.parent), all = snplp_referential_item_count(ref);
    char *rest = kind_snapshot(lc.k, lc.parent, lc.l->name);
    for (size_t i = 0; i < n; i++) {
        char text[32];
        snprintf(text, sizeof text, "Texte %zu", i);
        items[i] = NULL;
        assert_ok(lc.l->add(&items[i], lc.parent, ids[i], lc.l->extra, text));
        assert_non_null(items[i]);
        assert_int_equal(lc.l->count(lc.parent), before + i + 1);
        assert_int_equal(snplp_referential_item_count(ref), all + i + 1);
    }
    /* In insertion order, not id order. */
    for (size_t i = 0; i < n; i++) {
        char text[32];
        snprintf(text, sizeof text, "Texte %zu", i);
        assert_child(&lc, ref, items[i], before + i, ids[i], text);
    }
    assert_null(lc.l->at(lc.parent, before + n));
    assert_null(lc.l->at(lc.parent, SIZE_MAX));
    /* The parent's other lists are untouched. */
    assert_rest(lc.k, lc.parent, lc.l->name, rest);
    /* The out parameter may be NULL. */
    assert_ok(lc.l->add(NULL, lc.parent, "no-out", lc.l->extra, "Sans sortie"));
    assert_child(&lc, ref, lc.l->at(lc.parent, before + n), before + n, "no-out", "Sans sortie");
    /* Ids are case-sensitive: another case is another id. */
    assert_ok(lc.l->add(NULL, lc.parent, "C1", lc.l->extra, "Casse"));
    assert_int_equal(snplp_referential_kind_of(ref, "C1"), lc.c->kind);
    assert_int_equal(snplp_referential_kind_of(ref, "c1"), SNPLP_KIND_COMMITMENT);
    /* The id and the text are copied, the text NFC-normalized (NFC, not NFKC). */
    static const char *const texts[][2] = {
        {"Acce\xcc\x80s aux droits", "Acc\xc3\xa8s aux droits"},
        {"\xef\xac\x81", "\xef\xac\x81"},             /* the "fi" ligature stays */
        {"\xe2\x84\xab", "\xc3\x85"},                 /* U+212B: U+00C5 */
        {"\xe0\xa5\x98", "\xe0\xa4\x95\xe0\xa4\xbc"}, /* U+0958: U+0915 U+093C */
        {"a\xcc\x82\xcc\xa3", "\xe1\xba\xad"},        /* reordered: U+1EAD */
        {"a\tb\nc\rd", "a\tb\nc\rd"},                 /* allowed controls */
    };
    for (size_t i = 0; i < COUNT_OF(texts); i++) {
        char id[24], text[40];
        snprintf(id, sizeof id, "cpy%zu", i);
        snprintf(text, sizeof text, "%s", texts[i][0]);
        void *it = NULL;
        size_t at = lc.l->count(lc.parent);
        assert_ok(lc.l->add(&it, lc.parent, id, lc.l->extra, text));
        memset(text, 'x', sizeof text - 1);
        char kept[24];
        memcpy(kept, id, sizeof kept);
        strcpy(id, "zz");
        assert_child(&lc, ref, it, at, kept, texts[i][1]);
    }
    /* Each value the extra argument can take is kept. */
    for (size_t i = 0; lc.value && i < lc.value->ngood; i++) {
        char id[32];
        snprintf(id, sizeof id, "value%zu", i);
        void *it = NULL;
        assert_ok(lc.l->add(&it, lc.parent, id, lc.value->good[i], "Valeur"));
        assert_num(lc.value->type, lc.value->get(it), lc.value->good[i]);
    }
}

static void list_errors(void **state)
{
    kind_fixture *f = fixture_of(state);
    list_case lc = list_of(f);
    snplp_referential *ref = f->z.ref;
    size_t count = lc.l->count(lc.parent), items = snplp_referential_item_count(ref);
    char *before = zoo_snapshot(&f->z, NULL);
    void *out = &out;
    num x = lc.l->extra;
    assert_fails(lc.l->add(&out, NULL, "x", x, "X"), SNPLP_EINVAL);
    size_t cursor = 0; /* a parent of another kind (an item for the referential too) */
    for (void *w; (w = zoo_next_other(&f->z, lc.k->kind, &cursor, NULL));)
        assert_fails(lc.l->add(&out, w, "x", x, "X"), SNPLP_EINVAL);
    assert_fails(lc.l->add(&out, lc.parent, NULL, x, "X"), SNPLP_EINVAL);
    assert_fails(lc.l->add(&out, lc.parent, "x", x, NULL), SNPLP_EINVAL);
    for (size_t i = 0; i < lc.l->nbad_extra; i++)
        assert_fails(lc.l->add(&out, lc.parent, "x", lc.l->bad_extra[i], "X"), SNPLP_EINVAL);
    for (size_t i = 0; i < kind_nbad_ids; i++)
        assert_fails(lc.l->add(&out, lc.parent, kind_bad_ids[i], x, "X"), SNPLP_EBADID);
    char id[SNPLP_ID_MAX + 2];
    test_long_id(id, SNPLP_ID_MAX + 1);
    assert_fails(lc.l->add(&out, lc.parent, id, x, "X"), SNPLP_EBADID);
    /* Every id in use, whatever its kind. */
    for (size_t k = 1; k < KIND_COUNT; k++)
        for (int j = 0; j < 2; j++)
            if (kinds[k]->ids[j])
                assert_fails(lc.l->add(&out, lc.parent, kinds[k]->ids[j], x, "X"), SNPLP_EEXISTS);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_fails(lc.l->add(&out, lc.parent, "x", x, test_bad_texts[i]), SNPLP_EENCODING);
    assert_ptr_equal(out, &out); /* out untouched on failure */
    if (count)                   /* the first child was not overwritten either */
        assert_string_not_equal(lc.c->texts[0].get(lc.l->at(lc.parent, 0)), "X");
    assert_int_equal(lc.l->count(lc.parent), count);
    assert_int_equal(snplp_referential_item_count(ref), items);
    assert_int_equal(snplp_referential_kind_of(ref, "x"), SNPLP_KIND_NONE);
    assert_same_and_free(before, zoo_snapshot(&f->z, NULL));
    /* The longest id is fine. */
    test_long_id(id, SNPLP_ID_MAX);
    assert_ok(lc.l->add(NULL, lc.parent, id, x, "X"));
    assert_int_equal(snplp_referential_kind_of(ref, id), lc.c->kind);
    assert_int_equal(lc.l->count(NULL), 0);
    assert_null(lc.l->at(NULL, 0));
}

typedef struct add_ctx {
    const list_case *lc;
    snplp_referential *ref;
    const char *id, *text;
    size_t count, items;
    void *out;
} add_ctx;

static int add_step(void *p)
{
    add_ctx *c = p;
    return c->lc->l->add(&c->out, c->lc->parent, c->id, c->lc->l->extra, c->text);
}

static void add_check(void *p)
{
    add_ctx *c = p;
    assert_null(c->out);
    assert_int_equal(c->lc->l->count(c->lc->parent), c->count);
    assert_null(c->lc->l->at(c->lc->parent, c->count));
    assert_int_equal(snplp_referential_item_count(c->ref), c->items);
    assert_int_equal(snplp_referential_kind_of(c->ref, c->id), SNPLP_KIND_NONE);
    assert_null(c->lc->c->find(c->ref, c->id));
}

static void sweep_add(const list_case *lc, snplp_referential *ref, const char *id, const char *text,
                      const char *stored)
{
    add_ctx c = {lc,  ref, id, text, lc->l->count(lc->parent), snplp_referential_item_count(ref),
                 NULL};
    assert_true(test_oom_sweep(add_step, add_check, &c) > 0);
    assert_int_equal(lc->l->count(lc->parent), c.count + 1);
    assert_int_equal(snplp_referential_item_count(ref), c.items + 1);
    assert_child(lc, ref, c.out, c.count, id, stored);
}

static void list_out_of_memory(void **state)
{
    kind_fixture *f = fixture_of(state);
    list_case lc = list_of(f);
    /* An empty parent: a new referential, or a new item of the zoo. */
    snplp_referential *alone = NULL, *ref = f->z.ref;
    if (lc.k->kind == 0)
        lc.parent = ref = alone = test_new_referential();
    else if (!lc.k->ids[1])
        lc.parent = lc.k->find(ref = alone = test_new_referential(), lc.k->ids[0]);
    else
        lc.parent = add_fresh(f, lc.k, "fresh-parent", "Parent");
    char *nfd = test_long_text("e\xcc\x81", 300), *nfc = test_long_text("\xc3\xa9", 300);
    /* The first (the list is made), with room, and when the list grows (4 -> 8). */
    sweep_add(&lc, ref, "oom0", "Texte", "Texte");
    sweep_add(&lc, ref, "oom1", "Savoir e\xcc\x81valuer", "Savoir \xc3\xa9valuer");
    sweep_add(&lc, ref, "oom2", nfd, nfc);
    sweep_add(&lc, ref, "oom3", "Quatre", "Quatre");
    sweep_add(&lc, ref, "oom4", "Cinq", "Cinq");
    sweep_add(&lc, ref, "oom5", "Acce\xcc\x80s", "Acc\xc3\xa8s");
    /* With room for 16: only the item and its texts are made. */
    for (int i = 6; i < 9; i++) {
        char id[16];
        snprintf(id, sizeof id, "pre%d", i);
        assert_ok(lc.l->add(NULL, lc.parent, id, lc.l->extra, "Avant"));
    }
    sweep_add(&lc, ref, "ascii", "Former", "Former");
    sweep_add(&lc, ref, "nfc", "\xc3\x89galit\xc3\xa9", "\xc3\x89galit\xc3\xa9");
    sweep_add(&lc, ref, "nfd", "E\xcc\x81galit\xc3\xa9", "\xc3\x89galit\xc3\xa9");
    sweep_add(&lc, ref, "long", nfd, nfc);
    free(nfd);
    free(nfc);
    if (alone)
        snplp_referential_unref(alone);
}

void kind_sweep_add(const kind_desc *k, size_t list, void *parent, snplp_referential *ref,
                    const char *id, const char *text, const char *stored)
{
    list_case lc = {k, &k->lists[list], kinds[k->lists[list].child], NULL, parent};
    lc.value = kind_value(lc.c, lc.l->value);
    sweep_add(&lc, ref, id, text, stored);
}

/* ---- equality ---- */

static void assert_equal_both_ways(const zoo *a, const zoo *b, bool equal)
{
    assert_int_equal(snplp_referential_equal(a->ref, b->ref), equal);
    assert_int_equal(snplp_referential_equal(b->ref, a->ref), equal);
}

static void equality(void **state)
{
    kind_fixture *f = fixture_of(state);
    const kind_desc *k = f->k;
    zoo *a = &f->z, b = zoo_new();
    void *ia = item_of(f, 0), *ib = b.items[k->kind][0];
    assert_equal_both_ways(a, &b, true);
    for (size_t i = 0; i < k->ntexts; i++) {
        const text_field *t = &k->texts[i];
        assert_ok(t->set(ib, t->sample));
        assert_equal_both_ways(a, &b, false);
        assert_ok(t->set(ia, t->sample));
        assert_equal_both_ways(a, &b, true);
        if (!(t->flags & TEXT_REQUIRED)) {
            assert_ok(t->set(ib, NULL)); /* set vs unset */
            assert_equal_both_ways(a, &b, false);
            assert_ok(t->set(ia, NULL));
            assert_equal_both_ways(a, &b, true);
        }
    }
    for (size_t i = 0; i < k->nnumbers; i++) {
        const number_field *n = &k->numbers[i];
        num first = n->good[0].given, other = n->good[1].given;
        assert_ok(n->set(ib, other));
        assert_equal_both_ways(a, &b, false); /* set (even to 0) vs unset */
        assert_ok(n->set(ia, first));
        assert_equal_both_ways(a, &b, false);
        assert_ok(n->set(ia, other));
        assert_equal_both_ways(a, &b, true);
        assert_ok(n->clear(ib));
        assert_equal_both_ways(a, &b, false);
        assert_ok(n->clear(ia));
        assert_equal_both_ways(a, &b, true);
    }
    for (size_t i = 0; i < k->nvalues; i++) {
        const value_field *v = &k->values[i];
        for (size_t g = 1; g < v->ngood; g++) {
            assert_ok(v->set(ib, v->good[g]));
            assert_equal_both_ways(a, &b, false);
            assert_ok(v->set(ia, v->good[g]));
            assert_equal_both_ways(a, &b, true);
        }
        assert_ok(v->set(ib, v->good[0])); /* changed and changed back */
        assert_ok(v->set(ia, v->good[0]));
        assert_equal_both_ways(a, &b, true);
    }
    for (size_t i = 0; i < k->nstrings; i++) {
        const string_list *l = &k->strings[i];
        assert_ok(l->add(ib, "un"));
        assert_equal_both_ways(a, &b, false);
        assert_ok(l->add(ia, "un"));
        assert_equal_both_ways(a, &b, true);
    }
    for (size_t i = 0; i < k->nlists; i++) {
        const child_list *l = &k->lists[i];
        char id[64];
        snprintf(id, sizeof id, "eq-%s", l->name);
        void *ca = NULL;
        assert_ok(l->add(NULL, ib, id, l->extra, "T"));
        assert_equal_both_ways(a, &b, false);
        assert_ok(l->add(&ca, ia, id, l->extra, "T."));
        assert_equal_both_ways(a, &b, false);
        assert_ok(kinds[l->child]->texts[0].set(ca, "T"));
        assert_equal_both_ways(a, &b, true);
    }
    /* The same strings in another order (last: labels cannot be taken back). */
    for (size_t i = 0; i < k->nstrings; i++) {
        const string_list *l = &k->strings[i];
        assert_ok(l->add(ib, "deux"));
        assert_ok(l->add(ib, "trois"));
        assert_ok(l->add(ia, "trois"));
        assert_ok(l->add(ia, "deux"));
        assert_equal_both_ways(a, &b, false);
        if (l->remove) { /* removed and added again: in the order of b */
            assert_ok(l->remove(ia, "trois"));
            assert_ok(l->add(ia, "trois"));
            assert_equal_both_ways(a, &b, true);
            assert_ok(l->remove(ib, "un"));
            assert_equal_both_ways(a, &b, false);
            assert_ok(l->remove(ia, "un"));
            assert_equal_both_ways(a, &b, true);
        }
    }
    zoo_free(&b);
}

/* The places an item of kind k can be added to in a zoo: every list of kind k, under each
 * item that has it. Returns how many; the first and the last in *first and *last. */
typedef struct place {
    snplp_kind parent;
    int j;
    const child_list *l;
} place;

static size_t places_of(const kind_desc *k, place *first, place *last)
{
    size_t n = 0;
    for (size_t p = 0; p < KIND_COUNT; p++)
        for (size_t i = 0; i < kinds[p]->nlists; i++)
            for (int j = 0; j < (p == 0 || !kinds[p]->ids[1] ? 1 : 2); j++)
                if (kinds[p]->lists[i].child == k->kind) {
                    place here = {(snplp_kind)p, j, &kinds[p]->lists[i]};
                    if (n++ == 0)
                        *first = here;
                    *last = here;
                }
    return n;
}

/* The same item, with the same text, in two different places: not equal. */
static void equality_sees_the_parent(void **state)
{
    kind_fixture *f = fixture_of(state);
    place first = {0}, last = {0};
    places_of(f->k, &first, &last);
    zoo b = zoo_new();
    assert_ok(
        first.l->add(NULL, f->z.items[first.parent][first.j], "moved", first.l->extra, "Trois"));
    assert_ok(last.l->add(NULL, b.items[last.parent][last.j], "moved", last.l->extra, "Trois"));
    assert_equal_both_ways(&f->z, &b, false);
    zoo_free(&b);
}

/* ---- the runner ---- */

typedef struct kind_case {
    const kind_desc *k;
    size_t field;
} kind_case;

int kind_setup(void **state)
{
    const kind_case *c = *state;
    kind_fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->k = c->k;
    f->field = c->field;
    f->memory = snplp_memory_used();
    f->z = zoo_new();
    *state = f;
    return 0;
}

int kind_teardown(void **state)
{
    kind_fixture *f = *state;
    zoo_free(&f->z);
    /* Everything the test made was freed with the referential. */
    int rc = snplp_memory_used() == f->memory ? 0 : -1;
    free(f);
    return rc;
}

typedef struct group {
    struct CMUnitTest *tests;
    kind_case *cases;
    char **names;
    size_t n, cap;
} group;

static void add_test(group *g, const kind_desc *k, size_t field, CMUnitTestFunction fn,
                     const char *name, const char *suffix)
{
    if (g->n == g->cap) {
        g->cap = g->cap ? 2 * g->cap : 64;
        g->tests = realloc(g->tests, g->cap * sizeof *g->tests);
        g->cases = realloc(g->cases, g->cap * sizeof *g->cases);
        g->names = realloc(g->names, g->cap * sizeof *g->names);
        assert_true(g->tests && g->cases && g->names);
    }
    char full[128];
    snprintf(full, sizeof full, "%s%s", name, suffix);
    g->names[g->n] = strdup(full);
    g->cases[g->n] = (kind_case){k, field};
    g->tests[g->n] = (struct CMUnitTest){g->names[g->n], fn, kind_setup, kind_teardown, NULL};
    g->n++;
}

int kind_tests_run(const kind_desc *k, const struct CMUnitTest *own, size_t n)
{
    group g = {0};
    if (k->id) {
        add_test(&g, k, 0, identity, "identity", "");
        add_test(&g, k, 0, wrong_objects, "wrong objects", "");
        add_test(&g, k, 0, starts_unset, "starts unset", "");
        if (k->ids[1]) {
            add_test(&g, k, 0, id_is_a_copy, "id is a copy", "");
            add_test(&g, k, 0, each_referential_owns_its_items, "each referential owns its items",
                     "");
        }
    }
    for (size_t i = 0; i < k->ntexts; i++) {
        if (k->texts[i].flags & TEXT_FORMATTED)
            continue;
        add_test(&g, k, i, text_field_test, k->texts[i].name, "");
        add_test(&g, k, i, text_out_of_memory, k->texts[i].name, " out of memory");
    }
    for (size_t i = 0; i < k->nnumbers; i++) {
        add_test(&g, k, i, number_field_test, k->numbers[i].name, "");
        add_test(&g, k, i, number_errors, k->numbers[i].name, " errors");
        add_test(&g, k, i, number_does_not_allocate, k->numbers[i].name, " does not allocate");
    }
    for (size_t i = 0; i < k->nvalues; i++)
        add_test(&g, k, i, value_field_test, k->values[i].name, "");
    if (k->names)
        add_test(&g, k, 0, value_names, "value names", "");
    for (size_t i = 0; i < k->nstrings; i++) {
        if (!k->strings[i].ids) {
            add_test(&g, k, i, labels, k->strings[i].name, "");
            add_test(&g, k, i, labels_errors, k->strings[i].name, " errors");
        }
        add_test(&g, k, i, strings_out_of_memory, k->strings[i].name, " out of memory");
    }
    for (size_t i = 0; i < k->nlists; i++) {
        add_test(&g, k, i, list_add_count_at, k->lists[i].name, "");
        add_test(&g, k, i, list_errors, k->lists[i].name, " errors");
        add_test(&g, k, i, list_out_of_memory, k->lists[i].name, " out of memory");
    }
    if (k->id)
        add_test(&g, k, 0, equality, "equality", "");
    place first = {0}, last = {0};
    if (k->id && places_of(k, &first, &last) > 1)
        add_test(&g, k, 0, equality_sees_the_parent, "equality sees the parent", "");
    for (size_t i = 0; i < n; i++) {
        add_test(&g, k, 0, own[i].test_func, own[i].name, "");
        struct CMUnitTest *t = &g.tests[g.n - 1];
        t->setup_func = own[i].setup_func;
        t->teardown_func = own[i].teardown_func;
        t->initial_state = own[i].initial_state;
    }
    for (size_t i = 0; i < g.n; i++)
        if (g.tests[i].setup_func == kind_setup && !g.tests[i].initial_state)
            g.tests[i].initial_state = &g.cases[i];
    int failed = _cmocka_run_group_tests(k->name, g.tests, g.n, NULL, NULL);
    for (size_t i = 0; i < g.n; i++)
        free(g.names[i]);
    free(g.names);
    free(g.tests);
    free(g.cases);
    return failed;
}
