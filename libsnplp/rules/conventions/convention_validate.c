/* The coherence rules of a convention, as a commissioner checks them: every finding in one
 * pass. */
#include <stdio.h>
#include <string.h>

#include "rules/conventions/matrix_model.h"
#include "util/bigint.h"
#include "util/diag.h"

typedef struct check {
    const snplp_convention *c;
    snplp_diagnostics *diags;
    size_t errors;
    int rc; /* the first failure to record a finding (SNPLP_ENOMEM) */
} check;

/* Adds the finding code/variant of the catalogue about item (NULL: the convention) and year
 * (0: none), with its arguments. */
static void finding(check *k, snplp_severity sev, snplp_diag_code code, const char *item,
                    int32_t year, const char *variant, const snplp_msg_arg *args, size_t nargs)
{
    if (k->rc)
        return;
    k->rc = snplp__finding(k->diags, &(snplp_finding){.severity = sev,
                                                      .code = code,
                                                      .variant = variant,
                                                      .convention_id = k->c->id,
                                                      .item_id = item,
                                                      .year = year,
                                                      .args = args,
                                                      .nargs = nargs});
    k->errors += sev == SNPLP_SEVERITY_ERROR;
}

/* FINDING(k, severity, code, item, year, variant, SNPLP_ARGS(...)) */
#define FINDING(k, sev, code, item, year, ...)                                                     \
    finding((k), (sev), (code), (item), (year), __VA_ARGS__)
#define ERROR(k, code, item, year, ...)                                                            \
    FINDING(k, SNPLP_SEVERITY_ERROR, code, item, year, __VA_ARGS__)
#define WARNING(k, code, item, year, ...)                                                          \
    FINDING(k, SNPLP_SEVERITY_WARNING, code, item, year, __VA_ARGS__)

/* The texts of the arguments: a decimal as snplp_decimal_format() writes it, an integer (a
 * year), a date YYYY-MM-DD. */
typedef struct text {
    char s[SNPLP_DECIMAL_MAX_TEXT + SNPLP_DATE_TEXT_SIZE];
} text;
static text dec(snplp_decimal d)
{
    text t;
    if (snplp_decimal_format(t.s, SNPLP_DECIMAL_MAX_TEXT, d))
        strcpy(t.s, "0"); /* not a valid decimal: cannot be in a convention */
    return t;
}
static text num(long n)
{
    text t;
    snprintf(t.s, sizeof t.s, "%ld", n);
    return t;
}
static text day(snplp_date d)
{
    text t;
    if (snplp_date_format(t.s, sizeof t.s, d))
        strcpy(t.s, "0001-01-01"); /* not a valid date: cannot be in a convention */
    return t;
}

/* The value a rule is about, as the messages select on it. */
static const char *const value_names[] = {"target", "actual", "baseline"};

/* The rules of the unit for one value: which is 0 (target), 1 (actual) or 2 (baseline). */
static void check_unit(check *k, const snplp_indicator *ind, int32_t year, snplp_decimal d,
                       int which)
{
    if (ind->unit == SNPLP_UNIT_PERCENT && (snplp_decimal_compare(d, (snplp_decimal){0, 0}) < 0 ||
                                            snplp_decimal_compare(d, (snplp_decimal){100, 0}) > 0))
        ERROR(k, SNPLP_DIAG_PERCENT_RANGE, ind->id, year, "value",
              SNPLP_ARGS(SNPLP_ARG(ID, "indicator", ind->id),
                         SNPLP_ARG(CHOICE, "which", value_names[which]),
                         SNPLP_ARG(INTEGER, "year", num(year).s),
                         SNPLP_ARG(DECIMAL, "value", dec(d).s)));
    if (ind->unit == SNPLP_UNIT_COUNT) {
        int64_t p = 1;
        for (int32_t i = 0; i < d.scale; i++)
            p *= 10;
        if (d.units < 0 || d.units % p != 0)
            ERROR(k, SNPLP_DIAG_BAD_COUNT, ind->id, year, d.units < 0 ? "negative" : "not-whole",
                  SNPLP_ARGS(SNPLP_ARG(ID, "indicator", ind->id),
                             SNPLP_ARG(CHOICE, "which", value_names[which]),
                             SNPLP_ARG(INTEGER, "year", num(year).s),
                             SNPLP_ARG(DECIMAL, "value", dec(d).s)));
    }
}

