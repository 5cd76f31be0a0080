/* Lists of conventions: references to conventions, in order, ids unique (an id map kept with
 * the list finds a convention, and a duplicate, without going through the list). */
#include <stddef.h>
#include <string.h>

#include "util/alloc.h"
#include "model/conventions/convention_model.h"
#include "util/idmap.h"
#include "util/getters.h"

#define SNPLP_CONVENTION_LIST_MAGIC 0x5EB1C0A5u

struct snplp_convention_list {
    uint32_t magic;
    snplp_list conventions; /* snplp_convention *, one reference each */
    snplp_idmap ids;        /* the same conventions by id (a convention's id never changes) */
    char *prolog;           /* the comments before the root of the document read, or NULL */
    atomic_bool frozen;     /* snplp_convention_list_freeze() */
};

#define CONV_KEY offsetof(struct snplp_convention, id)

snplp_convention_list *snplp__convention_list_of(const snplp_convention_list *l)
{
    return l && l->magic == SNPLP_CONVENTION_LIST_MAGIC ? (snplp_convention_list *)l : NULL;
}

snplp_convention *const *snplp__convention_list_items(const snplp_convention_list *l, size_t *n)
{
    *n = l->conventions.n;
    return (snplp_convention *const *)l->conventions.v;
}

int snplp_convention_list_new(snplp_convention_list **out)
{
    int rc;
    snplp_convention_list *l = snplp__new_object(out, sizeof *l, __func__, &rc);
    if (!l)
        return rc;
    l->magic = SNPLP_CONVENTION_LIST_MAGIC;
    atomic_init(&l->frozen, false);
    *out = l;
    return 0;
}

void snplp__convention_list_set_prolog(snplp_convention_list *list, char *prolog)
{
    snplp_convention_list *l = snplp__convention_list_of(list);
    if (!l) {
        snplp__free(prolog);
        return;
    }
    snplp__free(l->prolog);
    l->prolog = prolog;
}

const char *snplp__convention_list_prolog(const snplp_convention_list *list)
{
    const snplp_convention_list *l = snplp__convention_list_of(list);
    return l && l->prolog ? l->prolog : "";
}

void snplp_convention_list_free(snplp_convention_list *list)
{
    snplp_convention_list *l = snplp__convention_list_of(list);
    if (!l)
        return;
    for (uint32_t i = 0; i < l->conventions.n; i++)
        snplp_convention_unref(l->conventions.v[i]);
    snplp__list_dispose(&l->conventions);
    snplp__idmap_dispose(&l->ids);
    snplp__free(l->prolog);
    l->magic = 0;
    snplp__free(l);
}

int snplp_convention_list_add(snplp_convention_list *list, snplp_convention *conv)
{
    snplp_convention_list *l = snplp__convention_list_of(list);
    snplp_convention *c = snplp__conv_of(conv);
    if (!l || !c)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    if (atomic_load_explicit(&l->frozen, memory_order_relaxed))
        return snplp__fail_in(__func__, SNPLP_EFROZEN, "the list of conventions is frozen");
    if (snplp__convention_list_get(l, c->id))
        return snplp__fail_in(__func__, SNPLP_EEXISTS, "the list already holds a convention '%s'",
                              c->id);
    snplp_list_growth gl;
    snplp_idmap_growth gi;
    int rc = snplp__list_reserve_undoable(&l->conventions, &gl);
    if (!rc && (rc = snplp__idmap_reserve_undoable(&l->ids, &gi)))
        snplp__list_growth_rollback(&gl);
    if (rc)
        return rc;
    snplp__list_growth_commit(&gl);
    snplp__idmap_growth_commit(&gi);
    snplp__list_push(&l->conventions, snplp_convention_ref(c));
    snplp__idmap_put_keyed(&l->ids, c, CONV_KEY);
    return 0;
}

