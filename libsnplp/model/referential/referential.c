/* The referential: creation, reference counting, top-level lists, lookups and deep equality. */
#include "model/referential/item.h"

#include <string.h>

#include "util/alloc.h"
#include "util/errors.h"

int snplp_referential_new(snplp_referential **out)
{
    int rc;
    snplp_referential *ref = snplp__new_object(out, sizeof *ref, __func__, &rc);
    if (!ref)
        return rc;
    ref->magic = SNPLP_REFERENTIAL_MAGIC;
    atomic_init(&ref->refs, 1);
    atomic_init(&ref->frozen, false);
    if (pthread_mutex_init(&ref->index_lock, NULL) != 0) {
        snplp__free(ref);
        return snplp__fail_in(__func__, SNPLP_EINTERNAL, "could not create a mutex");
    }
    snplp__kinds_init();
    /* the singletons (strategy, training plan), their id the kind's name, their title unset */
    rc = SNPLP_OK;
    for (int r = 0; r < ROOT_LIST_COUNT && !rc; r++) {
        const snplp_kind_info *k = snplp__kind_info((snplp_kind)snplp__roots[r].kind);
        if (k->singleton)
            rc = snplp__item_add(NULL, ref, NULL, (uint8_t)r, (snplp_kind)snplp__roots[r].kind,
                                 k->name, NULL, __func__);
    }
    if (rc) {
        snplp_referential_unref(ref);
        return rc;
    }
    *out = ref;
    return 0;
}

snplp_referential *snplp_referential_ref(snplp_referential *ref)
{
    if (!snplp__ref_ok(ref))
        return NULL;
    atomic_fetch_add_explicit(&ref->refs, 1, memory_order_relaxed);
    return ref;
}

void snplp_referential_unref(snplp_referential *ref)
{
    if (!snplp__ref_ok(ref) || atomic_fetch_sub_explicit(&ref->refs, 1, memory_order_acq_rel) != 1)
        return;
    for (int r = 0; r < ROOT_LIST_COUNT; r++) {
        snplp_list *l = &ref->lists[r];
        for (uint32_t i = 0; i < l->n; i++)
            snplp__item_free_tree(l->v[i]);
        snplp__list_dispose(l);
    }
    snplp__idmap_dispose(&ref->ids);
    snplp__ext_dispose_all(ref);
    snplp__offers_dispose(ref);
    if (ref->index)
        ref->index_free(ref->index);
    pthread_mutex_destroy(&ref->index_lock);
    ref->magic = 0;
    snplp__free(ref);
}

int snplp_referential_freeze(snplp_referential *ref)
{
    if (!snplp__ref_ok(ref))
        return snplp__bad_arg(__func__, "NULL or wrong referential");
    atomic_store_explicit(&ref->frozen, true, memory_order_release);
    return SNPLP_OK;
}

bool snplp_referential_is_frozen(const snplp_referential *ref)
{
    return snplp__ref_ok(ref) && atomic_load_explicit(&ref->frozen, memory_order_acquire);
}

size_t snplp_referential_item_count(const snplp_referential *ref)
{
    return snplp__ref_ok(ref) ? ref->ids.n : 0;
}

snplp_kind snplp_referential_kind_of(const snplp_referential *ref, const char *id)
{
    if (!snplp__ref_ok(ref) || !id) {
        snplp__bad_arg(__func__, "NULL or wrong referential, or NULL id");
        return SNPLP_KIND_NONE;
    }
    const snplp_item *it = snplp__idmap_get(&ref->ids, id);
    if (!it) {
        char q[80];
        snplp__fail_in(__func__, SNPLP_ENOTFOUND, "no item has the id %s",
                       snplp__quote(q, sizeof q, id));
        return SNPLP_KIND_NONE;
    }
    return (snplp_kind)it->kind;
}

/* ---- deep equality ---- */

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static bool same_item(const snplp_item *a, const snplp_item *b)
{
    if (a->kind != b->kind || a->variant != b->variant || a->flag != b->flag ||
        a->has_number != b->has_number || strcmp(a->id, b->id) != 0 ||
        !snplp__ext_equal(snplp__ext_get(a), snplp__ext_get(b)) ||
        !snplp__offer_equal(snplp__offer_of(a), snplp__offer_of(b)))
        return false;
    const snplp_kind_info *k = snplp__kind_info((snplp_kind)a->kind);
    if (a->has_number && (k->number == NUMBER_REAL ? a->number.real != b->number.real
                                                   : a->number.integer != b->number.integer))
        return false;
    char **ta = snplp__item_texts(a), **tb = snplp__item_texts(b);
    for (int i = 0; i < k->ntexts; i++)
        if (!same_text(ta[i], tb[i]))
            return false;
    for (int i = 0; i < k->nlists; i++) {
        const snplp_list *la = snplp__item_list(a, k->lists[i].id);
        const snplp_list *lb = snplp__item_list(b, k->lists[i].id);
        if (k->lists[i].elem == ELEM_VIEW)
            continue; /* derived from the modules' theme ids */
        if (la->n != lb->n)
            return false;
        if (k->lists[i].elem == ELEM_STRING)
            for (uint32_t j = 0; j < la->n; j++)
                if (strcmp(la->v[j], lb->v[j]) != 0)
                    return false;
    }
    return true;
}