/* A reference of ind (what: numerator, denominator or weight) must name another indicator. */
static void check_reference(check *k, const snplp_indicator *ind, const char *ref, const char *what)
{
    if (!ref)
        return;
    if (!strcmp(ref, ind->id))
        ERROR(k, SNPLP_DIAG_REFERENCE_KIND, ind->id, 0, "indicator-self",
              SNPLP_ARGS(SNPLP_ARG(ID, "indicator", ind->id), SNPLP_ARG(CHOICE, "role", what)));
    else if (snplp__conv_action(k->c, ref))
        ERROR(k, SNPLP_DIAG_REFERENCE_KIND, ind->id, 0, "indicator-action",
              SNPLP_ARGS(SNPLP_ARG(ID, "indicator", ind->id), SNPLP_ARG(CHOICE, "role", what),
                         SNPLP_ARG(ID, "ref", ref)));
    else if (!snplp__conv_indicator(k->c, ref))
        ERROR(k, SNPLP_DIAG_DANGLING_REFERENCE, ind->id, 0, "indicator",
              SNPLP_ARGS(SNPLP_ARG(ID, "indicator", ind->id), SNPLP_ARG(CHOICE, "role", what),
                         SNPLP_ARG(ID, "ref", ref), SNPLP_ARG(ID, "convention", k->c->id)));
}

/* Numerator above denominator, target with target and actual with actual. */
static void check_quotient(check *k, const snplp_indicator *ind, int32_t year)
{
    const snplp_indicator *numerator = snplp__conv_indicator(k->c, ind->numerator_id);
    const snplp_indicator *den = snplp__conv_indicator(k->c, ind->denominator_id);
    if (!numerator || !den || numerator == ind || den == ind)
        return;
    const snplp_value_year *n = snplp__yeartab_find(&numerator->values, sizeof *n, year);
    const snplp_value_year *d = snplp__yeartab_find(&den->values, sizeof *d, year);
    if (!n || !d)
        return;
    if (n->has_target && d->has_target && snplp_decimal_compare(n->target, d->target) > 0)
        ERROR(k, SNPLP_DIAG_NUMERATOR_OVER_DENOMINATOR, ind->id, year, "target",
              SNPLP_ARGS(SNPLP_ARG(ID, "indicator", ind->id),
                         SNPLP_ARG(INTEGER, "year", num(year).s),
                         SNPLP_ARG(ID, "numerator", numerator->id),
                         SNPLP_ARG(DECIMAL, "numerator_value", dec(n->target).s),
                         SNPLP_ARG(ID, "denominator", den->id),
                         SNPLP_ARG(DECIMAL, "denominator_value", dec(d->target).s)));
    if (n->has_actual && d->has_actual && snplp_decimal_compare(n->actual, d->actual) > 0)
        ERROR(k, SNPLP_DIAG_NUMERATOR_OVER_DENOMINATOR, ind->id, year, "actual",
              SNPLP_ARGS(SNPLP_ARG(ID, "indicator", ind->id),
                         SNPLP_ARG(INTEGER, "year", num(year).s),
                         SNPLP_ARG(ID, "numerator", numerator->id),
                         SNPLP_ARG(DECIMAL, "numerator_value", dec(n->actual).s),
                         SNPLP_ARG(ID, "denominator", den->id),
                         SNPLP_ARG(DECIMAL, "denominator_value", dec(d->actual).s)));
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
    const snplp_indicator *numerator = snplp__conv_indicator(k->c, ind->numerator_id);
    const snplp_indicator *den = snplp__conv_indicator(k->c, ind->denominator_id);
    const snplp_value_year *n = snplp__yeartab_find(&numerator->values, sizeof *n, v->year);
    const snplp_value_year *d = snplp__yeartab_find(&den->values, sizeof *d, v->year);
    WARNING(k, SNPLP_DIAG_QUOTIENT_MISMATCH, ind->id, v->year, "indicator",
            SNPLP_ARGS(SNPLP_ARG(ID, "indicator", ind->id),
                       SNPLP_ARG(INTEGER, "year", num(v->year).s),
                       SNPLP_ARG(DECIMAL, "actual", dec(v->actual).s),
                       SNPLP_ARG(DECIMAL, "derived", dec(derived).s),
                       SNPLP_ARG(ID, "numerator", numerator->id),
                       SNPLP_ARG(DECIMAL, "numerator_value", dec(n->actual).s),
                       SNPLP_ARG(ID, "denominator", den->id),
                       SNPLP_ARG(DECIMAL, "denominator_value", dec(d->actual).s),
                       SNPLP_ARG(INTEGER, "scale", num(derived.scale).s)));
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
            ERROR(k, SNPLP_DIAG_YEAR_OUTSIDE, ind->id, v->year, "indicator",
                  SNPLP_ARGS(SNPLP_ARG(ID, "indicator", ind->id),
                             SNPLP_ARG(INTEGER, "year", num(v->year).s),
                             SNPLP_ARG(INTEGER, "first", num(c->first_year).s),
                             SNPLP_ARG(INTEGER, "last", num(c->last_year).s)));
        if (v->has_target)
            check_unit(k, ind, v->year, v->target, 0);
        if (v->has_actual)
            check_unit(k, ind, v->year, v->actual, 1);
        check_derived(k, ind, v);
    }
    const snplp_indicator *numerator = snplp__conv_indicator(c, ind->numerator_id);
    for (size_t i = 0; numerator && i < numerator->values.n; i++)
        check_quotient(k, ind,
                       ((const snplp_value_year *)snplp__yeartab_at(&numerator->values,
                                                                    sizeof(snplp_value_year), i))
                           ->year);
    for (int32_t y = c->first_year; c->first_year && y <= c->last_year; y++) {
        /* a quotient's actual derived from its numerator and denominator is not missing */
        if (report_due(y, at) && !snplp__cell_values(ind, y).has_actual)
            ERROR(k, SNPLP_DIAG_ACTUAL_MISSING, ind->id, y, "indicator",
                  SNPLP_ARGS(SNPLP_ARG(ID, "indicator", ind->id),
                             SNPLP_ARG(INTEGER, "year", num(y).s),
                             SNPLP_ARG(DATE, "due", day((snplp_date){y + 1, 3, 31}).s),
                             SNPLP_ARG(DATE, "at", day(*at).s)));
    }
}

