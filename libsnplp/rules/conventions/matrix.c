/* The follow-up matrix of one convention: indicators × years, each cell with its target,
 * actual, achievement rate and status. Statuses are decided on the exact decimal values with
 * fixed-width wide integers (no __int128, no floating point); the rate, a double, is the
 * correctly rounded quotient (snplp_decimal_ratio()) and only for display. */
#include "rules/conventions/matrix_model.h"

#include <stddef.h>
#include <string.h>

#include "util/alloc.h"
#include "util/date.h"
#include "util/names.h"
#include "util/getters.h"

/* ---- threshold and achievement ---- */

static const snplp_decimal hundred = {100, 0};

int snplp__threshold(snplp_decimal *out, const snplp_decimal *threshold, const char *fn)
{
    if (!threshold) {
        *out = (snplp_decimal){SNPLP_MATRIX_DEFAULT_THRESHOLD, 0};
        return 0;
    }
    if (!snplp_decimal_is_valid(*threshold))
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "the threshold is not a valid decimal (scale %ld, outside 0 to 18, "
                              "or units INT64_MIN); give a percentage above 0 and at most 100, or "
                              "NULL for the default (80)",
                              (long)threshold->scale);
    if (threshold->units <= 0 || snplp_decimal_compare(*threshold, hundred) > 0) {
        char text[SNPLP_DECIMAL_MAX_TEXT];
        (void)snplp_decimal_format(text, sizeof text, *threshold);
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "the threshold %s%% is out of range: it must be above 0 and at "
                              "most 100 (NULL for the default, 80)",
                              text);
    }
    *out = *threshold;
    return 0;
}

int snplp_matrix_check_threshold(const snplp_decimal *threshold_percent)
{
    snplp_decimal t;
    return snplp__threshold(&t, threshold_percent, __func__);
}

/* Whether num / den ≥ threshold / 100, exactly, for num and den above 0: with num = N·10^−sn,
 * den = D·10^−sd and threshold = H·10^−sh, whether N × 100 × 10^(sd+sh) ≥ H × D × 10^sn.
 * Both sides are below 2^63 × 2^7 × 10^36 < 2^190. */
static bool at_least(snplp_decimal num, snplp_decimal den, snplp_decimal threshold)
{
    snplp_big left = snplp__big_u64((uint64_t)num.units);
    (void)snplp__big_mul_u32(&left, 100);
    (void)snplp__big_mul_pow10(&left, den.scale + threshold.scale);
    snplp_big h = snplp__big_u64((uint64_t)threshold.units),
              d = snplp__big_u64((uint64_t)den.units);
    snplp_big right;
    (void)snplp__big_mul(&right, &h, &d);
    (void)snplp__big_mul_pow10(&right, num.scale);
    return snplp__big_cmp(&left, &right) >= 0;
}

/* The status of a rate num / den below 100% (num, den above 0), and the rate. */
static snplp_cell_status below_target(double *rate, snplp_decimal num, snplp_decimal den,
                                      snplp_decimal threshold)
{
    (void)snplp_decimal_ratio(rate, num, den); /* valid values, den not zero: cannot fail */
    return at_least(num, den, threshold) ? SNPLP_CELL_PARTLY_REACHED : SNPLP_CELL_NOT_REACHED;
}

