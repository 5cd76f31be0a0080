/* Filling a convention's indicators from training records (records_fill.h): the one function
 * of the library that writes a model from what the rules compute. It lives in compute/, a
 * folder above the rules, so that the rules folders never change a model and the two models
 * never call each other (docs/architecture.md). */
#include <stdio.h>
#include <string.h>

#include <snplp/snplp.h>

#include "model/conventions/convention_model.h"
#include "rules/records/rindex.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "util/errors.h"
#include "util/names.h"

#define FN "snplp_convention_fill_from_records"

/* Why a year's value is unknown (the first reason found). */
typedef enum unknown_reason {
    KNOWN = 0,
    U_SESSION, /* an attendance's session is not in the records */
    U_WORKER,  /* an attendance's worker is not in the records */
    U_DAYS,    /* a "partial" attendance without days, its days needed */
    U_TRAINED, /* a "partial" attendance without days: trained or not is unknown */
    U_OVERFLOW /* the sum is beyond an exact decimal */
} unknown_reason;

/* The reasons as the message records-value-unknown selects on them. */
static const char *const reason_choice[] = {"", "session", "worker", "days", "trained", "overflow"};

/* A name of the model as the messages select on it: "-" becomes "_". */
typedef struct choice {
    char s[32];
} choice;
static choice choice_of(const char *name)
{
    choice c;
    snprintf(c.s, sizeof c.s, "%s", name);
    for (char *p = c.s; *p; p++)
        if (*p == '-')
            *p = '_';
    return c;
}

/* A change to make: the actual of a year of an indicator. */
typedef struct change {
    snplp_indicator *ind;
    int32_t year;
    snplp_decimal value;
    char *source; /* the new source, allocated before anything changes */
} change;

/* The new table of yearly values of an indicator that gets years it did not have: made whole
 * before anything changes (the records shared with the old one), swapped in by apply(). */
typedef struct table {
    snplp_indicator *ind;
    snplp_value_year *v;
    size_t n;
} table;

typedef struct fill {
    const rix *ix;
    const snplp_referential *ref;
    int32_t first, ny;
    bool *covered;           /* ny: a session of the records ends in the year */
    bool *session_match;     /* ns: the session passes the indicator's subject filters */
    bool *seen;              /* nw * ny: the worker counted in the year / ns: session counted */
    bool *maybe;             /* nw * ny: a partial attendance without days in the year */
    snplp_decimal *value;    /* ny */
    unknown_reason *unknown; /* ny */
    change *changes;
    size_t nchanges, cap;
    table *tables;
    size_t ntables;
} fill;

static bool in_list(const snplp_list *l, const char *id)
{
    for (size_t i = 0; id && i < l->n; i++)
        if (strcmp(l->v[i], id) == 0)
            return true;
    return false;
}

/* Whether a session's subject passes the indicator's theme, module and plan filters. */
static bool subject_passes(const snplp_indicator *ind, const snplp_referential *ref,
                           const snplp_session *s)
{
    const snplp_list *themes = &ind->filters[SNPLP_FILTER_THEME - 1];
    const snplp_list *modules = &ind->filters[SNPLP_FILTER_MODULE - 1];
    const snplp_list *plans = &ind->filters[SNPLP_FILTER_PLAN - 1];
    if (!themes->n && !modules->n && !plans->n)
        return true;
    const snplp_item *it = snplp__rix_item(ref, snplp_session_subject_id(s));
    if (!it || (it->kind != SNPLP_KIND_MODULE && it->kind != SNPLP_KIND_PLAN_THEME))
        return false; /* as in coverage: a subject of no module nor plan theme counts nowhere */
    const char *theme, *plan, *module = NULL;
    if (it->kind == SNPLP_KIND_MODULE) {
        module = it->id;
        theme = snplp_module_theme_id((const snplp_module *)it);
        plan = "training-plan";
    } else {
        theme = it->id;
        plan = snplp_plan_id(snplp_plan_theme_plan((const snplp_plan_theme *)it));
    }
    return (!themes->n || in_list(themes, theme)) && (!modules->n || in_list(modules, module)) &&
           (!plans->n || in_list(plans, plan));
}

static void mark_unknown(fill *f, int32_t k, unknown_reason why)
{
    if (!f->unknown[k])
        f->unknown[k] = why;
}

