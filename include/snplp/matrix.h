/**
 * @file matrix.h
 * @brief The follow-up matrix: indicators × years, each cell with its target, actual,
 *        achievement rate and status, with counts per status.
 *
 * A matrix is computed from one convention (snplp_convention_matrix()) or from a set of them
 * (snplp_synthesis(), synthesis.h); it is a snapshot that the caller owns and frees, independent
 * of the conventions afterwards. Rows are indicators (in the convention's order; for a synthesis,
 * in order of first appearance), columns the years from the first to the last year.
 *
 * Achievement rate of a cell with a target and an actual (t, a):
 * - higher is better: a / t (may pass 100%, and is below 0 when a is); with t ≤ 0: 100% if
 *   a ≥ t, else 0;
 * - lower is better: 100% if a ≤ t, else t / a (with t ≤ 0 or a ≤ 0 then: 0);
 * - exact target: 100% if a = t, else 1 − |a − t| / |t| floored at 0 (0 when t = 0).
 *
 * Status of a cell: #SNPLP_CELL_NO_TARGET without a target; #SNPLP_CELL_ACTUAL_MISSING with a
 * target but no actual; otherwise #SNPLP_CELL_REACHED when the rate is 100% or more,
 * #SNPLP_CELL_PARTLY_REACHED when it is at or above the threshold, #SNPLP_CELL_NOT_REACHED
 * below. Statuses are decided on the exact decimal values (the rate, a `double`, is for
 * display): a rate of exactly 80% is partly reached with the default threshold, whatever
 * rounding a `double` would do.
 *
 * Dated matrices (1.3). snplp_convention_matrix() and snplp_synthesis() take no date: a target
 * without an actual is #SNPLP_CELL_ACTUAL_MISSING even for a year whose execution report is not
 * due yet. Their dated variants, snplp_convention_matrix_at() and snplp_synthesis_at(), give
 * such a cell #SNPLP_CELL_NOT_YET_DUE instead: the report on the year is not yet due at the date
 * (#SNPLP_REPORT_NOT_YET_DUE, report.h: not sent by the date, and the date on or before 31 March
 * of the next year). A not-yet-due cell never counts as actual-missing. The undated entry points
 * keep returning only the statuses below #SNPLP_CELL_STATUS_COUNT, as in 1.2.
 *
 * Rates declared as a quotient (1.3). An indicator declared the quotient of two others
 * (snplp_indicator_set_ratio_of()) that has a target but no actual in a year gets its actual
 * derived from the actuals of its numerator and its denominator in that year: n / d (× 100 when
 * the indicator's unit is percent), computed exactly, then rounded half away from zero to the
 * scale of the indicator's target of that year (a target of "62.5" gives one decimal). There is
 * no derived value without that target, without either actual, or when the denominator's
 * actual is zero. The derived value stands for the actual in every matrix (and synthesis):
 * snplp_matrix_actual() gives it and snplp_matrix_actual_is_derived() tells it apart; a typed
 * actual always wins. snplp_convention_validate() reports a typed actual that differs from the
 * derived value by more than one unit of that scale (#SNPLP_DIAG_QUOTIENT_MISMATCH).
 */
#ifndef SNPLP_MATRIX_H
#define SNPLP_MATRIX_H

#include <snplp/common.h>
#include <snplp/date.h>
#include <snplp/decimal.h>
#include <snplp/indicator.h>

SNPLP_BEGIN_DECLS

/** @brief The status of a matrix cell. Values are part of the ABI. */
typedef enum snplp_cell_status {
    SNPLP_CELL_NONE = 0,           /**< no such cell (NULL matrix, row or year out of range) */
    SNPLP_CELL_REACHED = 1,        /**< the target is reached (rate 100% or more) */
    SNPLP_CELL_PARTLY_REACHED = 2, /**< rate at or above the threshold, below 100% */
    SNPLP_CELL_NOT_REACHED = 3,    /**< rate below the threshold */
    SNPLP_CELL_NO_TARGET = 4,      /**< no target for the year */
    SNPLP_CELL_ACTUAL_MISSING = 5, /**< a target but no actual value */
    SNPLP_CELL_NOT_AGGREGATED = 6, /**< synthesis only: the indicator has no aggregation rule,
                                        or its conventions disagree on its unit or rule; with
                                        snplp_synthesis() (undated) also a cell whose aggregate
                                        cannot be computed (see #SNPLP_CELL_NOT_COMPUTABLE) */
    SNPLP_CELL_NOT_YET_DUE = 7,    /**< (1.3, dated entry points only) a target but no actual,
                                        and the report on the year is not yet due at the date */
    SNPLP_CELL_NOT_COMPUTABLE = 8  /**< (1.3, snplp_synthesis_at() only) conventions cover the
                                        cell but its aggregate cannot be computed: beyond the
                                        range of a decimal, or weights summing to zero */
} snplp_cell_status;