/* Exact target, t > 0 and a > t: the rate is 1 − (a − t) / t = (2t − a) / t, 0 when a ≥ 2t. */
static snplp_cell_status exact_above(double *rate, snplp_decimal t, snplp_decimal a,
                                     snplp_decimal threshold)
{
    int32_t scale = t.scale > a.scale ? t.scale : a.scale;
    snplp_big tt = snplp__big_decimal(t, scale), aa = snplp__big_decimal(a, scale);
    snplp_big twice = tt;
    (void)snplp__big_add(&twice, &tt);
    if (snplp__big_cmp(&aa, &twice) >= 0) {
        *rate = 0.0;
        return SNPLP_CELL_NOT_REACHED;
    }
    /* 0 < 2t − a < t, and t at the common scale is below a's units or is t's own units (when
     * scale is t's): both fit in an int64_t. */
    snplp__big_sub(&twice, &aa);
    uint64_t gap_units = 0, t_units = 0;
    (void)snplp__big_to_u64(&gap_units, &twice);
    (void)snplp__big_to_u64(&t_units, &tt);
    snplp_decimal num = {(int64_t)gap_units, scale}, den = {(int64_t)t_units, scale};
    return below_target(rate, num, den, threshold);
}

static snplp_cell_status achievement(double *rate, snplp_polarity polarity, snplp_decimal target,
                                     snplp_decimal actual, snplp_decimal threshold)
{
    int c = snplp_decimal_compare(actual, target);
    switch (polarity) {
    case SNPLP_POLARITY_LOWER:
        if (c <= 0) {
            *rate = 1.0;
            return SNPLP_CELL_REACHED;
        }
        if (target.units <= 0 || actual.units <= 0) {
            *rate = 0.0;
            return SNPLP_CELL_NOT_REACHED;
        }
        return below_target(rate, target, actual, threshold); /* 0 < t < a */
    case SNPLP_POLARITY_EXACT:
        if (c == 0) {
            *rate = 1.0;
            return SNPLP_CELL_REACHED;
        }
        if (target.units == 0) {
            *rate = 0.0;
            return SNPLP_CELL_NOT_REACHED;
        }
        if (target.units < 0) { /* the rate is the same for (−t, −a) */
            target.units = -target.units;
            actual.units = -actual.units;
            c = -c;
        }
        if (actual.units <= 0) { /* |a − t| ≥ |t| */
            *rate = 0.0;
            return SNPLP_CELL_NOT_REACHED;
        }
        if (c < 0) /* 0 < a < t: 1 − (t − a) / t = a / t */
            return below_target(rate, actual, target, threshold);
        return exact_above(rate, target, actual, threshold);
    case SNPLP_POLARITY_HIGHER:
    case SNPLP_POLARITY_NONE:
    default:
        if (target.units <= 0) {
            *rate = c >= 0 ? 1.0 : 0.0;
            return c >= 0 ? SNPLP_CELL_REACHED : SNPLP_CELL_NOT_REACHED;
        }
        if (c >= 0) {
            (void)snplp_decimal_ratio(rate, actual, target);
            return SNPLP_CELL_REACHED;
        }
        if (actual.units <= 0) {
            (void)snplp_decimal_ratio(rate, actual, target); /* zero or negative */
            return SNPLP_CELL_NOT_REACHED;
        }
        return below_target(rate, actual, target, threshold);
    }
}

snplp_cell_status snplp__achievement(double *rate, snplp_polarity polarity, snplp_decimal target,
                                     snplp_decimal actual, snplp_decimal threshold)
{
    double ignored;
    return achievement(rate ? rate : &ignored, polarity, target, actual, threshold);
}

/* ---- rates declared as a quotient ---- */

