/* Tests of synthesis.h: the synthesis of a set of conventions. Sums where some conventions
 * lack values (never read as zero: coverage and missing lists), exact scales, weighted means
 * with their exact rounding (half away from zero, two more decimals, at most 18), missing
 * weights, a zero total weight, indicators not aggregated, unit and aggregation mismatches,
 * duplicate convention ids, aggregates beyond a decimal, conventions over different years,
 * the empty set, refused arguments, out-of-memory, and a large set checked cell by cell against
 * a plain computation. */
#include "test_util.h"
#include "test_values.h"

#include <stdio.h>

#define M INT64_MAX

/* An indicator aggregated by rule (weight for a weighted mean). */
static snplp_indicator *ind_new(snplp_convention *c, const char *id, const char *label,
                                snplp_unit unit, snplp_aggregation rule, const char *weight)
{
    snplp_indicator *ind = NULL;
    assert_ok(snplp_convention_add_indicator(&ind, c, id, label, unit));
    assert_ok(snplp_indicator_set_aggregation(ind, rule, weight));
    return ind;
}

static void unref_all(snplp_convention **convs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        snplp_convention_unref(convs[i]);
}

static snplp_matrix *synthesis(snplp_convention **convs, size_t n, snplp_diagnostics *diags)
{
    snplp_matrix *m = NULL;
    assert_ok(snplp_synthesis(&m, (const snplp_convention *const *)convs, n, NULL, diags));
    assert_non_null(m);
    return m;
}

static snplp_matrix *synthesis_at(snplp_convention **convs, size_t n, snplp_date at,
                                  snplp_diagnostics *diags)
{
    snplp_matrix *m = NULL;
    assert_ok(snplp_synthesis_at(&m, (const snplp_convention *const *)convs, n, at, NULL, diags));
    assert_non_null(m);
    return m;
}

static void assert_target(const snplp_matrix *m, size_t row, int32_t year, snplp_decimal want)
{
    snplp_decimal d = {0, 0};
    assert_ok(snplp_matrix_target(&d, m, row, year));
    assert_identical(d, want);
}

static void assert_actual(const snplp_matrix *m, size_t row, int32_t year, snplp_decimal want)
{
    snplp_decimal d = {0, 0};
    assert_ok(snplp_matrix_actual(&d, m, row, year));
    assert_identical(d, want);
}

/* The cell has no figures at all. */
static void assert_no_figures(const snplp_matrix *m, size_t row, int32_t year)
{
    snplp_decimal d = {0, 0};
    double rate = 0;
    assert_fails(snplp_matrix_target(&d, m, row, year), SNPLP_ENOTFOUND);
    assert_fails(snplp_matrix_actual(&d, m, row, year), SNPLP_ENOTFOUND);
    assert_fails(snplp_matrix_rate(&rate, m, row, year), SNPLP_ENOTFOUND);
}

static void assert_coverage(const snplp_matrix *m, size_t row, int32_t year, size_t expected,
                            size_t covered)
{
    assert_int_equal(snplp_matrix_expected(m, row, year), expected);
    assert_int_equal(snplp_matrix_covered(m, row, year), covered);
    assert_int_equal(snplp_matrix_missing_count(m, row, year), expected - covered);
}

static void assert_missing(const snplp_matrix *m, size_t row, int32_t year, size_t index,
                           const char *id, unsigned what)
{
    unsigned got = 99;
    assert_text(snplp_matrix_missing_at(m, row, year, index, &got), id);
    assert_int_equal(got, what);
}

static void assert_diag(const snplp_diagnostics *diags, size_t index, snplp_diag_code code,
                        const char *conv_id, const char *item_id, int32_t year)
{
    const snplp_diagnostic *d = snplp_diagnostics_at(diags, index);
    assert_non_null(d);
    assert_int_equal(snplp_diagnostic_severity(d), SNPLP_SEVERITY_ERROR);
    assert_int_equal(snplp_diagnostic_code(d), code);
    assert_text(snplp_diagnostic_convention_id(d), conv_id);
    assert_text(snplp_diagnostic_item_id(d), item_id);
    assert_int_equal(snplp_diagnostic_year(d), year);
    assert_int_equal(snplp_diagnostic_line(d), 0);
    const char *msg = snplp_diagnostic_message(d);
    assert_non_null(msg);
    if (item_id)
        assert_non_null(strstr(msg, item_id));
    if (conv_id)
        assert_non_null(strstr(msg, conv_id));
}

#define SUM  SNPLP_AGGREGATION_SUM
#define MEAN SNPLP_AGGREGATION_WEIGHTED_MEAN
#define NONE SNPLP_AGGREGATION_NONE

#define T SNPLP_MISSING_TARGET
#define A SNPLP_MISSING_ACTUAL
#define W SNPLP_MISSING_WEIGHT

static const char orient_label[] = "Nouveaux allocataires du RSA orientés en moins d'un mois";

/* ---- sums ---- */

