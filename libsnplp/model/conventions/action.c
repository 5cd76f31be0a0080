/* Actions of a convention: objective served and status year by year. */
#include <string.h>

#include "util/alloc.h"
#include "model/conventions/convention_model.h"
#include "util/text.h"
#include "util/names.h"
#include "util/getters.h"

static const char *const objective_names[] = {"none", "child-welfare-exits", "rsa-insertion",
                                              "social-work", "free-initiative"};

const char *snplp_action_objective_name(snplp_action_objective objective)
{
    return snplp__name_of(objective_names, SNPLP__COUNT(objective_names), objective, "none");
}

snplp_action_objective snplp_action_objective_from_name(const char *name)
{
    return (snplp_action_objective)snplp__value_of(objective_names, SNPLP__COUNT(objective_names),
                                                   1, name, SNPLP_ACTION_OBJECTIVE_NONE);
}

bool snplp_action_objective_is_core(snplp_action_objective objective)
{
    return objective >= SNPLP_ACTION_OBJECTIVE_CHILD_WELFARE_EXITS &&
           objective <= SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK;
}

static const char *const status_names[] = {"none", "planned", "in-progress", "done", "dropped"};

const char *snplp_action_status_name(snplp_action_status status)
{
    return snplp__name_of(status_names, SNPLP__COUNT(status_names), status, "none");
}

snplp_action_status snplp_action_status_from_name(const char *name)
{
    return (snplp_action_status)snplp__value_of(status_names, SNPLP__COUNT(status_names), 1, name,
                                                SNPLP_ACTION_STATUS_NONE);
}

static int check_objective(snplp_action_objective objective, const char *fn)
{
    if (objective < SNPLP_ACTION_OBJECTIVE_CHILD_WELFARE_EXITS ||
        objective > SNPLP_ACTION_OBJECTIVE_FREE_INITIATIVE)
        return snplp__fail_in(fn, SNPLP_EINVAL, "unknown objective %d", (int)objective);
    return 0;
}

int snplp__action_new(snplp_action **out, snplp_convention *c, const char *id,
                      snplp_action_objective objective, const char *title, snplp_text_origin origin,
                      const char *fn)
{
    int rc = check_objective(objective, fn);
    if (rc)
        return rc;
    /* the id, which never changes, lives in the same block */
    size_t idn = strlen(id) + 1;
    snplp_action *a = snplp__calloc(1, sizeof *a + idn);
    if (!a)
        return snplp__oom();
    a->magic = SNPLP_ACTION_MAGIC;
    a->conv = c;
    a->objective = objective;
    a->id = memcpy(a + 1, id, idn);
    rc = snplp__conv_set_text(&a->title, title, true, "title", origin, fn);
    if (rc) {
        snplp__action_free(a);
        return rc;
    }
    *out = a;
    return 0;
}

void snplp__action_free(snplp_action *a)
{
    for (size_t i = 0; i < a->statuses.n; i++)
        snplp__free(
            ((snplp_status_year *)snplp__yeartab_at(&a->statuses, sizeof(snplp_status_year), i))
                ->reason);
    snplp__yeartab_dispose(&a->statuses);
    snplp__ext_clear(&a->ext);
    snplp__free(a->title);
    snplp__free(a->description);
    a->magic = 0;
    snplp__free(a);
}

bool snplp__action_equal(const snplp_action *a, const snplp_action *b)
{
    if (strcmp(a->id, b->id) || strcmp(a->title, b->title) ||
        !snplp__str_equal(a->description, b->description) || a->objective != b->objective ||
        a->statuses.n != b->statuses.n || !snplp__ext_equal(&a->ext, &b->ext))
        return false;
    for (size_t i = 0; i < a->statuses.n; i++) {
        const snplp_status_year *x = snplp__yeartab_at(&a->statuses, sizeof *x, i);
        const snplp_status_year *y = snplp__yeartab_at(&b->statuses, sizeof *y, i);
        if (x->year != y->year || x->status != y->status || !snplp__str_equal(x->reason, y->reason))
            return false;
    }
    return true;
}

SNPLP_DEFINE_GETTER(const char *, snplp_action_id, snplp_action, snplp__action_of, id, NULL)
SNPLP_DEFINE_GETTER(snplp_convention *, snplp_action_convention, snplp_action, snplp__action_of,
                    conv, NULL)
SNPLP_DEFINE_GETTER(const char *, snplp_action_title, snplp_action, snplp__action_of, title, NULL)

