/* The generic item behind every public item type: the table of kinds, field access, creation,
 * traversal in document order and freeing. */
#include "model/referential/item.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/errors.h"
#include "util/days.h"
#include "util/text.h"

/* ---- access ---- */

snplp_item *snplp__item_of(const void *p, snplp_kind kind)
{
    if (!p)
        return NULL;
    snplp_item *it = (snplp_item *)(uintptr_t)p;
    return it->magic == SNPLP_ITEM_MAGIC && it->kind == kind ? it : NULL;
}

char **snplp__item_texts(const snplp_item *it)
{
    return (char **)(void *)((char *)(uintptr_t)it + sizeof *it);
}

static snplp_list *item_lists(const snplp_item *it)
{
    return (snplp_list *)(void *)(snplp__item_texts(it) + snplp__kinds[it->kind].ntexts);
}

static int text_slot(const snplp_item *it, snplp_field f)
{
    const snplp_kind_info *k = &snplp__kinds[it->kind];
    for (int i = 0; i < k->ntexts; i++)
        if (k->texts[i] == f)
            return i;
    return -1;
}

static int list_slot(const snplp_item *it, snplp_list_id l)
{
    const snplp_kind_info *k = &snplp__kinds[it->kind];
    for (int i = 0; i < k->nlists; i++)
        if (k->lists[i].id == l)
            return i;
    return -1;
}

snplp_list *snplp__item_list(const snplp_item *it, snplp_list_id l)
{
    if (!it)
        return NULL;
    int s = list_slot(it, l);
    return s < 0 ? NULL : &item_lists(it)[s];
}

char **snplp__item_text_slot(const snplp_item *it, snplp_field f)
{
    int s = it ? text_slot(it, f) : -1;
    return s < 0 ? NULL : &snplp__item_texts(it)[s];
}

const char *snplp__item_text(const snplp_item *it, snplp_field f)
{
    if (!it)
        return NULL;
    int s = text_slot(it, f);
    return s < 0 ? NULL : snplp__item_texts(it)[s];
}

/* ---- checks ---- */

/* ---- changes ---- */

void snplp__touch(snplp_referential *root)
{
    root->generation++;
}

int snplp__item_set_text(snplp_item *it, snplp_field f, const char *text, bool required,
                         snplp_text_origin origin, const char *fn)
{
    if (!it)
        return snplp__bad_arg(fn, "NULL or wrong object");
    SNPLP__UNFROZEN(it->root, fn);
    int s = text_slot(it, f);
    if (s < 0)
        return snplp__fail_in(fn, SNPLP_EINVAL, "a %s has no %s", snplp__kinds[it->kind].name,
                              snplp_field_name(f));
    char *copy = NULL;
    if (!text) {
        if (required)
            return snplp__fail_in(fn, SNPLP_EINVAL, "the %s is NULL", snplp_field_name(f));
    } else {
        int rc = snplp__text_copy(&copy, text, NULL, origin, fn, NULL);
        if (rc)
            return rc;
    }
    char **texts = snplp__item_texts(it);
    snplp__free(texts[s]);
    texts[s] = copy;
    snplp__touch(it->root);
    return 0;
}

static snplp_list *container(const snplp_item *it)
{
    return it->parent ? &item_lists(it->parent)[it->slot] : &it->root->lists[it->slot];
}

