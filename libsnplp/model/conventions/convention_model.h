/* Internal: the representation of conventions, their actions and indicators.
 *
 * A convention owns arrays of actions and indicators (pointers, in order) and small arrays of
 * yearly records kept sorted by year, each record starting with its year (yeartab). Objects
 * carry a magic number so that a pointer of another type is refused instead of being used. */
#ifndef SNPLP_MODEL_CONVENTIONS_CONVENTION_MODEL_H
#define SNPLP_MODEL_CONVENTIONS_CONVENTION_MODEL_H

#include <stdatomic.h>
#include <stddef.h>

#include <snplp/snplp.h>

#include "util/diag.h"
#include "util/errors.h"
#include "util/ext.h"
#include "util/id.h"
#include "util/idmap.h"
#include "util/list.h"
#include "util/text.h"
#include "util/yeartab.h"

#define SNPLP_CONVENTION_MAGIC 0x5EB1C0A1u
#define SNPLP_ACTION_MAGIC     0x5EB1AC71u
#define SNPLP_INDICATOR_MAGIC  0x5EB11D1Cu

/* ---- records ---- */
typedef struct snplp_funding_year {
    int32_t year;
    int64_t state_cents, own_cents;
} snplp_funding_year;

typedef struct snplp_report_year {
    int32_t year;
    snplp_date sent;
} snplp_report_year;

typedef struct snplp_status_year {
    int32_t year;
    snplp_action_status status;
    char *reason; /* dropped only */
} snplp_status_year;

typedef struct snplp_value_year {
    int32_t year;
    bool has_target, has_actual;
    snplp_decimal target, actual;
    char *source, *comment;
} snplp_value_year;

typedef struct snplp_signatory {
    char *role, *name;
} snplp_signatory;

struct snplp_convention {
    uint32_t magic;
    atomic_size_t refs;
    char *id;
    snplp_territory_kind kind;
    char *code, *name;
    int32_t first_year, last_year; /* 0 while unset */
    bool has_signature_date;
    snplp_date signature_date;
    snplp_list signatories; /* snplp_signatory * */
    snplp_yeartab funding;  /* snplp_funding_year */
    snplp_yeartab reports;  /* snplp_report_year */
    snplp_list actions;     /* snplp_action * */
    snplp_list indicators;  /* snplp_indicator * */
    snplp_idmap ids;        /* the actions and indicators by id (one id space; SNPLP_CONV_KEY) */
    snplp_ext ext;          /* kept from XML: foreign attributes and elements (owner NULL) */
    atomic_bool frozen;     /* snplp_convention_freeze(): every change fails from then on */
};

struct snplp_action {
    uint32_t magic;
    snplp_convention *conv;
    char *id, *title, *description;
    snplp_action_objective objective;
    snplp_yeartab statuses; /* snplp_status_year */
    snplp_ext ext;
};

/* The number of kinds of snplp_records_filter (1 to this). */
#define SNPLP_INDICATOR_FILTER_KINDS 4

struct snplp_indicator {
    uint32_t magic;
    snplp_convention *conv;
    char *id, *label;
    snplp_unit unit;
    snplp_polarity polarity;
    snplp_aggregation aggregation;
    char *weight_id;
    char *numerator_id, *denominator_id;
    bool has_baseline;
    int32_t baseline_year;
    snplp_decimal baseline;
    snplp_yeartab values; /* snplp_value_year */
    snplp_ext ext;
    /* 1.4: what it counts from training records (SNPLP_MEASURE_NONE: not computed) and the
     * ids of its filters, one list of strings per snplp_records_filter (index filter - 1) */
    snplp_records_measure measure;
    snplp_list filters[SNPLP_INDICATOR_FILTER_KINDS];
};

/* The offset of the id in an action and in an indicator (the same): the key of a convention's
 * id map. An action and an indicator are told apart by their magic number. */
#define SNPLP_CONV_KEY offsetof(struct snplp_action, id)
_Static_assert(offsetof(struct snplp_action, id) == offsetof(struct snplp_indicator, id),
               "actions and indicators share one id map");
_Static_assert(offsetof(struct snplp_action, magic) == offsetof(struct snplp_indicator, magic),
               "actions and indicators are told apart by their magic number");

/* The object as its type if it is a live one (not NULL, right magic), else NULL. */
snplp_convention *snplp__conv_of(const snplp_convention *c);
snplp_action *snplp__action_of(const snplp_action *a);
snplp_indicator *snplp__indicator_of(const snplp_indicator *i);
snplp_convention_list *snplp__convention_list_of(const snplp_convention_list *l);
/* The comments before the root element of the document a list was read from, each as
 * "<!--...-->\n" (exchange/xml keeps them and writes them back); "" if none.
 * set_prolog takes @p prolog (allocated by snplp__malloc, NULL for none). */
void snplp__convention_list_set_prolog(snplp_convention_list *list, char *prolog);
const char *snplp__convention_list_prolog(const snplp_convention_list *list);
/* The conventions of a live list, in order (*n of them). */
snplp_convention *const *snplp__convention_list_items(const snplp_convention_list *l, size_t *n);

/* 0 if the convention may change, else SNPLP_EFROZEN recorded for fn (every change of a
 * convention, of its actions and of its indicators starts with it). */