int snplp_action_set_title(snplp_action *action, const char *title)
{
    snplp_action *a = snplp__action_of(action);
    if (!a)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    SNPLP__CONV_UNFROZEN(a->conv, __func__);
    return snplp__conv_set_text(&a->title, title, true, "title", SNPLP_TEXT_UNCHECKED, __func__);
}

SNPLP_DEFINE_GETTER(const char *, snplp_action_description, snplp_action, snplp__action_of,
                    description, NULL)

int snplp__action_set_description(snplp_action *action, const char *description,
                                  snplp_text_origin origin, const char *fn)
{
    snplp_action *a = snplp__action_of(action);
    if (!a)
        return snplp__bad_arg(fn, "NULL or wrong object");
    SNPLP__CONV_UNFROZEN(a->conv, fn);
    return snplp__conv_set_text(&a->description, description, false, "description", origin, fn);
}

int snplp_action_set_description(snplp_action *action, const char *description)
{
    return snplp__action_set_description(action, description, SNPLP_TEXT_UNCHECKED, __func__);
}

SNPLP_DEFINE_GETTER(snplp_action_objective, snplp_action_objective_of, snplp_action,
                    snplp__action_of, objective, SNPLP_ACTION_OBJECTIVE_NONE)

int snplp_action_set_objective(snplp_action *action, snplp_action_objective objective)
{
    snplp_action *a = snplp__action_of(action);
    if (!a)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    SNPLP__CONV_UNFROZEN(a->conv, __func__);
    int rc = check_objective(objective, __func__);
    if (!rc)
        a->objective = objective;
    return rc;
}

int snplp__action_set_status(snplp_action *action, int32_t year, snplp_action_status status,
                             const char *reason, snplp_text_origin origin, const char *fn)
{
    snplp_action *a = snplp__action_of(action);
    if (!a)
        return snplp__bad_arg(fn, "NULL or wrong object");
    SNPLP__CONV_UNFROZEN(a->conv, fn);
    int rc = snplp__check_year(year, fn);
    if (rc)
        return rc;
    if (status < SNPLP_ACTION_STATUS_PLANNED || status > SNPLP_ACTION_STATUS_DROPPED)
        return snplp__fail_in(fn, SNPLP_EINVAL, "unknown status %d", (int)status);
    char *copy = NULL;
    if (status == SNPLP_ACTION_STATUS_DROPPED) {
        if (!reason)
            return snplp__fail_in(fn, SNPLP_EINVAL,
                                  "action '%s' dropped in %ld needs the reason it was dropped",
                                  a->id, (long)year);
        if ((rc = snplp__conv_set_text(&copy, reason, true, "reason", origin, fn)))
            return rc;
    } else if (reason) {
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "a reason is only given for a dropped action (status '%s' given)",
                              snplp_action_status_name(status));
    }
    snplp_status_year *s = snplp__yeartab_get(&a->statuses, sizeof *s, year, NULL);
    if (!s) {
        snplp__free(copy);
        return SNPLP_ENOMEM;
    }
    snplp__free(s->reason);
    s->status = status;
    s->reason = copy;
    return 0;
}

int snplp_action_set_status(snplp_action *action, int32_t year, snplp_action_status status,
                            const char *reason)
{
    return snplp__action_set_status(action, year, status, reason, SNPLP_TEXT_UNCHECKED, __func__);
}

snplp_action_status snplp_action_status_in(const snplp_action *action, int32_t year)
{
    const snplp_action *a = snplp__action_of(action);
    const snplp_status_year *s = a ? snplp__yeartab_find(&a->statuses, sizeof *s, year) : NULL;
    return s ? s->status : SNPLP_ACTION_STATUS_NONE;
}

const char *snplp_action_drop_reason(const snplp_action *action, int32_t year)
{
    const snplp_action *a = snplp__action_of(action);
    const snplp_status_year *s = a ? snplp__yeartab_find(&a->statuses, sizeof *s, year) : NULL;
    return s ? s->reason : NULL;
}

int snplp_action_clear_status(snplp_action *action, int32_t year)
{
    snplp_action *a = snplp__action_of(action);
    if (!a)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    SNPLP__CONV_UNFROZEN(a->conv, __func__);
    snplp_status_year *s = snplp__yeartab_find(&a->statuses, sizeof *s, year);
    if (!s)
        return snplp__fail_in(__func__, SNPLP_ENOTFOUND, "action '%s' has no status in %ld", a->id,
                              (long)year);
    snplp__free(s->reason);
    snplp__yeartab_remove(&a->statuses, sizeof *s, year);
    return 0;
}

SNPLP_DEFINE_YEARS(snplp_action_status_year_count, snplp_action_status_year_at, snplp_action,
                   snplp__action_of, statuses, snplp_status_year)
