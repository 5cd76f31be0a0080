/* Conventions (CALPAE): creation, reference counting, territory, years, signatories, funding,
 * the lists of actions and indicators, and deep equality. */
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "model/conventions/convention_model.h"
#include "util/text.h"
#include "util/getters.h"

/* Checks a territory's kind and code (its name is checked when it is copied); the message
 * names fn. */
static int check_territory(snplp_territory_kind kind, const char *code, const char *fn)
{
    if (kind != SNPLP_TERRITORY_DEPARTEMENT && kind != SNPLP_TERRITORY_METROPOLE &&
        kind != SNPLP_TERRITORY_REGION)
        return snplp__fail_in(fn, SNPLP_EINVAL, "unknown territory kind %d", (int)kind);
    if (!code)
        return snplp__fail_in(fn, SNPLP_EINVAL, "the territory code is NULL");
    if (!snplp_territory_code_is_valid(kind, code)) {
        char q[64];
        return snplp__fail_in(fn, SNPLP_EINVAL, "'%s' is not the official code of a %s (%s)",
                              snplp__quote(q, sizeof q, code), snplp_territory_kind_name(kind),
                              kind == SNPLP_TERRITORY_METROPOLE
                                  ? "a SIREN number: 9 digits with a valid checksum"
                                  : "its INSEE code as the Code officiel géographique writes it");
    }
    return 0;
}

/* Sets the territory of c (all or nothing); the messages name fn. */
static int territory_set(snplp_convention *c, snplp_territory_kind kind, const char *code,
                         const char *name, snplp_text_origin origin, const char *fn)
{
    int rc = check_territory(kind, code, fn);
    if (rc)
        return rc;
    char *new_code = snplp__strdup(code);
    if (!new_code)
        return snplp__oom();
    char *new_name = NULL;
    if ((rc = snplp__conv_set_text(&new_name, name, true, "territory name", origin, fn))) {
        snplp__free(new_code);
        return rc;
    }
    snplp__free(c->code);
    snplp__free(c->name);
    c->kind = kind;
    c->code = new_code;
    c->name = new_name;
    return 0;
}

int snplp_convention_set_territory(snplp_convention *conv, snplp_territory_kind kind,
                                   const char *code, const char *name)
{
    snplp_convention *c = snplp__conv_of(conv);
    if (!c)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    SNPLP__CONV_UNFROZEN(c, __func__);
    return territory_set(c, kind, code, name, SNPLP_TEXT_UNCHECKED, __func__);
}

int snplp__convention_new(snplp_convention **out, const char *id, snplp_territory_kind kind,
                          const char *code, const char *name, snplp_text_origin origin,
                          const char *fn)
{
    if (!out)
        return snplp__bad_arg(fn, "out is NULL");
    int rc = snplp__check_id(id, fn, "id");
    if (rc)
        return rc;
    snplp_convention *c = snplp__calloc(1, sizeof *c);
    if (!c)
        return snplp__oom();
    c->magic = SNPLP_CONVENTION_MAGIC;
    atomic_init(&c->refs, 1);
    atomic_init(&c->frozen, false);
    if (!(c->id = snplp__strdup(id)))
        rc = snplp__oom();
    else
        rc = territory_set(c, kind, code, name, origin, fn);
    if (rc) {
        snplp_convention_unref(c);
        return rc;
    }
    *out = c;
    return 0;
}

int snplp_convention_new(snplp_convention **out, const char *id, snplp_territory_kind kind,
                         const char *code, const char *name)
{
    return snplp__convention_new(out, id, kind, code, name, SNPLP_TEXT_UNCHECKED, __func__);
}

int snplp_convention_freeze(snplp_convention *conv)
{
    snplp_convention *c = snplp__conv_of(conv);
    if (!c)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    atomic_store_explicit(&c->frozen, true, memory_order_release);
    return SNPLP_OK;
}

bool snplp_convention_is_frozen(const snplp_convention *conv)
{
    const snplp_convention *c = snplp__conv_of(conv);
    return c && atomic_load_explicit(&c->frozen, memory_order_acquire);
}