/* Maine-et-Loire and Loire-Atlantique (2019-2021), Sarthe (2020-2022). */
static void sums_never_read_missing_as_zero(void **state)
{
    (void)state;
    snplp_convention *c[3] = {conv_new("calpae-49", "49", "Maine-et-Loire", 2019, 2021),
                              conv_new("calpae-44", "44", "Loire-Atlantique", 2019, 2021),
                              conv_new("calpae-72", "72", "Sarthe", 2020, 2022)};
    snplp_indicator *a =
        ind_new(c[0], "ind-orientation", orient_label, SNPLP_UNIT_COUNT, SUM, NULL);
    values(a, 2019, "1200", "1250");
    values(a, 2020, "1500", "1275");
    values(a, 2021, "1800", NULL);
    snplp_indicator *b_young =
        ind_new(c[1], "ind-jeunes-accompagnes", "Jeunes accompagnés par la garantie jeunes",
                SNPLP_UNIT_COUNT, SUM, NULL);
    values(b_young, 2019, NULL, "310");
    snplp_indicator *b = ind_new(c[1], "ind-orientation", "Allocataires orientés en un mois",
                                 SNPLP_UNIT_COUNT, SUM, NULL);
    values(b, 2019, "2400", "2100");
    values(b, 2020, "2600", "2500");
    snplp_indicator *s =
        ind_new(c[2], "ind-orientation", orient_label, SNPLP_UNIT_COUNT, SUM, NULL);
    values(s, 2019, "999", "999"); /* outside Sarthe's years: not concerned */
    values(s, 2020, "900", "700");
    values(s, 2021, "1000", "1000");
    values(s, 2022, "1100", NULL);
    ind_new(c[2], "ind-delai-orientation", "Délai moyen d'orientation", SNPLP_UNIT_DAYS, SUM, NULL);

    snplp_diagnostics *diags = new_diags();
    snplp_matrix *m = synthesis(c, 3, diags);
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    unref_all(c, 3); /* the matrix owns its copies */

    assert_int_equal(snplp_matrix_convention_count(m), 3);
    assert_int_equal(snplp_matrix_first_year(m), 2019);
    assert_int_equal(snplp_matrix_year_count(m), 4);
    assert_int_equal(snplp_matrix_row_count(m), 3);
    assert_text(snplp_matrix_indicator_id(m, 0), "ind-orientation");
    assert_text(snplp_matrix_indicator_label(m, 0), orient_label); /* the first convention's */
    assert_text(snplp_matrix_indicator_id(m, 1), "ind-jeunes-accompagnes");
    assert_text(snplp_matrix_indicator_id(m, 2), "ind-delai-orientation");
    assert_int_equal(snplp_matrix_unit(m, 2), SNPLP_UNIT_DAYS);
    assert_int_equal(snplp_matrix_polarity(m, 0), SNPLP_POLARITY_HIGHER);
    assert_identical(snplp_matrix_threshold(m), dec(80, 0));

    /* 2019: Maine-et-Loire and Loire-Atlantique only (Sarthe's 999 is not counted) */
    double rate = 0;
    assert_coverage(m, 0, 2019, 2, 2);
    assert_target(m, 0, 2019, dec(3600, 0));
    assert_actual(m, 0, 2019, dec(3350, 0));
    assert_ok(snplp_matrix_rate(&rate, m, 0, 2019));
    assert_true(rate == 3350.0 / 3600.0);
    assert_int_equal(snplp_matrix_status(m, 0, 2019), SNPLP_CELL_PARTLY_REACHED);
    /* 2020: all three */
    assert_coverage(m, 0, 2020, 3, 3);
    assert_target(m, 0, 2020, dec(5000, 0));
    assert_actual(m, 0, 2020, dec(4475, 0));
    assert_int_equal(snplp_matrix_status(m, 0, 2020), SNPLP_CELL_PARTLY_REACHED);
    /* 2021: only Sarthe covers it; the others are listed, their targets not summed */
    assert_coverage(m, 0, 2021, 3, 1);
    assert_target(m, 0, 2021, dec(1000, 0));
    assert_actual(m, 0, 2021, dec(1000, 0));
    assert_int_equal(snplp_matrix_status(m, 0, 2021), SNPLP_CELL_REACHED);
    assert_missing(m, 0, 2021, 0, "calpae-49", A);
    assert_missing(m, 0, 2021, 1, "calpae-44", T | A);
    assert_null(snplp_matrix_missing_at(m, 0, 2021, 2, NULL));
    /* 2022: Sarthe has a target, no actual: no figures */
    assert_coverage(m, 0, 2022, 1, 0);
    assert_no_figures(m, 0, 2022);
    assert_int_equal(snplp_matrix_status(m, 0, 2022), SNPLP_CELL_ACTUAL_MISSING);
    assert_missing(m, 0, 2022, 0, "calpae-72", A);

    /* a row only Loire-Atlantique has: an actual without a target is no figure */
    assert_coverage(m, 1, 2019, 1, 0);
    assert_no_figures(m, 1, 2019);
    assert_int_equal(snplp_matrix_status(m, 1, 2019), SNPLP_CELL_NO_TARGET);
    assert_missing(m, 1, 2019, 0, "calpae-44", T);
    assert_coverage(m, 1, 2022, 0, 0); /* no convention concerned */
    assert_int_equal(snplp_matrix_status(m, 1, 2022), SNPLP_CELL_NO_TARGET);
    /* Sarthe's row with no values */
    assert_coverage(m, 2, 2019, 0, 0);
    assert_coverage(m, 2, 2020, 1, 0);
    assert_missing(m, 2, 2020, 0, "calpae-72", T | A);

    assert_int_equal(snplp_matrix_row_status_count(m, 0, SNPLP_CELL_PARTLY_REACHED), 2);
    assert_int_equal(snplp_matrix_row_status_count(m, 0, SNPLP_CELL_REACHED), 1);
    assert_int_equal(snplp_matrix_row_status_count(m, 0, SNPLP_CELL_ACTUAL_MISSING), 1);
    assert_int_equal(snplp_matrix_row_status_count(m, 1, SNPLP_CELL_NO_TARGET), 4);
    assert_int_equal(snplp_matrix_status_count(m, SNPLP_CELL_NO_TARGET), 8);
    assert_int_equal(snplp_matrix_status_count(m, SNPLP_CELL_NOT_AGGREGATED), 0);
    snplp_matrix_free(m);
    snplp_diagnostics_free(diags);
}

/* The sum is exact, at the largest scale, whatever the order of the terms. */
static void sums_exact(void **state)
{
    (void)state;
    snplp_convention *c[3] = {conv_new("calpae-49", "49", "Maine-et-Loire", 2020, 2021),
                              conv_new("calpae-44", "44", "Loire-Atlantique", 2020, 2021),
                              conv_new("calpae-72", "72", "Sarthe", 2020, 2021)};
    snplp_indicator *ind[3];
    for (int i = 0; i < 3; i++)
        ind[i] = ind_new(c[i], "ind-aides-financieres", "Aides financières versées aux familles",
                         SNPLP_UNIT_EUROS, SUM, NULL);
    values(ind[0], 2020, "12.5", "10.25");
    values(ind[1], 2020, "7.25", "7");
    values(ind[2], 2020, "0.001", "-0.25");
    /* the first two exceed a decimal, the third brings the sum back into range */
    values(ind[0], 2021, "9223372036854775807", "1");
    values(ind[1], 2021, "9223372036854775807", "2");
    values(ind[2], 2021, "-9223372036854775807", "3");
    snplp_matrix *m = synthesis(c, 3, NULL);
    assert_target(m, 0, 2020, dec(19751, 3));
    assert_actual(m, 0, 2020, dec(1700, 2));
    assert_target(m, 0, 2021, dec(M, 0));
    assert_actual(m, 0, 2021, dec(6, 0));
    assert_int_equal(snplp_matrix_status(m, 0, 2021), SNPLP_CELL_NOT_REACHED);
    snplp_matrix_free(m);
    unref_all(c, 3);
}

/* ---- weighted means ---- */

/* The exit rate of young people, weighted by the number of young people followed. */
static void mean_pair(snplp_convention **c, int32_t first, int32_t last)
{
    c[0] = conv_new("calpae-49", "49", "Maine-et-Loire", first, last);
    c[1] = conv_new("calpae-44", "44", "Loire-Atlantique", first, last);
}

static void weighted_mean(void **state)
{
    (void)state;
    snplp_convention *c[2];
    mean_pair(c, 2020, 2020);
    snplp_indicator *rate_a =
        ind_new(c[0], "ind-taux-sortie", "Taux de sortie positive des jeunes accompagnés",
                SNPLP_UNIT_PERCENT, MEAN, "ind-jeunes");
    snplp_indicator *young_a =
        ind_new(c[0], "ind-jeunes", "Jeunes accompagnés", SNPLP_UNIT_COUNT, SUM, NULL);
    /* the weight first in the other convention: rows follow the first convention */
    snplp_indicator *young_b =
        ind_new(c[1], "ind-jeunes", "Jeunes accompagnés", SNPLP_UNIT_COUNT, SUM, NULL);
    snplp_indicator *rate_b = ind_new(c[1], "ind-taux-sortie", "Taux de sortie positive",
                                      SNPLP_UNIT_PERCENT, MEAN, "ind-jeunes");
    values(rate_a, 2020, "60", "55.5");
    values(young_a, 2020, "100", "80");
    values(rate_b, 2020, "70", "62");
    values(young_b, 2020, "300", "120");
    snplp_diagnostics *diags = new_diags();
    snplp_matrix *m = synthesis(c, 2, diags);
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    assert_text(snplp_matrix_indicator_id(m, 0), "ind-taux-sortie");
    assert_text(snplp_matrix_indicator_id(m, 1), "ind-jeunes");
    /* (60 × 100 + 70 × 300) / 400 = 67.5, at 0 + 2 decimals */
    assert_target(m, 0, 2020, dec(6750, 2));
    /* (55.5 × 80 + 62 × 120) / 200 = 59.4, at 1 + 2 decimals */
    assert_actual(m, 0, 2020, dec(59400, 3));
    double rate = 0;
    assert_ok(snplp_matrix_rate(&rate, m, 0, 2020));
    assert_true(rate == 0.88);
    assert_int_equal(snplp_matrix_status(m, 0, 2020), SNPLP_CELL_PARTLY_REACHED);
    assert_coverage(m, 0, 2020, 2, 2);
    /* the weight itself, summed */
    assert_target(m, 1, 2020, dec(400, 0));
    assert_actual(m, 1, 2020, dec(200, 0));
    snplp_matrix_free(m);

    /* another threshold: 88% is not reached at 90 */
    snplp_decimal ninety = {90, 0};
    assert_ok(snplp_synthesis(&m, (const snplp_convention *const *)c, 2, &ninety, diags));
    assert_identical(snplp_matrix_threshold(m), ninety);
    assert_int_equal(snplp_matrix_status(m, 0, 2020), SNPLP_CELL_NOT_REACHED);
    snplp_matrix_free(m);
    snplp_diagnostics_free(diags);
    unref_all(c, 2);
}

