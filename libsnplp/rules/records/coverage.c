/* Coverage of the workforce by training over a period (docs/records.md "Coverage"): distinct
 * workers trained by theme, plan, profession and territory, against the workforce in scope,
 * with rates, training days and the workers with no training yet. */
#include "rules/records/rindex.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/errors.h"
#include "util/getters.h"

#define AXES_ALL                                                                                   \
    (SNPLP_COVERAGE_BY_THEME | SNPLP_COVERAGE_BY_PLAN | SNPLP_COVERAGE_BY_PROFESSION |             \
     SNPLP_COVERAGE_BY_TERRITORY)

/* A key of what was taught (theme, plan) or of whom (profession, territory); NULL when the
 * axis is not grouped. Owned by the table. */
typedef struct key {
    char *a;
    char *b;
} key;

typedef struct cell {
    size_t trained;
    size_t unknown;
    snplp_decimal days;
} cell;

struct snplp_coverage {
    unsigned axes;
    size_t nk, ng;
    key *subjects;     /* nk: theme, plan */
    key *groups;       /* ng: profession, territory */
    size_t *workforce; /* ng */
    cell *cells;       /* nk * ng, row = k * ng + g */
    size_t nu;
    char **untrained;
};

void snplp_coverage_free(snplp_coverage *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->nk; i++) {
        snplp__free(c->subjects[i].a);
        snplp__free(c->subjects[i].b);
    }
    for (size_t i = 0; i < c->ng; i++) {
        snplp__free(c->groups[i].a);
        snplp__free(c->groups[i].b);
    }
    for (size_t i = 0; i < c->nu; i++)
        snplp__free(c->untrained[i]);
    snplp__free(c->subjects);
    snplp__free(c->groups);
    snplp__free(c->workforce);
    snplp__free(c->cells);
    snplp__free(c->untrained);
    snplp__free(c);
}

static int cmp_str(const char *a, const char *b)
{
    return a && b ? strcmp(a, b) : (a != NULL) - (b != NULL);
}

/* A borrowed key with the index it will have. */
typedef struct bkey {
    const char *a;
    const char *b;
    size_t index;
} bkey;

static int cmp_bkey(const void *x, const void *y)
{
    const bkey *p = x, *q = y;
    int c = cmp_str(p->a, q->a);
    return c ? c : cmp_str(p->b, q->b);
}