snplp_convention *snplp_convention_ref(snplp_convention *conv)
{
    snplp_convention *c = snplp__conv_of(conv);
    if (c)
        atomic_fetch_add_explicit(&c->refs, 1, memory_order_relaxed);
    return c;
}

void snplp_convention_unref(snplp_convention *conv)
{
    snplp_convention *c = snplp__conv_of(conv);
    if (!c || atomic_fetch_sub_explicit(&c->refs, 1, memory_order_acq_rel) != 1)
        return;
    for (uint32_t i = 0; i < c->actions.n; i++)
        snplp__action_free(c->actions.v[i]);
    snplp__list_dispose(&c->actions);
    for (uint32_t i = 0; i < c->indicators.n; i++)
        snplp__indicator_free(c->indicators.v[i]);
    snplp__list_dispose(&c->indicators);
    snplp__idmap_dispose(&c->ids);
    for (uint32_t i = 0; i < c->signatories.n; i++) {
        snplp_signatory *s = c->signatories.v[i];
        snplp__free(s->role);
        snplp__free(s->name);
        snplp__free(s);
    }
    snplp__list_dispose(&c->signatories);
    snplp__yeartab_dispose(&c->funding);
    snplp__yeartab_dispose(&c->reports);
    snplp__ext_clear(&c->ext);
    snplp__free(c->id);
    snplp__free(c->code);
    snplp__free(c->name);
    c->magic = 0;
    snplp__free(c);
}

SNPLP_DEFINE_GETTER(const char *, snplp_convention_id, snplp_convention, snplp__conv_of, id, NULL)
SNPLP_DEFINE_GETTER(snplp_territory_kind, snplp_convention_territory_kind, snplp_convention,
                    snplp__conv_of, kind, SNPLP_TERRITORY_NONE)
SNPLP_DEFINE_GETTER(const char *, snplp_convention_territory_code, snplp_convention, snplp__conv_of,
                    code, NULL)
SNPLP_DEFINE_GETTER(const char *, snplp_convention_territory_name, snplp_convention, snplp__conv_of,
                    name, NULL)

int snplp_convention_set_years(snplp_convention *conv, int32_t first, int32_t last)
{
    snplp_convention *c = snplp__conv_of(conv);
    if (!c)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    SNPLP__CONV_UNFROZEN(c, __func__);
    int rc;
    if ((rc = snplp__check_year(first, __func__)) || (rc = snplp__check_year(last, __func__)))
        return rc;
    if (last < first)
        return snplp__fail_in(__func__, SNPLP_EINVAL, "the last year %ld is before the first %ld",
                              (long)last, (long)first);
    c->first_year = first;
    c->last_year = last;
    return 0;
}

SNPLP_DEFINE_GETTER(int32_t, snplp_convention_first_year, snplp_convention, snplp__conv_of,
                    first_year, 0)
SNPLP_DEFINE_GETTER(int32_t, snplp_convention_last_year, snplp_convention, snplp__conv_of,
                    last_year, 0)

int snplp_convention_set_signature_date(snplp_convention *conv, snplp_date date)
{
    snplp_convention *c = snplp__conv_of(conv);
    if (!c)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    SNPLP__CONV_UNFROZEN(c, __func__);
    if (!snplp_date_is_valid(date))
        return snplp__fail_in(__func__, SNPLP_EINVAL, "%ld-%ld-%ld is not a valid date",
                              (long)date.year, (long)date.month, (long)date.day);
    c->signature_date = date;
    c->has_signature_date = true;
    return 0;
}

int snplp_convention_signature_date(snplp_date *out, const snplp_convention *conv)
{
    const snplp_convention *c = snplp__conv_of(conv);
    if (!c || !out)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    if (!c->has_signature_date)
        return snplp__fail_in(__func__, SNPLP_ENOTFOUND, "convention '%s' has no signature date",
                              c->id);
    *out = c->signature_date;
    return 0;
}