/* Rounded half away from zero to two more decimals than the most precise value, at most 18. */
static void weighted_mean_rounding(void **state)
{
    (void)state;
    snplp_convention *c[2];
    mean_pair(c, 2019, 2022);
    snplp_indicator *v[2], *w[2];
    for (int i = 0; i < 2; i++) {
        v[i] = ind_new(c[i], "ind-ratio-accompagnement", "Ratio d'accompagnement global",
                       SNPLP_UNIT_RATIO, MEAN, "ind-menages");
        w[i] = ind_new(c[i], "ind-menages", "Ménages accompagnés", SNPLP_UNIT_COUNT, SUM, NULL);
    }
    /* 2019: 1/8 = 0.125 -> 0.13, and -0.125 -> -0.13 */
    values(v[0], 2019, "1", "-1");
    values(w[0], 2019, "1", "1");
    values(v[1], 2019, "0", "0");
    values(w[1], 2019, "7", "7");
    /* 2020: 1/3 -> 0.33, 2/3 -> 0.67 */
    values(v[0], 2020, "1", "2");
    values(w[0], 2020, "1", "1");
    values(v[1], 2020, "0", "0");
    values(w[1], 2020, "2", "2");
    /* 2021: scale 17 -> 18 (not 19); 0.5e-18 -> 1e-18 */
    values(v[0], 2021, "0.00000000000000001", "0.000000000000000001");
    values(w[0], 2021, "1", "1");
    values(v[1], 2021, "0.00000000000000000", "0.000000000000000000");
    values(w[1], 2021, "2", "1");
    /* 2022: decimal weights, a value of a larger scale in the other convention */
    values(v[0], 2022, "0.5", "0.75");
    values(w[0], 2022, "1.5", "0.5");
    values(v[1], 2022, "0.25", "0.5");
    values(w[1], 2022, "0.5", "1.5");
    snplp_matrix *m = synthesis(c, 2, NULL);
    assert_target(m, 0, 2019, dec(13, 2));
    assert_actual(m, 0, 2019, dec(-13, 2));
    double rate = 0;
    assert_ok(snplp_matrix_rate(&rate, m, 0, 2019));
    assert_true(rate == -1.0);
    assert_int_equal(snplp_matrix_status(m, 0, 2019), SNPLP_CELL_NOT_REACHED);
    assert_target(m, 0, 2020, dec(33, 2));
    assert_actual(m, 0, 2020, dec(67, 2));
    assert_target(m, 0, 2021, dec(3, 18));
    assert_actual(m, 0, 2021, dec(1, 18));
    /* (0.5 × 1.5 + 0.25 × 0.5) / 2 = 0.4375 at 4 decimals; (0.75 × 0.5 + 0.5 × 1.5) / 2 =
     * 0.5625 at 4 */
    assert_target(m, 0, 2022, dec(4375, 4));
    assert_actual(m, 0, 2022, dec(5625, 4));
    snplp_matrix_free(m);
    unref_all(c, 2);
}

/* A convention lacking a value of the weight does not cover the cell and is listed. */
static void weighted_mean_missing_weight(void **state)
{
    (void)state;
    snplp_convention *c[4] = {conv_new("calpae-49", "49", "Maine-et-Loire", 2020, 2020),
                              conv_new("calpae-44", "44", "Loire-Atlantique", 2020, 2020),
                              conv_new("calpae-72", "72", "Sarthe", 2020, 2020),
                              conv_new("calpae-53", "53", "Mayenne", 2020, 2020)};
    snplp_indicator *v[4];
    for (int i = 0; i < 4; i++)
        v[i] = ind_new(c[i], "ind-taux-sortie", "Taux de sortie positive des jeunes",
                       SNPLP_UNIT_PERCENT, MEAN, "ind-jeunes");
    snplp_indicator *w0 = ind_new(c[0], "ind-jeunes", "Jeunes", SNPLP_UNIT_COUNT, SUM, NULL);
    snplp_indicator *w1 = ind_new(c[1], "ind-jeunes", "Jeunes", SNPLP_UNIT_COUNT, SUM, NULL);
    snplp_indicator *w3 = ind_new(c[3], "ind-jeunes", "Jeunes", SNPLP_UNIT_COUNT, SUM, NULL);
    values(v[0], 2020, "60", "48");
    values(w0, 2020, "10", "10");
    values(v[1], 2020, "70", "70");
    values(w1, 2020, "20", NULL);   /* no actual of the weight */
    values(v[2], 2020, NULL, "30"); /* no target, no weight indicator at all */
    values(v[3], 2020, "50", NULL); /* no actual */
    values(w3, 2020, "40", "40");
    snplp_matrix *m = synthesis(c, 4, NULL);
    assert_coverage(m, 0, 2020, 4, 1);
    assert_target(m, 0, 2020, dec(6000, 2));
    assert_actual(m, 0, 2020, dec(4800, 2));
    assert_int_equal(snplp_matrix_status(m, 0, 2020), SNPLP_CELL_PARTLY_REACHED);
    assert_missing(m, 0, 2020, 0, "calpae-44", W);
    assert_missing(m, 0, 2020, 1, "calpae-72", T | W);
    assert_missing(m, 0, 2020, 2, "calpae-53", A);
    snplp_matrix_free(m);

    /* no convention covers it: no figures */
    assert_ok(snplp_indicator_clear_actual(w0, 2020));
    m = synthesis(c, 4, NULL);
    assert_coverage(m, 0, 2020, 4, 0);
    assert_no_figures(m, 0, 2020);
    assert_int_equal(snplp_matrix_status(m, 0, 2020), SNPLP_CELL_ACTUAL_MISSING);
    assert_missing(m, 0, 2020, 0, "calpae-49", W);
    snplp_matrix_free(m);
    unref_all(c, 4);
}

/* A total weight of zero gives no figure (no finding: it is no error of the data). */
static void weighted_mean_zero_weight(void **state)
{
    (void)state;
    snplp_convention *c[2];
    mean_pair(c, 2020, 2021);
    snplp_indicator *v[2], *w[2];
    for (int i = 0; i < 2; i++) {
        v[i] = ind_new(c[i], "ind-taux-sortie", "Taux de sortie positive", SNPLP_UNIT_PERCENT, MEAN,
                       "ind-jeunes");
        w[i] = ind_new(c[i], "ind-jeunes", "Jeunes accompagnés", SNPLP_UNIT_COUNT, SUM, NULL);
        values(v[i], 2020, "60", "50");
        values(v[i], 2021, "60", "50");
    }
    values(w[0], 2020, "0", "5");
    values(w[1], 2020, "0", "5");
    values(w[0], 2021, "3", "4");
    values(w[1], 2021, "5", "-4"); /* weights of opposite signs cancel out */
    snplp_diagnostics *diags = new_diags();
    snplp_matrix *m = synthesis(c, 2, diags);
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    /* covered by both, nothing lacking: not actual-missing (issue 16) but, with the statuses
     * of 1.2, not aggregated; never counted as missing */
    for (int32_t y = 2020; y <= 2021; y++) {
        assert_coverage(m, 0, y, 2, 2);
        assert_no_figures(m, 0, y);
        assert_int_equal(snplp_matrix_status(m, 0, y), SNPLP_CELL_NOT_AGGREGATED);
    }
    assert_int_equal(snplp_matrix_row_status_count(m, 0, SNPLP_CELL_ACTUAL_MISSING), 0);
    snplp_matrix_free(m);
    /* the dated synthesis says it: not computable */
    m = synthesis_at(c, 2, date(2023, 1, 1), diags);
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    for (int32_t y = 2020; y <= 2021; y++) {
        assert_coverage(m, 0, y, 2, 2);
        assert_no_figures(m, 0, y);
        assert_int_equal(snplp_matrix_status(m, 0, y), SNPLP_CELL_NOT_COMPUTABLE);
    }
    assert_int_equal(snplp_matrix_row_status_count(m, 0, SNPLP_CELL_NOT_COMPUTABLE), 2);
    assert_int_equal(snplp_matrix_status_count(m, SNPLP_CELL_ACTUAL_MISSING), 0);
    snplp_matrix_free(m);
    snplp_diagnostics_free(diags);
    unref_all(c, 2);
}