/* Computes one indicator's yearly values into f->value and f->unknown. */
static void compute(fill *f, const snplp_indicator *ind)
{
    const rix *ix = f->ix;
    const snplp_records *r = ix->records;
    const snplp_list *professions = &ind->filters[SNPLP_FILTER_PROFESSION - 1];
    size_t ny = (size_t)f->ny;
    memset(f->seen, 0, (ix->nw > ix->ns ? ix->nw : ix->ns) * ny * sizeof *f->seen);
    memset(f->maybe, 0, ix->nw * ny * sizeof *f->maybe);
    for (size_t k = 0; k < ny; k++) {
        f->value[k] = (snplp_decimal){0, 0};
        f->unknown[k] = KNOWN;
    }
    for (size_t i = 0; i < ix->ns; i++)
        f->session_match[i] = subject_passes(ind, f->ref, snplp_records_session_at(r, i));
    for (size_t i = 0; i < ix->na; i++) {
        const snplp_attendance *a = snplp_records_attendance_at(r, i);
        snplp_attendance_status st = snplp_attendance_status_of(a);
        if (st != SNPLP_ATTENDANCE_ATTENDED && st != SNPLP_ATTENDANCE_PARTIAL)
            continue;
        size_t si = ix->att_session[i], wi = ix->att_worker[i];
        if (si == RIX_NONE) { /* its year is unknown: every year is */
            for (int32_t k = 0; k < f->ny; k++)
                mark_unknown(f, k, U_SESSION);
            continue;
        }
        const snplp_session *s = snplp_records_session_at(r, si);
        int32_t k = snplp_session_end(s).year - f->first;
        if (k < 0 || k >= f->ny || !f->session_match[si])
            continue;
        if (wi == RIX_NONE) {
            mark_unknown(f, k, U_WORKER);
            continue;
        }
        const snplp_worker *w = snplp_records_worker_at(r, wi);
        if (professions->n && !in_list(professions, snplp_worker_profession_id(w)))
            continue;
        switch (ind->measure) {
        case SNPLP_MEASURE_WORKERS_TRAINED:
            if (snplp__rix_trained(a, s))
                f->seen[wi * ny + (size_t)k] = true;
            else if (!a->has_days)
                f->maybe[wi * ny + (size_t)k] = true;
            break;
        case SNPLP_MEASURE_TRAINING_DAYS: {
            snplp_decimal d, sum;
            if (!snplp__rix_days(&d, a, s))
                mark_unknown(f, k, U_DAYS);
            else if (snplp_decimal_add(&sum, f->value[k], d))
                mark_unknown(f, k, U_OVERFLOW);
            else
                f->value[k] = sum;
            break;
        }
        default: /* SNPLP_MEASURE_SESSIONS */
            f->seen[si] = true;
            break;
        }
    }
    if (ind->measure == SNPLP_MEASURE_WORKERS_TRAINED) {
        for (size_t w = 0; w < ix->nw; w++)
            for (size_t k = 0; k < ny; k++) {
                if (f->seen[w * ny + k])
                    f->value[k].units++;
                else if (f->maybe[w * ny + k])
                    mark_unknown(f, (int32_t)k, U_TRAINED);
            }
    } else if (ind->measure == SNPLP_MEASURE_SESSIONS) {
        for (size_t i = 0; i < ix->ns; i++)
            if (f->seen[i])
                f->value[snplp_session_end(snplp_records_session_at(r, i)).year - f->first].units++;
    }
}

static snplp_unit unit_of_measure(snplp_records_measure m)
{
    return m == SNPLP_MEASURE_TRAINING_DAYS ? SNPLP_UNIT_DAYS : SNPLP_UNIT_COUNT;
}

static int add_change(fill *f, snplp_indicator *ind, int32_t year, snplp_decimal value)
{
    if (f->nchanges == f->cap) {
        size_t cap = f->cap ? 2 * f->cap : 8;
        change *v = snplp__realloc(f->changes, cap * sizeof *v);
        if (!v)
            return snplp__oom();
        f->changes = v;
        f->cap = cap;
    }
    f->changes[f->nchanges++] = (change){ind, year, value, NULL};
    return 0;
}

/* Decides, year by year, what to do with an indicator's computed values: changes to make and
 * findings. */
/* A warning of the catalogue (variant "indicator") about ind in year of conv. */
static int warn(snplp_diagnostics *diags, snplp_diag_code code, const snplp_convention *conv,
                const snplp_indicator *ind, int32_t year, const snplp_msg_arg *args, size_t n)
{
    return snplp__finding(diags, &(snplp_finding){.severity = SNPLP_SEVERITY_WARNING,
                                                  .code = code,
                                                  .variant = "indicator",
                                                  .convention_id = conv->id,
                                                  .item_id = ind->id,
                                                  .year = year,
                                                  .args = args,
                                                  .nargs = n});
}