int snplp_convention_clear_signature_date(snplp_convention *conv)
{
    snplp_convention *c = snplp__conv_of(conv);
    if (!c)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    SNPLP__CONV_UNFROZEN(c, __func__);
    c->has_signature_date = false;
    c->signature_date = (snplp_date){0, 0, 0};
    return 0;
}

int snplp__convention_add_signatory(snplp_convention *conv, const char *role, const char *name,
                                    snplp_text_origin origin, const char *fn)
{
    snplp_convention *c = snplp__conv_of(conv);
    if (!c)
        return snplp__bad_arg(fn, "NULL or wrong object");
    SNPLP__CONV_UNFROZEN(c, fn);
    snplp_signatory *s = snplp__calloc(1, sizeof *s);
    if (!s)
        return snplp__oom();
    int rc;
    if ((rc = snplp__conv_set_text(&s->role, role, true, "signatory's role", origin, fn)) ||
        (rc = snplp__conv_set_text(&s->name, name, true, "signatory's name", origin, fn)) ||
        (rc = snplp__list_reserve(&c->signatories))) {
        snplp__free(s->role);
        snplp__free(s->name);
        snplp__free(s);
        return rc;
    }
    snplp__list_push(&c->signatories, s);
    return 0;
}

int snplp_convention_add_signatory(snplp_convention *conv, const char *role, const char *name)
{
    return snplp__convention_add_signatory(conv, role, name, SNPLP_TEXT_UNCHECKED, __func__);
}

SNPLP_DEFINE_GETTER(size_t, snplp_convention_signatory_count, snplp_convention, snplp__conv_of,
                    signatories.n, 0)

static const snplp_signatory *signatory(const snplp_convention *conv, size_t index)
{
    const snplp_convention *c = snplp__conv_of(conv);
    return c ? snplp__list_at(&c->signatories, index) : NULL;
}

const char *snplp_convention_signatory_role(const snplp_convention *conv, size_t index)
{
    const snplp_signatory *s = signatory(conv, index);
    return s ? s->role : NULL;
}

const char *snplp_convention_signatory_name(const snplp_convention *conv, size_t index)
{
    const snplp_signatory *s = signatory(conv, index);
    return s ? s->name : NULL;
}

int snplp_convention_set_funding(snplp_convention *conv, int32_t year, int64_t state_cents,
                                 int64_t own_cents)
{
    snplp_convention *c = snplp__conv_of(conv);
    if (!c)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    SNPLP__CONV_UNFROZEN(c, __func__);
    int rc = snplp__check_year(year, __func__);
    if (rc)
        return rc;
    if (state_cents < 0 || own_cents < 0)
        return snplp__fail_in(__func__, SNPLP_EINVAL, "an amount of funding is negative");
    snplp_funding_year *f = snplp__yeartab_get(&c->funding, sizeof *f, year, NULL);
    if (!f)
        return SNPLP_ENOMEM;
    f->state_cents = state_cents;
    f->own_cents = own_cents;
    return 0;
}

static int funding_get(int64_t *state_cents, int64_t *own_cents, const snplp_convention *conv,
                       int32_t year, const char *fn)
{
    const snplp_convention *c = snplp__conv_of(conv);
    if (!c)
        return snplp__bad_arg(fn, "NULL or wrong object");
    const snplp_funding_year *f = snplp__yeartab_find(&c->funding, sizeof *f, year);
    if (!f)
        return snplp__fail_in(fn, SNPLP_ENOTFOUND, "convention '%s' records no funding for %ld",
                              c->id, (long)year);
    if (state_cents)
        *state_cents = f->state_cents;
    if (own_cents)
        *own_cents = f->own_cents;
    return 0;
}

int snplp_convention_funding(const snplp_convention *conv, int32_t year, int64_t *state_cents,
                             int64_t *own_cents)
{
    return funding_get(state_cents, own_cents, conv, year, __func__);
}

int snplp_convention_funding_in(int64_t *state_cents, int64_t *own_cents,
                                const snplp_convention *conv, int32_t year)
{
    return funding_get(state_cents, own_cents, conv, year, __func__);
}

