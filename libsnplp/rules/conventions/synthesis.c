/* The synthesis of a set of conventions: one row per indicator id, each cell aggregating the
 * conventions that cover it (both values, and both weights for a weighted mean), exactly, with
 * the conventions left out listed. Findings are gathered while the matrix is built and added
 * to the caller's list once it is complete.
 *
 * The cost is in proportion to the data, not to rows × years × conventions: duplicate
 * conventions and rows are found through id maps, each indicator is placed in its row once,
 * and each row's conventions are bucketed by year before its cells are filled, so that a cell
 * visits only the conventions concerned, in the order of the set. */
#include "rules/conventions/matrix_model.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/date.h"
#include "util/diag.h"
#include "util/idmap.h"
#include "util/names.h"

#define MAX_SCALE 18

/* A finding, formatted once the matrix is built. */
typedef struct finding {
    snplp_diag_code code;
    const snplp_convention *conv;  /* the convention named (NULL for an overflow) */
    const snplp_convention *other; /* duplicate: the earlier one; mismatch: the first that has
                                      the indicator */
    size_t pos, other_pos;         /* duplicate: positions in the set */
    const snplp_indicator *ind;    /* mismatch: the named convention's; overflow: the row's */
    const snplp_indicator *first;  /* mismatch: the first convention's */
    int32_t year;                  /* overflow */
    bool of_actuals;               /* overflow: of the actuals, else of the targets */
    size_t covered;                /* overflow */
} finding;

/* A convention kept (its id first: the key of the map of kept conventions). */
typedef struct kept {
    const char *id;
    size_t pos; /* its position in the set */
} kept;

/* A row (its id first: the key of the map of rows). */
typedef struct row_key {
    const char *id;
} row_key;

typedef struct work {
    const snplp_convention **convs; /* the conventions kept, in order */
    size_t n;
    const snplp_indicator **rows; /* the first indicator of each row */
    size_t *row_conv;             /* the convention that has it first */
    bool *aggregated;             /* the row has a rule, and its conventions agree */
    size_t row_count;
    size_t *row_of;                  /* each indicator of the kept conventions, in order: its row */
    const snplp_indicator **tab;     /* row_count × n: each convention's indicator of the row */
    const snplp_indicator **weights; /* row_count × n: its weight (aggregated weighted means) */
    finding *findings;
    size_t finding_count, finding_cap;
    const snplp_date *at; /* the date of a dated synthesis (snplp_synthesis_at()), else NULL */
} work;

static void work_dispose(work *w)
{
    snplp__free(w->convs);
    snplp__free(w->rows);
    snplp__free(w->row_conv);
    snplp__free(w->aggregated);
    snplp__free(w->tab);
    snplp__free(w->weights);
    snplp__free(w->row_of);
    snplp__free(w->findings);
}

/* An array of count elements of size, or NULL (SNPLP_ENOMEM recorded); count 0 gives NULL
 * without failing (*ok tells). */
static void *array(size_t count, size_t size, bool *ok)
{
    if (count == 0) {
        *ok = true;
        return NULL;
    }
    void *p = snplp__calloc(count, size);
    *ok = p != NULL;
    if (!p)
        snplp__oom();
    return p;
}

static int add_finding(work *w, const finding *f)
{
    if (w->finding_count == w->finding_cap) {
        size_t cap = w->finding_cap ? w->finding_cap * 2 : 8;
        if (cap > SIZE_MAX / sizeof *w->findings)
            return snplp__oom();
        finding *v = snplp__realloc(w->findings, cap * sizeof *v);
        if (!v)
            return snplp__oom();
        w->findings = v;
        w->finding_cap = cap;
    }
    w->findings[w->finding_count++] = *f;
    return 0;
}

