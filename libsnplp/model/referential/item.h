/* Internal: the one representation behind every item of a referential.
 *
 * Every public item type (snplp_module, snplp_theme...) is an snplp_item: the public types are
 * distinct opaque names for type safety, converted to snplp_item by snplp__item_of(), which also
 * checks the kind. An item carries its kind, id, root, parent and position, one number, two
 * small enum/bool slots, and a tail sized by its kind: its text fields, then its lists (child
 * items it owns, strings such as labels and id references, or a view on other items).
 *
 * The referential (the root) holds the top-level lists, the id map and the search index.
 */
#ifndef SNPLP_MODEL_REFERENTIAL_ITEM_H
#define SNPLP_MODEL_REFERENTIAL_ITEM_H

#include <pthread.h>
#include <stdatomic.h>

#include <snplp/snplp.h>

#include "model/referential/kinds.h"
#include "util/errors.h"
#include "util/ext.h"
#include "util/id.h"
#include "util/idmap.h"
#include "util/list.h"
#include "util/text.h"

typedef struct snplp_item snplp_item;
/* Marks memory that is an item, so that a pointer of another type passed where an item is
 * expected (a C caller's cast gone wrong) is refused instead of being used. */
#define SNPLP_ITEM_MAGIC 0x5EB1u

struct snplp_item {
    uint16_t magic;  /* SNPLP_ITEM_MAGIC */
    uint8_t kind;    /* snplp_kind */
    uint8_t variant; /* module level, content style, profession category */
    bool flag;       /* outcome: for the workers more involved; strategy: levers open */
    bool has_number;
    uint8_t slot;       /* which list of the parent (or of the root) holds the item */
    bool has_ext;       /* it has extensions, in the referential's extension map */
    bool has_offer;     /* a module with an offer, in the referential's map of offers */
    uint32_t index;     /* position in that list */
    snplp_item *parent; /* NULL for a top-level item */
    snplp_referential *root;
    char *id;
    union {
        double real;
        int64_t integer;
    } number;
    /* followed by char *texts[ntexts] and snplp_list lists[nlists] */
};

/* ---- extensions (item_ext.c): kept in the referential's map, by item ---- */

/* The extensions of it, NULL if none. */
snplp_ext *snplp__ext_get(const snplp_item *it);
/* The extensions of it with room for one more element (attribute: one more attribute), made
 * if it had none: all or nothing, NULL when out of memory (nothing changed then, not recorded). */
snplp_ext *snplp__ext_with_room(snplp_item *it, bool attribute);
/* Appends a canonical fragment to the extensions of it (taken over on success). */
int snplp__ext_add_element(snplp_item *it, char *xml);
/* Frees every extension of the referential (when it is freed). */
void snplp__ext_dispose_all(snplp_referential *ref);

/* ---- offers of modules (offer.c, offer.h): kept in the referential's map, by module id ---- */

typedef struct snplp_offer {
    const char *module_id;                    /* the module's own id (the map's key) */
    int8_t codes[SNPLP_OFFER_CODE_COUNT + 1]; /* by snplp_offer_code, -1: not set */
    char *texts[SNPLP_OFFER_TEXT_COUNT + 1];  /* by snplp_offer_text */
    char *formacode_version;
    snplp_list audience_codes; /* char * */
} snplp_offer;

/* The offer of it, NULL if none. */
const snplp_offer *snplp__offer_of(const snplp_item *it);
/* Whether o (NULL: none) holds nothing; whether a and b (NULL: none) hold the same. */
bool snplp__offer_is_empty(const snplp_offer *o);
bool snplp__offer_equal(const snplp_offer *a, const snplp_offer *b);
/* The setters behind the public ones, for the readers (fn: the public function of messages). */
int snplp__offer_set_code(snplp_item *it, snplp_offer_code which, int code, const char *fn);
int snplp__offer_set_text(snplp_item *it, snplp_offer_text which, const char *text,
                          snplp_text_origin origin, const char *fn);
int snplp__offer_set_formacode_version(snplp_item *it, const char *version, const char *fn);
int snplp__offer_add_audience_code(snplp_item *it, const char *code, const char *fn);
/* Frees every offer of the referential (when it is freed). */
void snplp__offers_dispose(snplp_referential *ref);

struct snplp_search_index;

#define SNPLP_REFERENTIAL_MAGIC 0x5EB1AF01u

