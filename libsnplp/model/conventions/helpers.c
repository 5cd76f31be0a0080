/* What convention.c, action.c and indicator.c share: telling objects apart by their magic
 * number, checking years, copying texts, and finding a convention's actions and indicators by
 * id. */
#include <string.h>

#include "model/conventions/convention_model.h"
#include "util/alloc.h"
#include "util/text.h"

snplp_convention *snplp__conv_of(const snplp_convention *c)
{
    return c && c->magic == SNPLP_CONVENTION_MAGIC ? (snplp_convention *)c : NULL;
}

int snplp__check_year(int32_t year, const char *fn)
{
    if (year < SNPLP_YEAR_MIN || year > SNPLP_YEAR_MAX)
        return snplp__fail_in(fn, SNPLP_EINVAL, "year %ld is outside %d..%d", (long)year,
                              SNPLP_YEAR_MIN, SNPLP_YEAR_MAX);
    return 0;
}

bool snplp__str_equal(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

int snplp__conv_set_text(char **slot, const char *text, bool required, const char *what,
                         snplp_text_origin origin, const char *fn)
{
    if (!text) {
        if (required)
            return snplp__fail_in(fn, SNPLP_EINVAL, "the %s is NULL", what);
        snplp__free(*slot);
        *slot = NULL;
        return 0;
    }
    /* the encoding first: blank is only judged on text known to be valid */
    char *copy;
    int rc = snplp__text_copy(&copy, text, NULL, origin, fn, what);
    if (rc)
        return rc;
    if (required && snplp__text_is_blank(copy)) {
        snplp__free(copy);
        return snplp__fail_in(fn, SNPLP_EINVAL, "the %s must not be blank", what);
    }
    snplp__free(*slot);
    *slot = copy;
    return 0;
}

snplp_action *snplp__action_of(const snplp_action *a)
{
    return a && a->magic == SNPLP_ACTION_MAGIC ? (snplp_action *)a : NULL;
}

snplp_indicator *snplp__indicator_of(const snplp_indicator *i)
{
    return i && i->magic == SNPLP_INDICATOR_MAGIC ? (snplp_indicator *)i : NULL;
}

/* The action or indicator with that id (the magic number tells which), NULL if none. */
uint32_t *snplp__conv_child(const snplp_convention *c, const char *id)
{
    return id ? snplp__idmap_get_keyed(&c->ids, id, SNPLP_CONV_KEY) : NULL;
}

snplp_action *snplp__conv_action(const snplp_convention *c, const char *id)
{
    uint32_t *magic = snplp__conv_child(c, id);
    return magic && *magic == SNPLP_ACTION_MAGIC ? (snplp_action *)magic : NULL;
}

snplp_indicator *snplp__conv_indicator(const snplp_convention *c, const char *id)
{
    uint32_t *magic = snplp__conv_child(c, id);
    return magic && *magic == SNPLP_INDICATOR_MAGIC ? (snplp_indicator *)magic : NULL;
}

void *snplp__conv_miss(void *found, const char *id, const char *what, const char *fn)
{
    if (found)
        return found;
    if (!what || !id) {
        snplp__bad_arg(fn, "NULL or wrong object, or NULL id");
        return NULL;
    }
    char q[80];
    snplp__fail_in(fn, SNPLP_ENOTFOUND, "no %s has the id %s", what, snplp__quote(q, sizeof q, id));
    return NULL;
}

int snplp__conv_check_unfrozen(const snplp_convention *c, const char *fn)
{
    if (atomic_load_explicit(&c->frozen, memory_order_relaxed))
        return snplp__fail_in(fn, SNPLP_EFROZEN, "the convention '%s' is frozen", c->id);
    return SNPLP_OK;
}
