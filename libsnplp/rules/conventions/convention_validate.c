/* The coherence rules of a convention, as a commissioner checks them: every finding in one
 * pass. */
#include <string.h>

#include "rules/conventions/matrix_model.h"
#include "util/bigint.h"

typedef struct check {
    const snplp_convention *c;
    snplp_diagnostics *diags;
    size_t errors;
    int rc; /* the first failure to record a finding (SNPLP_ENOMEM) */
} check;

#define FINDING(k, sev, code, item, year, ...)                                                     \
    do {                                                                                           \
        if (!(k)->rc) {                                                                            \
            (k)->rc = snplp__diag_conv((k)->diags, (sev), (code), (k)->c->id, (item), (year),      \
                                       __VA_ARGS__);                                               \
            (k)->errors += (sev) == SNPLP_SEVERITY_ERROR;                                          \
        }                                                                                          \
    } while (0)

#define ERROR(k, code, item, year, ...)                                                            \
    FINDING(k, SNPLP_SEVERITY_ERROR, code, item, year, __VA_ARGS__)

static const char *text(char *buf, snplp_decimal d)
{
    if (snplp_decimal_format(buf, SNPLP_DECIMAL_MAX_TEXT, d))
        strcpy(buf, "?");
    return buf;
}

static const char *const value_names[] = {"target", "actual value", "baseline"};

/* The rules of the unit for one value: which is 0 (target), 1 (actual) or 2 (baseline). */
static void check_unit(check *k, const snplp_indicator *ind, int32_t year, snplp_decimal d,
                       int which)
{
    char b[SNPLP_DECIMAL_MAX_TEXT];
    if (ind->unit == SNPLP_UNIT_PERCENT && (snplp_decimal_compare(d, (snplp_decimal){0, 0}) < 0 ||
                                            snplp_decimal_compare(d, (snplp_decimal){100, 0}) > 0))
        ERROR(k, SNPLP_DIAG_PERCENT_RANGE, ind->id, year,
              "indicator '%s': the %s of %ld is %s%%, outside 0..100", ind->id, value_names[which],
              (long)year, text(b, d));
    if (ind->unit == SNPLP_UNIT_COUNT) {
        int64_t p = 1;
        for (int32_t i = 0; i < d.scale; i++)
            p *= 10;
        if (d.units < 0)
            ERROR(k, SNPLP_DIAG_BAD_COUNT, ind->id, year,
                  "indicator '%s': the %s of %ld is %s, a negative count", ind->id,
                  value_names[which], (long)year, text(b, d));
        else if (d.units % p != 0)
            ERROR(k, SNPLP_DIAG_BAD_COUNT, ind->id, year,
                  "indicator '%s': the %s of %ld is %s, a count that is not a whole number",
                  ind->id, value_names[which], (long)year, text(b, d));
    }
}

/* A reference of ind (numerator, denominator or weight) must name another indicator. */
static void check_reference(check *k, const snplp_indicator *ind, const char *ref, const char *what)
{
    if (!ref)
        return;
    if (!strcmp(ref, ind->id))
        ERROR(k, SNPLP_DIAG_REFERENCE_KIND, ind->id, 0,
              "indicator '%s' names itself as its %s: name another indicator", ind->id, what);
    else if (snplp__conv_action(k->c, ref))
        ERROR(k, SNPLP_DIAG_REFERENCE_KIND, ind->id, 0,
              "indicator '%s': its %s '%s' is an action, not an indicator", ind->id, what, ref);
    else if (!snplp__conv_indicator(k->c, ref))
        ERROR(k, SNPLP_DIAG_DANGLING_REFERENCE, ind->id, 0,
              "indicator '%s': its %s '%s' is not an indicator of convention '%s'", ind->id, what,
              ref, k->c->id);
}