/* Keeps the conventions in order, leaving out each one whose id an earlier one has. */
static int keep_conventions(work *w, const snplp_convention *const *given, size_t count)
{
    bool ok;
    kept *keep = array(count, sizeof *keep, &ok);
    if (!ok)
        return SNPLP_ENOMEM;
    int rc = 0;
    snplp_idmap ids = {0};
    w->convs = array(count, sizeof *w->convs, &ok);
    if (!ok)
        rc = SNPLP_ENOMEM;
    for (size_t i = 0; !rc && i < count; i++) {
        const snplp_convention *c = given[i];
        const kept *earlier = snplp__idmap_get_keyed(&ids, c->id, offsetof(kept, id));
        if (earlier) {
            size_t k = (size_t)(earlier - keep);
            finding f = {.code = SNPLP_DIAG_DUPLICATE_CONVENTION,
                         .conv = c,
                         .other = w->convs[k],
                         .pos = i,
                         .other_pos = earlier->pos};
            rc = add_finding(w, &f);
            continue;
        }
        snplp_idmap_growth g;
        if ((rc = snplp__idmap_reserve_undoable(&ids, &g)))
            break;
        snplp__idmap_growth_commit(&g);
        keep[w->n] = (kept){c->id, i};
        snplp__idmap_put_keyed(&ids, &keep[w->n], offsetof(kept, id));
        w->convs[w->n++] = c;
    }
    snplp__idmap_dispose(&ids);
    snplp__free(keep);
    return rc;
}

/* Whether two indicators aggregate alike: the same rule and the same weight. */
static bool same_rule(const snplp_indicator *a, const snplp_indicator *b)
{
    return a->aggregation == b->aggregation && snplp__str_equal(a->weight_id, b->weight_id);
}

/* The rows: every indicator id in order of first appearance, checked across conventions. */
static int find_rows(work *w)
{
    size_t total = 0;
    for (size_t k = 0; k < w->n; k++)
        total += w->convs[k]->indicators.n;
    bool ok1, ok2, ok3, ok4, ok5;
    w->rows = array(total, sizeof *w->rows, &ok1);
    w->row_conv = array(total, sizeof *w->row_conv, &ok2);
    w->aggregated = array(total, sizeof *w->aggregated, &ok3);
    w->row_of = array(total, sizeof *w->row_of, &ok4);
    row_key *keys = array(total, sizeof *keys, &ok5);
    if (!ok1 || !ok2 || !ok3 || !ok4 || !ok5) {
        snplp__free(keys);
        return SNPLP_ENOMEM;
    }
    snplp_idmap ids = {0};
    int rc = 0;
    size_t at = 0;
    for (size_t k = 0; !rc && k < w->n; k++) {
        const snplp_convention *c = w->convs[k];
        for (uint32_t i = 0; !rc && i < c->indicators.n; i++) {
            const snplp_indicator *ind = c->indicators.v[i];
            const row_key *found = snplp__idmap_get_keyed(&ids, ind->id, offsetof(row_key, id));
            if (!found) {
                snplp_idmap_growth g;
                if ((rc = snplp__idmap_reserve_undoable(&ids, &g)))
                    break;
                snplp__idmap_growth_commit(&g);
                size_t r = w->row_count++;
                keys[r].id = ind->id;
                snplp__idmap_put_keyed(&ids, &keys[r], offsetof(row_key, id));
                w->rows[r] = ind;
                w->row_conv[r] = k;
                w->aggregated[r] = ind->aggregation != SNPLP_AGGREGATION_NONE;
                w->row_of[at++] = r;
                continue;
            }
            size_t r = (size_t)(found - keys);
            w->row_of[at++] = r;
            const snplp_indicator *first = w->rows[r];
            finding f = {.conv = c, .other = w->convs[w->row_conv[r]], .ind = ind, .first = first};
            if (ind->unit != first->unit) {
                f.code = SNPLP_DIAG_UNIT_MISMATCH;
                w->aggregated[r] = false;
                if ((rc = add_finding(w, &f)))
                    break;
            }
            if (!same_rule(ind, first)) {
                f.code = SNPLP_DIAG_AGGREGATION_MISMATCH;
                w->aggregated[r] = false;
                if ((rc = add_finding(w, &f)))
                    break;
            }
        }
    }
    snplp__idmap_dispose(&ids);
    snplp__free(keys);
    return rc;
}