int snplp__derive_actual(snplp_decimal *out, const snplp_indicator *ind, int32_t year)
{
    if (!ind->numerator_id || !ind->denominator_id)
        return SNPLP_DERIVE_NONE;
    const snplp_indicator *num = snplp__conv_indicator(ind->conv, ind->numerator_id);
    const snplp_indicator *den = snplp__conv_indicator(ind->conv, ind->denominator_id);
    if (!num || !den || num == ind || den == ind)
        return SNPLP_DERIVE_NONE;
    const snplp_value_year *v = snplp__yeartab_find(&ind->values, sizeof *v, year);
    const snplp_value_year *n = snplp__yeartab_find(&num->values, sizeof *n, year);
    const snplp_value_year *d = snplp__yeartab_find(&den->values, sizeof *d, year);
    if (!v || !v->has_target || !n || !n->has_actual || !d || !d->has_actual)
        return SNPLP_DERIVE_NONE;
    if (d->actual.units == 0)
        return SNPLP_DERIVE_ZERO;
    /* n = N·10^−sn, d = D·10^−sd: the result at scale s has |N| × f × 10^(sd+s) / (|D| × 10^sn)
     * units (f = 100 for a percent), rounded half away from zero. Both sides are below
     * 2^63 × 2^7 × 10^36 < 2^190. */
    int32_t scale = v->target.scale;
    snplp_big top = snplp__big_decimal(n->actual, n->actual.scale);
    snplp_big bottom = snplp__big_decimal(d->actual, d->actual.scale);
    if (ind->unit == SNPLP_UNIT_PERCENT)
        (void)snplp__big_mul_u32(&top, 100);
    (void)snplp__big_mul_pow10(&top, d->actual.scale + scale);
    (void)snplp__big_mul_pow10(&bottom, n->actual.scale);
    snplp_big q, r;
    snplp__big_divmod(&q, &r, &top, &bottom);
    snplp_big twice = r;
    (void)snplp__big_add(&twice, &r); /* r < bottom < 2^190: no overflow */
    if (snplp__big_cmp(&twice, &bottom) >= 0) {
        snplp_big one = snplp__big_u64(1);
        (void)snplp__big_add(&q, &one);
    }
    uint64_t u;
    if (!snplp__big_to_u64(&u, &q) || u > (uint64_t)INT64_MAX)
        return SNPLP_DERIVE_OVERFLOW;
    bool negative = (n->actual.units < 0) != (d->actual.units < 0) && u != 0;
    out->units = negative ? -(int64_t)u : (int64_t)u;
    out->scale = scale;
    return SNPLP_DERIVE_OK;
}

snplp_cell_values snplp__cell_values(const snplp_indicator *ind, int32_t year)
{
    snplp_cell_values cv = {0};
    const snplp_value_year *v = snplp__yeartab_find(&ind->values, sizeof *v, year);
    if (v && v->has_target) {
        cv.has_target = true;
        cv.target = v->target;
    }
    if (v && v->has_actual) {
        cv.has_actual = true;
        cv.actual = v->actual;
    } else if (snplp__derive_actual(&cv.actual, ind, year) == SNPLP_DERIVE_OK) {
        cv.has_actual = cv.derived = true;
    }
    return cv;
}

int snplp_indicator_derived_actual(snplp_decimal *out, const snplp_indicator *indicator,
                                   int32_t year)
{
    if (!out)
        return snplp__bad_arg(__func__, "out is NULL");
    const snplp_indicator *ind = snplp__indicator_of(indicator);
    if (!ind)
        return snplp__bad_arg(__func__, "the indicator is NULL or not an indicator");
    int rc = snplp__check_year(year, __func__);
    if (rc)
        return rc;
    snplp_decimal d;
    switch (snplp__derive_actual(&d, ind, year)) {
    case SNPLP_DERIVE_OK:
        *out = d;
        return SNPLP_OK;
    case SNPLP_DERIVE_ZERO:
        return snplp__fail_in(__func__, SNPLP_ENOTFOUND,
                              "indicator '%s' in %ld: the actual of its denominator '%s' is zero, "
                              "so the rate cannot be derived",
                              ind->id, (long)year, ind->denominator_id);
    case SNPLP_DERIVE_OVERFLOW:
        return snplp__fail_in(__func__, SNPLP_ENOTFOUND,
                              "indicator '%s' in %ld: the derived rate is beyond the range of a "
                              "decimal",
                              ind->id, (long)year);
    default:
        break;
    }
    if (!ind->numerator_id)
        return snplp__fail_in(__func__, SNPLP_ENOTFOUND,
                              "indicator '%s' is not declared as a quotient (no numerator and "
                              "denominator)",
                              ind->id);
    return snplp__fail_in(__func__, SNPLP_ENOTFOUND,
                          "indicator '%s' in %ld: no rate can be derived: it needs a target in "
                          "%ld (for its scale) and the actuals of its numerator '%s' and its "
                          "denominator '%s', two other indicators of the convention",
                          ind->id, (long)year, (long)year, ind->numerator_id, ind->denominator_id);
}