/**
 * @brief One more than the largest status of 1.2 (#SNPLP_CELL_NOT_AGGREGATED), to size arrays
 *        of counts of the undated entry points' statuses.
 *
 * Kept at 7 for the ABI: programs built against 1.2 size arrays with it and loop up to it, and
 * the undated entry points (snplp_convention_matrix(), snplp_synthesis()) never return a status
 * at or above it. A program that calls the dated entry points sizes its arrays with
 * #SNPLP_CELL_STATUS_COUNT_1_3.
 */
#define SNPLP_CELL_STATUS_COUNT 7

/**
 * @brief One more than the largest #snplp_cell_status of 1.3 (#SNPLP_CELL_NOT_COMPUTABLE): the
 *        size of an array of counts for every status the dated entry points return.
 *        A later version adding statuses defines its own `SNPLP_CELL_STATUS_COUNT_x_y`.
 * @since 1.3
 */
#define SNPLP_CELL_STATUS_COUNT_1_3 9

/**
 * @brief "reached", "partly-reached", "not-reached", "no-target", "actual-missing",
 *        "not-aggregated", "not-yet-due" (1.3), "not-computable" (1.3); "none" for any other
 *        value.
 */
SNPLP_API const char *snplp_cell_status_name(snplp_cell_status status);

/** @brief The default threshold of "partly reached": 80 (percent). */
#define SNPLP_MATRIX_DEFAULT_THRESHOLD 80

/**
 * @brief Checks a threshold of "partly reached" as snplp_convention_matrix() and snplp_synthesis()
 *        would: a valid decimal above 0 and at most 100 (percent), any scale. A program that
 *        reads one from its user (the `snplp` program's `--threshold`) checks it with this.
 * @param threshold_percent the threshold; NULL stands for #SNPLP_MATRIX_DEFAULT_THRESHOLD.
 * @return #SNPLP_OK; #SNPLP_EINVAL with the reason (snplp_error_last_reason()) otherwise.
 * @since 1.2
 */
SNPLP_API int snplp_matrix_check_threshold(const snplp_decimal *threshold_percent);

/**
 * @brief Computes the matrix of one convention.
 *
 * @param[out] out receives the matrix (free with snplp_matrix_free()).
 * @param conv the convention; its years must be set.
 * @param threshold_percent the rate, in percent, from which a cell is partly reached: above 0
 *        and at most 100, any scale (e.g. `{825, 1}` for 82.5%); NULL for
 *        #SNPLP_MATRIX_DEFAULT_THRESHOLD.
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL, years unset, threshold out of range); #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_convention_matrix(snplp_matrix **out, const snplp_convention *conv,
                                      const snplp_decimal *threshold_percent);

/**
 * @brief Computes the matrix of one convention at a date: as snplp_convention_matrix(), except
 *        that a cell with a target but no actual whose report is not yet due at @p at is
 *        #SNPLP_CELL_NOT_YET_DUE (not #SNPLP_CELL_ACTUAL_MISSING).
 *
 * @param[out] out receives the matrix (free with snplp_matrix_free()).
 * @param conv the convention; its years must be set.
 * @param at the date the matrix describes (e.g. today, or the `--at` of `snplp report`).
 * @param threshold_percent as for snplp_convention_matrix(); NULL for the default (80).
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL, years unset, invalid date, threshold out of range);
 *         #SNPLP_ENOMEM.
 * @since 1.3
 */
SNPLP_API int snplp_convention_matrix_at(snplp_matrix **out, const snplp_convention *conv,
                                         snplp_date at, const snplp_decimal *threshold_percent);

/** @brief Frees a matrix. NULL is a no-op. */
SNPLP_API void snplp_matrix_free(snplp_matrix *matrix);

/** @brief The threshold the matrix was computed with, in percent (`{0, 0}` for NULL). */
SNPLP_API snplp_decimal snplp_matrix_threshold(const snplp_matrix *matrix);

/** @brief The number of conventions the matrix was computed from (1 for a convention's; for a
 *         synthesis, duplicates left out are not counted). */
SNPLP_API size_t snplp_matrix_convention_count(const snplp_matrix *matrix);

/** @brief The number of rows (indicators); 0 for NULL. */
SNPLP_API size_t snplp_matrix_row_count(const snplp_matrix *matrix);

/** @brief The first year (column 0); 0 for NULL. */
SNPLP_API int32_t snplp_matrix_first_year(const snplp_matrix *matrix);

/** @brief The number of years (columns); 0 for NULL. */
SNPLP_API size_t snplp_matrix_year_count(const snplp_matrix *matrix);

/** @brief The id of the indicator of row @p row, NULL if out of range. Borrowed. */
SNPLP_API const char *snplp_matrix_indicator_id(const snplp_matrix *matrix, size_t row);

/** @brief The label of the indicator of row @p row (the first convention's), NULL if out of
 *         range. Borrowed. */
SNPLP_API const char *snplp_matrix_indicator_label(const snplp_matrix *matrix, size_t row);

/** @brief The unit of row @p row, #SNPLP_UNIT_NONE if out of range. */
SNPLP_API snplp_unit snplp_matrix_unit(const snplp_matrix *matrix, size_t row);