/* Each convention's indicator of each row, and its weight for the weighted means. */
static int fill_tables(work *w)
{
    if (w->n != 0 && w->row_count > SIZE_MAX / w->n)
        return snplp__oom();
    bool ok1, ok2;
    w->tab = array(w->row_count * w->n, sizeof *w->tab, &ok1);
    w->weights = array(w->row_count * w->n, sizeof *w->weights, &ok2);
    if (!ok1 || !ok2)
        return SNPLP_ENOMEM;
    size_t at = 0;
    for (size_t k = 0; k < w->n; k++) {
        const snplp_convention *c = w->convs[k];
        for (uint32_t i = 0; i < c->indicators.n; i++) {
            const snplp_indicator *ind = c->indicators.v[i];
            size_t r = w->row_of[at++];
            w->tab[r * w->n + k] = ind;
            const snplp_indicator *first = w->rows[r];
            if (w->aggregated[r] && first->aggregation == SNPLP_AGGREGATION_WEIGHTED_MEAN)
                w->weights[r * w->n + k] = snplp__conv_indicator(c, first->weight_id);
        }
    }
    return 0;
}

/* The values convention k gives row r in year (v; wv: its weight's), as the matrices see them
 * (a quotient's actual may be derived), and what it lacks to cover the cell (snplp_missing
 * flags: 0 when it covers it). */
static unsigned values_of(const work *w, size_t r, size_t k, int32_t year, bool mean,
                          snplp_cell_values *v, snplp_cell_values *wv)
{
    const snplp_indicator *ind = w->tab[r * w->n + k];
    *v = snplp__cell_values(ind, year);
    *wv = (snplp_cell_values){0};
    unsigned what = 0;
    if (!v->has_target)
        what |= SNPLP_MISSING_TARGET;
    if (!v->has_actual)
        what |= SNPLP_MISSING_ACTUAL;
    if (mean) {
        const snplp_indicator *weight = w->weights[r * w->n + k];
        if (weight)
            *wv = snplp__cell_values(weight, year);
        if (!wv->has_target || !wv->has_actual)
            what |= SNPLP_MISSING_WEIGHT;
    }
    return what;
}

/* The conventions concerned by a cell (that have its row's indicator and its year), in the
 * order of the set. */
typedef struct concerned {
    const size_t *k;
    size_t n;
} concerned;

enum { FIGURE_OK, FIGURE_ZERO_WEIGHT, FIGURE_OVERFLOW };

/* The aggregate of the targets (or actuals) of the conventions covering the cell: the exact
 * sum at scale `scale`, or the weighted mean (weights at scale wscale) rounded half away from
 * zero to scale + 2 decimals (at most 18). */