/* ---- building matrices ---- */

int snplp__matrix_new(snplp_matrix **out, snplp_decimal threshold, size_t conv_count,
                      size_t row_count, int32_t first_year, size_t year_count)
{
    if (year_count != 0 && row_count > SIZE_MAX / year_count)
        return snplp__oom();
    snplp_matrix *m = snplp__calloc(1, sizeof *m);
    if (!m)
        return snplp__oom();
    m->threshold = threshold;
    m->conv_count = conv_count;
    m->row_count = row_count;
    m->first_year = first_year;
    m->year_count = year_count;
    size_t cells = row_count * year_count;
    if ((conv_count && !(m->conv_ids = snplp__calloc(conv_count, sizeof *m->conv_ids))) ||
        (row_count && !(m->rows = snplp__calloc(row_count, sizeof *m->rows))) ||
        (cells && !(m->cells = snplp__calloc(cells, sizeof *m->cells)))) {
        snplp_matrix_free(m);
        return snplp__oom();
    }
    *out = m;
    return 0;
}

int snplp__matrix_set_conv(snplp_matrix *m, size_t index, const char *id)
{
    if (!(m->conv_ids[index] = snplp__strdup(id)))
        return snplp__oom();
    return 0;
}

int snplp__matrix_set_row(snplp_matrix *m, size_t r, const char *id, const char *label,
                          snplp_unit unit, snplp_polarity polarity)
{
    snplp_matrix_row *row = &m->rows[r];
    if (!(row->id = snplp__strdup(id)) || !(row->label = snplp__strdup(label)))
        return snplp__oom(); /* what was copied is freed with the matrix */
    row->unit = unit;
    row->polarity = polarity;
    return 0;
}

int snplp__matrix_add_missing(snplp_matrix *m, snplp_matrix_cell *cell, size_t conv, unsigned what)
{
    if (m->missing_count == m->missing_cap) {
        size_t cap = m->missing_cap ? m->missing_cap * 2 : 16;
        if (cap > SIZE_MAX / sizeof *m->missing)
            return snplp__oom();
        snplp_matrix_missing_entry *v = snplp__realloc(m->missing, cap * sizeof *v);
        if (!v)
            return snplp__oom();
        m->missing = v;
        m->missing_cap = cap;
    }
    if (cell->missing_count == 0)
        cell->missing_first = m->missing_count;
    m->missing[m->missing_count].conv = conv;
    m->missing[m->missing_count].what = what;
    m->missing_count++;
    cell->missing_count++;
    return 0;
}

void snplp__matrix_count(snplp_matrix *m)
{
    for (size_t r = 0; r < m->row_count; r++) {
        snplp_matrix_row *row = &m->rows[r];
        for (size_t col = 0; col < m->year_count; col++) {
            snplp_cell_status s = snplp__matrix_cell(m, r, col)->status;
            row->counts[s]++;
            m->counts[s]++;
        }
    }
}

/* ---- a convention's matrix ---- */

static const char *const status_names[] = {"none",           "reached",     "partly-reached",
                                           "not-reached",    "no-target",   "actual-missing",
                                           "not-aggregated", "not-yet-due", "not-computable"};

const char *snplp_cell_status_name(snplp_cell_status status)
{
    return snplp__name_of(status_names, SNPLP__COUNT(status_names), status, "none");
}

/* Fills the cells of row r from indicator ind of convention c (index 0 of the matrix); at,
 * when not NULL, is the date of a dated matrix. */