int snplp_convention_clear_funding(snplp_convention *conv, int32_t year)
{
    snplp_convention *c = snplp__conv_of(conv);
    if (!c)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    SNPLP__CONV_UNFROZEN(c, __func__);
    if (!snplp__yeartab_find(&c->funding, sizeof(snplp_funding_year), year))
        return snplp__fail_in(__func__, SNPLP_ENOTFOUND,
                              "convention '%s' records no funding for %ld", c->id, (long)year);
    snplp__yeartab_remove(&c->funding, sizeof(snplp_funding_year), year);
    return 0;
}

SNPLP_DEFINE_YEARS(snplp_convention_funding_year_count, snplp_convention_funding_year_at,
                   snplp_convention, snplp__conv_of, funding, snplp_funding_year)

/* ---- actions and indicators share one id space ---- */

/* Makes room for one more element of list and one more id (all or nothing). */
static int reserve_child(snplp_convention *c, snplp_list *list)
{
    snplp_list_growth gl;
    snplp_idmap_growth gi;
    int rc = snplp__list_reserve_undoable(list, &gl);
    if (!rc && (rc = snplp__idmap_reserve_undoable(&c->ids, &gi)))
        snplp__list_growth_rollback(&gl);
    if (rc)
        return rc;
    snplp__list_growth_commit(&gl);
    snplp__idmap_growth_commit(&gi);
    return 0;
}

/* Checks that id is well-formed and unused in the convention. */
static int check_new_id(const snplp_convention *c, const char *id, const char *fn)
{
    int rc = snplp__check_id(id, fn, "id");
    if (rc)
        return rc;
    if (snplp__conv_child(c, id))
        return snplp__fail_in(fn, SNPLP_EEXISTS, "id '%s' is already used in convention '%s'", id,
                              c->id);
    return 0;
}

int snplp__convention_add_action(snplp_action **out, snplp_convention *conv, const char *id,
                                 snplp_action_objective objective, const char *title,
                                 snplp_text_origin origin, const char *fn)
{
    snplp_convention *c = snplp__conv_of(conv);
    if (!c)
        return snplp__bad_arg(fn, "NULL or wrong object");
    SNPLP__CONV_UNFROZEN(c, fn);
    int rc = check_new_id(c, id, fn);
    snplp_action *a = NULL;
    if (rc || (rc = snplp__action_new(&a, c, id, objective, title, origin, fn)))
        return rc;
    if ((rc = reserve_child(c, &c->actions))) {
        snplp__action_free(a);
        return rc;
    }
    snplp__list_push(&c->actions, a);
    snplp__idmap_put_keyed(&c->ids, a, SNPLP_CONV_KEY);
    if (out)
        *out = a;
    return 0;
}

int snplp_convention_add_action(snplp_action **out, snplp_convention *conv, const char *id,
                                snplp_action_objective objective, const char *title)
{
    return snplp__convention_add_action(out, conv, id, objective, title, SNPLP_TEXT_UNCHECKED,
                                        __func__);
}

SNPLP_DEFINE_GETTER(size_t, snplp_convention_action_count, snplp_convention, snplp__conv_of,
                    actions.n, 0)

snplp_action *snplp_convention_action_at(const snplp_convention *conv, size_t index)
{
    const snplp_convention *c = snplp__conv_of(conv);
    return c ? snplp__list_at(&c->actions, index) : NULL;
}

snplp_action *snplp_convention_action_find(const snplp_convention *conv, const char *id)
{
    const snplp_convention *c = snplp__conv_of(conv);
    return c ? snplp__conv_miss(snplp__conv_action(c, id), id, "action", __func__)
             : snplp__conv_miss(NULL, NULL, NULL, __func__);
}