int snplp__item_create(snplp_item **out, snplp_referential *root, snplp_item *parent, uint8_t list,
                       snplp_kind kind, const char *id, const char *text, snplp_text_origin origin,
                       const char *fn)
{
    if (!snplp__ref_ok(root))
        return snplp__bad_arg(fn, "NULL or wrong object");
    SNPLP__UNFROZEN(root, fn);
    int rc = snplp__check_id(id, fn, "id");
    if (rc)
        return rc;
    const snplp_kind_info *k = &snplp__kinds[kind];
    if (!text && k->required)
        return snplp__fail_in(fn, SNPLP_EINVAL, "the %s is NULL", snplp_field_name(k->texts[0]));
    snplp_item *used = snplp__idmap_get(&root->ids, id);
    if (used)
        return snplp__fail_in(fn, SNPLP_EEXISTS, "id '%s' is already used by a %s", id,
                              snplp__kinds[used->kind].name);

    int slot = parent ? list_slot(parent, (snplp_list_id)list) : (int)list;
    char *copy = NULL;
    if (text && (rc = snplp__text_copy(&copy, text, NULL, origin, fn, NULL)))
        return rc;
    /* one allocation: the header, the texts, the lists, then the id (which never changes) */
    size_t size = sizeof(snplp_item) + k->ntexts * sizeof(char *) + k->nlists * sizeof(snplp_list);
    size_t id_len = strlen(id);
    snplp_item *it = snplp__calloc(1, size + id_len + 1);
    if (!it) {
        snplp__free(copy);
        return snplp__oom();
    }
    char *id_copy = memcpy((char *)it + size, id, id_len + 1);
    it->magic = SNPLP_ITEM_MAGIC;
    it->kind = (uint8_t)kind;
    it->slot = (uint8_t)slot;
    it->parent = parent;
    it->root = root;
    it->id = id_copy;
    snplp__item_texts(it)[0] = copy;
    *out = it;
    return 0;
}

/* ---- links: an item's reference and the view the target keeps of such items ---- */

snplp_list *snplp__item_view_of(const snplp_item *target, snplp_kind kind)
{
    const snplp_kind_info *t = &snplp__kinds[target->kind];
    return t->view_kind == kind && kind != SNPLP_KIND_NONE
               ? snplp__item_list(target, (snplp_list_id)t->view_list)
               : NULL;
}

snplp_item *snplp__item_ref_target(const snplp_item *it, const char *id)
{
    const snplp_kind_info *k = &snplp__kinds[it->kind];
    snplp_item *t = id ? snplp__idmap_get(&it->root->ids, id) : NULL;
    return t && t->kind == k->ref_kind ? t : NULL;
}

/* The view the item's reference puts it in (a module in its theme's modules), NULL if none. */
static snplp_list *target_view(const snplp_item *it)
{
    const snplp_kind_info *k = &snplp__kinds[it->kind];
    if (k->ref_field == SNPLP_FIELD_NONE)
        return NULL;
    snplp_item *t = snplp__item_ref_target(it, snplp__item_text(it, (snplp_field)k->ref_field));
    return t ? snplp__item_view_of(t, (snplp_kind)it->kind) : NULL;
}

/* Fills the view of a new item (not yet inserted) with the items that already name it, in
 * their own order (a theme adopts the modules that name it). */
static int adopt(snplp_item *it)
{
    const snplp_kind_info *k = &snplp__kinds[it->kind];
    if (k->view_kind == SNPLP_KIND_NONE)
        return 0;
    snplp_list *view = snplp__item_list(it, (snplp_list_id)k->view_list);
    snplp_field ref = (snplp_field)snplp__kinds[k->view_kind].ref_field;
    for (int r = 0; r < ROOT_LIST_COUNT; r++) {
        if (snplp__roots[r].kind != k->view_kind)
            continue;
        const snplp_list *items = &it->root->lists[r];
        for (uint32_t i = 0; i < items->n; i++) {
            snplp_item *x = items->v[i];
            if (strcmp(snplp__item_text(x, ref), it->id) != 0)
                continue;
            int rc = snplp__list_reserve(view);
            if (rc)
                return rc;
            snplp__list_push(view, x);
        }
    }
    return 0;
}