int snplp_convention_list_remove(snplp_convention_list *list, const char *id)
{
    snplp_convention_list *l = snplp__convention_list_of(list);
    if (!l || !id)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    if (atomic_load_explicit(&l->frozen, memory_order_relaxed))
        return snplp__fail_in(__func__, SNPLP_EFROZEN, "the list of conventions is frozen");
    uint32_t at = 0;
    while (at < l->conventions.n && strcmp(((snplp_convention *)l->conventions.v[at])->id, id) != 0)
        at++;
    if (at == l->conventions.n) {
        char q[200];
        return snplp__fail_in(__func__, SNPLP_ENOTFOUND, "the list holds no convention '%s'",
                              snplp__quote(q, sizeof q, id));
    }
    /* the id map has no removal: a new one is built for the others, before anything changes */
    snplp_idmap ids = {0};
    for (uint32_t i = 0; i < l->conventions.n; i++) {
        if (i == at)
            continue;
        snplp_idmap_growth g;
        if (snplp__idmap_reserve_undoable(&ids, &g) != SNPLP_OK) {
            snplp__idmap_dispose(&ids);
            return snplp__oom();
        }
        snplp__idmap_growth_commit(&g);
        snplp__idmap_put_keyed(&ids, l->conventions.v[i], CONV_KEY);
    }
    snplp__idmap_dispose(&l->ids);
    l->ids = ids;
    snplp_convention *c = l->conventions.v[at];
    snplp__list_remove(&l->conventions, at);
    snplp_convention_unref(c);
    return SNPLP_OK;
}

SNPLP_DEFINE_GETTER(size_t, snplp_convention_list_count, snplp_convention_list,
                    snplp__convention_list_of, conventions.n, 0)

snplp_convention *snplp_convention_list_at(const snplp_convention_list *list, size_t index)
{
    const snplp_convention_list *l = snplp__convention_list_of(list);
    return l ? snplp__list_at(&l->conventions, index) : NULL;
}

snplp_convention *snplp__convention_list_get(const snplp_convention_list *l, const char *id)
{
    return id ? snplp__idmap_get_keyed(&l->ids, id, CONV_KEY) : NULL;
}

snplp_convention *snplp_convention_list_find(const snplp_convention_list *list, const char *id)
{
    const snplp_convention_list *l = snplp__convention_list_of(list);
    return l ? snplp__conv_miss(snplp__convention_list_get(l, id), id, "convention", __func__)
             : snplp__conv_miss(NULL, NULL, NULL, __func__);
}

bool snplp_convention_list_equal(const snplp_convention_list *a, const snplp_convention_list *b)
{
    if (!a || !b)
        return a == b;
    a = snplp__convention_list_of(a);
    b = snplp__convention_list_of(b);
    if (!a || !b || a->conventions.n != b->conventions.n)
        return false;
    for (uint32_t i = 0; i < a->conventions.n; i++)
        if (!snplp_convention_equal(a->conventions.v[i], b->conventions.v[i]))
            return false;
    return true;
}

int snplp_convention_list_freeze(snplp_convention_list *list)
{
    snplp_convention_list *l = snplp__convention_list_of(list);
    if (!l)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    for (uint32_t i = 0; i < l->conventions.n; i++)
        snplp_convention_freeze(l->conventions.v[i]);
    atomic_store_explicit(&l->frozen, true, memory_order_release);
    return SNPLP_OK;
}

bool snplp_convention_list_is_frozen(const snplp_convention_list *list)
{
    const snplp_convention_list *l = snplp__convention_list_of(list);
    return l && atomic_load_explicit(&l->frozen, memory_order_acquire);
}

int snplp__convention_list_check_unfrozen(const snplp_convention_list *l, const char *fn)
{
    if (atomic_load_explicit(&l->frozen, memory_order_relaxed))
        return snplp__fail_in(fn, SNPLP_EFROZEN, "the list of conventions is frozen");
    for (uint32_t i = 0; i < l->conventions.n; i++) {
        int rc = snplp__conv_check_unfrozen(l->conventions.v[i], fn);
        if (rc != SNPLP_OK)
            return rc;
    }
    return SNPLP_OK;
}