/* Numerator above denominator, target with target and actual with actual. */
static void check_quotient(check *k, const snplp_indicator *ind, int32_t year)
{
    const snplp_indicator *num = snplp__conv_indicator(k->c, ind->numerator_id);
    const snplp_indicator *den = snplp__conv_indicator(k->c, ind->denominator_id);
    if (!num || !den || num == ind || den == ind)
        return;
    const snplp_value_year *n = snplp__yeartab_find(&num->values, sizeof *n, year);
    const snplp_value_year *d = snplp__yeartab_find(&den->values, sizeof *d, year);
    if (!n || !d)
        return;
    char b1[SNPLP_DECIMAL_MAX_TEXT], b2[SNPLP_DECIMAL_MAX_TEXT];
    if (n->has_target && d->has_target && snplp_decimal_compare(n->target, d->target) > 0)
        ERROR(k, SNPLP_DIAG_NUMERATOR_OVER_DENOMINATOR, ind->id, year,
              "indicator '%s' in %ld: the target of its numerator '%s' (%s) is above the target "
              "of its denominator '%s' (%s)",
              ind->id, (long)year, num->id, text(b1, n->target), den->id, text(b2, d->target));
    if (n->has_actual && d->has_actual && snplp_decimal_compare(n->actual, d->actual) > 0)
        ERROR(k, SNPLP_DIAG_NUMERATOR_OVER_DENOMINATOR, ind->id, year,
              "indicator '%s' in %ld: the actual value of its numerator '%s' (%s) is above that "
              "of its denominator '%s' (%s)",
              ind->id, (long)year, num->id, text(b1, n->actual), den->id, text(b2, d->actual));
}

/* Whether typed and derived (at scale, the scale of the target) differ by more than one unit of
 * that scale: |typed − derived| > 10^−scale, exactly. */
static bool beyond_one_unit(snplp_decimal typed, snplp_decimal derived, int32_t scale)
{
    int32_t common = typed.scale > scale ? typed.scale : scale;
    snplp_sbig diff = {false, snplp__big_u64(0)};
    snplp_big t = snplp__big_decimal(typed, common), d = snplp__big_decimal(derived, common);
    /* both below 2^63 × 10^18: no overflow */
    (void)snplp__sbig_add(&diff, typed.units < 0, &t);
    (void)snplp__sbig_add(&diff, derived.units >= 0, &d);
    snplp_big unit = snplp__big_u64(1);
    (void)snplp__big_mul_pow10(&unit, common - scale);
    return snplp__big_cmp(&diff.mag, &unit) > 0;
}

/* A typed actual of a quotient that differs from the derived one by more than one unit of the
 * target's scale (warning). */
static void check_derived(check *k, const snplp_indicator *ind, const snplp_value_year *v)
{
    snplp_decimal derived;
    if (!v->has_actual || snplp__derive_actual(&derived, ind, v->year) != SNPLP_DERIVE_OK ||
        !beyond_one_unit(v->actual, derived, derived.scale))
        return;
    const snplp_indicator *num = snplp__conv_indicator(k->c, ind->numerator_id);
    const snplp_indicator *den = snplp__conv_indicator(k->c, ind->denominator_id);
    const snplp_value_year *n = snplp__yeartab_find(&num->values, sizeof *n, v->year);
    const snplp_value_year *d = snplp__yeartab_find(&den->values, sizeof *d, v->year);
    char b1[SNPLP_DECIMAL_MAX_TEXT], b2[SNPLP_DECIMAL_MAX_TEXT], b3[SNPLP_DECIMAL_MAX_TEXT],
        b4[SNPLP_DECIMAL_MAX_TEXT];
    FINDING(k, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_QUOTIENT_MISMATCH, ind->id, v->year,
            "indicator '%s' in %ld: its actual value %s differs from %s, the rate derived from "
            "its numerator '%s' (%s) and its denominator '%s' (%s), by more than one unit of "
            "the target's scale (%ld decimal%s)",
            ind->id, (long)v->year, text(b1, v->actual), text(b2, derived), num->id,
            text(b3, n->actual), den->id, text(b4, d->actual), (long)derived.scale,
            derived.scale == 1 ? "" : "s");
}

/* Whether the report on year is due at the date at: at is after 31 March of year + 1. */
static bool report_due(int32_t year, const snplp_date *at)
{
    return at && snplp_date_compare(*at, (snplp_date){year + 1, 3, 31}) > 0;
}

