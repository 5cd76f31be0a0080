/* Indicators of a convention: unit, polarity, aggregation, quotient, baseline and the values of
 * each year (exact decimals). */
#include <string.h>

#include "util/alloc.h"
#include "model/conventions/convention_model.h"
#include "util/names.h"
#include "util/getters.h"

static const char *const unit_names[] = {"none", "count", "percent", "days", "euros", "ratio"};

const char *snplp_unit_name(snplp_unit unit)
{
    return snplp__name_of(unit_names, SNPLP__COUNT(unit_names), unit, "none");
}

snplp_unit snplp_unit_from_name(const char *name)
{
    return (snplp_unit)snplp__value_of(unit_names, SNPLP__COUNT(unit_names), 1, name,
                                       SNPLP_UNIT_NONE);
}

static const char *const polarity_names[] = {"none", "higher-is-better", "lower-is-better",
                                             "exact-target"};

const char *snplp_polarity_name(snplp_polarity polarity)
{
    return snplp__name_of(polarity_names, SNPLP__COUNT(polarity_names), polarity, "none");
}

snplp_polarity snplp_polarity_from_name(const char *name)
{
    return (snplp_polarity)snplp__value_of(polarity_names, SNPLP__COUNT(polarity_names), 1, name,
                                           SNPLP_POLARITY_NONE);
}

static const char *const aggregation_names[] = {"none", "sum", "weighted-mean"};

const char *snplp_aggregation_name(snplp_aggregation aggregation)
{
    return snplp__name_of(aggregation_names, SNPLP__COUNT(aggregation_names), aggregation, "none");
}

bool snplp_aggregation_from_name(snplp_aggregation *out, const char *name)
{
    int k = snplp__value_of(aggregation_names, SNPLP__COUNT(aggregation_names), 0, name, -1);
    if (!out || k < 0)
        return false;
    *out = (snplp_aggregation)k;
    return true;
}

static int check_unit(snplp_unit unit, const char *fn)
{
    if (unit < SNPLP_UNIT_COUNT || unit > SNPLP_UNIT_RATIO)
        return snplp__fail_in(fn, SNPLP_EINVAL, "unknown unit %d", (int)unit);
    return 0;
}

int snplp__indicator_new(snplp_indicator **out, snplp_convention *c, const char *id,
                         const char *label, snplp_unit unit, snplp_text_origin origin,
                         const char *fn)
{
    int rc = check_unit(unit, fn);
    if (rc)
        return rc;
    /* the id, which never changes, lives in the same block */
    size_t idn = strlen(id) + 1;
    snplp_indicator *ind = snplp__calloc(1, sizeof *ind + idn);
    if (!ind)
        return snplp__oom();
    ind->magic = SNPLP_INDICATOR_MAGIC;
    ind->conv = c;
    ind->unit = unit;
    ind->polarity = SNPLP_POLARITY_HIGHER;
    ind->aggregation = SNPLP_AGGREGATION_NONE;
    ind->id = memcpy(ind + 1, id, idn);
    rc = snplp__conv_set_text(&ind->label, label, true, "label", origin, fn);
    if (rc) {
        snplp__indicator_free(ind);
        return rc;
    }
    *out = ind;
    return 0;
}

static void value_dispose(snplp_value_year *v)
{
    snplp__free(v->source);
    snplp__free(v->comment);
}

void snplp__indicator_free(snplp_indicator *ind)
{
    for (size_t i = 0; i < ind->values.n; i++)
        value_dispose(snplp__yeartab_at(&ind->values, sizeof(snplp_value_year), i));
    snplp__yeartab_dispose(&ind->values);
    snplp__ext_clear(&ind->ext);
    snplp__free(ind->label);
    snplp__free(ind->weight_id);
    snplp__free(ind->numerator_id);
    snplp__free(ind->denominator_id);
    for (size_t k = 0; k < SNPLP_INDICATOR_FILTER_KINDS; k++)
        snplp__list_dispose_strings(&ind->filters[k]);
    ind->magic = 0;
    snplp__free(ind);
}

static bool optional_identical(bool has_a, snplp_decimal a, bool has_b, snplp_decimal b)
{
    return has_a == has_b && (!has_a || snplp_decimal_identical(a, b));
}