static int fill_row(snplp_matrix *m, size_t r, const snplp_convention *c,
                    const snplp_indicator *ind, const snplp_date *at)
{
    for (size_t col = 0; col < m->year_count; col++) {
        snplp_matrix_cell *cell = snplp__matrix_cell(m, r, col);
        int32_t year = m->first_year + (int32_t)col;
        snplp_cell_values v = snplp__cell_values(ind, year);
        cell->expected = 1;
        cell->has_target = v.has_target;
        cell->has_actual = v.has_actual;
        cell->derived = v.derived;
        cell->target = v.target;
        cell->actual = v.actual;
        if (!cell->has_target) {
            cell->status = SNPLP_CELL_NO_TARGET;
        } else if (!cell->has_actual) {
            cell->status = at && snplp__report_not_yet_due(c, year, *at)
                               ? SNPLP_CELL_NOT_YET_DUE
                               : SNPLP_CELL_ACTUAL_MISSING;
        } else {
            cell->status = snplp__achievement(&cell->rate, ind->polarity, cell->target,
                                              cell->actual, m->threshold);
            cell->has_rate = true;
        }
        if (cell->has_target && cell->has_actual) {
            cell->covered = 1;
        } else {
            unsigned what = (cell->has_target ? 0u : (unsigned)SNPLP_MISSING_TARGET) |
                            (cell->has_actual ? 0u : (unsigned)SNPLP_MISSING_ACTUAL);
            int rc = snplp__matrix_add_missing(m, cell, 0, what);
            if (rc)
                return rc;
        }
    }
    return 0;
}

static int convention_matrix(snplp_matrix **out, const snplp_convention *conv, const snplp_date *at,
                             const snplp_decimal *threshold_percent, const char *fn)
{
    if (!out)
        return snplp__bad_arg(fn, "out is NULL");
    const snplp_convention *c = snplp__conv_of(conv);
    if (!c)
        return snplp__bad_arg(fn, "the convention is NULL or not a convention");
    if (!c->first_year)
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "convention '%s' has no years: set them with "
                              "snplp_convention_set_years() before computing its matrix",
                              c->id);
    int rc;
    if (at && (rc = snplp__date_check(*at, fn, "the date of the matrix")))
        return rc;
    snplp_decimal threshold;
    if ((rc = snplp__threshold(&threshold, threshold_percent, fn)))
        return rc;
    snplp_matrix *m;
    if ((rc = snplp__matrix_new(&m, threshold, 1, c->indicators.n, c->first_year,
                                (size_t)(c->last_year - c->first_year) + 1)))
        return rc;
    rc = snplp__matrix_set_conv(m, 0, c->id);
    for (size_t r = 0; !rc && r < m->row_count; r++) {
        const snplp_indicator *ind = c->indicators.v[r];
        if (!(rc = snplp__matrix_set_row(m, r, ind->id, ind->label, ind->unit, ind->polarity)))
            rc = fill_row(m, r, c, ind, at);
    }
    if (rc) {
        snplp_matrix_free(m);
        return rc;
    }
    snplp__matrix_count(m);
    *out = m;
    return 0;
}

int snplp_convention_matrix(snplp_matrix **out, const snplp_convention *conv,
                            const snplp_decimal *threshold_percent)
{
    return convention_matrix(out, conv, NULL, threshold_percent, __func__);
}

int snplp_convention_matrix_at(snplp_matrix **out, const snplp_convention *conv, snplp_date at,
                               const snplp_decimal *threshold_percent)
{
    return convention_matrix(out, conv, &at, threshold_percent, __func__);
}