static int aggregate(snplp_decimal *out, const work *w, size_t r, int32_t year, concerned cs,
                     bool mean, bool actuals, int32_t scale, int32_t wscale)
{
    snplp_sbig sum = {false, snplp__big_u64(0)}, weights = {false, snplp__big_u64(0)};
    bool overflow = false;
    for (size_t j = 0; j < cs.n; j++) {
        snplp_cell_values v, wv;
        if (values_of(w, r, cs.k[j], year, mean, &v, &wv))
            continue;
        snplp_decimal d = actuals ? v.actual : v.target;
        snplp_big value = snplp__big_decimal(d, scale);
        if (!mean) {
            overflow |= snplp__sbig_add(&sum, d.units < 0, &value);
            continue;
        }
        snplp_decimal wd = actuals ? wv.actual : wv.target;
        snplp_big weight = snplp__big_decimal(wd, wscale), product;
        overflow |= snplp__big_mul(&product, &value, &weight);
        overflow |= snplp__sbig_add(&sum, (d.units < 0) != (wd.units < 0), &product);
        overflow |= snplp__sbig_add(&weights, wd.units < 0, &weight);
    }
    if (overflow)
        return FIGURE_OVERFLOW;
    snplp_big units = sum.mag;
    bool negative = sum.negative;
    if (mean) {
        if (snplp__big_is_zero(&weights.mag))
            return FIGURE_ZERO_WEIGHT;
        int32_t rounded = scale + 2 > MAX_SCALE ? MAX_SCALE : scale + 2;
        snplp_big num = sum.mag, rem, twice;
        if (snplp__big_mul_pow10(&num, rounded - scale))
            return FIGURE_OVERFLOW;
        snplp__big_divmod(&units, &rem, &num, &weights.mag);
        twice = rem;
        (void)snplp__big_add(&twice, &rem); /* rem < the weights' total: no overflow */
        if (snplp__big_cmp(&twice, &weights.mag) >= 0) {
            snplp_big one = snplp__big_u64(1);
            (void)snplp__big_add(&units, &one);
        }
        negative = sum.negative != weights.negative;
        scale = rounded;
    }
    uint64_t u;
    if (!snplp__big_to_u64(&u, &units) || u > (uint64_t)INT64_MAX)
        return FIGURE_OVERFLOW;
    out->units = negative ? -(int64_t)u : (int64_t)u;
    out->scale = scale;
    return FIGURE_OK;
}

/* Fills the cell of row r and column col of m, which conventions cs concern. */
static int fill_cell(work *w, snplp_matrix *m, size_t r, size_t col, concerned cs)
{
    const snplp_indicator *first = w->rows[r];
    int32_t year = m->first_year + (int32_t)col;
    bool aggregated = w->aggregated[r];
    bool mean = aggregated && first->aggregation == SNPLP_AGGREGATION_WEIGHTED_MEAN;
    snplp_matrix_cell *cell = snplp__matrix_cell(m, r, col);
    bool some_target = false, all_not_yet_due = true;
    int32_t scales[4] = {0, 0, 0, 0}; /* targets, actuals, their weights */
    for (size_t j = 0; j < cs.n; j++) {
        size_t k = cs.k[j];
        cell->expected++;
        snplp_cell_values v, wv;
        unsigned what = values_of(w, r, k, year, mean, &v, &wv);
        some_target |= v.has_target;
        if (v.has_target && !(w->at && snplp__report_not_yet_due(w->convs[k], year, *w->at)))
            all_not_yet_due = false;
        if (what) {
            int rc = snplp__matrix_add_missing(m, cell, k, what);
            if (rc)
                return rc;
            continue;
        }
        cell->covered++;
        int32_t s[4] = {v.target.scale, v.actual.scale, wv.target.scale, wv.actual.scale};
        for (int i = 0; i < 4; i++)
            if (s[i] > scales[i])
                scales[i] = s[i];
    }
    if (!aggregated) {
        cell->status = SNPLP_CELL_NOT_AGGREGATED;
        return 0;
    }
    if (cell->covered) {
        snplp_decimal target, actual;
        int t = aggregate(&target, w, r, year, cs, mean, false, scales[0], scales[2]);
        int a = aggregate(&actual, w, r, year, cs, mean, true, scales[1], scales[3]);
        for (int i = 0; i < 2; i++) {
            if ((i ? a : t) != FIGURE_OVERFLOW)
                continue;
            finding f = {.code = SNPLP_DIAG_AGGREGATE_OVERFLOW,
                         .ind = first,
                         .year = year,
                         .of_actuals = i == 1,
                         .covered = cell->covered};
            int rc = add_finding(w, &f);
            if (rc)
                return rc;
        }
        if (t == FIGURE_OK && a == FIGURE_OK) {
            cell->has_target = cell->has_actual = cell->has_rate = true;
            cell->target = target;
            cell->actual = actual;
            cell->status =
                snplp__achievement(&cell->rate, first->polarity, target, actual, m->threshold);
            return 0;
        }
        /* covered, but no figure: nothing lacks, so the cell is not actual-missing */
        cell->status = w->at ? SNPLP_CELL_NOT_COMPUTABLE : SNPLP_CELL_NOT_AGGREGATED;
        return 0;
    }
    if (!some_target)
        cell->status = SNPLP_CELL_NO_TARGET;
    else
        cell->status = all_not_yet_due ? SNPLP_CELL_NOT_YET_DUE : SNPLP_CELL_ACTUAL_MISSING;
    return 0;
}