struct snplp_referential {
    uint32_t magic; /* SNPLP_REFERENTIAL_MAGIC while alive */
    atomic_size_t refs;
    snplp_list lists[ROOT_LIST_COUNT];
    snplp_idmap ids;
    /* extensions, by owner item (open addressing; most items have none, so they live here
     * rather than in every item) */
    struct snplp_ext **exts;
    size_t exts_cap, exts_n;
    snplp_idmap offers; /* snplp_offer, by module id */
    size_t generation;  /* bumped by every change, to know when the index is stale */
    atomic_bool frozen; /* snplp_referential_freeze(): every change fails from then on */
    /* the search index, a cache the rules layer builds (rules/referential/search.c) and the
     * function that frees it (set with it: the model calls nothing of the layers above) */
    pthread_mutex_t index_lock;
    struct snplp_search_index *index;
    void (*index_free)(struct snplp_search_index *index);
};

/* ---- access ---- */

/* The item of ref's id map whose id is id, or NULL; adding an item to it. */
static inline snplp_item *snplp__idmap_get(const snplp_idmap *m, const char *id)
{
    return snplp__idmap_get_keyed(m, id, offsetof(snplp_item, id));
}
static inline void snplp__idmap_put(snplp_idmap *m, snplp_item *item)
{
    snplp__idmap_put_keyed(m, item, offsetof(snplp_item, id));
}

/* Whether ref is a live referential (not NULL, not a pointer of another type). */
static inline bool snplp__ref_ok(const snplp_referential *ref)
{
    return ref && ref->magic == SNPLP_REFERENTIAL_MAGIC;
}

/* 0 if the referential may change, else SNPLP_EFROZEN recorded for fn (every change of the
 * referential or of an item in it starts with it). */
static inline int snplp__ref_check_unfrozen(const snplp_referential *ref, const char *fn)
{
    if (atomic_load_explicit(&ref->frozen, memory_order_relaxed))
        return snplp__fail_in(fn, SNPLP_EFROZEN, "the referential is frozen");
    return SNPLP_OK;
}
#define SNPLP__UNFROZEN(ref, fn)                                                                   \
    do {                                                                                           \
        int frozen_rc_ = snplp__ref_check_unfrozen((ref), (fn));                                   \
        if (frozen_rc_)                                                                            \
            return frozen_rc_;                                                                     \
    } while (0)

/* p as an item if it is an item of that kind, else NULL (p may be NULL). */
snplp_item *snplp__item_of(const void *p, snplp_kind kind);
char **snplp__item_texts(const snplp_item *it);
/* The list l of the item, NULL if it is NULL or its kind has no such list. */
snplp_list *snplp__item_list(const snplp_item *it, snplp_list_id l);
/* Where the text field f is stored, NULL if it is NULL or its kind has no such field. */
char **snplp__item_text_slot(const snplp_item *it, snplp_field f);
/* The text field f, NULL if unset, if it is NULL or if its kind has no such field. */
const char *snplp__item_text(const snplp_item *it, snplp_field f);

/* ---- changes (each records its error and changes nothing on failure) ---- */

/* Texts come from a caller (SNPLP_TEXT_UNCHECKED: the public functions) or from a parser that
 * checked them (the XML reader); fn names the public function the messages speak of. */

/* Sets field f to a copy of text; NULL unsets it unless required. */
int snplp__item_set_text(snplp_item *it, snplp_field f, const char *text, bool required,
                         snplp_text_origin origin, const char *fn);

/* What a new item holds besides its place: its id, its main text (NULL only for a singleton),
 * and what its scalar properties hold (the id its PROP_REF names, its variant, number and
 * flag: real or integer as its kind's number). */
typedef struct snplp_item_init {
    const char *id, *text, *ref;
    int variant;
    bool flag, has_number;
    double real;
    int64_t integer;
} snplp_item_init;

/* Makes an item of kind in list `list` of parent (a snplp_list_id), or in the root list `list`
 * (a snplp_root_list) when parent is NULL, and puts it in the referential with its links (a
 * module in its theme's view, a theme's view filled with the modules that name it): all or
 * nothing. The values are not checked beyond the id, its being unused and the text: the
 * public functions check them first. */
int snplp__item_make(snplp_item **out, snplp_referential *root, snplp_item *parent, uint8_t list,
                     snplp_kind kind, const snplp_item_init *init, snplp_text_origin origin,
                     const char *fn);
/* snplp__item_make() of an item with only an id and a main text, from a caller. */
int snplp__item_add(snplp_item **out, snplp_referential *root, snplp_item *parent, uint8_t list,
                    snplp_kind kind, const char *id, const char *text, const char *fn);
/* snplp__item_make() in two steps: _create checks and allocates (the item is not in the
 * referential yet; nothing changed), then _insert puts it in its list, in the id map and in
 * the view its reference names, growing them all or none; on failure (SNPLP_ENOMEM) nothing
 * changed and the caller frees the item with _discard. */