int snplp__item_insert(snplp_item *it)
{
    /* the item's own view first: it goes with the item if the rest fails */
    int rc = adopt(it);
    if (rc)
        return rc;
    snplp_list *list = container(it);
    snplp_list *view = target_view(it);
    snplp_list_growth gl, gv = {0};
    snplp_idmap_growth gi;
    rc = snplp__list_reserve_undoable(list, &gl);
    if (!rc && view && (rc = snplp__list_reserve_undoable(view, &gv)))
        snplp__list_growth_rollback(&gl);
    if (!rc && (rc = snplp__idmap_reserve_undoable(&it->root->ids, &gi))) {
        snplp__list_growth_rollback(&gv);
        snplp__list_growth_rollback(&gl);
    }
    if (rc)
        return rc;
    snplp__list_growth_commit(&gl);
    snplp__list_growth_commit(&gv);
    snplp__idmap_growth_commit(&gi);
    it->index = list->n;
    snplp__list_push(list, it);
    if (view) /* the newest comes last: the view keeps the items' own order */
        snplp__list_push(view, it);
    snplp__idmap_put(&it->root->ids, it);
    snplp__touch(it->root);
    return 0;
}

void snplp__item_discard(snplp_item *it)
{
    snplp__item_free_tree(it);
}

int snplp__item_make(snplp_item **out, snplp_referential *root, snplp_item *parent, uint8_t list,
                     snplp_kind kind, const snplp_item_init *init, snplp_text_origin origin,
                     const char *fn)
{
    snplp_item *it = NULL;
    int rc = snplp__item_create(&it, root, parent, list, kind, init->id, init->text, origin, fn);
    if (rc)
        return rc;
    const snplp_kind_info *k = &snplp__kinds[kind];
    if (init->ref) {
        char **slot = snplp__item_text_slot(it, (snplp_field)k->ref_field);
        if (!(*slot = snplp__strdup(init->ref))) {
            snplp__item_discard(it);
            return snplp__oom();
        }
    }
    it->variant = (uint8_t)init->variant;
    it->flag = init->flag;
    it->has_number = init->has_number;
    it->number.integer = init->integer;
    if (k->number == NUMBER_REAL)
        it->number.real = init->real;
    if ((rc = snplp__item_insert(it))) {
        snplp__item_discard(it);
        return rc;
    }
    if (out)
        *out = it;
    return 0;
}

int snplp__item_add(snplp_item **out, snplp_referential *root, snplp_item *parent, uint8_t list,
                    snplp_kind kind, const char *id, const char *text, const char *fn)
{
    snplp_item_init init = {.id = id, .text = text};
    return snplp__item_make(out, root, parent, list, kind, &init, SNPLP_TEXT_UNCHECKED, fn);
}

int snplp__item_add_string(snplp_item *it, snplp_list_id l, const char *s, bool as_id,
                           snplp_text_origin origin, const char *fn)
{
    if (!it)
        return snplp__bad_arg(fn, "NULL or wrong object");
    SNPLP__UNFROZEN(it->root, fn);
    snplp_list *list = snplp__item_list(it, l);
    if (!list)
        return snplp__fail_in(fn, SNPLP_EINVAL, "a %s has no such list",
                              snplp__kinds[it->kind].name);
    char *copy;
    int rc;
    if (as_id) {
        if ((rc = snplp__check_id(s, fn, "id")))
            return rc;
        for (uint32_t i = 0; i < list->n; i++)
            if (strcmp(list->v[i], s) == 0)
                return snplp__fail_in(fn, SNPLP_EEXISTS, "'%s' is already in the list of %s '%s'",
                                      s, snplp__kinds[it->kind].name, it->id);
        copy = snplp__strdup(s);
        if (!copy)
            return snplp__oom();
    } else {
        if (!s)
            return snplp__bad_arg(fn, "NULL text");
        if ((rc = snplp__text_copy(&copy, s, NULL, origin, fn, NULL)))
            return rc;
    }
    if ((rc = snplp__list_reserve(list))) { /* the last step that can fail */
        snplp__free(copy);
        return rc;
    }
    snplp__list_push(list, copy);
    snplp__touch(it->root);
    return 0;
}