/** @brief The polarity of row @p row, #SNPLP_POLARITY_NONE if out of range. */
SNPLP_API snplp_polarity snplp_matrix_polarity(const snplp_matrix *matrix, size_t row);

/** @brief The status of the cell of row @p row and year @p year (#SNPLP_CELL_NONE if there is
 *         no such cell). */
SNPLP_API snplp_cell_status snplp_matrix_status(const snplp_matrix *matrix, size_t row,
                                                int32_t year);

/**
 * @brief The target of a cell (for a synthesis, the aggregate over the conventions it covers).
 * @return #SNPLP_OK; #SNPLP_ENOTFOUND if the cell has none; #SNPLP_EINVAL (NULL, no such cell).
 */
SNPLP_API int snplp_matrix_target(snplp_decimal *out, const snplp_matrix *matrix, size_t row,
                                  int32_t year);

/**
 * @brief The actual value of a cell (for a synthesis, the aggregate over the conventions it
 *        covers).
 * @return #SNPLP_OK; #SNPLP_ENOTFOUND if the cell has none; #SNPLP_EINVAL.
 */
SNPLP_API int snplp_matrix_actual(snplp_decimal *out, const snplp_matrix *matrix, size_t row,
                                  int32_t year);

/**
 * @brief Whether the actual of a cell was derived from the indicator's numerator and denominator
 *        (a rate declared as a quotient, see above) rather than typed; false for a cell with no
 *        actual, no such cell, and every synthesis cell.
 * @since 1.3
 */
SNPLP_API bool snplp_matrix_actual_is_derived(const snplp_matrix *matrix, size_t row, int32_t year);

/**
 * @brief The actual of a quotient indicator in @p year derived from its numerator's and its
 *        denominator's actuals, as the matrices use it (see "Rates declared as a quotient"
 *        above), whether or not an actual is typed.
 * @param[out] out the derived value, rounded half away from zero to the scale of the
 *             indicator's target of @p year; unchanged on failure.
 * @param indicator the indicator.
 * @param year the year.
 * @return #SNPLP_OK; #SNPLP_ENOTFOUND with the reason (not a quotient, a numerator or
 *         denominator that is not an indicator of the convention, no target or a missing actual
 *         in @p year, a zero denominator, a result beyond the range of a decimal);
 *         #SNPLP_EINVAL (NULL, year out of range).
 * @since 1.3
 */
SNPLP_API int snplp_indicator_derived_actual(snplp_decimal *out, const snplp_indicator *indicator,
                                             int32_t year);

/**
 * @brief The achievement rate of a cell, as a fraction (0.8 is 80%), when it has a target and
 *        an actual.
 * @return #SNPLP_OK; #SNPLP_ENOTFOUND if the cell has no rate; #SNPLP_EINVAL.
 */
SNPLP_API int snplp_matrix_rate(double *out, const snplp_matrix *matrix, size_t row, int32_t year);

/**
 * @brief How many conventions the cell's figures cover: those with both a target and an actual
 *        for that indicator and year (for a convention's own matrix: 1 or 0).
 */
SNPLP_API size_t snplp_matrix_covered(const snplp_matrix *matrix, size_t row, int32_t year);

/**
 * @brief How many conventions the cell concerns: those that have the indicator and whose years
 *        include @p year. The figures cover snplp_matrix_covered() of them; the others are
 *        listed by snplp_matrix_missing_at().
 */
SNPLP_API size_t snplp_matrix_expected(const snplp_matrix *matrix, size_t row, int32_t year);

/** @brief Which value a convention lacks in a cell (flags, combined with `|`). */
typedef enum snplp_missing {
    SNPLP_MISSING_TARGET = 1, /**< no target */
    SNPLP_MISSING_ACTUAL = 2, /**< no actual */
    SNPLP_MISSING_WEIGHT = 4  /**< (weighted mean) no value of the weight indicator */
} snplp_missing;

/** @brief The number of conventions the cell concerns but does not cover. */
SNPLP_API size_t snplp_matrix_missing_count(const snplp_matrix *matrix, size_t row, int32_t year);

/**
 * @brief The @p index-th convention the cell does not cover, in the order the conventions
 *        were given.
 * @param matrix the matrix.
 * @param row the row.
 * @param year the year.
 * @param index 0 to snplp_matrix_missing_count() − 1.
 * @param[out] what which values it lacks (#snplp_missing flags; may be NULL).
 * @return the convention's id (borrowed from the matrix), NULL if out of range.
 */
SNPLP_API const char *snplp_matrix_missing_at(const snplp_matrix *matrix, size_t row, int32_t year,
                                              size_t index, unsigned *what);

/** @brief The number of cells of row @p row with status @p status (any status below
 *         #SNPLP_CELL_STATUS_COUNT_1_3; 0 for others). */
SNPLP_API size_t snplp_matrix_row_status_count(const snplp_matrix *matrix, size_t row,
                                               snplp_cell_status status);

/** @brief The number of cells of the whole matrix with status @p status. */
SNPLP_API size_t snplp_matrix_status_count(const snplp_matrix *matrix, snplp_cell_status status);

SNPLP_END_DECLS

#endif