/* A rule of aggregation as the messages select on it (snplp_aggregation_name() with "_" for
 * "-"). */
static const char *rule_choice(snplp_aggregation a)
{
    return a == SNPLP_AGGREGATION_WEIGHTED_MEAN ? "weighted_mean"
           : a == SNPLP_AGGREGATION_SUM         ? "sum"
                                                : "none";
}

static int report(const finding *f, snplp_diagnostics *diags)
{
    snplp_finding g = {.severity = SNPLP_SEVERITY_ERROR,
                       .code = f->code,
                       .convention_id = f->conv ? f->conv->id : NULL,
                       .item_id = f->ind ? f->ind->id : NULL};
    char n1[24], n2[24];
    switch (f->code) {
    case SNPLP_DIAG_DUPLICATE_CONVENTION: {
        snprintf(n1, sizeof n1, "%zu", f->other_pos);
        snprintf(n2, sizeof n2, "%zu", f->pos);
        const snplp_msg_arg args[] = {SNPLP_ARG(ID, "convention", f->conv->id),
                                      SNPLP_ARG(INTEGER, "earlier", n1),
                                      SNPLP_ARG(INTEGER, "later", n2)};
        g.item_id = NULL;
        g.variant = "convention";
        g.args = args;
        g.nargs = SNPLP__COUNT(args);
        return snplp__finding(diags, &g);
    }
    case SNPLP_DIAG_UNIT_MISMATCH: {
        const snplp_msg_arg args[] = {
            SNPLP_ARG(ID, "indicator", f->ind->id),
            SNPLP_ARG(CHOICE, "unit", snplp_unit_name(f->ind->unit)),
            SNPLP_ARG(ID, "convention", f->conv->id),
            SNPLP_ARG(CHOICE, "first_unit", snplp_unit_name(f->first->unit)),
            SNPLP_ARG(ID, "first_convention", f->other->id)};
        g.variant = "indicator";
        g.args = args;
        g.nargs = SNPLP__COUNT(args);
        return snplp__finding(diags, &g);
    }
    case SNPLP_DIAG_AGGREGATION_MISMATCH: {
        const snplp_indicator *a = f->ind, *b = f->first;
        const snplp_msg_arg args[] = {
            SNPLP_ARG(ID, "indicator", a->id),
            SNPLP_ARG(CHOICE, "rule", rule_choice(a->aggregation)),
            SNPLP_ARG(CHOICE, "weighted", a->weight_id ? "yes" : "no"),
            SNPLP_ARG(ID, "weight", a->weight_id ? a->weight_id : ""),
            SNPLP_ARG(ID, "convention", f->conv->id),
            SNPLP_ARG(CHOICE, "first_rule", rule_choice(b->aggregation)),
            SNPLP_ARG(CHOICE, "first_weighted", b->weight_id ? "yes" : "no"),
            SNPLP_ARG(ID, "first_weight", b->weight_id ? b->weight_id : ""),
            SNPLP_ARG(ID, "first_convention", f->other->id)};
        g.variant = "indicator";
        g.args = args;
        g.nargs = SNPLP__COUNT(args);
        return snplp__finding(diags, &g);
    }
    default: { /* SNPLP_DIAG_AGGREGATE_OVERFLOW */
        snprintf(n1, sizeof n1, "%ld", (long)f->year);
        snprintf(n2, sizeof n2, "%zu", f->covered);
        const snplp_msg_arg args[] = {
            SNPLP_ARG(CHOICE, "aggregate",
                      f->ind->aggregation == SNPLP_AGGREGATION_WEIGHTED_MEAN ? "weighted_mean"
                                                                             : "sum"),
            SNPLP_ARG(CHOICE, "values", f->of_actuals ? "actuals" : "targets"),
            SNPLP_ARG(ID, "indicator", f->ind->id), SNPLP_ARG(INTEGER, "year", n1),
            SNPLP_ARG(INTEGER, "conventions", n2)};
        g.convention_id = NULL;
        g.year = f->year;
        g.variant = "cell";
        g.args = args;
        g.nargs = SNPLP__COUNT(args);
        return snplp__finding(diags, &g);
    }
    }
}