/* ---- dated syntheses (1.3) ---- */

/* On 30 June 2021 the 2021 reports are not due (31 March 2022): cells without any actual are
 * not-yet-due, not actual-missing; 2020's, due on 31 March 2021, are missing. */
static void dated_not_yet_due(void **state)
{
    (void)state;
    snplp_convention *c[2];
    mean_pair(c, 2020, 2021);
    for (int i = 0; i < 2; i++) {
        snplp_indicator *ind =
            ind_new(c[i], "ind-orientes", orient_label, SNPLP_UNIT_COUNT, SUM, NULL);
        values(ind, 2020, "100", NULL);
        values(ind, 2021, "120", NULL);
    }
    snplp_matrix *m = synthesis(c, 2, NULL);
    assert_int_equal(snplp_matrix_status(m, 0, 2021), SNPLP_CELL_ACTUAL_MISSING); /* undated */
    snplp_matrix_free(m);
    m = synthesis_at(c, 2, date(2021, 6, 30), NULL);
    assert_int_equal(snplp_matrix_status(m, 0, 2020), SNPLP_CELL_ACTUAL_MISSING);
    assert_int_equal(snplp_matrix_status(m, 0, 2021), SNPLP_CELL_NOT_YET_DUE);
    assert_int_equal(snplp_matrix_status_count(m, SNPLP_CELL_ACTUAL_MISSING), 1);
    assert_int_equal(snplp_matrix_status_count(m, SNPLP_CELL_NOT_YET_DUE), 1);
    snplp_matrix_free(m);
    /* one convention sent its 2021 report early (without the actual): no longer all not due */
    assert_ok(snplp_convention_set_report_sent(c[1], 2021, date(2022, 1, 15)));
    m = synthesis_at(c, 2, date(2022, 2, 1), NULL);
    assert_int_equal(snplp_matrix_status(m, 0, 2021), SNPLP_CELL_ACTUAL_MISSING);
    snplp_matrix_free(m);
    m = synthesis_at(c, 2, date(2022, 1, 14), NULL); /* before it was sent */
    assert_int_equal(snplp_matrix_status(m, 0, 2021), SNPLP_CELL_NOT_YET_DUE);
    snplp_matrix_free(m);
    /* the list variant, and an invalid date */
    snplp_convention_list *list = NULL;
    assert_ok(snplp_convention_list_new(&list));
    assert_ok(snplp_convention_list_add(list, c[0]));
    assert_ok(snplp_convention_list_synthesis_at(&m, list, date(2021, 6, 30), NULL, NULL));
    assert_int_equal(snplp_matrix_status(m, 0, 2021), SNPLP_CELL_NOT_YET_DUE);
    snplp_matrix_free(m);
    m = NULL;
    assert_fails(snplp_convention_list_synthesis_at(&m, list, date(2021, 2, 30), NULL, NULL),
                 SNPLP_EINVAL);
    assert_fails(snplp_synthesis_at(&m, (const snplp_convention *const *)c, 2, date(2021, 13, 1),
                                    NULL, NULL),
                 SNPLP_EINVAL);
    assert_null(m);
    snplp_convention_list_free(list);
    unref_all(c, 2);
}

/* A convention's rate declared as a quotient is derived where its actual is missing, and then
 * covers the cell of the synthesis. */
static void derived_quotient_covers(void **state)
{
    (void)state;
    snplp_convention *c[2];
    mean_pair(c, 2020, 2020);
    for (int i = 0; i < 2; i++) {
        snplp_indicator *rate = ind_new(c[i], "ind-taux", "Taux d'orientation", SNPLP_UNIT_PERCENT,
                                        MEAN, "ind-nouveaux");
        assert_ok(snplp_indicator_set_ratio_of(rate, "ind-orientes", "ind-nouveaux"));
        snplp_indicator *n =
            ind_new(c[i], "ind-orientes", orient_label, SNPLP_UNIT_COUNT, SUM, NULL);
        snplp_indicator *d =
            ind_new(c[i], "ind-nouveaux", "Nouveaux allocataires", SNPLP_UNIT_COUNT, SUM, NULL);
        values(rate, 2020, "80", i ? "75" : NULL); /* the first one's rate is not typed */
        values(n, 2020, "80", "60");
        values(d, 2020, "100", "100");
    }
    snplp_matrix *m = synthesis(c, 2, NULL);
    assert_coverage(m, 0, 2020, 2, 2);
    /* (60 × 100 + 75 × 100) / 200 = 67.5, at two more decimals */
    assert_actual(m, 0, 2020, dec(6750, 2));
    assert_false(snplp_matrix_actual_is_derived(m, 0, 2020)); /* synthesis cells: never */
    snplp_matrix_free(m);
    unref_all(c, 2);
}

/* ---- rows not aggregated ---- */

static void aggregation_none(void **state)
{
    (void)state;
    snplp_convention *c[2];
    mean_pair(c, 2019, 2021);
    for (int i = 0; i < 2; i++) {
        snplp_indicator *ind = ind_new(c[i], "ind-delai-orientation",
                                       "Délai moyen d'orientation des allocataires du RSA",
                                       SNPLP_UNIT_DAYS, NONE, NULL);
        assert_ok(snplp_indicator_set_polarity(ind, SNPLP_POLARITY_LOWER));
        values(ind, 2019, "30", "25");
        if (i == 0)
            values(ind, 2020, "30", NULL);
    }
    snplp_diagnostics *diags = new_diags();
    snplp_matrix *m = synthesis(c, 2, diags);
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    for (int32_t y = 2019; y <= 2021; y++) {
        assert_int_equal(snplp_matrix_status(m, 0, y), SNPLP_CELL_NOT_AGGREGATED);
        assert_no_figures(m, 0, y);
    }
    assert_coverage(m, 0, 2019, 2, 2);
    assert_coverage(m, 0, 2020, 2, 0);
    assert_missing(m, 0, 2020, 0, "calpae-49", A);
    assert_missing(m, 0, 2020, 1, "calpae-44", T | A);
    assert_int_equal(snplp_matrix_row_status_count(m, 0, SNPLP_CELL_NOT_AGGREGATED), 3);
    assert_int_equal(snplp_matrix_status_count(m, SNPLP_CELL_NOT_AGGREGATED), 3);
    snplp_matrix_free(m);

    /* in a convention's own matrix, the same indicator has statuses */
    assert_ok(snplp_convention_matrix(&m, c[0], NULL));
    assert_int_equal(snplp_matrix_status(m, 0, 2019), SNPLP_CELL_REACHED);
    assert_int_equal(snplp_matrix_status(m, 0, 2020), SNPLP_CELL_ACTUAL_MISSING);
    snplp_matrix_free(m);
    snplp_diagnostics_free(diags);
    unref_all(c, 2);
}