int snplp__item_create(snplp_item **out, snplp_referential *root, snplp_item *parent, uint8_t list,
                       snplp_kind kind, const char *id, const char *text, snplp_text_origin origin,
                       const char *fn);
int snplp__item_insert(snplp_item *it);
void snplp__item_discard(snplp_item *it);
/* Appends a copy of s to the string list l; as_id: s must be a well-formed id, not already
 * in the list. */
int snplp__item_add_string(snplp_item *it, snplp_list_id l, const char *s, bool as_id,
                           snplp_text_origin origin, const char *fn);
/* Removes the string s from list l (SNPLP_ENOTFOUND if absent). */
int snplp__item_remove_string(snplp_item *it, snplp_list_id l, const char *s, const char *fn);
/* Sets the item's variant to v, one of the values of names (else SNPLP_EINVAL: "unknown <what>
 * <v>"), or its flag. */
int snplp__item_set_variant(snplp_item *it, int v, const char *const *names, const char *what,
                            const char *fn);
int snplp__item_set_flag(snplp_item *it, bool flag, const char *fn);
/* The item's optional number, for the public getters, setters and clearers: they check the
 * item (NULL or wrong kind: SNPLP_EINVAL), report an unset number as SNPLP_ENOTFOUND naming
 * `what`, and check the value (days: finite, above 0; integers: within [min, max]). */
int snplp__number_get_real(double *out, const snplp_item *it, const char *what, const char *fn);
int snplp__number_get_int(int64_t *out, const snplp_item *it, const char *what, const char *fn);
int snplp__number_set_days(snplp_item *it, double days, const char *fn);
int snplp__number_set_int(snplp_item *it, int64_t v, int64_t min, int64_t max, const char *what,
                          const char *fn);
int snplp__number_clear(snplp_item *it, const char *fn);
/* Records that the referential changed. */
void snplp__touch(snplp_referential *root);

/* ---- traversal in document order, without allocating ---- */

/* The item after it in document order (the first item for NULL), NULL at the end. */
snplp_item *snplp__next(const snplp_referential *ref, const snplp_item *it);
/* The item after the subtree of it (skips its descendants). */
snplp_item *snplp__next_skip(const snplp_referential *ref, const snplp_item *it);
/* The first item it owns (NULL if none), and the item after it among what its parent owns
 * (NULL after the last; for a top-level item, the next one in the top-level lists): the steps
 * of a walk that opens and closes each item (the XML writer). */
snplp_item *snplp__first_child(const snplp_item *it);
snplp_item *snplp__next_sibling(const snplp_item *it);
/* Whether the item holds nothing: no text, no list element, no number, flag or extension (a
 * singleton that is not written). */
bool snplp__item_is_empty(const snplp_item *it);

/* Frees an item and everything it owns (no recursion: deep trees are safe). The item must
 * already be out of its list and the id map, or the whole referential be going. */
void snplp__item_free_tree(snplp_item *it);

/* ---- links (item.c) ---- */

/* The list of target that views items of kind (a theme's modules), NULL if it keeps none. */
snplp_list *snplp__item_view_of(const snplp_item *target, snplp_kind kind);
/* The item of the kind it's PROP_REF names whose id is id, NULL if none (or id NULL). */
snplp_item *snplp__item_ref_target(const snplp_item *it, const char *id);

/* ---- modules (module.c) ---- */

/* Adds a module (shared by snplp_referential_add_module() and snplp_theme_add_module()). */
int snplp__module_add(snplp_item **out, snplp_referential *ref, const char *theme_id,
                      const char *id, snplp_level level, const char *title, const char *fn);

/* ---- content items (content.c) ---- */

/* Adds a content item under parent, a competence or a content item (parent_kind says which:
 * any other pointer is refused). */
int snplp__content_add(snplp_content **out, const void *parent, snplp_kind parent_kind,
                       snplp_style style, const char *id, const char *text, const char *fn);

/* ---- definitions of the one-line public functions ----
 *
 * The public functions that only read or write one field are defined with these macros, so
 * each behaves exactly like its siblings; their documentation is in the public headers. */

#define SNPLP__ITEM(x, KIND) snplp__item_of((x), SNPLP_KIND_##KIND)

/* snplp_<type>_id() and snplp_<type>_referential() */
#define SNPLP_DEFINE_BASICS(type, KIND)                                                            \
    const char *snplp_##type##_id(const snplp_##type *x)                                           \
    {                                                                                              \
        const snplp_item *it = SNPLP__ITEM(x, KIND);                                               \
        return it ? it->id : NULL;                                                                 \
    }                                                                                              \
    snplp_referential *snplp_##type##_referential(const snplp_##type *x)                           \
    {                                                                                              \
        const snplp_item *it = SNPLP__ITEM(x, KIND);                                               \
        return it ? it->root : NULL;                                                               \
    }

