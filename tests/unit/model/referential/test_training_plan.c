/* Tests of training_plan.h: the training plan singleton, its optional texts, its maximum
 * module duration, and its plan-wide objectives and learning outcomes, with every error path
 * and out of memory on every function that allocates. */
#include "test_util.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static const char *const bad_ids[] = {
    "", "1abc", "-abc", ".abc", "a b", "a/b", "a:b", "a#b", "\xc3\xa9t\xc3\xa9", "abc\n", "a\xff",
};

/* A test's referential, its plan, and items of other kinds to pass as a wrong object. */
typedef struct fixture {
    snplp_referential *ref;
    snplp_training_plan *tp;
    snplp_training_plan *strategy_as_plan;
    snplp_training_plan *commitment_as_plan;
    snplp_theme *theme;
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
    f->tp = snplp_referential_training_plan(f->ref);
    f->strategy_as_plan = (snplp_training_plan *)(void *)snplp_referential_strategy(f->ref);
    snplp_commitment *c = NULL;
    if (snplp_referential_add_commitment(&c, f->ref, "c1", "Engagement") != SNPLP_OK ||
        snplp_referential_add_theme(&f->theme, f->ref, "t1", "Th\xc3\xa8me") != SNPLP_OK)
        return -1;
    f->commitment_as_plan = (snplp_training_plan *)(void *)c;
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

/* ---- id and referential ---- */

static void id_and_referential(void **state)
{
    fixture *f = *state;
    assert_string_equal(snplp_training_plan_id(f->tp), "training-plan");
    assert_ptr_equal(snplp_training_plan_referential(f->tp), f->ref);
    assert_int_equal(snplp_referential_kind_of(f->ref, snplp_training_plan_id(f->tp)),
                     SNPLP_KIND_TRAINING_PLAN);
    assert_null(snplp_training_plan_id(NULL));
    assert_null(snplp_training_plan_referential(NULL));
    assert_null(snplp_training_plan_id(f->strategy_as_plan));
    assert_null(snplp_training_plan_referential(f->strategy_as_plan));
    assert_null(snplp_training_plan_id(f->commitment_as_plan));
    assert_null(snplp_training_plan_referential(f->commitment_as_plan));
}

static void everything_starts_unset(void **state)
{
    fixture *f = *state;
    assert_null(snplp_training_plan_title(f->tp));
    assert_null(snplp_training_plan_description(f->tp));
    assert_null(snplp_training_plan_audience(f->tp));
    double days = 1;
    assert_fails(snplp_training_plan_max_module_days(&days, f->tp), SNPLP_ENOTFOUND);
    assert_int_equal(snplp_training_plan_objective_count(f->tp), 0);
    assert_null(snplp_training_plan_objective_at(f->tp, 0));
    assert_int_equal(snplp_training_plan_outcome_count(f->tp), 0);
    assert_null(snplp_training_plan_outcome_at(f->tp, 0));
}

/* ---- optional texts: title, description, audience ---- */

typedef struct text_field {
    const char *(*get)(const snplp_training_plan *tp);
    int (*set)(snplp_training_plan *tp, const char *text);
} text_field;

static const char *get_title(const snplp_training_plan *tp)
{
    return snplp_training_plan_title(tp);
}
static int set_title(snplp_training_plan *tp, const char *text)
{
    return snplp_training_plan_set_title(tp, text);
}
static const char *get_description(const snplp_training_plan *tp)
{
    return snplp_training_plan_description(tp);
}
static int set_description(snplp_training_plan *tp, const char *text)
{
    return snplp_training_plan_set_description(tp, text);
}
static const char *get_audience(const snplp_training_plan *tp)
{
    return snplp_training_plan_audience(tp);
}
static int set_audience(snplp_training_plan *tp, const char *text)
{
    return snplp_training_plan_set_audience(tp, text);
}

static const text_field title_field = {get_title, set_title};
static const text_field description_field = {get_description, set_description};
static const text_field audience_field = {get_audience, set_audience};

static void assert_others_unset(fixture *f, const text_field *t)
{
    if (t != &title_field)
        assert_null(snplp_training_plan_title(f->tp));
    if (t != &description_field)
        assert_null(snplp_training_plan_description(f->tp));
    if (t != &audience_field)
        assert_null(snplp_training_plan_audience(f->tp));
}

static void check_text_field(fixture *f, const text_field *t)
{
    assert_null(t->get(f->tp));
    assert_ok(t->set(f->tp, "Plan de formation des travailleurs sociaux"));
    assert_text(t->get(f->tp), "Plan de formation des travailleurs sociaux");
    assert_others_unset(f, t);
    assert_ok(t->set(f->tp, "Autre"));
    assert_text(t->get(f->tp), "Autre");
    assert_ok(t->set(f->tp, ""));
    assert_text(t->get(f->tp), "");
    assert_ok(t->set(f->tp, NULL));
    assert_null(t->get(f->tp));
    assert_ok(t->set(f->tp, NULL));
    assert_null(t->get(f->tp));

    char buf[32] = "Public prioritaire e\xcc\x81";
    assert_ok(t->set(f->tp, buf));
    memset(buf, 'x', sizeof buf - 1);
    assert_text(t->get(f->tp), "Public prioritaire \xc3\xa9");
    assert_ok(t->set(f->tp, "\xef\xac\x81n"));
    assert_text(t->get(f->tp), "\xef\xac\x81n");

    assert_ok(t->set(f->tp, "Garde"));
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++) {
        assert_fails(t->set(f->tp, test_bad_texts[i]), SNPLP_EENCODING);
        assert_text(t->get(f->tp), "Garde");
    }

    assert_fails(t->set(NULL, "x"), SNPLP_EINVAL);
    assert_fails(t->set(NULL, NULL), SNPLP_EINVAL);
    assert_null(t->get(NULL));
    assert_fails(t->set(f->strategy_as_plan, "x"), SNPLP_EINVAL);
    assert_fails(t->set(f->commitment_as_plan, "x"), SNPLP_EINVAL);
    assert_null(t->get(f->strategy_as_plan));
    assert_null(t->get(f->commitment_as_plan));
    assert_null(snplp_strategy_title(snplp_referential_strategy(f->ref)));
    assert_string_equal(snplp_commitment_title((snplp_commitment *)(void *)f->commitment_as_plan),
                        "Engagement");
    assert_text(t->get(f->tp), "Garde");
}

