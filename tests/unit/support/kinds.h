/* The kinds of items of a referential, described for table-driven tests (kinds.c).
 *
 * Each kind has one description: how to read its id, its referential and its owner, how to
 * find it by id, and its fields seen through function pointers: texts, optional numbers (read
 * into an out parameter, SNPLP_ENOTFOUND when unset), values (always set: enums, booleans,
 * integers), lists of strings (labels, ids) and lists of child items. The pointers are small
 * typed adapters (kinds.c) around the public functions, so that the shared test bodies
 * (kind_tests.c) call each public function with its own type.
 *
 * A "zoo" is a referential holding two items of every kind (one for the singletons), each with
 * only the text it was added with: the item under test, a second one of the same kind, and
 * every item of another kind as a wrong object. kind_snapshot() prints every field of every
 * item through its own description, so that a test can assert that nothing but what it meant
 * to change has changed. */
#ifndef SNPLP_TEST_KINDS_H
#define SNPLP_TEST_KINDS_H

#include "names.h"

#include <stdbool.h>

/* snplp_kind values 0 (the referential itself) to SNPLP_KIND_FIGURE. */
#define KIND_COUNT (SNPLP_KIND_FIGURE + 1)

/* A number of any of the types the API uses; which member counts is given by a num_type. */
typedef struct num {
    int64_t i; /* NUM_INT, NUM_I64, NUM_BOOL */
    double d;  /* NUM_DOUBLE */
} num;

typedef enum num_type { NUM_INT, NUM_I64, NUM_DOUBLE, NUM_BOOL } num_type;

/* Initializers of a num (write (num)I(v) for an expression). */
#define I(v)                                                                                       \
    {                                                                                              \
        .i = (v)                                                                                   \
    }
#define DBL(v)                                                                                     \
    {                                                                                              \
        .d = (v)                                                                                   \
    }

/* A number's value as given and as stored (the library may round it). */
typedef struct num_pair {
    num given, stored;
} num_pair;

enum {
    TEXT_REQUIRED = 1, /* NULL is refused (else NULL unsets) */
    TEXT_FORMATTED = 2 /* a date or an id: the generic samples do not apply, only .sample */
};

typedef struct text_field {
    const char *name;
    unsigned flags;
    const char *(*get)(const void *item);
    int (*set)(void *item, const char *text);
    const char *sample; /* a valid value the zoo does not hold */
} text_field;

/* An optional number: get() writes *out only when it returns SNPLP_OK. */
typedef struct number_field {
    const char *name;
    num_type type;
    int (*get)(num *out, const void *item);
    int (*set)(void *item, num value);
    int (*clear)(void *item);
    const num_pair *good;
    size_t ngood;
    const num *bad;
    size_t nbad;
} number_field;

/* A value every item has (0 or false through a wrong object). */
typedef struct value_field {
    const char *name;
    num_type type;
    num (*get)(const void *item);
    int (*set)(void *item, num value);
    const num *good; /* good[0] is what the zoo's items are added with */
    size_t ngood;
    const num *bad;
    size_t nbad;
} value_field;

/* A list of strings: labels (texts, repeats allowed) or ids (no repeats, remove()). */
typedef struct string_list {
    const char *name;
    bool ids;
    int (*add)(void *item, const char *s);
    int (*remove)(void *item, const char *s); /* NULL for labels */
    size_t (*count)(const void *item);
    const char *(*at)(const void *item, size_t index);
} string_list;

/* A list of child items an item holds, with the function that adds one. The extra argument
 * of some adders (a style, a level, a value, a category) is a num; the child's value field
 * named .extra stores it. */
typedef struct child_list {
    const char *name;
    snplp_kind child;
    int (*add)(void **out, void *parent, const char *id, num extra, const char *text);
    size_t (*count)(const void *parent);
    void *(*at)(const void *parent, size_t index);
    num extra;         /* the extra argument the zoo uses */
    const char *value; /* the child's value field it sets, or NULL */
    const num *bad_extra;
    size_t nbad_extra;
} child_list;

typedef struct kind_desc {
    const char *name;
    snplp_kind kind;
    const char *(*id)(const void *item);
    snplp_referential *(*referential)(const void *item);
    void *(*find)(const snplp_referential *ref, const char *id); /* the singleton's getter too */
    void *(*owner)(const void *item);                            /* NULL: no owner getter */
    void *(*nest)(const void *item); /* the item of the same kind it is nested in, if any */
    snplp_kind owner_kind;           /* the kind owner() returns */
    snplp_kind parent;               /* the kind whose list .parent_list adds the zoo's items */
    size_t parent_list;              /* index in the parent's lists */
    const char *ids[2];              /* the zoo's items (one for a singleton: ids[1] NULL) */
    const char *item_texts[2];       /* the main text they are added with (texts[0]) */
    const text_field *texts;
    size_t ntexts;
    const number_field *numbers;
    size_t nnumbers;
    const value_field *values;
    size_t nvalues;
    const string_list *strings;
    size_t nstrings;
    const child_list *lists;
    size_t nlists;
    const enum_names *names; /* of the enum of its value field, if any */
} kind_desc;

/* Every description, indexed by snplp_kind; kinds[0] is the referential (its lists only). */
extern const kind_desc *const kinds[KIND_COUNT];

/* Malformed ids every adder refuses with SNPLP_EBADID (a 257-byte one is built apart). */
extern const char *const kind_bad_ids[];
extern const size_t kind_nbad_ids;

/* ---- numbers ---- */

bool num_equal(num_type type, num a, num b);
/* Appends a number to buf (at most size bytes, NUL-terminated). */
void num_format(char *buf, size_t size, num_type type, num v);

/* ---- the zoo ---- */

typedef struct zoo {
    snplp_referential *ref;
    void *items[KIND_COUNT][2]; /* items[0][0] is ref */
} zoo;

/* A new zoo (fails the test if it cannot be made). */
zoo zoo_new(void);
void zoo_free(zoo *z);
/* Sets every optional field of it but the one named skip ("": none) to a value other than its
 * default (a sample text, a number, the last good value, one string), so that a wrong read or
 * a lost value shows. */
void kind_fill(const kind_desc *k, void *it, const char *skip);
/* kind_fill() on every item of the zoo. */
void zoo_fill(zoo *z);

/* Every item of the zoo not of kind skip, one after another (its kind in *kind), to pass as a
 * wrong object; NULL after the last. Start with *cursor = 0. */
void *zoo_next_other(const zoo *z, snplp_kind skip, size_t *cursor, snplp_kind *kind);

/* Every field of item (described by k) but the one named skip (NULL: none) as text, to
 * free(). */
char *kind_snapshot(const kind_desc *k, const void *item, const char *skip);
/* Every field of every item of z but skip (NULL: none), to free(). */
char *zoo_snapshot(const zoo *z, const void *skip);

/* The field of k named name, NULL if it has none. */
const text_field *kind_text(const kind_desc *k, const char *name);
const value_field *kind_value(const kind_desc *k, const char *name);

#endif