static void check_indicator(check *k, const snplp_indicator *ind, const snplp_date *at)
{
    const snplp_convention *c = k->c;
    check_reference(k, ind, ind->numerator_id, "numerator");
    check_reference(k, ind, ind->denominator_id, "denominator");
    check_reference(k, ind, ind->weight_id, "weight");
    if (ind->has_baseline)
        check_unit(k, ind, ind->baseline_year, ind->baseline, 2);
    for (size_t i = 0; i < ind->values.n; i++) {
        const snplp_value_year *v = snplp__yeartab_at(&ind->values, sizeof *v, i);
        if (c->first_year && !snplp__conv_has_year(c, v->year))
            ERROR(k, SNPLP_DIAG_YEAR_OUTSIDE, ind->id, v->year,
                  "indicator '%s' has values for %ld, outside the convention's years %ld-%ld",
                  ind->id, (long)v->year, (long)c->first_year, (long)c->last_year);
        if (v->has_target)
            check_unit(k, ind, v->year, v->target, 0);
        if (v->has_actual)
            check_unit(k, ind, v->year, v->actual, 1);
        check_derived(k, ind, v);
    }
    const snplp_indicator *num = snplp__conv_indicator(c, ind->numerator_id);
    for (size_t i = 0; num && i < num->values.n; i++)
        check_quotient(
            k, ind,
            ((const snplp_value_year *)snplp__yeartab_at(&num->values, sizeof(snplp_value_year), i))
                ->year);
    for (int32_t y = c->first_year; c->first_year && y <= c->last_year; y++) {
        /* a quotient's actual derived from its numerator and denominator is not missing */
        if (report_due(y, at) && !snplp__cell_values(ind, y).has_actual) {
            char b[SNPLP_DATE_TEXT_SIZE];
            snplp_date_format(b, sizeof b, *at);
            ERROR(k, SNPLP_DIAG_ACTUAL_MISSING, ind->id, y,
                  "indicator '%s' has no actual value for %ld, whose report was due on "
                  "%ld-03-31 (checked on %s)",
                  ind->id, (long)y, (long)y + 1, b);
        }
    }
}

static void check_actions(check *k)
{
    const snplp_convention *c = k->c;
    for (uint32_t i = 0; i < c->actions.n; i++) {
        const snplp_action *a = c->actions.v[i];
        for (size_t j = 0; c->first_year && j < a->statuses.n; j++) {
            const snplp_status_year *s = snplp__yeartab_at(&a->statuses, sizeof *s, j);
            if (!snplp__conv_has_year(c, s->year))
                ERROR(k, SNPLP_DIAG_YEAR_OUTSIDE, a->id, s->year,
                      "action '%s' has a status for %ld, outside the convention's years %ld-%ld",
                      a->id, (long)s->year, (long)c->first_year, (long)c->last_year);
        }
    }
    for (int32_t y = c->first_year; c->first_year && y <= c->last_year; y++)
        for (int o = SNPLP_ACTION_OBJECTIVE_CHILD_WELFARE_EXITS;
             o <= SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK; o++) {
            bool found = false;
            for (uint32_t i = 0; !found && i < c->actions.n; i++) {
                const snplp_action *a = c->actions.v[i];
                const snplp_status_year *s = snplp__yeartab_find(&a->statuses, sizeof *s, y);
                found = (int)a->objective == o && s && s->status != SNPLP_ACTION_STATUS_DROPPED;
            }
            if (!found)
                ERROR(k, SNPLP_DIAG_CORE_ACTION_MISSING, NULL, y,
                      "convention '%s' has no action for the core objective '%s' in %ld (none "
                      "with a status other than dropped)",
                      c->id, snplp_action_objective_name((snplp_action_objective)o), (long)y);
        }
}