static void unit_mismatch(void **state)
{
    (void)state;
    snplp_convention *c[3] = {conv_new("calpae-49", "49", "Maine-et-Loire", 2020, 2020),
                              conv_new("calpae-44", "44", "Loire-Atlantique", 2020, 2020),
                              conv_new("calpae-72", "72", "Sarthe", 2020, 2020)};
    static const snplp_unit units[3] = {SNPLP_UNIT_COUNT, SNPLP_UNIT_PERCENT, SNPLP_UNIT_COUNT};
    for (int i = 0; i < 3; i++) {
        snplp_indicator *ind =
            ind_new(c[i], "ind-contrats-engagement", "Contrats d'engagement réciproque signés",
                    units[i], SUM, NULL);
        values(ind, 2020, "100", "90");
        ind = ind_new(c[i], "ind-jeunes", "Jeunes accompagnés", SNPLP_UNIT_COUNT, SUM, NULL);
        values(ind, 2020, "10", "10");
    }
    snplp_diagnostics *diags = new_diags();
    snplp_matrix *m = synthesis(c, 3, diags);
    assert_int_equal(snplp_diagnostics_count(diags), 1);
    assert_diag(diags, 0, SNPLP_DIAG_UNIT_MISMATCH, "calpae-44", "ind-contrats-engagement", 0);
    const char *msg = snplp_diagnostic_message(snplp_diagnostics_at(diags, 0));
    assert_non_null(strstr(msg, "percent"));
    assert_non_null(strstr(msg, "count"));
    assert_non_null(strstr(msg, "calpae-49"));
    assert_int_equal(snplp_matrix_unit(m, 0), SNPLP_UNIT_COUNT); /* the first convention's */
    assert_int_equal(snplp_matrix_status(m, 0, 2020), SNPLP_CELL_NOT_AGGREGATED);
    assert_no_figures(m, 0, 2020);
    assert_coverage(m, 0, 2020, 3, 3);
    /* the other row is aggregated */
    assert_target(m, 1, 2020, dec(30, 0));
    assert_int_equal(snplp_matrix_status(m, 1, 2020), SNPLP_CELL_REACHED);
    snplp_matrix_free(m);
    snplp_diagnostics_free(diags);
    unref_all(c, 3);
}

static void aggregation_mismatch(void **state)
{
    (void)state;
    snplp_convention *c[4] = {conv_new("calpae-49", "49", "Maine-et-Loire", 2020, 2020),
                              conv_new("calpae-44", "44", "Loire-Atlantique", 2020, 2020),
                              conv_new("calpae-72", "72", "Sarthe", 2020, 2020),
                              conv_new("calpae-85", "85", "Vendée", 2020, 2020)};
    /* sum, none, sum, sum */
    static const snplp_aggregation rules[4] = {SUM, NONE, SUM, SUM};
    for (int i = 0; i < 4; i++) {
        snplp_indicator *ind = ind_new(c[i], "ind-places-creches", "Places en crèche AVIP",
                                       SNPLP_UNIT_COUNT, rules[i], NULL);
        values(ind, 2020, "12", "12");
    }
    /* weighted means by different weights, and a sum */
    static const char *const weights[4] = {"ind-familles", "ind-familles", "ind-enfants", NULL};
    for (int i = 0; i < 4; i++) {
        snplp_indicator *ind = ind_new(c[i], "ind-taux-accueil", "Taux d'accueil des enfants",
                                       SNPLP_UNIT_PERCENT, weights[i] ? MEAN : SUM, weights[i]);
        values(ind, 2020, "20", "20");
        assert_ok(snplp_indicator_set_polarity(ind, i == 0 ? SNPLP_POLARITY_LOWER
                                                           : SNPLP_POLARITY_HIGHER));
    }
    snplp_diagnostics *diags = new_diags();
    snplp_matrix *m = synthesis(c, 4, diags);
    assert_int_equal(snplp_diagnostics_count(diags), 3);
    assert_diag(diags, 0, SNPLP_DIAG_AGGREGATION_MISMATCH, "calpae-44", "ind-places-creches", 0);
    assert_diag(diags, 1, SNPLP_DIAG_AGGREGATION_MISMATCH, "calpae-72", "ind-taux-accueil", 0);
    assert_non_null(
        strstr(snplp_diagnostic_message(snplp_diagnostics_at(diags, 1)), "ind-enfants"));
    assert_diag(diags, 2, SNPLP_DIAG_AGGREGATION_MISMATCH, "calpae-85", "ind-taux-accueil", 0);
    for (size_t r = 0; r < 2; r++) {
        assert_int_equal(snplp_matrix_status(m, r, 2020), SNPLP_CELL_NOT_AGGREGATED);
        assert_coverage(m, r, 2020, 4, 4);
    }
    assert_int_equal(snplp_matrix_polarity(m, 1), SNPLP_POLARITY_LOWER); /* the first's */
    snplp_matrix_free(m);
    snplp_diagnostics_free(diags);
    unref_all(c, 4);
}

/* ---- the set ---- */

static void duplicate_conventions(void **state)
{
    (void)state;
    snplp_convention *c[4] = {conv_new("calpae-49", "49", "Maine-et-Loire", 2019, 2021),
                              conv_new("calpae-44", "44", "Loire-Atlantique", 2019, 2021),
                              conv_new("calpae-49", "53", "Mayenne", 2018, 2022), NULL};
    c[3] = snplp_convention_ref(c[1]); /* the same convention twice */
    for (int i = 0; i < 3; i++) {
        snplp_indicator *ind =
            ind_new(c[i], "ind-orientation", orient_label, SNPLP_UNIT_COUNT, SUM, NULL);
        values(ind, 2020, "100", "100");
    }
    ind_new(c[2], "ind-mayenne", "Indicateur propre à la Mayenne", SNPLP_UNIT_COUNT, SUM, NULL);
    snplp_diagnostics *diags = new_diags();
    snplp_matrix *m = synthesis(c, 4, diags);
    assert_int_equal(snplp_diagnostics_count(diags), 2);
    assert_diag(diags, 0, SNPLP_DIAG_DUPLICATE_CONVENTION, "calpae-49", NULL, 0);
    assert_diag(diags, 1, SNPLP_DIAG_DUPLICATE_CONVENTION, "calpae-44", NULL, 0);
    /* the later ones are left out: their years, rows and values */
    assert_int_equal(snplp_matrix_convention_count(m), 2);
    assert_int_equal(snplp_matrix_first_year(m), 2019);
    assert_int_equal(snplp_matrix_year_count(m), 3);
    assert_int_equal(snplp_matrix_row_count(m), 1);
    assert_target(m, 0, 2020, dec(200, 0));
    assert_coverage(m, 0, 2020, 2, 2);
    snplp_matrix_free(m);
    snplp_diagnostics_free(diags);
    unref_all(c, 4);
}

static void aggregate_overflow(void **state)
{
    (void)state;
    snplp_convention *c[2];
    mean_pair(c, 2020, 2021);
    for (int i = 0; i < 2; i++) {
        snplp_indicator *ind =
            ind_new(c[i], "ind-montants", "Montants versés", SNPLP_UNIT_EUROS, SUM, NULL);
        values(ind, 2020, i ? "1" : "9223372036854775807", "1");
        /* in range at scale 0, not at the larger scale 1 */
        values(ind, 2021, i ? "0.1" : "922337203685477581", "1");
        snplp_indicator *mean = ind_new(c[i], "ind-montant-moyen", "Montant moyen par famille",
                                        SNPLP_UNIT_EUROS, MEAN, "ind-familles");
        snplp_indicator *fam =
            ind_new(c[i], "ind-familles", "Familles aidées", SNPLP_UNIT_COUNT, SUM, NULL);
        /* a mean of M needs two more decimals: beyond a decimal */
        values(mean, 2020, "1", "9223372036854775807");
        values(fam, 2020, "1", "1");
    }
    snplp_diagnostics *diags = new_diags();
    snplp_matrix *m = synthesis(c, 2, diags);
    assert_int_equal(snplp_diagnostics_count(diags), 3);
    assert_diag(diags, 0, SNPLP_DIAG_AGGREGATE_OVERFLOW, NULL, "ind-montants", 2020);
    assert_diag(diags, 1, SNPLP_DIAG_AGGREGATE_OVERFLOW, NULL, "ind-montants", 2021);
    assert_diag(diags, 2, SNPLP_DIAG_AGGREGATE_OVERFLOW, NULL, "ind-montant-moyen", 2020);
    assert_non_null(strstr(snplp_diagnostic_message(snplp_diagnostics_at(diags, 0)), "targets"));
    assert_non_null(
        strstr(snplp_diagnostic_message(snplp_diagnostics_at(diags, 2)), "actual values"));
    for (int32_t y = 2020; y <= 2021; y++) {
        assert_no_figures(m, 0, y);
        assert_coverage(m, 0, y, 2, 2); /* nothing lacking: no convention listed */
        assert_int_equal(snplp_matrix_status(m, 0, y), SNPLP_CELL_NOT_AGGREGATED);
    }
    assert_no_figures(m, 1, 2020);
    assert_int_equal(snplp_matrix_status(m, 1, 2020), SNPLP_CELL_NOT_AGGREGATED);
    assert_target(m, 2, 2020, dec(2, 0));
    assert_int_equal(snplp_matrix_status_count(m, SNPLP_CELL_ACTUAL_MISSING), 0);
    snplp_matrix_free(m);

    /* dated: not computable, never missing; the same findings */
    snplp_diagnostics_free(diags);
    diags = new_diags();
    m = synthesis_at(c, 2, date(2021, 6, 30), diags);
    assert_int_equal(snplp_diagnostics_count(diags), 3);
    for (int32_t y = 2020; y <= 2021; y++) {
        assert_no_figures(m, 0, y);
        assert_coverage(m, 0, y, 2, 2);
        assert_int_equal(snplp_matrix_status(m, 0, y), SNPLP_CELL_NOT_COMPUTABLE);
    }
    assert_int_equal(snplp_matrix_status(m, 1, 2020), SNPLP_CELL_NOT_COMPUTABLE);
    assert_int_equal(snplp_matrix_status_count(m, SNPLP_CELL_ACTUAL_MISSING), 0);
    snplp_matrix_free(m);

    /* without a list, the findings are dropped and the matrix is the same */
    m = synthesis(c, 2, NULL);
    assert_no_figures(m, 0, 2020);
    snplp_matrix_free(m);
    snplp_diagnostics_free(diags);
    unref_all(c, 2);
}

