/* Internal: the one description of each kind of item (kinds.c).
 *
 * A kind is described once, by its properties in document order: first its scalar properties
 * (the id, a reference, an enumeration, a date, a number, a flag: the attributes of its XML
 * element), then what it holds (texts, labels, lists of references, lists of owned items: its
 * child elements). From that description:
 *   - the model derives how an item of the kind is stored (its text fields, its lists, its
 *     number: the layout below, filled once by snplp__kinds_init());
 *   - the XML reader derives the rules of the format it checks as it streams
 *     (exchange/xml/read_referential.c), and the XML writer writes any item
 *     (exchange/xml/write_referential.c);
 *   - the model keeps the links the description declares (a module's theme and the theme's
 *     view of its modules: item.c).
 * A new kind is one entry of the table in kinds.c plus its own small file of public functions
 * (libsnplp/model/referential/<kind>.c); the XML Schema (libsnplp/schema/snplp-1.0.xsd) stays
 * hand-written and the tests hold the two equal (every fixture read with and without it). */
#ifndef SNPLP_MODEL_REFERENTIAL_KINDS_H
#define SNPLP_MODEL_REFERENTIAL_KINDS_H

#include <stdbool.h>
#include <stdint.h>

#include <snplp/common.h>

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

/* The top-level lists of a referential, in document order (snplp__roots describes them). */
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

/* What a property is and where an item keeps it. */
typedef enum snplp_prop_type {
    /* scalars */
    PROP_ID,      /* the item's id (never changes; none for a singleton) */
    PROP_REF,     /* the id of an item of kind `kind`, kept in text field `field`; if that kind
                   * has a PROP_VIEW of this one, the item is in the target's view */
    PROP_VARIANT, /* an enumeration kept in the item's variant: names[v] for v = 1, 2... */
    PROP_DATE,    /* a date YYYY, YYYY-MM or YYYY-MM-DD kept in text field `field` */
    PROP_DAYS,    /* the item's number: a duration in days, to the millionth of a day */
    PROP_CENTS,   /* the item's number: an amount in euro cents, not negative */
    PROP_INTEGER, /* the item's number: any signed 64-bit integer */
    PROP_LEVEL,   /* the item's number: a level of the national framework, 1 to 8 */
    PROP_FLAG,    /* the item's flag: true or false (false is not written) */
    /* what the item holds, after every scalar */
    PROP_TEXT,   /* text field `field` */
    PROP_LABELS, /* the alternative labels: list `list` of texts (each a `field` element) */
    PROP_REFS,   /* list `list` of ids of items of kind `kind` */
    PROP_ITEMS,  /* list `list` of items of kind `kind`, owned */
    PROP_VIEW    /* list `list` of the items of kind `kind` whose PROP_REF names this item,
                  * in their own order: derived, never in a document */
} snplp_prop_type;

/* Whether a property is a scalar (an attribute) rather than something held (an element). */
#define SNPLP__PROP_IS_SCALAR(t) ((t) <= PROP_FLAG)

typedef struct snplp_prop {
    const char *name;         /* its name in documents: "duration-days", "title", "objective" */
    uint8_t type;             /* snplp_prop_type */
    uint8_t field;            /* snplp_field (TEXT, REF, DATE, LABELS) */
    uint8_t list;             /* snplp_list_id (LABELS, REFS, ITEMS, VIEW) */
    uint8_t kind;             /* snplp_kind (REF, REFS, ITEMS, VIEW) */
    bool required;            /* scalars: must be given; TEXT: once, not blank (the main text) */
    const char *const *names; /* PROP_VARIANT: "unknown", then the name of each value from 1 */
    const char *adder; /* PROP_ITEMS, PROP_REFS: the public function that adds one (messages) */
} snplp_prop;

#define KIND_MAX_PROPS 12
#define KIND_MAX_TEXTS 5
#define KIND_MAX_LISTS 5

typedef enum snplp_elem { ELEM_STRING, ELEM_ITEM, ELEM_VIEW } snplp_elem;
typedef enum snplp_number { NUMBER_NONE, NUMBER_REAL, NUMBER_INT } snplp_number;

typedef struct snplp_list_desc {
    uint8_t id;         /* snplp_list_id */
    uint8_t elem;       /* snplp_elem */
    uint8_t child_kind; /* snplp_kind of owned or viewed items, SNPLP_KIND_NONE for strings */
} snplp_list_desc;

typedef struct snplp_kind_info {
    /* the description (kinds.c) */
    const char *name;
    bool singleton; /* one per referential, made with it: no id in documents, and written only
                     * when it holds something (the strategy, the training plan) */
    uint8_t nprops;
    snplp_prop props[KIND_MAX_PROPS];
    /* the layout, derived from the properties by snplp__kinds_init(): texts[0] is the main text
     * (the first PROP_TEXT), then the other PROP_TEXT, PROP_REF and PROP_DATE fields in
     * document order; the lists in document order */
    uint8_t number; /* snplp_number */
    bool required;  /* the main text must be given (not a singleton) */
    uint8_t ntexts;
    uint8_t nlists;
    uint8_t texts[KIND_MAX_TEXTS]; /* snplp_field */
    snplp_list_desc lists[KIND_MAX_LISTS];
    /* the links: the field of the kind's PROP_REF and the kind it names (SNPLP_FIELD_NONE,
     * SNPLP_KIND_NONE: none), the list of its PROP_VIEW and the kind it views */
    uint8_t ref_field, ref_kind;
    uint8_t view_list, view_kind;
} snplp_kind_info;

/* The kinds, indexed by snplp_kind (SNPLP_KIND_NONE: no kind). */
#define SNPLP__KIND_COUNT (SNPLP_KIND_FIGURE + 1)
extern snplp_kind_info snplp__kinds[SNPLP__KIND_COUNT];
/* The kind's entry; that of SNPLP_KIND_NONE for any other value. */
const snplp_kind_info *snplp__kind_info(snplp_kind kind);
/* Derives the layout of every kind, once for the process (thread-safe); called before the
 * first item is made (snplp_referential_new()) and by the readers of the description. */
void snplp__kinds_init(void);

/* NULL when the description holds what the code built on it relies on (scalars first, what an
 * item holds before its lists of items, a main text, one reference and one view at most, each
 * view matched by a reference, sizes within the layout's...), else the first rule broken (a
 * test calls it: the table is data the compiler cannot check). */
const char *snplp__kinds_check(void);

/* The top-level lists of a referential: the kind each holds and the public function that adds
 * one (NULL for a singleton, made with the referential). */
typedef struct snplp_root_desc {
    uint8_t kind;
    const char *adder;
} snplp_root_desc;
extern const snplp_root_desc snplp__roots[ROOT_LIST_COUNT];

/* The names of the values of the enumerations (index 0: "unknown"), for their _name functions
 * and the formats. */
extern const char *const snplp__level_names[];
extern const char *const snplp__style_names[];
extern const char *const snplp__category_names[];
/* names[v] when v is one of the values of names, else "unknown". */
const char *snplp__variant_name(const char *const *names, int v);
/* The number of values of names (its last index). */
int snplp__variant_count(const char *const *names);

#endif