int snplp__item_remove_string(snplp_item *it, snplp_list_id l, const char *s, const char *fn)
{
    if (!it || !s)
        return snplp__bad_arg(fn, "NULL argument");
    SNPLP__UNFROZEN(it->root, fn);
    snplp_list *list = snplp__item_list(it, l);
    for (uint32_t i = 0; list && i < list->n; i++) {
        if (strcmp(list->v[i], s) == 0) {
            snplp__free(list->v[i]);
            snplp__list_remove(list, i);
            snplp__touch(it->root);
            return 0;
        }
    }
    char q[80];
    return snplp__fail_in(fn, SNPLP_ENOTFOUND, "'%s' is not in the list of %s '%s'",
                          snplp__quote(q, sizeof q, s), snplp__kinds[it->kind].name, it->id);
}

/* ---- the variant and the flag ---- */

int snplp__item_set_variant(snplp_item *it, int v, const char *const *names, const char *what,
                            const char *fn)
{
    if (!it)
        return snplp__bad_arg(fn, "NULL or wrong object");
    SNPLP__UNFROZEN(it->root, fn);
    if (v < 1 || v > snplp__variant_count(names))
        return snplp__fail_in(fn, SNPLP_EINVAL, "unknown %s %d", what, v);
    it->variant = (uint8_t)v;
    snplp__touch(it->root);
    return 0;
}

int snplp__item_set_flag(snplp_item *it, bool flag, const char *fn)
{
    if (!it)
        return snplp__bad_arg(fn, "NULL or wrong object");
    SNPLP__UNFROZEN(it->root, fn);
    it->flag = flag;
    snplp__touch(it->root);
    return 0;
}

/* ---- optional numbers ---- */

static int number_unset(const snplp_item *it, const char *what, const char *fn)
{
    return snplp__fail_in(fn, SNPLP_ENOTFOUND, "%s '%s' has no %s", snplp__kinds[it->kind].name,
                          it->id, what);
}

int snplp__number_get_real(double *out, const snplp_item *it, const char *what, const char *fn)
{
    if (!it || !out)
        return snplp__bad_arg(fn, "NULL argument or wrong object");
    if (!it->has_number)
        return number_unset(it, what, fn);
    *out = it->number.real;
    return 0;
}

int snplp__number_get_int(int64_t *out, const snplp_item *it, const char *what, const char *fn)
{
    if (!it || !out)
        return snplp__bad_arg(fn, "NULL argument or wrong object");
    if (!it->has_number)
        return number_unset(it, what, fn);
    *out = it->number.integer;
    return 0;
}

int snplp__number_set_days(snplp_item *it, double days, const char *fn)
{
    if (!it)
        return snplp__bad_arg(fn, "NULL or wrong object");
    SNPLP__UNFROZEN(it->root, fn);
    /* Kept to the millionth of a day, so that XML carries it exactly (docs/model.md). */
    double micro = isfinite(days) ? round(days * 1e6) : 0;
    if (!isfinite(days) || micro <= 0 || micro > SNPLP__DAYS_MAX_MICRO)
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "a duration is a number of days above 0 and below 10000, to the "
                              "millionth of a day");
    it->number.real = micro / 1e6;
    it->has_number = true;
    snplp__touch(it->root);
    return 0;
}

int snplp__number_set_int(snplp_item *it, int64_t v, int64_t min, int64_t max, const char *what,
                          const char *fn)
{
    if (!it)
        return snplp__bad_arg(fn, "NULL or wrong object");
    SNPLP__UNFROZEN(it->root, fn);
    if (v < min || v > max)
        return snplp__fail_in(fn, SNPLP_EINVAL, "%" PRId64 " is not a valid %s", v, what);
    it->number.integer = v;
    it->has_number = true;
    snplp__touch(it->root);
    return 0;
}