bool snplp__indicator_equal(const snplp_indicator *a, const snplp_indicator *b)
{
    if (strcmp(a->id, b->id) || strcmp(a->label, b->label) || a->unit != b->unit ||
        a->polarity != b->polarity || a->aggregation != b->aggregation ||
        !snplp__str_equal(a->weight_id, b->weight_id) ||
        !snplp__str_equal(a->numerator_id, b->numerator_id) ||
        !snplp__str_equal(a->denominator_id, b->denominator_id) ||
        a->has_baseline != b->has_baseline ||
        (a->has_baseline && (a->baseline_year != b->baseline_year ||
                             !snplp_decimal_identical(a->baseline, b->baseline))) ||
        a->values.n != b->values.n || !snplp__ext_equal(&a->ext, &b->ext) ||
        a->measure != b->measure)
        return false;
    for (size_t k = 0; k < SNPLP_INDICATOR_FILTER_KINDS; k++) {
        if (a->filters[k].n != b->filters[k].n)
            return false;
        for (size_t i = 0; i < a->filters[k].n; i++)
            if (strcmp(a->filters[k].v[i], b->filters[k].v[i]))
                return false;
    }
    for (size_t i = 0; i < a->values.n; i++) {
        const snplp_value_year *x = snplp__yeartab_at(&a->values, sizeof *x, i);
        const snplp_value_year *y = snplp__yeartab_at(&b->values, sizeof *y, i);
        if (x->year != y->year ||
            !optional_identical(x->has_target, x->target, y->has_target, y->target) ||
            !optional_identical(x->has_actual, x->actual, y->has_actual, y->actual) ||
            !snplp__str_equal(x->source, y->source) || !snplp__str_equal(x->comment, y->comment))
            return false;
    }
    return true;
}

/* The indicator of a function fn that changes it: returns the failure when it is not one or
 * its convention is frozen. */
#define INDICATOR_OR_FAIL_IN(ind, x, fn)                                                           \
    snplp_indicator *ind = snplp__indicator_of(x);                                                 \
    if (!ind)                                                                                      \
        return snplp__bad_arg((fn), "NULL or wrong object");                                       \
    SNPLP__CONV_UNFROZEN(ind->conv, (fn))
#define INDICATOR_OR_FAIL(ind, x) INDICATOR_OR_FAIL_IN(ind, x, __func__)

SNPLP_DEFINE_GETTER(const char *, snplp_indicator_id, snplp_indicator, snplp__indicator_of, id,
                    NULL)
SNPLP_DEFINE_GETTER(snplp_convention *, snplp_indicator_convention, snplp_indicator,
                    snplp__indicator_of, conv, NULL)
SNPLP_DEFINE_GETTER(const char *, snplp_indicator_label, snplp_indicator, snplp__indicator_of,
                    label, NULL)

int snplp_indicator_set_label(snplp_indicator *indicator, const char *label)
{
    INDICATOR_OR_FAIL(ind, indicator);
    return snplp__conv_set_text(&ind->label, label, true, "label", SNPLP_TEXT_UNCHECKED, __func__);
}

SNPLP_DEFINE_GETTER(snplp_unit, snplp_indicator_unit, snplp_indicator, snplp__indicator_of, unit,
                    SNPLP_UNIT_NONE)

int snplp_indicator_set_unit(snplp_indicator *indicator, snplp_unit unit)
{
    INDICATOR_OR_FAIL(ind, indicator);
    int rc = check_unit(unit, __func__);
    if (!rc)
        ind->unit = unit;
    return rc;
}

SNPLP_DEFINE_GETTER(snplp_polarity, snplp_indicator_polarity, snplp_indicator, snplp__indicator_of,
                    polarity, SNPLP_POLARITY_NONE)

int snplp_indicator_set_polarity(snplp_indicator *indicator, snplp_polarity polarity)
{
    INDICATOR_OR_FAIL(ind, indicator);
    if (polarity < SNPLP_POLARITY_HIGHER || polarity > SNPLP_POLARITY_EXACT)
        return snplp__fail_in(__func__, SNPLP_EINVAL, "unknown polarity %d", (int)polarity);
    ind->polarity = polarity;
    return 0;
}

SNPLP_DEFINE_GETTER(snplp_aggregation, snplp_indicator_aggregation, snplp_indicator,
                    snplp__indicator_of, aggregation, SNPLP_AGGREGATION_NONE)
SNPLP_DEFINE_GETTER(const char *, snplp_indicator_weight_id, snplp_indicator, snplp__indicator_of,
                    weight_id, NULL)