/* Buckets by year the conventions that have row r's indicator: afterwards the conventions of
 * column col (year first + col) are items[col ? end[col - 1] : 0 .. end[col]), in order. end
 * has years + 1 elements; items has room for every year of every convention. */
static void bucket_row(const work *w, size_t r, int32_t first, size_t years, size_t *end,
                       size_t *items)
{
    const snplp_indicator *const *tab = w->tab + r * w->n;
    memset(end, 0, (years + 1) * sizeof *end);
    for (size_t k = 0; k < w->n; k++)
        if (tab[k])
            for (int32_t y = w->convs[k]->first_year; y <= w->convs[k]->last_year; y++)
                end[(size_t)(y - first) + 1]++;
    for (size_t col = 1; col <= years; col++) /* end[col]: where column col starts */
        end[col] += end[col - 1];
    for (size_t k = 0; k < w->n; k++)
        if (tab[k])
            for (int32_t y = w->convs[k]->first_year; y <= w->convs[k]->last_year; y++)
                items[end[y - first]++] = k; /* end[col] moves to where column col ends */
}

/* Builds the matrix of the kept conventions. */
static int build(snplp_matrix **out, work *w, snplp_decimal threshold)
{
    int32_t first = 0, last = 0;
    for (size_t k = 0; k < w->n; k++) {
        const snplp_convention *c = w->convs[k];
        if (!first || c->first_year < first)
            first = c->first_year;
        if (c->last_year > last)
            last = c->last_year;
    }
    size_t years = w->n ? (size_t)(last - first) + 1 : 0;
    size_t spans = 0; /* every year of every convention: at most the items of a row */
    for (size_t k = 0; k < w->n && w->row_count; k++)
        spans += (size_t)(w->convs[k]->last_year - w->convs[k]->first_year) + 1;
    bool ok1, ok2;
    size_t *end = array(w->row_count ? years + 1 : 0, sizeof *end, &ok1);
    size_t *items = array(spans, sizeof *items, &ok2);
    snplp_matrix *m = NULL;
    int rc = ok1 && ok2 ? snplp__matrix_new(&m, threshold, w->n, w->row_count, first, years)
                        : SNPLP_ENOMEM;
    for (size_t k = 0; !rc && k < w->n; k++)
        rc = snplp__matrix_set_conv(m, k, w->convs[k]->id);
    for (size_t r = 0; !rc && r < w->row_count; r++) {
        const snplp_indicator *ind = w->rows[r];
        rc = snplp__matrix_set_row(m, r, ind->id, ind->label, ind->unit, ind->polarity);
        if (!rc)
            bucket_row(w, r, first, years, end, items);
        for (size_t col = 0; !rc && col < years; col++) {
            size_t from = col ? end[col - 1] : 0;
            rc = fill_cell(w, m, r, col, (concerned){items + from, end[col] - from});
        }
    }
    snplp__free(end);
    snplp__free(items);
    if (rc) {
        snplp_matrix_free(m);
        return rc;
    }
    snplp__matrix_count(m);
    *out = m;
    return 0;
}