static int decide(fill *f, snplp_convention *conv, snplp_indicator *ind, snplp_diagnostics *diags)
{
    int rc = 0;
    for (int32_t k = 0; !rc && k < f->ny; k++) {
        int32_t year = f->first + k;
        if (!f->covered[k])
            continue; /* the records say nothing of that year */
        char y[16];
        snprintf(y, sizeof y, "%ld", (long)year);
        if (f->unknown[k]) {
            const snplp_msg_arg args[] = {
                SNPLP_ARG(ID, "indicator", ind->id), SNPLP_ARG(INTEGER, "year", y),
                SNPLP_ARG(CHOICE, "reason", reason_choice[f->unknown[k]])};
            rc = warn(diags, SNPLP_DIAG_RECORDS_VALUE_UNKNOWN, conv, ind, year, args,
                      SNPLP__COUNT(args));
            continue;
        }
        snplp_decimal computed = f->value[k];
        const snplp_value_year *v = snplp__yeartab_find(&ind->values, sizeof *v, year);
        if (v && v->has_actual && !(v->source && strcmp(v->source, SNPLP_RECORDS_SOURCE) == 0)) {
            if (snplp_decimal_compare(v->actual, computed) != 0) {
                char typed[64], got[64];
                snplp_decimal_format(typed, sizeof typed, v->actual);
                snplp_decimal_format(got, sizeof got, computed);
                const snplp_msg_arg args[] = {
                    SNPLP_ARG(ID, "indicator", ind->id), SNPLP_ARG(INTEGER, "year", y),
                    SNPLP_ARG(DECIMAL, "actual", typed), SNPLP_ARG(DECIMAL, "computed", got)};
                rc = warn(diags, SNPLP_DIAG_RECORDS_ACTUAL_DIFFERS, conv, ind, year, args,
                          SNPLP__COUNT(args));
            }
            continue;
        }
        if (v && v->has_actual && snplp_decimal_identical(v->actual, computed))
            continue; /* an earlier fill gave the same */
        rc = add_change(f, ind, year, computed);
    }
    return rc;
}

/* calloc of n elements of size, at least one. */
static void *alloc_array(size_t n, size_t size)
{
    return snplp__calloc(n ? n : 1, size);
}

/* Makes the new tables of the indicators that get new years (the changes of an indicator
 * follow each other, years increasing), merging the old records and the new years. */
static int make_tables(fill *f)
{
    f->tables = alloc_array(f->nchanges, sizeof *f->tables);
    if (!f->tables)
        return snplp__oom();
    for (size_t i = 0; i < f->nchanges;) {
        snplp_indicator *ind = f->changes[i].ind;
        size_t j = i, added = 0;
        for (; j < f->nchanges && f->changes[j].ind == ind; j++)
            added +=
                !snplp__yeartab_find(&ind->values, sizeof(snplp_value_year), f->changes[j].year);
        if (added) {
            size_t n = ind->values.n + added, a = 0, c = i, k = 0;
            snplp_value_year *v = snplp__calloc(n, sizeof *v);
            if (!v)
                return snplp__oom();
            const snplp_value_year *old = ind->values.v;
            while (k < n) {
                bool take_old = a < ind->values.n && (c == j || old[a].year <= f->changes[c].year);
                if (take_old) {
                    if (c < j && old[a].year == f->changes[c].year)
                        c++;
                    v[k++] = old[a++];
                } else {
                    v[k++].year = f->changes[c++].year;
                }
            }
            f->tables[f->ntables++] = (table){ind, v, n};
        }
        i = j;
    }
    return 0;
}

/* Makes everything the changes need (new tables, sources), so that applying them cannot
 * fail. */
static int prepare(fill *f)
{
    int rc = make_tables(f);
    for (size_t i = 0; !rc && i < f->nchanges; i++)
        if (!(f->changes[i].source = snplp__strdup(SNPLP_RECORDS_SOURCE)))
            rc = snplp__oom();
    return rc;
}

static void apply(fill *f)
{
    for (size_t i = 0; i < f->ntables; i++) {
        table *t = &f->tables[i];
        snplp__free(t->ind->values.v);
        t->ind->values.v = t->v;
        t->ind->values.n = t->ind->values.cap = t->n;
        t->v = NULL;
    }
    for (size_t i = 0; i < f->nchanges; i++) {
        change *c = &f->changes[i];
        snplp_value_year *v = snplp__yeartab_find(&c->ind->values, sizeof *v, c->year);
        v->has_actual = true;
        v->actual = c->value;
        snplp__free(v->source);
        v->source = c->source;
        c->source = NULL;
    }
}