static void year_spans(void **state)
{
    (void)state;
    snplp_convention *c[3] = {conv_new("calpae-72", "72", "Sarthe", 2020, 2022),
                              conv_new("calpae-49", "49", "Maine-et-Loire", 2019, 2021),
                              conv_new("calpae-85", "85", "Vendée", 2021, 2021)};
    for (int i = 0; i < 3; i++) {
        snplp_indicator *ind =
            ind_new(c[i], "ind-orientation", orient_label, SNPLP_UNIT_COUNT, SUM, NULL);
        for (int32_t y = 2018; y <= 2023; y++)
            values(ind, y, "10", "10");
    }
    snplp_matrix *m = synthesis(c, 3, NULL);
    assert_int_equal(snplp_matrix_first_year(m), 2019);
    assert_int_equal(snplp_matrix_year_count(m), 4);
    static const size_t expected[4] = {1, 2, 3, 1};
    for (int32_t y = 2019; y <= 2022; y++) {
        assert_coverage(m, 0, y, expected[y - 2019], expected[y - 2019]);
        assert_target(m, 0, y, dec(10 * (int64_t)expected[y - 2019], 0));
    }
    assert_int_equal(snplp_matrix_status(m, 0, 2018), SNPLP_CELL_NONE);
    assert_int_equal(snplp_matrix_status(m, 0, 2023), SNPLP_CELL_NONE);
    snplp_matrix_free(m);

    /* one convention: the same figures as its own matrix */
    snplp_matrix *own = NULL;
    assert_ok(snplp_convention_matrix(&own, c[0], NULL));
    m = synthesis(c, 1, NULL);
    assert_int_equal(snplp_matrix_first_year(m), snplp_matrix_first_year(own));
    assert_int_equal(snplp_matrix_year_count(m), snplp_matrix_year_count(own));
    for (int32_t y = 2020; y <= 2022; y++) {
        assert_int_equal(snplp_matrix_status(m, 0, y), snplp_matrix_status(own, 0, y));
        assert_int_equal(snplp_matrix_covered(m, 0, y), snplp_matrix_covered(own, 0, y));
    }
    snplp_matrix_free(own);
    snplp_matrix_free(m);
    unref_all(c, 3);
}

static void no_conventions(void **state)
{
    (void)state;
    snplp_diagnostics *diags = new_diags();
    snplp_matrix *m = NULL;
    assert_ok(snplp_synthesis(&m, NULL, 0, NULL, diags));
    assert_non_null(m);
    assert_int_equal(snplp_matrix_convention_count(m), 0);
    assert_int_equal(snplp_matrix_row_count(m), 0);
    assert_int_equal(snplp_matrix_year_count(m), 0);
    assert_int_equal(snplp_matrix_first_year(m), 0);
    assert_int_equal(snplp_matrix_status(m, 0, 2020), SNPLP_CELL_NONE);
    assert_int_equal(snplp_matrix_status_count(m, SNPLP_CELL_NO_TARGET), 0);
    assert_identical(snplp_matrix_threshold(m), dec(80, 0));
    snplp_matrix_free(m);
    snplp_convention *c = conv_new("calpae-49", "49", "Maine-et-Loire", 2019, 2021);
    const snplp_convention *set[1] = {c};
    m = NULL;
    assert_ok(snplp_synthesis(&m, set, 0, NULL, NULL));
    assert_int_equal(snplp_matrix_row_count(m), 0);
    snplp_matrix_free(m);
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    snplp_diagnostics_free(diags);
    snplp_convention_unref(c);
}

static void refused_arguments(void **state)
{
    (void)state;
    snplp_convention *c = conv_new("calpae-49", "49", "Maine-et-Loire", 2019, 2021);
    snplp_convention *no_years = conv_new("calpae-44", "44", "Loire-Atlantique", 0, 0);
    snplp_indicator *ind = ind_new(c, "ind-orientation", orient_label, SNPLP_UNIT_COUNT, SUM, NULL);
    snplp_diagnostics *diags = new_diags();
    snplp_matrix *m = NULL;
    snplp_matrix *const sentinel = (snplp_matrix *)&m;
    const snplp_convention *ok[2] = {c, c}; /* a duplicate: a finding, were it accepted */
    const snplp_convention *with_null[2] = {c, NULL};
    const snplp_convention *unset[2] = {c, no_years};
    const snplp_convention *wrong[1] = {(const snplp_convention *)ind};
    static const snplp_decimal bad_thresholds[] = {{0, 0}, {10001, 2}, {-80, 0}, {1, 19}};

    m = sentinel;
    assert_fails(snplp_synthesis(NULL, ok, 2, NULL, diags), SNPLP_EINVAL);
    assert_fails(snplp_synthesis(&m, NULL, 2, NULL, diags), SNPLP_EINVAL);
    assert_fails(snplp_synthesis(&m, with_null, 2, NULL, diags), SNPLP_EINVAL);
    assert_fails(snplp_synthesis(&m, unset, 2, NULL, diags), SNPLP_EINVAL);
    assert_fails(snplp_synthesis(&m, wrong, 1, NULL, diags), SNPLP_EINVAL);
    for (size_t i = 0; i < COUNT_OF(bad_thresholds); i++)
        assert_fails(snplp_synthesis(&m, ok, 2, &bad_thresholds[i], diags), SNPLP_EINVAL);
    assert_ptr_equal(m, sentinel);
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    snplp_diagnostics_free(diags);
    snplp_convention_unref(no_years);
    snplp_convention_unref(c);
}

/* ---- out of memory ---- */

typedef struct oom_ctx {
    const snplp_convention *const *set;
    size_t count;
    bool with_diags;
    snplp_matrix *matrix;
    snplp_diagnostics *diags;
} oom_ctx;

static int oom_step(void *p)
{
    oom_ctx *ctx = p;
    snplp_diagnostics *diags = NULL;
    if (ctx->with_diags) {
        int rc = snplp_diagnostics_new(&diags);
        if (rc)
            return rc;
    }
    int rc = snplp_synthesis(&ctx->matrix, ctx->set, ctx->count, NULL, diags);
    if (rc)
        snplp_diagnostics_free(diags);
    else
        ctx->diags = diags;
    return rc;
}