void snplp_matrix_free(snplp_matrix *matrix)
{
    if (!matrix)
        return;
    for (size_t i = 0; matrix->conv_ids && i < matrix->conv_count; i++)
        snplp__free(matrix->conv_ids[i]);
    for (size_t r = 0; matrix->rows && r < matrix->row_count; r++) {
        snplp__free(matrix->rows[r].id);
        snplp__free(matrix->rows[r].label);
    }
    snplp__free(matrix->conv_ids);
    snplp__free(matrix->rows);
    snplp__free(matrix->cells);
    snplp__free(matrix->missing);
    snplp__free(matrix);
}

/* ---- reading a matrix ---- */

snplp_decimal snplp_matrix_threshold(const snplp_matrix *matrix)
{
    return matrix ? matrix->threshold : (snplp_decimal){0, 0};
}

SNPLP_DEFINE_GETTER(size_t, snplp_matrix_convention_count, snplp_matrix, SNPLP__AS_IS, conv_count,
                    0)
SNPLP_DEFINE_GETTER(size_t, snplp_matrix_row_count, snplp_matrix, SNPLP__AS_IS, row_count, 0)
SNPLP_DEFINE_GETTER(int32_t, snplp_matrix_first_year, snplp_matrix, SNPLP__AS_IS, first_year, 0)
SNPLP_DEFINE_GETTER(size_t, snplp_matrix_year_count, snplp_matrix, SNPLP__AS_IS, year_count, 0)

static const snplp_matrix_row *row_at(const snplp_matrix *m, size_t row)
{
    return m && row < m->row_count ? &m->rows[row] : NULL;
}

const char *snplp_matrix_indicator_id(const snplp_matrix *matrix, size_t row)
{
    const snplp_matrix_row *r = row_at(matrix, row);
    return r ? r->id : NULL;
}

const char *snplp_matrix_indicator_label(const snplp_matrix *matrix, size_t row)
{
    const snplp_matrix_row *r = row_at(matrix, row);
    return r ? r->label : NULL;
}

snplp_unit snplp_matrix_unit(const snplp_matrix *matrix, size_t row)
{
    const snplp_matrix_row *r = row_at(matrix, row);
    return r ? r->unit : SNPLP_UNIT_NONE;
}

snplp_polarity snplp_matrix_polarity(const snplp_matrix *matrix, size_t row)
{
    const snplp_matrix_row *r = row_at(matrix, row);
    return r ? r->polarity : SNPLP_POLARITY_NONE;
}

/* The cell of (row, year), NULL if there is none. */
static const snplp_matrix_cell *cell_at(const snplp_matrix *m, size_t row, int32_t year)
{
    if (!m || row >= m->row_count)
        return NULL;
    int64_t col = (int64_t)year - m->first_year;
    if (col < 0 || (uint64_t)col >= m->year_count)
        return NULL;
    return &m->cells[row * m->year_count + (size_t)col];
}

/* The cell for a getter of fn, or SNPLP_EINVAL recorded. */
static int cell_for(const snplp_matrix_cell **out, const snplp_matrix *m, size_t row, int32_t year,
                    const void *value_out, const char *fn)
{
    if (!value_out)
        return snplp__bad_arg(fn, "out is NULL");
    if (!m)
        return snplp__bad_arg(fn, "the matrix is NULL");
    if (row >= m->row_count)
        return snplp__fail_in(fn, SNPLP_EINVAL, "row %zu is out of range (the matrix has %zu rows)",
                              row, m->row_count);
    if (!(*out = cell_at(m, row, year))) {
        if (m->year_count == 0)
            return snplp__fail_in(fn, SNPLP_EINVAL, "the matrix has no years (asked for %ld)",
                                  (long)year);
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "year %ld is outside the matrix's years, %ld to %ld", (long)year,
                              (long)m->first_year, (long)m->first_year + (long)m->year_count - 1);
    }
    return 0;
}

snplp_cell_status snplp_matrix_status(const snplp_matrix *matrix, size_t row, int32_t year)
{
    const snplp_matrix_cell *cell = cell_at(matrix, row, year);
    return cell ? cell->status : SNPLP_CELL_NONE;
}

