/* Internal: extensions kept with an object of the model: the foreign elements (their canonical
 * text, util knows nothing of XML beyond that) and foreign attributes (namespace, prefix, name,
 * value) a document carried and that are written back. The checks of names and fragments
 * belong to the exchange layer (exchange/xml/extension.c); this is the storage. */
#ifndef SNPLP_UTIL_EXT_H
#define SNPLP_UTIL_EXT_H

#include <stdbool.h>
#include <stdint.h>

#include "util/list.h"
#include "util/text.h"

/* A foreign attribute: four strings in one allocation. */
typedef struct snplp_foreign_attr {
    const char *ns, *prefix, *name, *value;
} snplp_foreign_attr;

typedef struct snplp_ext {
    const void *owner;   /* the object they belong to, when kept in a map (NULL otherwise) */
    snplp_list elements; /* char *: canonical fragments */
    snplp_list attrs;    /* snplp_foreign_attr * */
} snplp_ext;

/* Extensions allocated on first use, for objects that seldom have any: a slot (snplp_ext *)
 * NULL holds none. The extensions in slot (slot itself may be NULL); those in *slot, made empty
 * if there were none (NULL when memory runs out: not recorded); freeing them (*slot NULL). */
static inline const snplp_ext *snplp__ext_in(snplp_ext *const *slot)
{
    return slot ? *slot : NULL;
}
snplp_ext *snplp__ext_make(snplp_ext **slot);
void snplp__ext_drop(snplp_ext **slot);

/* Whether a and b hold the same elements and attributes, in order (NULL holds none). */
bool snplp__ext_equal(const snplp_ext *a, const snplp_ext *b);
/* Frees what e holds (e itself stays, empty). */
void snplp__ext_clear(snplp_ext *e);
/* Appends xml (taken over on success; SNPLP_ENOMEM, not recorded, on failure). */
int snplp__ext_push_element(snplp_ext *e, char *xml);

/* Setting a foreign attribute in two steps, so that the caller can make room all or nothing:
 * _prepare copies the value (checked text, NFC) into a new attribute (*out) and tells whether it
 * replaces the attribute of the same namespace and name in e (*replace, its index) or is
 * appended (*replace = UINT32_MAX: the caller reserves room in e->attrs); it refuses a prefix
 * that already stands for another namespace in e (e NULL: no attribute yet). Records its error
 * for fn. _commit puts it in e. */
int snplp__ext_attr_prepare(snplp_foreign_attr **out, uint32_t *replace, const snplp_ext *e,
                            const char *ns, const char *prefix, const char *name, const char *value,
                            snplp_text_origin origin, const char *fn);
void snplp__ext_attr_commit(snplp_ext *e, snplp_foreign_attr *a, uint32_t replace);

#endif