int snplp_indicator_set_aggregation(snplp_indicator *indicator, snplp_aggregation aggregation,
                                    const char *weight_id)
{
    INDICATOR_OR_FAIL(ind, indicator);
    if (aggregation != SNPLP_AGGREGATION_NONE && aggregation != SNPLP_AGGREGATION_SUM &&
        aggregation != SNPLP_AGGREGATION_WEIGHTED_MEAN)
        return snplp__fail_in(__func__, SNPLP_EINVAL, "unknown aggregation %d", (int)aggregation);
    char *copy = NULL;
    if (aggregation == SNPLP_AGGREGATION_WEIGHTED_MEAN) {
        int rc = snplp__check_id(weight_id, __func__, "weight id");
        if (rc)
            return rc;
        if (!(copy = snplp__strdup(weight_id)))
            return snplp__oom();
    } else if (weight_id) {
        return snplp__fail_in(__func__, SNPLP_EINVAL, "a weight is only given for a weighted mean");
    }
    snplp__free(ind->weight_id);
    ind->weight_id = copy;
    ind->aggregation = aggregation;
    return 0;
}

int snplp_indicator_set_ratio_of(snplp_indicator *indicator, const char *numerator_id,
                                 const char *denominator_id)
{
    INDICATOR_OR_FAIL(ind, indicator);
    if (!numerator_id != !denominator_id)
        return snplp__fail_in(__func__, SNPLP_EINVAL,
                              "give both the numerator and the denominator, or "
                              "neither");
    char *num = NULL, *den = NULL;
    if (numerator_id) {
        int rc;
        if ((rc = snplp__check_id(numerator_id, __func__, "numerator id")) ||
            (rc = snplp__check_id(denominator_id, __func__, "denominator id")))
            return rc;
        num = snplp__strdup(numerator_id);
        den = snplp__strdup(denominator_id);
        if (!num || !den) {
            snplp__free(num);
            snplp__free(den);
            return snplp__oom();
        }
    }
    snplp__free(ind->numerator_id);
    snplp__free(ind->denominator_id);
    ind->numerator_id = num;
    ind->denominator_id = den;
    return 0;
}

SNPLP_DEFINE_GETTER(const char *, snplp_indicator_numerator_id, snplp_indicator,
                    snplp__indicator_of, numerator_id, NULL)
SNPLP_DEFINE_GETTER(const char *, snplp_indicator_denominator_id, snplp_indicator,
                    snplp__indicator_of, denominator_id, NULL)

static int check_value(snplp_decimal value, const char *fn)
{
    if (!snplp_decimal_is_valid(value))
        return snplp__fail_in(fn, SNPLP_EINVAL, "the value is not a valid decimal (scale %ld)",
                              (long)value.scale);
    return 0;
}

int snplp_indicator_set_baseline(snplp_indicator *indicator, int32_t year, snplp_decimal value)
{
    INDICATOR_OR_FAIL(ind, indicator);
    int rc;
    if ((rc = snplp__check_year(year, __func__)) || (rc = check_value(value, __func__)))
        return rc;
    ind->has_baseline = true;
    ind->baseline_year = year;
    ind->baseline = value;
    return 0;
}

int snplp_indicator_baseline(int32_t *year, snplp_decimal *value, const snplp_indicator *indicator)
{
    const snplp_indicator *ind = snplp__indicator_of(indicator);
    if (!ind)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    if (!ind->has_baseline)
        return snplp__fail_in(__func__, SNPLP_ENOTFOUND, "indicator '%s' has no baseline", ind->id);
    if (year)
        *year = ind->baseline_year;
    if (value)
        *value = ind->baseline;
    return 0;
}

int snplp_indicator_clear_baseline(snplp_indicator *indicator)
{
    INDICATOR_OR_FAIL(ind, indicator);
    ind->has_baseline = false;
    ind->baseline_year = 0;
    ind->baseline = (snplp_decimal){0, 0};
    return 0;
}

/* Drops the record of a year once nothing is left in it. */
static void prune(snplp_indicator *ind, snplp_value_year *v)
{
    if (!v->has_target && !v->has_actual && !v->source && !v->comment)
        snplp__yeartab_remove(&ind->values, sizeof *v, v->year);
}