bool snplp_referential_equal(const snplp_referential *a, const snplp_referential *b)
{
    if (!snplp__ref_ok(a) || !snplp__ref_ok(b))
        return !a && !b;
    if (a == b)
        return true;
    if (a->ids.n != b->ids.n)
        return false;
    /* Same items in the same document order, each with as many children as its twin: the
     * trees have the same shape and content. */
    const snplp_item *x = snplp__next(a, NULL), *y = snplp__next(b, NULL);
    for (; x && y; x = snplp__next(a, x), y = snplp__next(b, y))
        if (!same_item(x, y))
            return false;
    return !x && !y;
}

/* ---- singletons ---- */

snplp_strategy *snplp_referential_strategy(const snplp_referential *ref)
{
    return snplp__ref_ok(ref) ? ref->lists[ROOT_STRATEGY].v[0] : NULL;
}

snplp_training_plan *snplp_referential_training_plan(const snplp_referential *ref)
{
    return snplp__ref_ok(ref) ? ref->lists[ROOT_TRAINING_PLAN].v[0] : NULL;
}

/* ---- top-level lists ---- */

/* The item of that kind with that id; a miss is reported as SNPLP_ENOTFOUND for fn (errors.h:
 * a lookup that finds nothing records why, so no earlier message is left to be read). */
static snplp_item *find(const snplp_referential *ref, const char *id, snplp_kind kind,
                        const char *fn)
{
    if (!snplp__ref_ok(ref) || !id) {
        snplp__bad_arg(fn, "NULL or wrong referential, or NULL id");
        return NULL;
    }
    snplp_item *it = snplp__idmap_get(&ref->ids, id);
    if (it && it->kind == kind)
        return it;
    char q[80];
    if (it)
        snplp__fail_in(fn, SNPLP_ENOTFOUND, "id %s is a %s, not a %s",
                       snplp__quote(q, sizeof q, id), snplp__kinds[it->kind].name,
                       snplp__kinds[kind].name);
    else
        snplp__fail_in(fn, SNPLP_ENOTFOUND, "no item has the id %s", snplp__quote(q, sizeof q, id));
    return NULL;
}