static int synthesis(snplp_matrix **out, const snplp_convention *const *conventions, size_t count,
                     const snplp_date *at, const snplp_decimal *threshold_percent,
                     snplp_diagnostics *diags, const char *fn)
{
    if (!out)
        return snplp__bad_arg(fn, "out is NULL");
    if (count && !conventions)
        return snplp__fail_in(fn, SNPLP_EINVAL, "the array of conventions is NULL but count is %zu",
                              count);
    for (size_t i = 0; i < count; i++) {
        const snplp_convention *c = snplp__conv_of(conventions[i]);
        if (!c)
            return snplp__fail_in(fn, SNPLP_EINVAL,
                                  "convention %zu of the set is NULL or not a convention", i);
        if (!c->first_year)
            return snplp__fail_in(fn, SNPLP_EINVAL,
                                  "convention '%s' (position %zu of the set) has no years: set "
                                  "them with snplp_convention_set_years() before the synthesis",
                                  c->id, i);
    }
    int rc;
    if (at && (rc = snplp__date_check(*at, fn, "the date of the synthesis")))
        return rc;
    snplp_decimal threshold;
    if ((rc = snplp__threshold(&threshold, threshold_percent, fn)))
        return rc;

    work w;
    memset(&w, 0, sizeof w);
    w.at = at;
    snplp_matrix *m = NULL;
    if (!(rc = keep_conventions(&w, conventions, count)) && !(rc = find_rows(&w)) &&
        !(rc = fill_tables(&w)))
        rc = build(&m, &w, threshold);
    /* The findings last, once nothing else can fail. */
    for (size_t i = 0; !rc && i < w.finding_count; i++)
        rc = report(&w.findings[i], diags);
    work_dispose(&w);
    if (rc) {
        snplp_matrix_free(m);
        return rc;
    }
    *out = m;
    return 0;
}

int snplp_synthesis(snplp_matrix **out, const snplp_convention *const *conventions, size_t count,
                    const snplp_decimal *threshold_percent, snplp_diagnostics *diags)
{
    return synthesis(out, conventions, count, NULL, threshold_percent, diags, __func__);
}

int snplp_synthesis_at(snplp_matrix **out, const snplp_convention *const *conventions, size_t count,
                       snplp_date at, const snplp_decimal *threshold_percent,
                       snplp_diagnostics *diags)
{
    return synthesis(out, conventions, count, &at, threshold_percent, diags, __func__);
}

static int list_synthesis(snplp_matrix **out, const snplp_convention_list *list,
                          const snplp_date *at, const snplp_decimal *threshold_percent,
                          snplp_diagnostics *diags, const char *fn)
{
    const snplp_convention_list *l = snplp__convention_list_of(list);
    if (!l)
        return snplp__bad_arg(fn, "NULL or wrong object");
    size_t n;
    snplp_convention *const *convs = snplp__convention_list_items(l, &n);
    return synthesis(out, (const snplp_convention *const *)convs, n, at, threshold_percent, diags,
                     at ? "snplp_synthesis_at" : "snplp_synthesis");
}

int snplp_convention_list_synthesis(snplp_matrix **out, const snplp_convention_list *list,
                                    const snplp_decimal *threshold_percent,
                                    snplp_diagnostics *diags)
{
    return list_synthesis(out, list, NULL, threshold_percent, diags, __func__);
}

int snplp_convention_list_synthesis_at(snplp_matrix **out, const snplp_convention_list *list,
                                       snplp_date at, const snplp_decimal *threshold_percent,
                                       snplp_diagnostics *diags)
{
    return list_synthesis(out, list, &at, threshold_percent, diags, __func__);
}