/* Sets the target (which = 0) or the actual (which = 1) of a year. */
static int set_value(snplp_indicator *ind, int32_t year, snplp_decimal value, int which,
                     const char *fn)
{
    int rc;
    if ((rc = snplp__check_year(year, fn)) || (rc = check_value(value, fn)))
        return rc;
    snplp_value_year *v = snplp__yeartab_get(&ind->values, sizeof *v, year, NULL);
    if (!v)
        return SNPLP_ENOMEM;
    if (which == 0) {
        v->has_target = true;
        v->target = value;
    } else {
        v->has_actual = true;
        v->actual = value;
    }
    return 0;
}

static int get_value(snplp_decimal *out, const snplp_indicator *indicator, int32_t year, int which,
                     const char *fn)
{
    const snplp_indicator *ind = snplp__indicator_of(indicator);
    if (!ind || !out)
        return snplp__bad_arg(fn, "NULL or wrong object");
    const snplp_value_year *v = snplp__yeartab_find(&ind->values, sizeof *v, year);
    if (!v || !(which == 0 ? v->has_target : v->has_actual))
        return snplp__fail_in(fn, SNPLP_ENOTFOUND, "indicator '%s' has no %s for %ld", ind->id,
                              which == 0 ? "target" : "actual value", (long)year);
    *out = which == 0 ? v->target : v->actual;
    return 0;
}

static int clear_value(snplp_indicator *indicator, int32_t year, int which, const char *fn)
{
    INDICATOR_OR_FAIL_IN(ind, indicator, fn);
    snplp_value_year *v = snplp__yeartab_find(&ind->values, sizeof *v, year);
    if (!v || !(which == 0 ? v->has_target : v->has_actual))
        return snplp__fail_in(fn, SNPLP_ENOTFOUND, "indicator '%s' has no %s for %ld", ind->id,
                              which == 0 ? "target" : "actual value", (long)year);
    if (which == 0) {
        v->has_target = false;
        v->target = (snplp_decimal){0, 0};
    } else {
        v->has_actual = false;
        v->actual = (snplp_decimal){0, 0};
    }
    prune(ind, v);
    return 0;
}

/* snplp_indicator_set_<name>(), snplp_indicator_<name>() and snplp_indicator_clear_<name>()
 * for the target (which = 0) and the actual value (which = 1) of a year */
#define DEFINE_VALUE(name, which)                                                                  \
    int snplp_indicator_set_##name(snplp_indicator *indicator, int32_t year, snplp_decimal value)  \
    {                                                                                              \
        INDICATOR_OR_FAIL(ind, indicator);                                                         \
        return set_value(ind, year, value, which, __func__);                                       \
    }                                                                                              \
    int snplp_indicator_##name(snplp_decimal *out, const snplp_indicator *indicator, int32_t year) \
    {                                                                                              \
        return get_value(out, indicator, year, which, __func__);                                   \
    }                                                                                              \
    int snplp_indicator_clear_##name(snplp_indicator *indicator, int32_t year)                     \
    {                                                                                              \
        return clear_value(indicator, year, which, __func__);                                      \
    }

DEFINE_VALUE(target, 0)
DEFINE_VALUE(actual, 1)

int snplp__indicator_set_note(snplp_indicator *indicator, int32_t year, const char *text, int which,
                              snplp_text_origin origin, const char *fn)
{
    INDICATOR_OR_FAIL_IN(ind, indicator, fn);
    int rc = snplp__check_year(year, fn);
    if (rc)
        return rc;
    if (!text) {
        snplp_value_year *v = snplp__yeartab_find(&ind->values, sizeof *v, year);
        if (v) {
            char **slot = which == 0 ? &v->source : &v->comment;
            snplp__free(*slot);
            *slot = NULL;
            prune(ind, v);
        }
        return 0;
    }
    char *copy = NULL;
    if ((rc = snplp__conv_set_text(&copy, text, false, which == 0 ? "source" : "comment", origin,
                                   fn)))
        return rc;
    snplp_value_year *v = snplp__yeartab_get(&ind->values, sizeof *v, year, NULL);
    if (!v) {
        snplp__free(copy);
        return SNPLP_ENOMEM;
    }
    char **slot = which == 0 ? &v->source : &v->comment;
    snplp__free(*slot);
    *slot = copy;
    return 0;
}

static const char *get_note(const snplp_indicator *indicator, int32_t year, int which)
{
    const snplp_indicator *ind = snplp__indicator_of(indicator);
    const snplp_value_year *v = ind ? snplp__yeartab_find(&ind->values, sizeof *v, year) : NULL;
    return v ? (which == 0 ? v->source : v->comment) : NULL;
}