int snplp__conv_check_unfrozen(const snplp_convention *c, const char *fn);
#define SNPLP__CONV_UNFROZEN(c, fn)                                                                \
    do {                                                                                           \
        int frozen_rc_ = snplp__conv_check_unfrozen((c), (fn));                                    \
        if (frozen_rc_)                                                                            \
            return frozen_rc_;                                                                     \
    } while (0)

/* 0 if year is within SNPLP_YEAR_MIN..SNPLP_YEAR_MAX, else SNPLP_EINVAL (recorded for fn). */
int snplp__check_year(int32_t year, const char *fn);
/* Whether the year is within the convention's years (false while they are unset). */
static inline bool snplp__conv_has_year(const snplp_convention *c, int32_t year)
{
    return c->first_year && year >= c->first_year && year <= c->last_year;
}
/* The action or indicator with that id, as the magic number that starts it (NULL if none). */
uint32_t *snplp__conv_child(const snplp_convention *c, const char *id);
/* The action or indicator with that id (through the convention's id map), NULL if none. */
snplp_action *snplp__conv_action(const snplp_convention *c, const char *id);
snplp_indicator *snplp__conv_indicator(const snplp_convention *c, const char *id);
/* What a public _find returns: found, or NULL with the miss recorded for fn as SNPLP_ENOTFOUND
 * ("no <what> has the id <id>"; what NULL: the object was NULL or wrong, SNPLP_EINVAL). */
void *snplp__conv_miss(void *found, const char *id, const char *what, const char *fn);
/* 0 if the list and every convention in it may change, else SNPLP_EFROZEN recorded for fn. */
int snplp__convention_list_check_unfrozen(const snplp_convention_list *l, const char *fn);
/* The convention of the list with that id, NULL if none (records nothing). */
snplp_convention *snplp__convention_list_get(const snplp_convention_list *l, const char *id);

/* Creating, freeing and comparing actions and indicators (action.c, indicator.c; the functions
 * above are in helpers.c). _new checks its arguments and allocates (nothing is added to the
 * convention). */
int snplp__action_new(snplp_action **out, snplp_convention *c, const char *id,
                      snplp_action_objective objective, const char *title, snplp_text_origin origin,
                      const char *fn);
void snplp__action_free(snplp_action *a);
bool snplp__action_equal(const snplp_action *a, const snplp_action *b);
int snplp__indicator_new(snplp_indicator **out, snplp_convention *c, const char *id,
                         const char *label, snplp_unit unit, snplp_text_origin origin,
                         const char *fn);
void snplp__indicator_free(snplp_indicator *i);
bool snplp__indicator_equal(const snplp_indicator *a, const snplp_indicator *b);

/* Copies text (UTF-8, NFC) into *slot, replacing what was there; blank text is refused when
 * required, and NULL unsets when not. Changes nothing on failure. */
int snplp__conv_set_text(char **slot, const char *text, bool required, const char *what,
                         snplp_text_origin origin, const char *fn);

/* The public functions that take texts, for a caller that says where the texts come from
 * (the XML reader: SNPLP_TEXT_CHECKED) and which public function its messages name. */
int snplp__convention_new(snplp_convention **out, const char *id, snplp_territory_kind kind,
                          const char *code, const char *name, snplp_text_origin origin,
                          const char *fn);
int snplp__convention_add_signatory(snplp_convention *conv, const char *role, const char *name,
                                    snplp_text_origin origin, const char *fn);
int snplp__convention_add_action(snplp_action **out, snplp_convention *conv, const char *id,
                                 snplp_action_objective objective, const char *title,
                                 snplp_text_origin origin, const char *fn);
int snplp__convention_add_indicator(snplp_indicator **out, snplp_convention *conv, const char *id,
                                    const char *label, snplp_unit unit, snplp_text_origin origin,
                                    const char *fn);
int snplp__action_set_description(snplp_action *action, const char *description,
                                  snplp_text_origin origin, const char *fn);
int snplp__action_set_status(snplp_action *action, int32_t year, snplp_action_status status,
                             const char *reason, snplp_text_origin origin, const char *fn);
/* Sets the source (which = 0) or the comment (which = 1) of a year; NULL unsets. */
int snplp__indicator_set_note(snplp_indicator *indicator, int32_t year, const char *text, int which,
                              snplp_text_origin origin, const char *fn);
/* Whether two optional strings are equal. */
bool snplp__str_equal(const char *a, const char *b);

/* snplp_<type>_<name>_count() and _at(): the years of the table `tab` of records `rec` of an
 * object of type T (of: its check), 0 for NULL, a wrong object or an index out of range. */
#define SNPLP_DEFINE_YEARS(count_fn, at_fn, T, of, tab, rec)                                       \
    size_t count_fn(const T *x)                                                                    \
    {                                                                                              \
        const T *o = of(x);                                                                        \
        return snplp__yeartab_count(o ? &o->tab : NULL);                                           \
    }                                                                                              \
    int32_t at_fn(const T *x, size_t index)                                                        \
    {                                                                                              \
        const T *o = of(x);                                                                        \
        return snplp__yeartab_year_at(o ? &o->tab : NULL, sizeof(rec), index);                     \
    }

#endif