/* snplp_referential_<type>_count/_at/_find over the root list ROOT */
#define DEFINE_ROOT_LIST(type, KIND, ROOT)                                                         \
    size_t snplp_referential_##type##_count(const snplp_referential *ref)                          \
    {                                                                                              \
        return snplp__ref_ok(ref) ? ref->lists[ROOT_##ROOT].n : 0;                                 \
    }                                                                                              \
    snplp_##type *snplp_referential_##type##_at(const snplp_referential *ref, size_t index)        \
    {                                                                                              \
        return snplp__ref_ok(ref) ? snplp__list_at(&ref->lists[ROOT_##ROOT], index) : NULL;        \
    }                                                                                              \
    snplp_##type *snplp_referential_##type##_find(const snplp_referential *ref, const char *id)    \
    {                                                                                              \
        return (snplp_##type *)(void *)find(ref, id, SNPLP_KIND_##KIND, __func__);                 \
    }

/* snplp_referential_add_<type>(&out, ref, id, text) appending to the root list ROOT */
#define DEFINE_ROOT_ADD(type, KIND, ROOT)                                                          \
    int snplp_referential_add_##type(snplp_##type **out, snplp_referential *ref, const char *id,   \
                                     const char *text)                                             \
    {                                                                                              \
        snplp_item *it = NULL;                                                                     \
        int rc =                                                                                   \
            snplp__item_add(&it, ref, NULL, ROOT_##ROOT, SNPLP_KIND_##KIND, id, text, __func__);   \
        if (!rc && out)                                                                            \
            *out = (snplp_##type *)(void *)it;                                                     \
        return rc;                                                                                 \
    }

/* snplp_referential_<type>_find for an item nested under another */
#define DEFINE_NESTED_FIND(type, KIND)                                                             \
    snplp_##type *snplp_referential_##type##_find(const snplp_referential *ref, const char *id)    \
    {                                                                                              \
        return (snplp_##type *)(void *)find(ref, id, SNPLP_KIND_##KIND, __func__);                 \
    }

DEFINE_ROOT_LIST(commitment, COMMITMENT, COMMITMENTS)
DEFINE_ROOT_ADD(commitment, COMMITMENT, COMMITMENTS)
DEFINE_ROOT_LIST(lever, LEVER, LEVERS)
DEFINE_ROOT_ADD(lever, LEVER, LEVERS)
DEFINE_ROOT_LIST(theme, THEME, THEMES)
DEFINE_ROOT_LIST(module, MODULE, MODULES)
DEFINE_ROOT_LIST(profession, PROFESSION, PROFESSIONS)
DEFINE_ROOT_LIST(diploma_rule, DIPLOMA_RULE, DIPLOMA_RULES)
DEFINE_ROOT_ADD(diploma_rule, DIPLOMA_RULE, DIPLOMA_RULES)
DEFINE_ROOT_LIST(funding, FUNDING, FUNDINGS)
DEFINE_ROOT_ADD(funding, FUNDING, FUNDINGS)
DEFINE_ROOT_LIST(plan, PLAN, PLANS)
DEFINE_ROOT_ADD(plan, PLAN, PLANS)
DEFINE_NESTED_FIND(competence, COMPETENCE)
DEFINE_NESTED_FIND(content, CONTENT)
DEFINE_NESTED_FIND(objective, OBJECTIVE)
DEFINE_NESTED_FIND(outcome, OUTCOME)
DEFINE_NESTED_FIND(recommendation, RECOMMENDATION)
DEFINE_NESTED_FIND(plan_theme, PLAN_THEME)
DEFINE_NESTED_FIND(figure, FIGURE)

int snplp_referential_add_theme(snplp_theme **out, snplp_referential *ref, const char *id,
                                const char *title)
{
    snplp_item *it = NULL;
    /* it views the modules that already name it (item.c) */
    int rc = snplp__item_add(&it, ref, NULL, ROOT_THEMES, SNPLP_KIND_THEME, id, title, __func__);
    if (!rc && out)
        *out = (snplp_theme *)(void *)it;
    return rc;
}

/* Adds a module for a caller: refuses a theme id that names an item of another kind, the sign
 * of two ids given in the wrong order. */
static int add_module(snplp_module **out, snplp_referential *ref, const char *id,
                      const char *theme_id, snplp_level level, const char *title, const char *fn)
{
    if (snplp__ref_ok(ref) && theme_id) {
        const snplp_item *t = snplp__idmap_get(&ref->ids, theme_id);
        if (t && t->kind != SNPLP_KIND_THEME) {
            char q[80];
            return snplp__fail_in(fn, SNPLP_EINVAL,
                                  "the theme id %s names a %s, not a theme (are the module's id "
                                  "and its theme's swapped?)",
                                  snplp__quote(q, sizeof q, theme_id), snplp__kinds[t->kind].name);
        }
    }
    snplp_item *it = NULL;
    int rc = snplp__module_add(&it, ref, theme_id, id, level, title, fn);
    if (!rc && out)
        *out = (snplp_module *)(void *)it;
    return rc;
}

int snplp_referential_add_module(snplp_module **out, snplp_referential *ref, const char *theme_id,
                                 const char *id, snplp_level level, const char *title)
{
    return add_module(out, ref, id, theme_id, level, title, __func__);
}

int snplp_referential_add_module_to_theme(snplp_module **out, snplp_referential *ref,
                                          const char *id, const char *theme_id, snplp_level level,
                                          const char *title)
{
    return add_module(out, ref, id, theme_id, level, title, __func__);
}

int snplp_referential_add_profession(snplp_profession **out, snplp_referential *ref, const char *id,
                                     snplp_category category, const char *title)
{
    if (category != SNPLP_CATEGORY_WORKER && category != SNPLP_CATEGORY_CADRE)
        return snplp__fail_in(__func__, SNPLP_EINVAL, "unknown profession category %d",
                              (int)category);
    snplp_item *it = NULL;
    snplp_item_init init = {.id = id, .text = title, .variant = (int)category};
    int rc = snplp__item_make(&it, ref, NULL, ROOT_PROFESSIONS, SNPLP_KIND_PROFESSION, &init,
                              SNPLP_TEXT_UNCHECKED, __func__);
    if (!rc && out)
        *out = (snplp_profession *)(void *)it;
    return rc;
}