/* The cell of a value getter, when it holds the value (has): else the failure, recorded for fn,
 * saying the cell has no `what`. */
static int cell_with(const snplp_matrix_cell **out, const snplp_matrix *m, size_t row, int32_t year,
                     const void *value_out, size_t has_off, const char *what, const char *fn)
{
    int rc = cell_for(out, m, row, year, value_out, fn);
    if (rc)
        return rc;
    if (!*(const bool *)((const char *)*out + has_off))
        return snplp__fail_in(fn, SNPLP_ENOTFOUND, "the cell of indicator '%s' in %ld has no %s",
                              m->rows[row].id, (long)year, what);
    return 0;
}

#define CELL_WITH(cell, m, row, year, out, has, what)                                              \
    cell_with(&(cell), m, row, year, out, offsetof(snplp_matrix_cell, has), what, __func__)

int snplp_matrix_target(snplp_decimal *out, const snplp_matrix *matrix, size_t row, int32_t year)
{
    const snplp_matrix_cell *cell;
    int rc = CELL_WITH(cell, matrix, row, year, out, has_target, "target");
    if (!rc)
        *out = cell->target;
    return rc;
}

int snplp_matrix_actual(snplp_decimal *out, const snplp_matrix *matrix, size_t row, int32_t year)
{
    const snplp_matrix_cell *cell;
    int rc = CELL_WITH(cell, matrix, row, year, out, has_actual, "actual value");
    if (!rc)
        *out = cell->actual;
    return rc;
}

int snplp_matrix_rate(double *out, const snplp_matrix *matrix, size_t row, int32_t year)
{
    const snplp_matrix_cell *cell;
    int rc = CELL_WITH(cell, matrix, row, year, out, has_rate,
                       "achievement rate (it needs both a target and an actual value)");
    if (!rc)
        *out = cell->rate;
    return rc;
}

bool snplp_matrix_actual_is_derived(const snplp_matrix *matrix, size_t row, int32_t year)
{
    const snplp_matrix_cell *cell = cell_at(matrix, row, year);
    return cell && cell->derived;
}

size_t snplp_matrix_covered(const snplp_matrix *matrix, size_t row, int32_t year)
{
    const snplp_matrix_cell *cell = cell_at(matrix, row, year);
    return cell ? cell->covered : 0;
}

size_t snplp_matrix_expected(const snplp_matrix *matrix, size_t row, int32_t year)
{
    const snplp_matrix_cell *cell = cell_at(matrix, row, year);
    return cell ? cell->expected : 0;
}

size_t snplp_matrix_missing_count(const snplp_matrix *matrix, size_t row, int32_t year)
{
    const snplp_matrix_cell *cell = cell_at(matrix, row, year);
    return cell ? cell->missing_count : 0;
}

const char *snplp_matrix_missing_at(const snplp_matrix *matrix, size_t row, int32_t year,
                                    size_t index, unsigned *what)
{
    const snplp_matrix_cell *cell = cell_at(matrix, row, year);
    if (!cell || index >= cell->missing_count) {
        if (what)
            *what = 0;
        return NULL;
    }
    const snplp_matrix_missing_entry *e = &matrix->missing[cell->missing_first + index];
    if (what)
        *what = e->what;
    return matrix->conv_ids[e->conv];
}

size_t snplp_matrix_row_status_count(const snplp_matrix *matrix, size_t row,
                                     snplp_cell_status status)
{
    const snplp_matrix_row *r = row_at(matrix, row);
    if (!r || (unsigned)status >= SNPLP_CELL_STATUS_COUNT_1_3)
        return 0;
    return r->counts[status];
}

size_t snplp_matrix_status_count(const snplp_matrix *matrix, snplp_cell_status status)
{
    if (!matrix || (unsigned)status >= SNPLP_CELL_STATUS_COUNT_1_3)
        return 0;
    return matrix->counts[status];
}