int snplp_indicator_set_source(snplp_indicator *indicator, int32_t year, const char *source)
{
    return snplp__indicator_set_note(indicator, year, source, 0, SNPLP_TEXT_UNCHECKED, __func__);
}

const char *snplp_indicator_source(const snplp_indicator *indicator, int32_t year)
{
    return get_note(indicator, year, 0);
}

int snplp_indicator_set_comment(snplp_indicator *indicator, int32_t year, const char *comment)
{
    return snplp__indicator_set_note(indicator, year, comment, 1, SNPLP_TEXT_UNCHECKED, __func__);
}

const char *snplp_indicator_comment(const snplp_indicator *indicator, int32_t year)
{
    return get_note(indicator, year, 1);
}

SNPLP_DEFINE_YEARS(snplp_indicator_year_count, snplp_indicator_year_at, snplp_indicator,
                   snplp__indicator_of, values, snplp_value_year)

/* ---- computed from training records (1.4) ---- */

static const char *const measure_names[] = {"none", "workers-trained", "training-days", "sessions"};

const char *snplp_records_measure_name(snplp_records_measure measure)
{
    return snplp__name_of(measure_names, SNPLP__COUNT(measure_names), measure, "none");
}

snplp_records_measure snplp_records_measure_from_name(const char *name)
{
    return (snplp_records_measure)snplp__value_of(measure_names, SNPLP__COUNT(measure_names), 1,
                                                  name, SNPLP_MEASURE_NONE);
}

static const char *const filter_names[] = {NULL, "theme", "module", "plan", "profession"};

const char *snplp_records_filter_name(snplp_records_filter filter)
{
    return snplp__name_of(filter_names, SNPLP__COUNT(filter_names), filter, "unknown");
}

SNPLP_DEFINE_GETTER(snplp_records_measure, snplp_indicator_records_measure, snplp_indicator,
                    snplp__indicator_of, measure, SNPLP_MEASURE_NONE)

int snplp_indicator_set_records_measure(snplp_indicator *indicator, snplp_records_measure measure)
{
    INDICATOR_OR_FAIL(ind, indicator);
    if (measure < SNPLP_MEASURE_NONE || measure > SNPLP_MEASURE_SESSIONS)
        return snplp__fail_in(__func__, SNPLP_EINVAL, "unknown measure %d", (int)measure);
    if (measure == SNPLP_MEASURE_NONE)
        for (size_t k = 0; k < SNPLP_INDICATOR_FILTER_KINDS; k++)
            snplp__list_dispose_strings(&ind->filters[k]);
    ind->measure = measure;
    return 0;
}

static bool filter_known(snplp_records_filter filter)
{
    return filter >= SNPLP_FILTER_THEME && filter <= SNPLP_FILTER_PROFESSION;
}

int snplp_indicator_add_records_filter(snplp_indicator *indicator, snplp_records_filter filter,
                                       const char *id)
{
    INDICATOR_OR_FAIL(ind, indicator);
    if (!filter_known(filter))
        return snplp__fail_in(__func__, SNPLP_EINVAL, "unknown filter kind %d", (int)filter);
    if (ind->measure == SNPLP_MEASURE_NONE)
        return snplp__fail_in(__func__, SNPLP_EINVAL,
                              "indicator '%s' is not computed from records: set its measure first",
                              ind->id);
    int rc = snplp__check_id(id, __func__, "filter id");
    if (rc)
        return rc;
    snplp_list *l = &ind->filters[filter - 1];
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i], id) == 0)
            return snplp__fail_in(__func__, SNPLP_EEXISTS, "'%s' is already a %s filter of '%s'",
                                  id, filter_names[filter], ind->id);
    char *copy = snplp__strdup(id);
    if (!copy)
        return snplp__oom();
    if ((rc = snplp__list_reserve(l))) {
        snplp__free(copy);
        return rc;
    }
    snplp__list_push(l, copy);
    return 0;
}

size_t snplp_indicator_records_filter_count(const snplp_indicator *indicator,
                                            snplp_records_filter filter)
{
    const snplp_indicator *ind = snplp__indicator_of(indicator);
    return ind && filter_known(filter) ? ind->filters[filter - 1].n : 0;
}

const char *snplp_indicator_records_filter_at(const snplp_indicator *indicator,
                                              snplp_records_filter filter, size_t index)
{
    const snplp_indicator *ind = snplp__indicator_of(indicator);
    return ind && filter_known(filter) ? snplp__list_at(&ind->filters[filter - 1], index) : NULL;
}