int snplp__number_clear(snplp_item *it, const char *fn)
{
    if (!it)
        return snplp__bad_arg(fn, "NULL or wrong object");
    SNPLP__UNFROZEN(it->root, fn);
    it->has_number = false;
    it->number.integer = 0;
    snplp__touch(it->root);
    return 0;
}

/* ---- traversal ---- */

static snplp_item *first_owned_from(const snplp_item *it, unsigned from)
{
    const snplp_kind_info *k = &snplp__kinds[it->kind];
    snplp_list *lists = item_lists(it);
    for (unsigned i = from; i < k->nlists; i++)
        if (k->lists[i].elem == ELEM_ITEM && lists[i].n)
            return lists[i].v[0];
    return NULL;
}

static snplp_item *first_root_from(const snplp_referential *ref, unsigned from)
{
    for (unsigned r = from; r < ROOT_LIST_COUNT; r++)
        if (ref->lists[r].n)
            return ref->lists[r].v[0];
    return NULL;
}

static snplp_item *next_sibling(const snplp_referential *ref, const snplp_item *it)
{
    const snplp_list *list = it->parent ? &item_lists(it->parent)[it->slot] : &ref->lists[it->slot];
    if (it->index + 1u < list->n)
        return list->v[it->index + 1];
    return it->parent ? first_owned_from(it->parent, it->slot + 1u)
                      : first_root_from(ref, it->slot + 1u);
}

snplp_item *snplp__first_child(const snplp_item *it)
{
    return first_owned_from(it, 0);
}

snplp_item *snplp__next_sibling(const snplp_item *it)
{
    return next_sibling(it->root, it);
}

bool snplp__item_is_empty(const snplp_item *it)
{
    const snplp_kind_info *k = &snplp__kinds[it->kind];
    char **texts = snplp__item_texts(it);
    for (int i = 0; i < k->ntexts; i++)
        if (texts[i])
            return false;
    const snplp_list *lists = item_lists(it);
    for (int i = 0; i < k->nlists; i++)
        if (lists[i].n)
            return false;
    return !it->has_number && !it->flag && !it->has_ext;
}

snplp_item *snplp__next_skip(const snplp_referential *ref, const snplp_item *it)
{
    for (; it; it = it->parent) {
        snplp_item *s = next_sibling(ref, it);
        if (s)
            return s;
    }
    return NULL;
}

snplp_item *snplp__next(const snplp_referential *ref, const snplp_item *it)
{
    if (!it)
        return first_root_from(ref, 0);
    snplp_item *c = first_owned_from(it, 0);
    return c ? c : snplp__next_skip(ref, it);
}

/* ---- freeing ---- */

static snplp_item *pop_owned(snplp_item *it)
{
    const snplp_kind_info *k = &snplp__kinds[it->kind];
    snplp_list *lists = item_lists(it);
    for (int i = k->nlists - 1; i >= 0; i--)
        if (k->lists[i].elem == ELEM_ITEM && lists[i].n)
            return lists[i].v[--lists[i].n];
    return NULL;
}

static void free_shallow(snplp_item *it)
{
    const snplp_kind_info *k = &snplp__kinds[it->kind];
    char **texts = snplp__item_texts(it);
    for (int i = 0; i < k->ntexts; i++)
        snplp__free(texts[i]);
    snplp_list *lists = item_lists(it);
    for (int i = 0; i < k->nlists; i++) {
        if (k->lists[i].elem == ELEM_STRING)
            snplp__list_dispose_strings(&lists[i]);
        else
            snplp__list_dispose(&lists[i]);
    }
    it->magic = 0; /* the id is part of the item's allocation */
    snplp__free(it);
}

void snplp__item_free_tree(snplp_item *top)
{
    snplp_item *cur = top;
    while (cur) {
        snplp_item *child = pop_owned(cur);
        if (child) {
            cur = child;
            continue;
        }
        snplp_item *up = cur == top ? NULL : cur->parent;
        free_shallow(cur);
        cur = up;
    }
}