static void check_convention(check *k)
{
    const snplp_convention *c = k->c;
    if (!c->first_year) {
        ERROR(k, SNPLP_DIAG_YEARS_MISSING, NULL, 0,
              "convention '%s' has no years: set its first and last year", c->id);
        return;
    }
    if (c->last_year - c->first_year != 2)
        FINDING(k, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_YEARS_SPAN, NULL, 0,
                "convention '%s' runs %ld-%ld, %ld years instead of three", c->id,
                (long)c->first_year, (long)c->last_year, (long)(c->last_year - c->first_year + 1));
    for (size_t i = 0; i < c->funding.n; i++) {
        const snplp_funding_year *f = snplp__yeartab_at(&c->funding, sizeof *f, i);
        if (!snplp__conv_has_year(c, f->year))
            ERROR(k, SNPLP_DIAG_YEAR_OUTSIDE, NULL, f->year,
                  "convention '%s' has funding for %ld, outside its years %ld-%ld", c->id,
                  (long)f->year, (long)c->first_year, (long)c->last_year);
    }
    for (size_t i = 0; i < c->reports.n; i++) {
        const snplp_report_year *r = snplp__yeartab_at(&c->reports, sizeof *r, i);
        if (!snplp__conv_has_year(c, r->year))
            ERROR(k, SNPLP_DIAG_YEAR_OUTSIDE, NULL, r->year,
                  "convention '%s' has a report on %ld, outside its years %ld-%ld", c->id,
                  (long)r->year, (long)c->first_year, (long)c->last_year);
    }
}

#define WARNING(k, code, item, year, ...)                                                          \
    FINDING(k, SNPLP_SEVERITY_WARNING, code, item, year, __VA_ARGS__)

/* Dates that cannot both be right (warnings): a signature after the convention's last year or
 * after a report it sent, a date of the check before the signature. */
static void check_dates(check *k, const snplp_date *at)
{
    const snplp_convention *c = k->c;
    if (!c->has_signature_date)
        return;
    snplp_date sig = c->signature_date;
    char b1[SNPLP_DATE_TEXT_SIZE], b2[SNPLP_DATE_TEXT_SIZE];
    (void)snplp_date_format(b1, sizeof b1, sig);
    if (c->first_year && sig.year > c->last_year)
        WARNING(k, SNPLP_DIAG_IMPLAUSIBLE_DATE, NULL, 0,
                "convention '%s' was signed on %s, after its last year %ld-%ld: check the "
                "signature date or the years",
                c->id, b1, (long)c->first_year, (long)c->last_year);
    for (size_t i = 0; i < c->reports.n; i++) {
        const snplp_report_year *r = snplp__yeartab_at(&c->reports, sizeof *r, i);
        if (snplp_date_compare(r->sent, sig) >= 0)
            continue;
        (void)snplp_date_format(b2, sizeof b2, r->sent);
        WARNING(k, SNPLP_DIAG_IMPLAUSIBLE_DATE, NULL, r->year,
                "convention '%s' was signed on %s, after its report on %ld was sent (%s): check "
                "the signature date or the report's",
                c->id, b1, (long)r->year, b2);
    }
    if (at && snplp_date_compare(*at, sig) < 0) {
        (void)snplp_date_format(b2, sizeof b2, *at);
        WARNING(k, SNPLP_DIAG_IMPLAUSIBLE_DATE, NULL, 0,
                "the date of the check, %s, is before convention '%s' was signed (%s): check "
                "the date asked for",
                b2, c->id, b1);
    }
}

int snplp_convention_validate(const snplp_convention *conv, const snplp_date *at,
                              snplp_diagnostics *diags)
{
    const snplp_convention *c = snplp__conv_of(conv);
    if (!c || !diags)
        return snplp__bad_arg(__func__, "NULL convention or diagnostics");
    if (at && !snplp_date_is_valid(*at))
        return snplp__fail_in(__func__, SNPLP_EINVAL, "the date of the check is not a valid date");
    check k = {c, diags, 0, 0};
    check_convention(&k);
    check_dates(&k, at);
    check_actions(&k);
    for (uint32_t i = 0; i < c->indicators.n; i++)
        check_indicator(&k, c->indicators.v[i], at);
    if (k.rc)
        return k.rc;
    return k.errors
               ? snplp__fail_in(__func__, SNPLP_EVALIDATION, "convention '%s' breaks %zu rule%s",
                                c->id, k.errors, k.errors == 1 ? "" : "s")
               : 0;
}