int snplp__convention_add_indicator(snplp_indicator **out, snplp_convention *conv, const char *id,
                                    const char *label, snplp_unit unit, snplp_text_origin origin,
                                    const char *fn)
{
    snplp_convention *c = snplp__conv_of(conv);
    if (!c)
        return snplp__bad_arg(fn, "NULL or wrong object");
    SNPLP__CONV_UNFROZEN(c, fn);
    int rc = check_new_id(c, id, fn);
    snplp_indicator *ind = NULL;
    if (rc || (rc = snplp__indicator_new(&ind, c, id, label, unit, origin, fn)))
        return rc;
    if ((rc = reserve_child(c, &c->indicators))) {
        snplp__indicator_free(ind);
        return rc;
    }
    snplp__list_push(&c->indicators, ind);
    snplp__idmap_put_keyed(&c->ids, ind, SNPLP_CONV_KEY);
    if (out)
        *out = ind;
    return 0;
}

int snplp_convention_add_indicator(snplp_indicator **out, snplp_convention *conv, const char *id,
                                   const char *label, snplp_unit unit)
{
    return snplp__convention_add_indicator(out, conv, id, label, unit, SNPLP_TEXT_UNCHECKED,
                                           __func__);
}

SNPLP_DEFINE_GETTER(size_t, snplp_convention_indicator_count, snplp_convention, snplp__conv_of,
                    indicators.n, 0)

snplp_indicator *snplp_convention_indicator_at(const snplp_convention *conv, size_t index)
{
    const snplp_convention *c = snplp__conv_of(conv);
    return c ? snplp__list_at(&c->indicators, index) : NULL;
}

snplp_indicator *snplp_convention_indicator_find(const snplp_convention *conv, const char *id)
{
    const snplp_convention *c = snplp__conv_of(conv);
    return c ? snplp__conv_miss(snplp__conv_indicator(c, id), id, "indicator", __func__)
             : snplp__conv_miss(NULL, NULL, NULL, __func__);
}

/* ---- equality ---- */

static bool dates_equal(snplp_date a, snplp_date b)
{
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

bool snplp_convention_equal(const snplp_convention *a, const snplp_convention *b)
{
    if (!a || !b)
        return a == b;
    a = snplp__conv_of(a);
    b = snplp__conv_of(b);
    if (!a || !b)
        return false;
    if (a == b)
        return true;
    if (strcmp(a->id, b->id) || a->kind != b->kind || strcmp(a->code, b->code) ||
        strcmp(a->name, b->name) || a->first_year != b->first_year ||
        a->last_year != b->last_year || a->has_signature_date != b->has_signature_date ||
        (a->has_signature_date && !dates_equal(a->signature_date, b->signature_date)) ||
        a->signatories.n != b->signatories.n || a->funding.n != b->funding.n ||
        a->reports.n != b->reports.n || a->actions.n != b->actions.n ||
        a->indicators.n != b->indicators.n || !snplp__ext_equal(&a->ext, &b->ext))
        return false;
    for (uint32_t i = 0; i < a->signatories.n; i++) {
        const snplp_signatory *x = a->signatories.v[i], *y = b->signatories.v[i];
        if (strcmp(x->role, y->role) || strcmp(x->name, y->name))
            return false;
    }
    for (size_t i = 0; i < a->funding.n; i++) {
        const snplp_funding_year *x = snplp__yeartab_at(&a->funding, sizeof *x, i);
        const snplp_funding_year *y = snplp__yeartab_at(&b->funding, sizeof *y, i);
        if (x->year != y->year || x->state_cents != y->state_cents || x->own_cents != y->own_cents)
            return false;
    }
    for (size_t i = 0; i < a->reports.n; i++) {
        const snplp_report_year *x = snplp__yeartab_at(&a->reports, sizeof *x, i);
        const snplp_report_year *y = snplp__yeartab_at(&b->reports, sizeof *y, i);
        if (x->year != y->year || !dates_equal(x->sent, y->sent))
            return false;
    }
    for (uint32_t i = 0; i < a->actions.n; i++)
        if (!snplp__action_equal(a->actions.v[i], b->actions.v[i]))
            return false;
    for (uint32_t i = 0; i < a->indicators.n; i++)
        if (!snplp__indicator_equal(a->indicators.v[i], b->indicators.v[i]))
            return false;
    return true;
}