/* The core objectives as the messages select on them: snplp_action_objective_name() with "_"
 * for "-". */
static const char *const objective_choices[] = {
    [SNPLP_ACTION_OBJECTIVE_CHILD_WELFARE_EXITS] = "child_welfare_exits",
    [SNPLP_ACTION_OBJECTIVE_RSA_INSERTION] = "rsa_insertion",
    [SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK] = "social_work"};

static void check_actions(check *k)
{
    const snplp_convention *c = k->c;
    for (uint32_t i = 0; i < c->actions.n; i++) {
        const snplp_action *a = c->actions.v[i];
        for (size_t j = 0; c->first_year && j < a->statuses.n; j++) {
            const snplp_status_year *s = snplp__yeartab_at(&a->statuses, sizeof *s, j);
            if (!snplp__conv_has_year(c, s->year))
                ERROR(k, SNPLP_DIAG_YEAR_OUTSIDE, a->id, s->year, "action",
                      SNPLP_ARGS(SNPLP_ARG(ID, "action", a->id),
                                 SNPLP_ARG(INTEGER, "year", num(s->year).s),
                                 SNPLP_ARG(INTEGER, "first", num(c->first_year).s),
                                 SNPLP_ARG(INTEGER, "last", num(c->last_year).s)));
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
                ERROR(k, SNPLP_DIAG_CORE_ACTION_MISSING, NULL, y, "objective",
                      SNPLP_ARGS(SNPLP_ARG(ID, "convention", c->id),
                                 SNPLP_ARG(CHOICE, "objective", objective_choices[o]),
                                 SNPLP_ARG(INTEGER, "year", num(y).s)));
        }
}

static void check_convention(check *k)
{
    const snplp_convention *c = k->c;
    if (!c->first_year) {
        ERROR(k, SNPLP_DIAG_YEARS_MISSING, NULL, 0, "convention",
              SNPLP_ARGS(SNPLP_ARG(ID, "convention", c->id)));
        return;
    }
    if (c->last_year - c->first_year != 2)
        WARNING(k, SNPLP_DIAG_YEARS_SPAN, NULL, 0, "convention",
                SNPLP_ARGS(SNPLP_ARG(ID, "convention", c->id),
                           SNPLP_ARG(INTEGER, "first", num(c->first_year).s),
                           SNPLP_ARG(INTEGER, "last", num(c->last_year).s),
                           SNPLP_ARG(INTEGER, "years", num(c->last_year - c->first_year + 1).s)));
    for (size_t i = 0; i < c->funding.n; i++) {
        const snplp_funding_year *f = snplp__yeartab_at(&c->funding, sizeof *f, i);
        if (!snplp__conv_has_year(c, f->year))
            ERROR(k, SNPLP_DIAG_YEAR_OUTSIDE, NULL, f->year, "funding",
                  SNPLP_ARGS(SNPLP_ARG(ID, "convention", c->id),
                             SNPLP_ARG(INTEGER, "year", num(f->year).s),
                             SNPLP_ARG(INTEGER, "first", num(c->first_year).s),
                             SNPLP_ARG(INTEGER, "last", num(c->last_year).s)));
    }
    for (size_t i = 0; i < c->reports.n; i++) {
        const snplp_report_year *r = snplp__yeartab_at(&c->reports, sizeof *r, i);
        if (!snplp__conv_has_year(c, r->year))
            ERROR(k, SNPLP_DIAG_YEAR_OUTSIDE, NULL, r->year, "report",
                  SNPLP_ARGS(SNPLP_ARG(ID, "convention", c->id),
                             SNPLP_ARG(INTEGER, "year", num(r->year).s),
                             SNPLP_ARG(INTEGER, "first", num(c->first_year).s),
                             SNPLP_ARG(INTEGER, "last", num(c->last_year).s)));
    }
}

/* Dates that cannot both be right (warnings): a signature after the convention's last year or
 * after a report it sent, a date of the check before the signature. */
static void check_dates(check *k, const snplp_date *at)
{
    const snplp_convention *c = k->c;
    if (!c->has_signature_date)
        return;
    snplp_date sig = c->signature_date;
    if (c->first_year && sig.year > c->last_year)
        WARNING(k, SNPLP_DIAG_IMPLAUSIBLE_DATE, NULL, 0, "after-last-year",
                SNPLP_ARGS(SNPLP_ARG(ID, "convention", c->id),
                           SNPLP_ARG(DATE, "signed", day(sig).s),
                           SNPLP_ARG(INTEGER, "first", num(c->first_year).s),
                           SNPLP_ARG(INTEGER, "last", num(c->last_year).s)));
    for (size_t i = 0; i < c->reports.n; i++) {
        const snplp_report_year *r = snplp__yeartab_at(&c->reports, sizeof *r, i);
        if (snplp_date_compare(r->sent, sig) >= 0)
            continue;
        WARNING(k, SNPLP_DIAG_IMPLAUSIBLE_DATE, NULL, r->year, "after-report",
                SNPLP_ARGS(SNPLP_ARG(ID, "convention", c->id),
                           SNPLP_ARG(DATE, "signed", day(sig).s),
                           SNPLP_ARG(INTEGER, "year", num(r->year).s),
                           SNPLP_ARG(DATE, "sent", day(r->sent).s)));
    }
    if (at && snplp_date_compare(*at, sig) < 0)
        WARNING(k, SNPLP_DIAG_IMPLAUSIBLE_DATE, NULL, 0, "check-before-signature",
                SNPLP_ARGS(SNPLP_ARG(DATE, "at", day(*at).s), SNPLP_ARG(ID, "convention", c->id),
                           SNPLP_ARG(DATE, "signed", day(sig).s)));
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