static void oom_check(void *p)
{
    oom_ctx *ctx = p;
    assert_null(ctx->matrix);
}

static void out_of_memory(void **state)
{
    (void)state;
    snplp_convention *c[5] = {conv_new("calpae-49", "49", "Maine-et-Loire", 2019, 2021),
                              conv_new("calpae-44", "44", "Loire-Atlantique", 2019, 2021),
                              conv_new("calpae-72", "72", "Sarthe", 2020, 2022),
                              conv_new("calpae-49", "53", "Mayenne", 2020, 2022), NULL};
    c[4] = snplp_convention_ref(c[2]);
    static const snplp_unit units[4] = {SNPLP_UNIT_COUNT, SNPLP_UNIT_COUNT, SNPLP_UNIT_PERCENT,
                                        SNPLP_UNIT_COUNT};
    char id[32];
    for (int i = 0; i < 4; i++) {
        snplp_indicator *sum = ind_new(c[i], "ind-orientation", orient_label, units[i], SUM, NULL);
        snplp_indicator *mean = ind_new(c[i], "ind-taux-sortie", "Taux de sortie positive",
                                        SNPLP_UNIT_PERCENT, MEAN, "ind-jeunes");
        snplp_indicator *w =
            ind_new(c[i], "ind-jeunes", "Jeunes accompagnés", SNPLP_UNIT_COUNT, SUM, NULL);
        snplp_indicator *big =
            ind_new(c[i], "ind-montants", "Montants versés", SNPLP_UNIT_EUROS, SUM, NULL);
        values(sum, 2020, "100", i == 1 ? NULL : "90");
        values(mean, 2020, "60", "55.5");
        values(w, 2020, "10", i == 0 ? NULL : "12");
        values(big, 2021, "9223372036854775807", "1");
        /* many cells without values: the missing lists grow */
        for (int k = 0; k < 4; k++) {
            snprintf(id, sizeof id, "ind-vide-%d", k);
            ind_new(c[i], id, "Indicateur sans valeurs", SNPLP_UNIT_COUNT, SUM, NULL);
        }
    }
    const snplp_convention *const *set = (const snplp_convention *const *)c;
    for (int with_diags = 0; with_diags < 2; with_diags++) {
        oom_ctx ctx = {set, 5, with_diags != 0, NULL, NULL};
        int failures = test_oom_sweep(oom_step, oom_check, &ctx);
        assert_true(failures > 5);
        assert_non_null(ctx.matrix);
        assert_int_equal(snplp_matrix_convention_count(ctx.matrix), 3);
        assert_int_equal(snplp_matrix_row_count(ctx.matrix), 8);
        assert_int_equal(snplp_matrix_status(ctx.matrix, 0, 2020), SNPLP_CELL_NOT_AGGREGATED);
        assert_coverage(ctx.matrix, 1, 2020, 3, 2);
        if (with_diags) {
            /* two duplicates, a unit mismatch, an overflow */
            assert_int_equal(snplp_diagnostics_count(ctx.diags), 4);
            assert_diag(ctx.diags, 2, SNPLP_DIAG_UNIT_MISMATCH, "calpae-72", "ind-orientation", 0);
            assert_diag(ctx.diags, 3, SNPLP_DIAG_AGGREGATE_OVERFLOW, NULL, "ind-montants", 2021);
        }
        snplp_matrix_free(ctx.matrix);
        snplp_diagnostics_free(ctx.diags);
    }
    unref_all(c, 5);
}

/* ---- a large set against a plain reference ---- */

/* A deterministic pseudo-random number below n (xorshift). */
static uint32_t next_random(uint32_t *x, uint32_t n)
{
    *x ^= *x << 13;
    *x ^= *x >> 17;
    *x ^= *x << 5;
    return *x % n;
}

#define REF_CONVS 60
#define REF_INDS  12

/* 60 conventions over spans of 1 to 6 years between 2000 and 2030 given in no order of years,
 * some ids given twice (not next to each other), each with some of 12 indicators added in its
 * own order (sums, a weighted mean and its weight, one not aggregated), values missing here and
 * there: every cell's coverage, missing list (in the order of the set) and sum is checked
 * against a plain computation over every convention, and the findings against their order. */
static void large_set_against_reference(void **state)
{
    (void)state;
    snplp_convention *c[REF_CONVS];
    bool has[REF_CONVS][REF_INDS];
    bool dup[REF_CONVS];
    uint32_t x = 2463534242u;
    char id[32];
    for (int k = 0; k < REF_CONVS; k++) {
        int32_t first = 2000 + (int32_t)next_random(&x, 25);
        int32_t last = first + (int32_t)next_random(&x, 6);
        dup[k] = k >= 10 && k % 9 == 0; /* the id of convention k - 7 */
        snprintf(id, sizeof id, "calpae-%d", dup[k] ? k - 7 : k);
        c[k] = conv_new(id, "49", "Maine-et-Loire", first, last);
        int start = (int)next_random(&x, REF_INDS);
        for (int j = 0; j < REF_INDS; j++) {
            int i = (start + j) % REF_INDS;
            has[k][i] = next_random(&x, 4) != 0 || i == 10; /* the weight is everywhere */
            if (!has[k][i])
                continue;
            snprintf(id, sizeof id, "ind-%d", i);
            snplp_aggregation rule = i == 9 ? MEAN : i == 11 ? NONE : SUM;
            snplp_indicator *ind =
                ind_new(c[k], id, "Indicateur", SNPLP_UNIT_COUNT, rule, i == 9 ? "ind-10" : NULL);
            for (int32_t y = first - 1; y <= last + 1; y++) {
                char t[16], a[16];
                snprintf(t, sizeof t, "%d", (int)next_random(&x, 1000) + (i == 10));
                snprintf(a, sizeof a, "%d", (int)next_random(&x, 1000) + (i == 10));
                uint32_t r = next_random(&x, 10);
                values(ind, y, r == 0 ? NULL : t, r == 1 ? NULL : a);
            }
        }
    }
    snplp_diagnostics *diags = new_diags();
    snplp_matrix *m = synthesis(c, REF_CONVS, diags);

    /* the conventions kept, in order; the findings: one per duplicate, in order */
    size_t kept[REF_CONVS], nkept = 0, ndiags = 0;
    for (int k = 0; k < REF_CONVS; k++) {
        if (!dup[k]) {
            kept[nkept++] = (size_t)k;
            continue;
        }
        assert_diag(diags, ndiags++, SNPLP_DIAG_DUPLICATE_CONVENTION, snplp_convention_id(c[k]),
                    NULL, 0);
    }
    assert_int_equal(snplp_diagnostics_count(diags), ndiags);
    assert_int_equal(snplp_matrix_convention_count(m), nkept);
    /* the rows, in order of first appearance among the conventions kept */
    size_t nrows = 0;
    int row_ind[REF_INDS];
    for (size_t j = 0; j < nkept; j++) {
        const snplp_convention *conv = c[kept[j]];
        for (size_t n = 0; n < snplp_convention_indicator_count(conv); n++) {
            const char *iid = snplp_indicator_id(snplp_convention_indicator_at(conv, n));
            int i = atoi(iid + 4);
            bool seen = false;
            for (size_t r = 0; r < nrows; r++)
                seen |= row_ind[r] == i;
            if (!seen)
                row_ind[nrows++] = i;
        }
    }
    assert_int_equal(snplp_matrix_row_count(m), nrows);
    int32_t y0 = snplp_matrix_first_year(m);
    size_t years = snplp_matrix_year_count(m);
    for (size_t r = 0; r < nrows; r++) {
        int i = row_ind[r];
        snprintf(id, sizeof id, "ind-%d", i);
        assert_string_equal(snplp_matrix_indicator_id(m, r), id);
        for (int32_t y = y0; y < y0 + (int32_t)years; y++) {
            size_t expected = 0, covered = 0, missing = 0;
            int64_t target = 0, actual = 0;
            for (size_t j = 0; j < nkept; j++) {
                const snplp_convention *conv = c[kept[j]];
                if (!has[kept[j]][i] || y < snplp_convention_first_year(conv) ||
                    y > snplp_convention_last_year(conv))
                    continue;
                expected++;
                const snplp_indicator *ind = snplp_convention_indicator_find(conv, id);
                snplp_decimal t, a, wt, wa;
                unsigned what = 0;
                if (snplp_indicator_target(&t, ind, y) != SNPLP_OK)
                    what |= T;
                if (snplp_indicator_actual(&a, ind, y) != SNPLP_OK)
                    what |= A;
                if (i == 9) {
                    const snplp_indicator *w = snplp_convention_indicator_find(conv, "ind-10");
                    if (snplp_indicator_target(&wt, w, y) != SNPLP_OK ||
                        snplp_indicator_actual(&wa, w, y) != SNPLP_OK)
                        what |= W;
                }
                snplp_error_clear();
                if (what) {
                    assert_missing(m, r, y, missing++, snplp_convention_id(conv), what);
                    continue;
                }
                covered++;
                target += t.units;
                actual += a.units;
            }
            assert_coverage(m, r, y, expected, covered);
            snplp_cell_status status = snplp_matrix_status(m, r, y);
            if (i == 11) {
                assert_int_equal(status, SNPLP_CELL_NOT_AGGREGATED);
            } else if (covered && i != 9) {
                assert_target(m, r, y, dec(target, 0));
                assert_actual(m, r, y, dec(actual, 0));
            } else if (!covered) {
                assert_true(status == SNPLP_CELL_NO_TARGET || status == SNPLP_CELL_ACTUAL_MISSING);
            }
        }
    }
    snplp_matrix_free(m);
    snplp_diagnostics_free(diags);
    unref_all(c, REF_CONVS);
}

