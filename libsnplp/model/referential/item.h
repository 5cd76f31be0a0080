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
#ifndef SNPLP_INTERNAL_ITEM_H
#define SNPLP_INTERNAL_ITEM_H

#include <pthread.h>
#include <stdatomic.h>

#include <snplp/snplp.h>

#include "util/errors.h"
#include "util/ext.h"
#include "util/id.h"
#include "util/idmap.h"
#include "util/list.h"

/* The lists an item may carry. */
typedef enum snplp_list_id {
    LIST_LABELS,           /* strings: alternative labels */
    LIST_OBJECTIVES,       /* owned objectives */
    LIST_OUTCOMES,         /* owned learning outcomes */
    LIST_RECOMMENDATIONS,  /* owned pedagogical recommendations */
    LIST_MODULES_VIEW,     /* a theme's modules: a view on the referential's modules */
    LIST_PREREQUISITES,    /* strings: module ids */
    LIST_PROFESSION_LINKS, /* strings: profession ids */
    LIST_COMPETENCES,      /* owned competences */
    LIST_CONTENTS,         /* owned content items */
    LIST_PLAN_THEMES,      /* owned plan themes */
    LIST_FIGURES           /* owned figures */
} snplp_list_id;

/* The top-level lists of a referential, in document order. */
typedef enum snplp_root_list {
    ROOT_STRATEGY,
    ROOT_COMMITMENTS,
    ROOT_LEVERS,
    ROOT_TRAINING_PLAN,
    ROOT_THEMES,
    ROOT_MODULES,
    ROOT_PROFESSIONS,
    ROOT_DIPLOMA_RULES,
    ROOT_FUNDINGS,
    ROOT_PLANS,
    ROOT_LIST_COUNT
} snplp_root_list;

typedef enum snplp_elem { ELEM_STRING, ELEM_ITEM, ELEM_VIEW } snplp_elem;
typedef enum snplp_number { NUMBER_NONE, NUMBER_REAL, NUMBER_INT } snplp_number;

#define KIND_MAX_TEXTS 5
#define KIND_MAX_LISTS 5

typedef struct snplp_list_desc {
    uint8_t id;         /* snplp_list_id */
    uint8_t elem;       /* snplp_elem */
    uint8_t child_kind; /* snplp_kind of owned items, SNPLP_KIND_NONE for strings */
} snplp_list_desc;

typedef struct snplp_kind_info {
    const char *name;
    uint8_t number; /* snplp_number */
    bool required;  /* the first text field must not be blank */
    uint8_t ntexts;
    uint8_t nlists;
    uint8_t texts[KIND_MAX_TEXTS]; /* snplp_field */
    snplp_list_desc lists[KIND_MAX_LISTS];
} snplp_kind_info;

/* The kinds (kinds.c), indexed by snplp_kind; SNPLP_KIND_NONE for anything else. */
#define SNPLP__KIND_COUNT (SNPLP_KIND_FIGURE + 1)
extern const snplp_kind_info snplp__kinds[SNPLP__KIND_COUNT];
const snplp_kind_info *snplp__kind_info(snplp_kind kind);

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
    size_t generation; /* bumped by every change, to know when the index is stale */
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

/* Sets field f to a copy of text; NULL unsets it unless required. fn names the API call. */
int snplp__item_set_text(snplp_item *it, snplp_field f, const char *text, bool required,
                         const char *fn);
/* Creates an item of kind with id and first text field, appended to list l of parent, or to
 * the root list rl when parent is NULL. */
int snplp__item_add(snplp_item **out, snplp_referential *root, snplp_item *parent, snplp_list_id l,
                    snplp_root_list rl, snplp_kind kind, const char *id, const char *text,
                    const char *fn);
/* snplp__item_add() in two steps, for callers with more to prepare that may fail:
 * _create checks and allocates (the item is not in the referential yet; nothing changed), then
 * _insert puts it in its list, in the id map and, if view is not NULL, at the end of that view
 * list, growing them all or none; on failure (SNPLP_ENOMEM) nothing changed and the caller
 * frees the item with _discard. */
int snplp__item_create(snplp_item **out, snplp_referential *root, snplp_item *parent,
                       snplp_list_id l, snplp_root_list rl, snplp_kind kind, const char *id,
                       const char *text, const char *fn);
int snplp__item_insert(snplp_item *it, snplp_list *view);
void snplp__item_discard(snplp_item *it);
/* Appends a copy of s to the string list l; as_id: s must be a well-formed id, not already
 * in the list. */
int snplp__item_add_string(snplp_item *it, snplp_list_id l, const char *s, bool as_id,
                           const char *fn);
/* Removes the string s from list l (SNPLP_ENOTFOUND if absent). */
int snplp__item_remove_string(snplp_item *it, snplp_list_id l, const char *s, const char *fn);
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

/* Frees an item and everything it owns (no recursion: deep trees are safe). The item must
 * already be out of its list and the id map, or the whole referential be going. */
void snplp__item_free_tree(snplp_item *it);

/* ---- module/theme links (module.c) ---- */

/* Fills the module view of a theme not yet inserted with the modules that already name it. */
int snplp__theme_adopt_modules(snplp_item *theme);
/* Adds a module (shared by snplp_referential_add_module() and snplp_theme_add_module()). */
int snplp__module_add(snplp_item **out, snplp_referential *ref, const char *theme_id,
                      const char *id, snplp_level level, const char *title, const char *fn);

/* ---- content items (content.c) ---- */

/* Adds a content item under a competence or another content item. */
int snplp__content_add(snplp_item **out, snplp_item *parent, snplp_style style, const char *id,
                       const char *text, const char *fn);

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
                                    __func__);                                                     \
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
        int rc = snplp__item_add(&it, p->root, p, LIST_##LIST, ROOT_LIST_COUNT,                    \
                                 SNPLP_KIND_##CKIND, id, text, __func__);                          \
        if (!rc && out)                                                                            \
            *out = (snplp_##ctype *)(void *)it;                                                    \
        return rc;                                                                                 \
    }

/* snplp_<type>_add_label(), _label_count(), _label_at() */
#define SNPLP_DEFINE_LABELS(type, KIND)                                                            \
    int snplp_##type##_add_label(snplp_##type *x, const char *label)                               \
    {                                                                                              \
        return snplp__item_add_string(SNPLP__ITEM(x, KIND), LIST_LABELS, label, false, __func__);  \
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
