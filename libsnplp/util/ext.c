/* Extensions kept with an object of the model (util/ext.h). */
#include "util/ext.h"

#include <string.h>

#include <snplp/errors.h>

#include "util/alloc.h"
#include "util/errors.h"
#include "util/text.h"

bool snplp__ext_equal(const snplp_ext *a, const snplp_ext *b)
{
    size_t ea = a ? a->elements.n : 0, eb = b ? b->elements.n : 0;
    size_t aa = a ? a->attrs.n : 0, ab = b ? b->attrs.n : 0;
    if (ea != eb || aa != ab)
        return false;
    for (size_t i = 0; i < ea; i++)
        if (strcmp(a->elements.v[i], b->elements.v[i]) != 0)
            return false;
    for (size_t i = 0; i < aa; i++) {
        const snplp_foreign_attr *x = a->attrs.v[i], *y = b->attrs.v[i];
        if (strcmp(x->ns, y->ns) || strcmp(x->prefix, y->prefix) || strcmp(x->name, y->name) ||
            strcmp(x->value, y->value))
            return false;
    }
    return true;
}

void snplp__ext_clear(snplp_ext *e)
{
    snplp__list_dispose_strings(&e->elements);
    for (uint32_t i = 0; i < e->attrs.n; i++)
        snplp__free(e->attrs.v[i]);
    snplp__list_dispose(&e->attrs);
}

snplp_ext *snplp__ext_make(snplp_ext **slot)
{
    if (!*slot)
        *slot = snplp__calloc(1, sizeof **slot);
    return *slot;
}

void snplp__ext_drop(snplp_ext **slot)
{
    if (!*slot)
        return;
    snplp__ext_clear(*slot);
    snplp__free(*slot);
    *slot = NULL;
}

int snplp__ext_push_element(snplp_ext *e, char *xml)
{
    if (snplp__list_reserve(&e->elements) != SNPLP_OK)
        return SNPLP_ENOMEM;
    snplp__list_push(&e->elements, xml);
    return SNPLP_OK;
}

int snplp__ext_attr_prepare(snplp_foreign_attr **out, uint32_t *replace, const snplp_ext *e,
                            const char *ns, const char *prefix, const char *name, const char *value,
                            snplp_text_origin origin, const char *fn)
{
    char *v = NULL;
    /* (a value that is not text: its message names no function) */
    int rc = snplp__text_copy(&v, value, NULL, origin, NULL, NULL);
    if (rc != SNPLP_OK)
        return rc;
    /* the prefix must mean one namespace on the element; same namespace and name: replaced */
    *replace = UINT32_MAX;
    for (uint32_t i = 0; e && i < e->attrs.n; i++) {
        const snplp_foreign_attr *a = e->attrs.v[i];
        if (strcmp(a->prefix, prefix) == 0 && strcmp(a->ns, ns) != 0) {
            snplp__free(v);
            return snplp__fail_in(fn, SNPLP_EINVAL,
                                  "the prefix '%s' already stands for another namespace on "
                                  "this item",
                                  prefix);
        }
        if (strcmp(a->ns, ns) == 0 && strcmp(a->name, name) == 0)
            *replace = i;
    }
    size_t n1 = strlen(ns), n2 = strlen(prefix), n3 = strlen(name), n4 = strlen(v);
    snplp_foreign_attr *a = snplp__malloc(sizeof *a + n1 + n2 + n3 + n4 + 4);
    if (!a) {
        snplp__free(v);
        return snplp__oom();
    }
    char *p = (char *)(a + 1);
    a->ns = memcpy(p, ns, n1 + 1);
    p += n1 + 1;
    a->prefix = memcpy(p, prefix, n2 + 1);
    p += n2 + 1;
    a->name = memcpy(p, name, n3 + 1);
    p += n3 + 1;
    a->value = memcpy(p, v, n4 + 1);
    snplp__free(v);
    *out = a;
    return SNPLP_OK;
}

void snplp__ext_attr_commit(snplp_ext *e, snplp_foreign_attr *a, uint32_t replace)
{
    if (replace != UINT32_MAX) {
        snplp__free(e->attrs.v[replace]);
        e->attrs.v[replace] = a;
    } else
        snplp__list_push(&e->attrs, a);
}