/* ---- the findings in French ---- */

#define NBSP "\xc2\xa0"      /* U+00A0 */
#define LAQ  "\xc2\xab" NBSP /* « and its space */
#define RAQ  NBSP "\xc2\xbb"

static void assert_has_text(const char *s, const char *part)
{
    if (!strstr(s, part))
        print_error("\"%s\" lacks \"%s\"\n", s, part);
    assert_non_null(strstr(s, part));
}

/* In a list set to French, the findings of a synthesis read as French (units and rules in
 * words), with their message ids and parameters: positions as integers, units and rules as
 * the choices they are, weights as ids. */
static void findings_in_french(void **state)
{
    (void)state;
    snplp_convention *c[3] = {conv_new("calpae-49", "49", "Maine-et-Loire", 2020, 2020),
                              conv_new("calpae-44", "44", "Loire-Atlantique", 2020, 2020),
                              conv_new("calpae-49", "53", "Mayenne", 2020, 2020)};
    static const char *const weights[2] = {"ind-familles", "ind-enfants"};
    for (int i = 0; i < 2; i++) {
        ind_new(c[i], "ind-contrats",
                "Contrats d'engagement r\xc3\xa9"
                "ciproque sign\xc3\xa9s",
                i ? SNPLP_UNIT_PERCENT : SNPLP_UNIT_COUNT, SUM, NULL);
        ind_new(c[i], "ind-taux", "Taux d'accueil des enfants", SNPLP_UNIT_PERCENT, MEAN,
                weights[i]);
    }
    snplp_diagnostics *diags = new_diags();
    assert_ok(snplp_diagnostics_set_language(diags, SNPLP_LANGUAGE_FR));
    snplp_matrix *m = synthesis(c, 3, diags);
    assert_int_equal(snplp_diagnostics_count(diags), 3);
    assert_diag(diags, 0, SNPLP_DIAG_DUPLICATE_CONVENTION, "calpae-49", NULL, 0);
    assert_diag(diags, 1, SNPLP_DIAG_UNIT_MISMATCH, "calpae-44", "ind-contrats", 0);
    assert_diag(diags, 2, SNPLP_DIAG_AGGREGATION_MISMATCH, "calpae-44", "ind-taux", 0);

    const snplp_diagnostic *g = snplp_diagnostics_at(diags, 0);
    assert_string_equal(snplp_diagnostic_message_id(g), "duplicate-convention/convention");
    assert_string_equal(snplp_diagnostic_param(g, "earlier"), "0");
    assert_string_equal(snplp_diagnostic_param(g, "later"), "2");
    assert_int_equal(snplp_diagnostic_param_type(g, 1), SNPLP_PARAM_INTEGER);
    assert_has_text(snplp_diagnostic_message(g),
                    "la convention " LAQ "calpae-49" RAQ " est donn\xc3\xa9"
                    "e deux fois (positions 0 et 2 de l\xe2\x80\x99"
                    "ensemble");

    g = snplp_diagnostics_at(diags, 1);
    assert_string_equal(snplp_diagnostic_message_id(g), "unit-mismatch/indicator");
    assert_string_equal(snplp_diagnostic_param(g, "unit"), "percent");
    assert_string_equal(snplp_diagnostic_param(g, "first_unit"), "count");
    assert_string_equal(snplp_diagnostic_param(g, "first_convention"), "calpae-49");
    assert_has_text(snplp_diagnostic_message(g),
                    "a pour unit\xc3\xa9 le pourcentage dans la convention " LAQ "calpae-44" RAQ
                    " mais le nombre dans la convention " LAQ "calpae-49" RAQ
                    ", la premi\xc3\xa8re qui l\xe2\x80\x99"
                    "a");

    g = snplp_diagnostics_at(diags, 2);
    assert_string_equal(snplp_diagnostic_message_id(g), "aggregation-mismatch/indicator");
    assert_string_equal(snplp_diagnostic_param(g, "rule"), "weighted_mean");
    assert_string_equal(snplp_diagnostic_param(g, "weighted"), "yes");
    assert_string_equal(snplp_diagnostic_param(g, "weight"), "ind-enfants");
    assert_string_equal(snplp_diagnostic_param(g, "first_weight"), "ind-familles");
    assert_has_text(snplp_diagnostic_message(g),
                    "est agr\xc3\xa9g\xc3\xa9 par moyenne pond\xc3\xa9r\xc3\xa9"
                    "e selon " LAQ "ind-enfants" RAQ " dans la convention " LAQ "calpae-44" RAQ
                    " mais par moyenne pond\xc3\xa9r\xc3\xa9"
                    "e selon " LAQ "ind-familles" RAQ);
    char *en = NULL;
    assert_ok(snplp_diagnostic_render(g, SNPLP_LANGUAGE_EN, &en));
    assert_has_text(en, "indicator 'ind-taux' is aggregated by weighted-mean weighted by "
                        "'ind-enfants' in convention 'calpae-44' but by weighted-mean weighted by "
                        "'ind-familles' in convention 'calpae-49', the first that has it");
    snplp_free(en);
    snplp_matrix_free(m);
    snplp_diagnostics_free(diags);
    unref_all(c, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sums_never_read_missing_as_zero),
        cmocka_unit_test(sums_exact),
        cmocka_unit_test(weighted_mean),
        cmocka_unit_test(weighted_mean_rounding),
        cmocka_unit_test(weighted_mean_missing_weight),
        cmocka_unit_test(weighted_mean_zero_weight),
        cmocka_unit_test(dated_not_yet_due),
        cmocka_unit_test(derived_quotient_covers),
        cmocka_unit_test(aggregation_none),
        cmocka_unit_test(unit_mismatch),
        cmocka_unit_test(aggregation_mismatch),
        cmocka_unit_test(duplicate_conventions),
        cmocka_unit_test(aggregate_overflow),
        cmocka_unit_test(year_spans),
        cmocka_unit_test(no_conventions),
        cmocka_unit_test(refused_arguments),
        cmocka_unit_test(out_of_memory),
        cmocka_unit_test(large_set_against_reference),
        cmocka_unit_test(findings_in_french),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