/* snplp_<type>_<name>() and snplp_<type>_set_<name>() for a text field */
#define SNPLP_DEFINE_TEXT(type, KIND, name, FIELD, required)                                       \
    const char *snplp_##type##_##name(const snplp_##type *x)                                       \
    {                                                                                              \
        return snplp__item_text(SNPLP__ITEM(x, KIND), SNPLP_FIELD_##FIELD);                        \
    }                                                                                              \
    int snplp_##type##_set_##name(snplp_##type *x, const char *text)                               \
    {                                                                                              \
        return snplp__item_set_text(SNPLP__ITEM(x, KIND), SNPLP_FIELD_##FIELD, text, required,     \
                                    SNPLP_TEXT_UNCHECKED, __func__);                               \
    }

/* snplp_<parent>_<child>_count() and snplp_<parent>_<child>_at() for an owned list */
#define SNPLP_DEFINE_CHILD_LIST(ptype, PKIND, ctype, LIST)                                         \
    size_t snplp_##ptype##_##ctype##_count(const snplp_##ptype *x)                                 \
    {                                                                                              \
        const snplp_list *l = snplp__item_list(SNPLP__ITEM(x, PKIND), LIST_##LIST);                \
        return l ? l->n : 0;                                                                       \
    }                                                                                              \
    snplp_##ctype *snplp_##ptype##_##ctype##_at(const snplp_##ptype *x, size_t index)              \
    {                                                                                              \
        return snplp__list_at(snplp__item_list(SNPLP__ITEM(x, PKIND), LIST_##LIST), index);        \
    }

/* snplp_<parent>_add_<child>(&out, parent, id, text) for an owned list of text items */
#define SNPLP_DEFINE_ADD_CHILD(ptype, PKIND, ctype, CKIND, LIST)                                   \
    int snplp_##ptype##_add_##ctype(snplp_##ctype **out, snplp_##ptype *x, const char *id,         \
                                    const char *text)                                              \
    {                                                                                              \
        snplp_item *p = SNPLP__ITEM(x, PKIND);                                                     \
        if (!p)                                                                                    \
            return snplp__bad_arg(__func__, "NULL or wrong object");                               \
        snplp_item *it;                                                                            \
        int rc =                                                                                   \
            snplp__item_add(&it, p->root, p, LIST_##LIST, SNPLP_KIND_##CKIND, id, text, __func__); \
        if (!rc && out)                                                                            \
            *out = (snplp_##ctype *)(void *)it;                                                    \
        return rc;                                                                                 \
    }

/* snplp_<type>_<get>(), _<set>() and _<clear>() for the item's number, an amount in euro cents
 * (not negative): `what` names it when it is unset, `which` in the message of a bad value */
#define SNPLP_DEFINE_CENTS(type, KIND, get, set, clear, what, which)                               \
    int snplp_##type##_##get(int64_t *out, const snplp_##type *x)                                  \
    {                                                                                              \
        return snplp__number_get_int(out, SNPLP__ITEM(x, KIND), what, __func__);                   \
    }                                                                                              \
    int snplp_##type##_##set(snplp_##type *x, int64_t cents)                                       \
    {                                                                                              \
        return snplp__number_set_int(SNPLP__ITEM(x, KIND), cents, 0, INT64_MAX,                    \
                                     which " (euro cents, not negative)", __func__);               \
    }                                                                                              \
    int snplp_##type##_##clear(snplp_##type *x)                                                    \
    {                                                                                              \
        return snplp__number_clear(SNPLP__ITEM(x, KIND), __func__);                                \
    }

/* snplp_<type>_add_label(), _label_count(), _label_at() */
#define SNPLP_DEFINE_LABELS(type, KIND)                                                            \
    int snplp_##type##_add_label(snplp_##type *x, const char *label)                               \
    {                                                                                              \
        return snplp__item_add_string(SNPLP__ITEM(x, KIND), LIST_LABELS, label, false,             \
                                      SNPLP_TEXT_UNCHECKED, __func__);                             \
    }                                                                                              \
    size_t snplp_##type##_label_count(const snplp_##type *x)                                       \
    {                                                                                              \
        const snplp_list *l = snplp__item_list(SNPLP__ITEM(x, KIND), LIST_LABELS);                 \
        return l ? l->n : 0;                                                                       \
    }                                                                                              \
    const char *snplp_##type##_label_at(const snplp_##type *x, size_t index)                       \
    {                                                                                              \
        return snplp__list_at(snplp__item_list(SNPLP__ITEM(x, KIND), LIST_LABELS), index);         \
    }

#endif