static int cmp_id(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Copies a borrowed key into an owned one. */
static int own(key *k, const bkey *b)
{
    if ((b->a && !(k->a = snplp__strdup(b->a))) || (b->b && !(k->b = snplp__strdup(b->b))))
        return snplp__oom();
    return 0;
}

/* The subjects (theme, plan) of the table, sorted: every theme of the referential and every
 * plan theme, or the training plan and every plan, or one key for all. */
static int make_subjects(snplp_coverage *c, const snplp_referential *ref, bkey **out)
{
    bool by_theme = c->axes & SNPLP_COVERAGE_BY_THEME, by_plan = c->axes & SNPLP_COVERAGE_BY_PLAN;
    size_t n = 0, nt = snplp_referential_theme_count(ref), np = snplp_referential_plan_count(ref);
    size_t cap = 1 + nt + np;
    for (size_t i = 0; i < np; i++)
        cap += snplp_plan_plan_theme_count(snplp_referential_plan_at(ref, i));
    bkey *v = snplp__calloc(cap, sizeof *v);
    if (!v)
        return snplp__oom();
    if (by_theme) {
        for (size_t i = 0; i < nt; i++)
            v[n++] = (bkey){snplp_theme_id(snplp_referential_theme_at(ref, i)),
                            by_plan ? "training-plan" : NULL, 0};
        for (size_t i = 0; i < np; i++) {
            const snplp_plan *p = snplp_referential_plan_at(ref, i);
            for (size_t j = 0; j < snplp_plan_plan_theme_count(p); j++)
                v[n++] = (bkey){snplp_plan_theme_id(snplp_plan_plan_theme_at(p, j)),
                                by_plan ? snplp_plan_id(p) : NULL, 0};
        }
    } else if (by_plan) {
        v[n++] = (bkey){"training-plan", NULL, 0};
        for (size_t i = 0; i < np; i++)
            v[n++] = (bkey){snplp_plan_id(snplp_referential_plan_at(ref, i)), NULL, 0};
    } else {
        v[n++] = (bkey){NULL, NULL, 0};
    }
    qsort(v, n, sizeof *v, cmp_bkey);
    c->subjects = snplp__calloc(n, sizeof *c->subjects);
    if (!c->subjects) {
        snplp__free(v);
        return snplp__oom();
    }
    c->nk = n;
    for (size_t i = 0; i < n; i++) {
        int rc = own(&c->subjects[i], &v[i]);
        if (rc) {
            snplp__free(v);
            return rc;
        }
    }
    *out = v;
    return 0;
}

/* The subject index of a session, RIX_NONE when its subject is neither a module nor a plan
 * theme of the referential. */
static size_t subject_of(const snplp_coverage *c, const snplp_referential *ref,
                         const snplp_session *s)
{
    const snplp_item *it = snplp__rix_item(ref, snplp_session_subject_id(s));
    if (!it || (it->kind != SNPLP_KIND_MODULE && it->kind != SNPLP_KIND_PLAN_THEME))
        return RIX_NONE;
    const char *theme, *plan;
    if (it->kind == SNPLP_KIND_MODULE) {
        theme = snplp_module_theme_id((const snplp_module *)it);
        plan = "training-plan";
    } else {
        theme = it->id;
        plan = snplp_plan_id(snplp_plan_theme_plan((const snplp_plan_theme *)it));
    }
    const char *a = NULL;
    if (c->axes & SNPLP_COVERAGE_BY_THEME)
        a = theme;
    else if (c->axes & SNPLP_COVERAGE_BY_PLAN)
        a = plan;
    for (size_t k = 0; k < c->nk; k++)
        if (!cmp_str(c->subjects[k].a, a))
            return k;
    return RIX_NONE; /* a module whose theme is not in the referential */
}

/* Whether worker w is in the workforce on a day of [from, to]. */
static bool in_scope(const snplp_worker *w, snplp_date from, snplp_date to)
{
    return snplp_date_compare(w->from, to) <= 0 &&
           (!w->has_until || snplp_date_compare(w->until, from) >= 0);
}

/* The groups of the workforce in scope (profession, territory), sorted; group[w] for each
 * worker (RIX_NONE out of scope). */
static int make_groups(snplp_coverage *c, const rix *ix, snplp_date from, snplp_date to,
                       size_t *group)
{
    bool by_prof = c->axes & SNPLP_COVERAGE_BY_PROFESSION;
    bool by_terr = c->axes & SNPLP_COVERAGE_BY_TERRITORY;
    bkey *v = snplp__calloc(ix->nw ? ix->nw : 1, sizeof *v);
    if (!v)
        return snplp__oom();
    size_t n = 0;
    for (size_t i = 0; i < ix->nw; i++) {
        const snplp_worker *w = snplp_records_worker_at(ix->records, i);
        group[i] = RIX_NONE;
        if (in_scope(w, from, to))
            v[n++] = (bkey){by_prof ? snplp_worker_profession_id(w) : NULL,
                            by_terr ? snplp_worker_territory_code(w) : NULL, i};
    }
    qsort(v, n, sizeof *v, cmp_bkey);
    size_t ng = 0;
    for (size_t i = 0; i < n; i++)
        ng += i == 0 || cmp_bkey(&v[i - 1], &v[i]) != 0;
    if (!by_prof && !by_terr)
        ng = 1; /* one row for the whole workforce, even an empty one */
    int rc = 0;
    c->groups = snplp__calloc(ng ? ng : 1, sizeof *c->groups);
    c->workforce = snplp__calloc(ng ? ng : 1, sizeof *c->workforce);
    if (!c->groups || !c->workforce)
        rc = snplp__oom();
    else
        c->ng = ng;
    for (size_t i = 0, g = 0; !rc && i < n; i++) {
        bool first = i == 0 || cmp_bkey(&v[i - 1], &v[i]) != 0;
        if (first && i > 0)
            g++;
        if (first)
            rc = own(&c->groups[g], &v[i]);
        group[v[i].index] = g;
        c->workforce[g]++;
    }
    snplp__free(v);
    return rc;
}

/* The training of the period: trained workers, days; the untrained workers. */
static int count(snplp_coverage *c, const rix *ix, snplp_date from, snplp_date to,
                 const size_t *group, const size_t *subject, size_t *seen)
{
    size_t nu = 0;
    for (size_t w = 0; w < ix->nw; w++) {
        if (group[w] == RIX_NONE)
            continue;
        bool trained_ever = false;
        for (size_t p = ix->w_start[w]; p < ix->w_start[w + 1]; p++) {
            size_t ai = ix->w_att[p], si = ix->att_session[ai];
            if (si == RIX_NONE)
                continue;
            const snplp_session *s = snplp_records_session_at(ix->records, si);
            const snplp_attendance *a = snplp_records_attendance_at(ix->records, ai);
            snplp_date end = snplp_session_end(s);
            bool trained = snplp__rix_trained(a, s);
            if (trained && snplp_date_compare(end, to) <= 0)
                trained_ever = true;
            size_t k = subject[si];
            if (k == RIX_NONE || snplp_date_compare(end, from) < 0 ||
                snplp_date_compare(end, to) > 0)
                continue;
            cell *x = &c->cells[k * c->ng + group[w]];
            snplp_attendance_status st = snplp_attendance_status_of(a);
            snplp_decimal d;
            if (snplp__rix_days(&d, a, s)) {
                if (snplp_decimal_add(&x->days, x->days, d))
                    return snplp__fail_in("snplp_records_coverage", SNPLP_EINVAL,
                                          "the training days are beyond the range of a decimal");
            } else if (st == SNPLP_ATTENDANCE_ATTENDED || st == SNPLP_ATTENDANCE_PARTIAL) {
                x->unknown++;
            }
            if (trained && seen[k] != w + 1) {
                seen[k] = w + 1;
                x->trained++;
            }
        }
        if (!trained_ever)
            c->untrained[nu++] = (char *)snplp_worker_id(snplp_records_worker_at(ix->records, w));
    }
    /* the ids are borrowed until here: sort, then copy */
    qsort(c->untrained, nu, sizeof *c->untrained, cmp_id);
    for (; c->nu < nu; c->nu++) {
        char *id = snplp__strdup(c->untrained[c->nu]);
        if (!id) {
            memset(c->untrained + c->nu, 0, (nu - c->nu) * sizeof *c->untrained);
            return snplp__oom();
        }
        c->untrained[c->nu] = id;
    }
    return 0;
}

int snplp_records_coverage(snplp_coverage **out, const snplp_records *records,
                           const snplp_referential *ref, snplp_date from, snplp_date to,
                           unsigned axes)
{
    if (!out || !snplp__rix_records_ok(records) || !snplp__ref_ok(ref))
        return snplp__bad_arg(__func__, "NULL out, or NULL or wrong records or referential");
    if (!snplp_date_is_valid(from) || !snplp_date_is_valid(to))
        return snplp__fail_in(__func__, SNPLP_EINVAL, "the period's dates are not valid dates");
    if (snplp_date_compare(from, to) > 0)
        return snplp__fail_in(__func__, SNPLP_EINVAL, "the period starts after it ends");
    if (axes & ~(unsigned)AXES_ALL)
        return snplp__fail_in(__func__, SNPLP_EINVAL, "unknown axes 0x%x",
                              axes & ~(unsigned)AXES_ALL);
    snplp_coverage *c = snplp__calloc(1, sizeof *c);
    if (!c)
        return snplp__oom();
    c->axes = axes;
    rix ix;
    int rc = snplp__rix_build(&ix, records, ref);
    if (rc) {
        snplp__free(c);
        return rc;
    }
    bkey *subjects = NULL;
    size_t *group = snplp__calloc(ix.nw ? ix.nw : 1, sizeof *group);
    size_t *subject = snplp__calloc(ix.ns ? ix.ns : 1, sizeof *subject);
    size_t *seen = NULL;
    if (!group || !subject)
        rc = snplp__oom();
    if (!rc)
        rc = make_subjects(c, ref, &subjects);
    if (!rc)
        rc = make_groups(c, &ix, from, to, group);
    if (!rc && (!(seen = snplp__calloc(c->nk ? c->nk : 1, sizeof *seen)) ||
                !(c->cells = snplp__calloc(c->nk * c->ng + 1, sizeof *c->cells)) ||
                !(c->untrained = snplp__calloc(ix.nw ? ix.nw : 1, sizeof *c->untrained))))
        rc = snplp__oom();
    for (size_t i = 0; !rc && i < ix.ns; i++)
        subject[i] = subject_of(c, ref, snplp_records_session_at(records, i));
    if (!rc)
        rc = count(c, &ix, from, to, group, subject, seen);
    snplp__free(subjects);
    snplp__free(group);
    snplp__free(subject);
    snplp__free(seen);
    snplp__rix_dispose(&ix);
    if (rc) {
        snplp_coverage_free(c);
        return rc;
    }
    *out = c;
    return 0;
}

SNPLP_DEFINE_GETTER(unsigned, snplp_coverage_axes, snplp_coverage, SNPLP__AS_IS, axes, 0)

size_t snplp_coverage_row_count(const snplp_coverage *c)
{
    return c ? c->nk * c->ng : 0;
}

static const cell *cell_of(const snplp_coverage *c, size_t row)
{
    return c && row < c->nk * c->ng ? &c->cells[row] : NULL;
}

const char *snplp_coverage_theme_id(const snplp_coverage *c, size_t row)
{
    return cell_of(c, row) && (c->axes & SNPLP_COVERAGE_BY_THEME) ? c->subjects[row / c->ng].a
                                                                  : NULL;
}

const char *snplp_coverage_plan_id(const snplp_coverage *c, size_t row)
{
    if (!cell_of(c, row) || !(c->axes & SNPLP_COVERAGE_BY_PLAN))
        return NULL;
    const key *k = &c->subjects[row / c->ng];
    return c->axes & SNPLP_COVERAGE_BY_THEME ? k->b : k->a;
}

const char *snplp_coverage_profession_id(const snplp_coverage *c, size_t row)
{
    return cell_of(c, row) ? c->groups[row % c->ng].a : NULL;
}

const char *snplp_coverage_territory_code(const snplp_coverage *c, size_t row)
{
    return cell_of(c, row) ? c->groups[row % c->ng].b : NULL;
}

size_t snplp_coverage_workforce(const snplp_coverage *c, size_t row)
{
    return cell_of(c, row) ? c->workforce[row % c->ng] : 0;
}

size_t snplp_coverage_trained(const snplp_coverage *c, size_t row)
{
    const cell *x = cell_of(c, row);
    return x ? x->trained : 0;
}

int snplp_coverage_rate(snplp_decimal *out, const snplp_coverage *c, size_t row)
{
    const cell *x = cell_of(c, row);
    if (!out || !x)
        return snplp__bad_arg(__func__, "NULL argument or row out of range");
    size_t n = c->workforce[row % c->ng];
    if (n == 0)
        return snplp__fail_in(__func__, SNPLP_ENOTFOUND,
                              "row %zu has no workforce in scope: no rate", row);
    /* trained * 100 / n at scale 2, rounded half up: (2 * trained * 10000 + n) / (2 * n) */
    unsigned long long num = 2ULL * x->trained * 10000ULL + n, den = 2ULL * n;
    *out = (snplp_decimal){(int64_t)(num / den), 2};
    return 0;
}

int snplp_coverage_days(snplp_decimal *out, const snplp_coverage *c, size_t row)
{
    const cell *x = cell_of(c, row);
    if (!out || !x)
        return snplp__bad_arg(__func__, "NULL argument or row out of range");
    *out = x->days;
    return 0;
}

size_t snplp_coverage_days_unknown(const snplp_coverage *c, size_t row)
{
    const cell *x = cell_of(c, row);
    return x ? x->unknown : 0;
}

SNPLP_DEFINE_GETTER(size_t, snplp_coverage_untrained_count, snplp_coverage, SNPLP__AS_IS, nu, 0)

const char *snplp_coverage_untrained_at(const snplp_coverage *c, size_t index)
{
    return c && index < c->nu ? c->untrained[index] : NULL;
}