static void title(void **state)
{
    check_text_field(*state, &title_field);
}

static void description(void **state)
{
    check_text_field(*state, &description_field);
}

static void audience(void **state)
{
    check_text_field(*state, &audience_field);
}

typedef struct set_ctx {
    snplp_training_plan *tp;
    const text_field *t;
    const char *text;
    char *old;
} set_ctx;

static int set_step(void *p)
{
    set_ctx *c = p;
    return c->t->set(c->tp, c->text);
}

static void set_check(void *p)
{
    set_ctx *c = p;
    assert_text(c->t->get(c->tp), c->old);
}

static void sweep_set(snplp_training_plan *tp, const text_field *t, const char *text,
                      const char *stored)
{
    const char *old = t->get(tp);
    set_ctx c = {tp, t, text, old ? strdup(old) : NULL};
    assert_true(test_oom_sweep(set_step, set_check, &c) > 0);
    assert_text(t->get(tp), stored);
    free(c.old);
}

static void sweep_text_field(fixture *f, const text_field *t)
{
    sweep_set(f->tp, t, "Plan", "Plan");
    sweep_set(f->tp, t, "Formation des cadres e\xcc\x81", "Formation des cadres \xc3\xa9");
    char *nfd = test_long_text("e\xcc\x81", 300), *nfc = test_long_text("\xc3\xa9", 300);
    sweep_set(f->tp, t, nfd, nfc);
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

static void audience_out_of_memory(void **state)
{
    sweep_text_field(*state, &audience_field);
}

/* ---- maximum module duration ---- */

static void max_module_days(void **state)
{
    fixture *f = *state;
    static const double good[] = {5.0, 0.5, 1.0, 3.25, 365.0, 0.000001, 9999.999999};
    double days = 0;
    for (size_t i = 0; i < COUNT_OF(good); i++) {
        assert_ok(snplp_training_plan_set_max_module_days(f->tp, good[i]));
        assert_ok(snplp_training_plan_max_module_days(&days, f->tp));
        assert_true(days == good[i]);
    }
    assert_ok(snplp_training_plan_set_max_module_days(f->tp, 5.0));
    assert_ok(snplp_training_plan_clear_max_module_days(f->tp));
    days = 42;
    assert_fails(snplp_training_plan_max_module_days(&days, f->tp), SNPLP_ENOTFOUND);
    assert_ok(snplp_training_plan_clear_max_module_days(f->tp)); /* twice is fine */
    assert_fails(snplp_training_plan_max_module_days(&days, f->tp), SNPLP_ENOTFOUND);
    assert_ok(snplp_training_plan_set_max_module_days(f->tp, 2.0));
    assert_ok(snplp_training_plan_max_module_days(&days, f->tp));
    assert_true(days == 2.0);
}

static void max_module_days_rejects_non_positive_or_non_finite(void **state)
{
    fixture *f = *state;
    const double bad[] = {0.0, -0.0, -1.0, -DBL_MIN, -DBL_MAX,  DBL_MIN,  DBL_MAX,
                          1e4, NAN,  -NAN, INFINITY, -INFINITY, 0.0000004};
    double days = 0;
    for (size_t i = 0; i < COUNT_OF(bad); i++)
        assert_fails(snplp_training_plan_set_max_module_days(f->tp, bad[i]), SNPLP_EINVAL);
    assert_fails(snplp_training_plan_max_module_days(&days, f->tp), SNPLP_ENOTFOUND);
    assert_ok(snplp_training_plan_set_max_module_days(f->tp, 5.0));
    for (size_t i = 0; i < COUNT_OF(bad); i++) {
        assert_fails(snplp_training_plan_set_max_module_days(f->tp, bad[i]), SNPLP_EINVAL);
        assert_ok(snplp_training_plan_max_module_days(&days, f->tp));
        assert_true(days == 5.0); /* the old value stays */
    }
}

static void max_module_days_null_and_wrong_object(void **state)
{
    fixture *f = *state;
    double days = 7;
    assert_ok(snplp_training_plan_set_max_module_days(f->tp, 5.0));
    assert_fails(snplp_training_plan_max_module_days(NULL, f->tp), SNPLP_EINVAL);
    assert_fails(snplp_training_plan_max_module_days(&days, NULL), SNPLP_EINVAL);
    assert_fails(snplp_training_plan_max_module_days(&days, f->strategy_as_plan), SNPLP_EINVAL);
    assert_fails(snplp_training_plan_max_module_days(&days, f->commitment_as_plan), SNPLP_EINVAL);
    assert_true(days == 7);
    assert_fails(snplp_training_plan_set_max_module_days(NULL, 5.0), SNPLP_EINVAL);
    assert_fails(snplp_training_plan_set_max_module_days(f->strategy_as_plan, 5.0), SNPLP_EINVAL);
    assert_fails(snplp_training_plan_set_max_module_days(f->commitment_as_plan, 5.0), SNPLP_EINVAL);
    assert_fails(snplp_training_plan_clear_max_module_days(NULL), SNPLP_EINVAL);
    assert_fails(snplp_training_plan_clear_max_module_days(f->strategy_as_plan), SNPLP_EINVAL);
    assert_fails(snplp_training_plan_clear_max_module_days(f->commitment_as_plan), SNPLP_EINVAL);
    /* The strategy's number was not touched through the wrong pointer. */
    int64_t cents = 0;
    assert_fails(snplp_strategy_budget_cents(&cents, snplp_referential_strategy(f->ref)),
                 SNPLP_ENOTFOUND);
    assert_ok(snplp_training_plan_max_module_days(&days, f->tp));
    assert_true(days == 5.0);
}

static void max_module_days_does_not_allocate(void **state)
{
    fixture *f = *state;
    double days = 0;
    size_t before = snplp_memory_used();
    snplp__alloc_fail_after(0);
    int set = snplp_training_plan_set_max_module_days(f->tp, 4.0);
    int get = snplp_training_plan_max_module_days(&days, f->tp);
    int clear = snplp_training_plan_clear_max_module_days(f->tp);
    snplp__alloc_fail_after(-1);
    assert_ok(set);
    assert_ok(get);
    assert_ok(clear);
    assert_true(days == 4.0);
    assert_int_equal(snplp_memory_used(), before);
}

/* ---- objectives and outcomes, seen through one interface ---- */

typedef struct child_ops {
    snplp_kind kind;
    int (*add)(void **out, snplp_training_plan *tp, const char *id, const char *text);
    size_t (*count)(const snplp_training_plan *tp);
    void *(*at)(const snplp_training_plan *tp, size_t index);
    void *(*find)(const snplp_referential *ref, const char *id);
    const char *(*id)(const void *it);
    const char *(*text)(const void *it);
    snplp_referential *(*root)(const void *it);
} child_ops;

static int add_objective(void **out, snplp_training_plan *tp, const char *id, const char *text)
{
    snplp_objective *it = NULL;
    int rc = snplp_training_plan_add_objective(out ? &it : NULL, tp, id, text);
    if (out)
        *out = it;
    return rc;
}
static size_t count_objective(const snplp_training_plan *tp)
{
    return snplp_training_plan_objective_count(tp);
}
static void *at_objective(const snplp_training_plan *tp, size_t index)
{
    return snplp_training_plan_objective_at(tp, index);
}
static void *find_objective(const snplp_referential *ref, const char *id)
{
    return snplp_referential_objective_find(ref, id);
}
static const char *id_objective(const void *it)
{
    return snplp_objective_id(it);
}
static const char *text_objective(const void *it)
{
    return snplp_objective_text(it);
}
static snplp_referential *root_objective(const void *it)
{
    return snplp_objective_referential(it);
}

static int add_outcome(void **out, snplp_training_plan *tp, const char *id, const char *text)
{
    snplp_outcome *it = NULL;
    int rc = snplp_training_plan_add_outcome(out ? &it : NULL, tp, id, text);
    if (out)
        *out = it;
    return rc;
}
static size_t count_outcome(const snplp_training_plan *tp)
{
    return snplp_training_plan_outcome_count(tp);
}
static void *at_outcome(const snplp_training_plan *tp, size_t index)
{
    return snplp_training_plan_outcome_at(tp, index);
}
static void *find_outcome(const snplp_referential *ref, const char *id)
{
    return snplp_referential_outcome_find(ref, id);
}
static const char *id_outcome(const void *it)
{
    return snplp_outcome_id(it);
}
static const char *text_outcome(const void *it)
{
    return snplp_outcome_text(it);
}
static snplp_referential *root_outcome(const void *it)
{
    return snplp_outcome_referential(it);
}

static child_ops children[] = {
    {SNPLP_KIND_OBJECTIVE, add_objective, count_objective, at_objective, find_objective,
     id_objective, text_objective, root_objective},
    {SNPLP_KIND_OUTCOME, add_outcome, count_outcome, at_outcome, find_outcome, id_outcome,
     text_outcome, root_outcome},
};

/* The fixture with the kind of child in its initial state. */
typedef struct child_fixture {
    fixture f;
    const child_ops *k;
} child_fixture;

static int child_setup(void **state)
{
    const child_ops *k = *state;
    if (setup(state) != 0)
        return -1;
    child_fixture *cf = realloc(*state, sizeof *cf);
    if (!cf)
        return -1;
    cf->k = k;
    *state = cf;
    return 0;
}

static const child_ops *other_child(const child_ops *k)
{
    return k == &children[0] ? &children[1] : &children[0];
}

static void child_add_count_at(void **state)
{
    child_fixture *cf = *state;
    fixture *f = &cf->f;
    const child_ops *k = cf->k;
    static const char *const ids[] = {"z9", "a1", "m_5", "_x", "B.c-d"};
    void *items[COUNT_OF(ids)];
    for (size_t i = 0; i < COUNT_OF(ids); i++) {
        char text[32];
        snprintf(text, sizeof text, "Texte %zu", i);
        items[i] = NULL;
        assert_ok(k->add(&items[i], f->tp, ids[i], text));
        assert_non_null(items[i]);
        assert_int_equal(k->count(f->tp), i + 1);
    }
    for (size_t i = 0; i < COUNT_OF(ids); i++) {
        char text[32];
        snprintf(text, sizeof text, "Texte %zu", i);
        assert_ptr_equal(k->at(f->tp, i), items[i]);
        assert_ptr_equal(k->find(f->ref, ids[i]), items[i]);
        assert_string_equal(k->id(items[i]), ids[i]);
        assert_string_equal(k->text(items[i]), text);
        assert_ptr_equal(k->root(items[i]), f->ref);
        assert_int_equal(snplp_referential_kind_of(f->ref, ids[i]), k->kind);
        /* An objective is not an outcome. */
        assert_null(other_child(k)->find(f->ref, ids[i]));
    }
    assert_null(k->at(f->tp, COUNT_OF(ids)));
    assert_null(k->at(f->tp, SIZE_MAX));
    /* Items of the plan count in the referential; the other list is untouched. */
    assert_int_equal(snplp_referential_item_count(f->ref), 4 + COUNT_OF(ids));
    assert_int_equal(other_child(k)->count(f->tp), 0);
    /* The out parameter may be NULL. */
    assert_ok(k->add(NULL, f->tp, "no-out", "Sans sortie"));
    assert_int_equal(k->count(f->tp), COUNT_OF(ids) + 1);
    assert_string_equal(k->text(k->at(f->tp, COUNT_OF(ids))), "Sans sortie");
}

static void child_of_a_theme_is_not_plan_wide(void **state)
{
    child_fixture *cf = *state;
    fixture *f = &cf->f;
    const child_ops *k = cf->k;
    if (k->kind == SNPLP_KIND_OBJECTIVE)
        assert_ok(snplp_theme_add_objective(NULL, f->theme, "th1", "Du th\xc3\xa8me"));
    else
        assert_ok(snplp_theme_add_outcome(NULL, f->theme, "th1", "Du th\xc3\xa8me"));
    assert_int_equal(k->count(f->tp), 0);
    assert_null(k->at(f->tp, 0));
    assert_non_null(k->find(f->ref, "th1"));
    assert_ok(k->add(NULL, f->tp, "tp1", "Du plan"));
    assert_int_equal(k->count(f->tp), 1);
    assert_string_equal(k->id(k->at(f->tp, 0)), "tp1");
    /* Ids are shared with the themes' children. */
    assert_fails(k->add(NULL, f->tp, "th1", "Encore"), SNPLP_EEXISTS);
}

static void child_add_errors(void **state)
{
    child_fixture *cf = *state;
    fixture *f = &cf->f;
    const child_ops *k = cf->k;
    assert_ok(k->add(NULL, f->tp, "first", "Premier"));
    assert_ok(other_child(k)->add(NULL, f->tp, "other", "Autre"));
    size_t items = snplp_referential_item_count(f->ref);
    void *out = NULL;
    assert_fails(k->add(&out, NULL, "x", "Texte"), SNPLP_EINVAL);
    assert_fails(k->add(&out, f->strategy_as_plan, "x", "Texte"), SNPLP_EINVAL);
    assert_fails(k->add(&out, f->commitment_as_plan, "x", "Texte"), SNPLP_EINVAL);
    assert_fails(k->add(&out, f->tp, NULL, "Texte"), SNPLP_EINVAL);
    assert_fails(k->add(&out, f->tp, "x", NULL), SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(bad_ids); i++)
        assert_fails(k->add(&out, f->tp, bad_ids[i], "Texte"), SNPLP_EBADID);
    char id[SNPLP_ID_MAX + 2];
    memset(id, 'a', SNPLP_ID_MAX + 1);
    id[SNPLP_ID_MAX + 1] = '\0';
    assert_fails(k->add(&out, f->tp, id, "Texte"), SNPLP_EBADID);
    /* Ids in use by any kind. */
    static const char *const used[] = {"strategy", "training-plan", "c1", "t1", "first", "other"};
    for (size_t i = 0; i < COUNT_OF(used); i++)
        assert_fails(k->add(&out, f->tp, used[i], "Texte"), SNPLP_EEXISTS);
    for (size_t i = 0; i < COUNT_OF(test_bad_texts); i++)
        assert_fails(k->add(&out, f->tp, "x", test_bad_texts[i]), SNPLP_EENCODING);
    assert_null(out);
    assert_int_equal(k->count(f->tp), 1);
    assert_int_equal(snplp_referential_item_count(f->ref), items);
    assert_int_equal(snplp_referential_kind_of(f->ref, "x"), SNPLP_KIND_NONE);
    assert_string_equal(k->text(k->at(f->tp, 0)), "Premier");
    assert_int_equal(snplp_referential_kind_of(f->ref, "c1"), SNPLP_KIND_COMMITMENT);

    /* The longest id is fine. */
    id[SNPLP_ID_MAX] = '\0';
    assert_ok(k->add(NULL, f->tp, id, "Texte"));

    /* Reading through NULL or a wrong object. */
    assert_int_equal(k->count(NULL), 0);
    assert_null(k->at(NULL, 0));
    assert_int_equal(k->count(f->strategy_as_plan), 0);
    assert_null(k->at(f->strategy_as_plan, 0));
    assert_int_equal(k->count(f->commitment_as_plan), 0);
    assert_null(k->at(f->commitment_as_plan, 0));
}

static void child_text_is_copied_and_normalized(void **state)
{
    child_fixture *cf = *state;
    fixture *f = &cf->f;
    const child_ops *k = cf->k;
    char id[8] = "o1", text[40] = "Acce\xcc\x80s aux droits";
    void *it = NULL;
    assert_ok(k->add(&it, f->tp, id, text));
    memset(text, 'x', sizeof text - 1);
    strcpy(id, "zz");
    assert_string_equal(k->text(it), "Acc\xc3\xa8s aux droits");
    assert_string_equal(k->id(it), "o1");
    assert_ptr_equal(k->find(f->ref, "o1"), it);
    assert_ok(k->add(&it, f->tp, "blank", "")); /* blank: reported by validation, not here */
    assert_string_equal(k->text(it), "");
}

typedef struct add_ctx {
    const child_ops *k;
    fixture *f;
    const char *id;
    const char *text;
    size_t count;
    size_t items;
} add_ctx;

static int add_step(void *p)
{
    add_ctx *c = p;
    return c->k->add(NULL, c->f->tp, c->id, c->text);
}

static void add_check(void *p)
{
    add_ctx *c = p;
    assert_int_equal(c->k->count(c->f->tp), c->count);
    assert_int_equal(snplp_referential_item_count(c->f->ref), c->items);
    assert_int_equal(snplp_referential_kind_of(c->f->ref, c->id), SNPLP_KIND_NONE);
    assert_null(c->k->find(c->f->ref, c->id));
}

static void sweep_add(const child_ops *k, fixture *f, const char *id, const char *text,
                      const char *stored)
{
    add_ctx c = {k, f, id, text, k->count(f->tp), snplp_referential_item_count(f->ref)};
    assert_true(test_oom_sweep(add_step, add_check, &c) > 0);
    assert_int_equal(k->count(f->tp), c.count + 1);
    assert_int_equal(snplp_referential_item_count(f->ref), c.items + 1);
    void *it = k->at(f->tp, c.count);
    assert_ptr_equal(k->find(f->ref, id), it);
    assert_string_equal(k->text(it), stored);
}

/* Out of memory while adding to a list that has room. */
static void child_add_out_of_memory(void **state)
{
    child_fixture *cf = *state;
    fixture *f = &cf->f;
    const child_ops *k = cf->k;
    for (int i = 0; i < 9; i++) { /* room for 16 */
        char id[16];
        snprintf(id, sizeof id, "pre%d", i);
        assert_ok(k->add(NULL, f->tp, id, "Avant"));
    }
    sweep_add(k, f, "ascii", "Former", "Former");
    sweep_add(k, f, "nfd", "Acce\xcc\x80s", "Acc\xc3\xa8s");
    char *nfd = test_long_text("e\xcc\x81", 300), *nfc = test_long_text("\xc3\xa9", 300);
    sweep_add(k, f, "long", nfd, nfc);
    free(nfd);
    free(nfc);
}

/* Out of memory while adding the first one: the failed add must not leave the referential
 * holding more memory than before. */
static void child_add_first_out_of_memory(void **state)
{
    child_fixture *cf = *state;
    sweep_add(cf->k, &cf->f, "first", "Premier", "Premier");
}

/* ---- the plan in a referential ---- */

static void changes_show_in_equality(void **state)
{
    fixture *f = *state;
    snplp_referential *other = test_new_referential();
    assert_ok(snplp_referential_add_commitment(NULL, other, "c1", "Engagement"));
    assert_ok(snplp_referential_add_theme(NULL, other, "t1", "Th\xc3\xa8me"));
    snplp_training_plan *tp2 = snplp_referential_training_plan(other);
    assert_true(snplp_referential_equal(f->ref, other));

    assert_ok(snplp_training_plan_set_max_module_days(f->tp, 5.0));
    assert_false(snplp_referential_equal(f->ref, other));
    assert_ok(snplp_training_plan_set_max_module_days(tp2, 4.0));
    assert_false(snplp_referential_equal(f->ref, other));
    assert_ok(snplp_training_plan_set_max_module_days(tp2, 5.0));
    assert_true(snplp_referential_equal(f->ref, other));

    assert_ok(snplp_training_plan_set_audience(f->tp, "Tous"));
    assert_false(snplp_referential_equal(f->ref, other));
    assert_ok(snplp_training_plan_set_audience(tp2, "Tous"));
    assert_true(snplp_referential_equal(f->ref, other));

    assert_ok(snplp_training_plan_add_objective(NULL, f->tp, "o1", "Former"));
    assert_false(snplp_referential_equal(f->ref, other));
    assert_ok(snplp_training_plan_add_objective(NULL, tp2, "o1", "Former"));
    assert_true(snplp_referential_equal(f->ref, other));

    assert_ok(snplp_training_plan_add_outcome(NULL, f->tp, "oc1", "Savoir"));
    assert_ok(snplp_training_plan_add_outcome(NULL, tp2, "oc1", "Savoir."));
    assert_false(snplp_referential_equal(f->ref, other));
    snplp_referential_unref(other);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
#define CHILD_TEST(test, i, name)                                                                  \
    {                                                                                              \
#test "/" #name, test, child_setup, teardown, &children[i]                                 \
    }
#define FOR_EACH_CHILD(test) CHILD_TEST(test, 0, objective), CHILD_TEST(test, 1, outcome)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(id_and_referential),
        TEST(everything_starts_unset),
        TEST(title),
        TEST(description),
        TEST(audience),
        TEST(title_out_of_memory),
        TEST(description_out_of_memory),
        TEST(audience_out_of_memory),
        TEST(max_module_days),
        TEST(max_module_days_rejects_non_positive_or_non_finite),
        TEST(max_module_days_null_and_wrong_object),
        TEST(max_module_days_does_not_allocate),
        FOR_EACH_CHILD(child_add_count_at),
        FOR_EACH_CHILD(child_of_a_theme_is_not_plan_wide),
        FOR_EACH_CHILD(child_add_errors),
        FOR_EACH_CHILD(child_text_is_copied_and_normalized),
        FOR_EACH_CHILD(child_add_out_of_memory),
        FOR_EACH_CHILD(child_add_first_out_of_memory),
        TEST(changes_show_in_equality),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