static void fill_dispose(fill *f)
{
    snplp__free(f->covered);
    snplp__free(f->session_match);
    snplp__free(f->seen);
    snplp__free(f->maybe);
    snplp__free(f->value);
    snplp__free(f->unknown);
    for (size_t i = 0; i < f->nchanges; i++)
        snplp__free(f->changes[i].source);
    snplp__free(f->changes);
    for (size_t i = 0; i < f->ntables; i++)
        snplp__free(f->tables[i].v);
    snplp__free(f->tables);
}

int snplp_convention_fill_from_records(snplp_convention *conv, const snplp_records *records,
                                       const snplp_referential *ref, snplp_diagnostics *diags)
{
    snplp_convention *c = snplp__conv_of(conv);
    if (!c)
        return snplp__bad_arg(FN, "the convention is NULL or not a convention");
    if (!snplp__rix_records_ok(records))
        return snplp__bad_arg(FN, "the records are NULL or not records");
    if (!snplp__ref_ok(ref))
        return snplp__bad_arg(FN, "the referential is NULL or not a referential");
    SNPLP__CONV_UNFROZEN(c, FN);
    size_t computed = 0;
    for (size_t i = 0; i < c->indicators.n; i++)
        computed += ((snplp_indicator *)c->indicators.v[i])->measure != SNPLP_MEASURE_NONE;
    if (!computed)
        return 0;
    if (!c->first_year || !c->last_year || c->last_year < c->first_year)
        return snplp__fail_in(FN, SNPLP_EINVAL,
                              "convention '%s' has indicators computed from records and no years",
                              c->id);
    rix ix;
    int rc = snplp__rix_build(&ix, records, ref);
    if (rc)
        return rc;
    fill f = {.ix = &ix, .ref = ref, .first = c->first_year};
    f.ny = c->last_year - c->first_year + 1;
    size_t ny = (size_t)f.ny, nmax = ix.nw > ix.ns ? ix.nw : ix.ns;
    f.covered = alloc_array(ny, sizeof *f.covered);
    f.session_match = alloc_array(ix.ns, sizeof *f.session_match);
    f.seen = alloc_array(nmax * ny, sizeof *f.seen);
    f.maybe = alloc_array(ix.nw * ny, sizeof *f.maybe);
    f.value = alloc_array(ny, sizeof *f.value);
    f.unknown = alloc_array(ny, sizeof *f.unknown);
    if (!f.covered || !f.session_match || !f.seen || !f.maybe || !f.value || !f.unknown)
        rc = snplp__oom();
    for (size_t i = 0; !rc && i < ix.ns; i++) {
        int32_t k = snplp_session_end(snplp_records_session_at(records, i)).year - f.first;
        if (k >= 0 && k < f.ny)
            f.covered[k] = true;
    }
    size_t before = snplp_diagnostics_count(diags);
    for (size_t i = 0; !rc && i < c->indicators.n; i++) {
        snplp_indicator *ind = c->indicators.v[i];
        if (ind->measure == SNPLP_MEASURE_NONE)
            continue;
        if (ind->unit != unit_of_measure(ind->measure)) {
            choice measure = choice_of(snplp_records_measure_name(ind->measure));
            const snplp_msg_arg args[] = {
                SNPLP_ARG(ID, "indicator", ind->id), SNPLP_ARG(CHOICE, "measure", measure.s),
                SNPLP_ARG(CHOICE, "expected", snplp_unit_name(unit_of_measure(ind->measure))),
                SNPLP_ARG(CHOICE, "unit", snplp_unit_name(ind->unit))};
            rc = snplp__finding(diags, &(snplp_finding){.severity = SNPLP_SEVERITY_ERROR,
                                                        .code = SNPLP_DIAG_RECORDS_MEASURE_UNIT,
                                                        .variant = "indicator",
                                                        .convention_id = c->id,
                                                        .item_id = ind->id,
                                                        .args = args,
                                                        .nargs = SNPLP__COUNT(args)});
            continue;
        }
        compute(&f, ind);
        rc = decide(&f, c, ind, diags);
    }
    if (!rc)
        rc = prepare(&f);
    if (rc)
        snplp__diagnostics_truncate(diags, before);
    else
        apply(&f);
    fill_dispose(&f);
    snplp__rix_dispose(&ix);
    return rc;
}
