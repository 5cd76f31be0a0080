/**
 * @file synthesis.h
 * @brief The synthesis of a set of conventions (a région, the nation): one matrix per indicator
 *        id, each by its aggregation rule, saying how many territories each figure covers.
 *
 * Rows are the indicator ids met in the conventions, in order of first appearance; columns the
 * years from the earliest first year to the latest last year. For each cell, the conventions
 * concerned are those that have the indicator and whose years include the year; a convention
 * covers the cell when it has both a target and an actual (and, for a weighted mean, both
 * values of the weight). The target and the actual of the cell aggregate the covered
 * conventions only, so the two always describe the same territories; every other convention
 * concerned is listed with what it lacks (snplp_matrix_missing_at()). A missing value is never
 * read as zero. A cell covering no convention has no figures: its status is
 * #SNPLP_CELL_ACTUAL_MISSING if some convention has a target for it, else
 * #SNPLP_CELL_NO_TARGET; with snplp_synthesis_at() (1.3), #SNPLP_CELL_NOT_YET_DUE instead of
 * #SNPLP_CELL_ACTUAL_MISSING when, at the date, the report on the year is not yet due for every
 * concerned convention that has a target (matrix.h, "Dated matrices"). A cell that conventions
 * cover but whose aggregate cannot be computed (beyond the range of a decimal, or a weighted
 * mean whose weights sum to zero) has no figures either, and never counts as missing: its
 * status is #SNPLP_CELL_NOT_AGGREGATED with snplp_synthesis() (1.2 statuses only) and
 * #SNPLP_CELL_NOT_COMPUTABLE with snplp_synthesis_at(); its covering conventions are not listed
 * by snplp_matrix_missing_at() (they lack nothing). A convention's actual may be derived from
 * the indicator's numerator and denominator (matrix.h, "Rates declared as a quotient").
 *
 * Aggregation rules (indicator.h):
 * - sum: the exact sum of the values;
 * - weighted mean: Σ(value × weight) / Σ weight, the target weighted by the weight indicator's
 *   targets and the actual by its actuals, rounded half away from zero to two more decimals
 *   than the most precise of the values averaged (at most 18; the weights' scale plays no
 *   part); a total weight of zero gives the cell no figures (no target, actual nor rate, see
 *   above for its status);
 * - none: no figure, status #SNPLP_CELL_NOT_AGGREGATED.
 *
 * Rates and statuses are then computed as for one convention (matrix.h), with the polarity of
 * the first convention that has the indicator.
 */
#ifndef SNPLP_SYNTHESIS_H
#define SNPLP_SYNTHESIS_H

#include <snplp/common.h>
#include <snplp/date.h>
#include <snplp/decimal.h>

SNPLP_BEGIN_DECLS

/**
 * @brief Aggregates @p count conventions into a synthesis matrix.
 *
 * Findings go to @p diags, in this order:
 * - two conventions with the same id (#SNPLP_DIAG_DUPLICATE_CONVENTION, naming the convention,
 *   no item; the later one is left out of the synthesis and of its convention count);
 * - an indicator id whose conventions give it different units
 *   (#SNPLP_DIAG_UNIT_MISMATCH), different aggregation rules or weights
 *   (#SNPLP_DIAG_AGGREGATION_MISMATCH): one finding per convention that disagrees with the
 *   first convention having the indicator, naming it and the indicator; the row is not
 *   aggregated (#SNPLP_CELL_NOT_AGGREGATED);
 * - a sum or weighted mean beyond the range of a decimal (#SNPLP_DIAG_AGGREGATE_OVERFLOW,
 *   naming the indicator and the year, no convention since no single one is at fault): the
 *   cell has no figures (see above for its status).
 * Conventions that give one indicator different polarities are not reported; the first one's
 * polarity is used.
 *
 * @param[out] out receives the matrix (free with snplp_matrix_free()), even when findings were
 *             added.
 * @param conventions the conventions (none NULL); the array may be NULL when @p count is 0.
 * @param count their number (0 gives an empty matrix).
 * @param threshold_percent as for snplp_convention_matrix(); NULL for the default (80).
 * @param diags the list receiving the findings (may be NULL to ignore them).
 * @return #SNPLP_OK (findings may have been added); #SNPLP_EINVAL (NULL @p out, a NULL
 *         convention, a convention whose years are not set, threshold out of range);
 *         #SNPLP_ENOMEM (no matrix; findings added so far stay in @p diags, as with
 *         snplp_convention_validate()).
 */
SNPLP_API int snplp_synthesis(snplp_matrix **out, const snplp_convention *const *conventions,
                              size_t count, const snplp_decimal *threshold_percent,
                              snplp_diagnostics *diags);

/**
 * @brief Aggregates @p count conventions into a synthesis matrix at a date: as
 *        snplp_synthesis(), with the statuses of 1.3 (#SNPLP_CELL_NOT_YET_DUE,
 *        #SNPLP_CELL_NOT_COMPUTABLE).
 * @param[out] out receives the matrix (free with snplp_matrix_free()).
 * @param conventions the conventions (none NULL); may be NULL when @p count is 0.
 * @param count their number.
 * @param at the date the synthesis describes.
 * @param threshold_percent as for snplp_convention_matrix(); NULL for the default (80).
 * @param diags the list receiving the findings (may be NULL).
 * @return as snplp_synthesis(); also #SNPLP_EINVAL for an invalid date.
 * @since 1.3
 */
SNPLP_API int snplp_synthesis_at(snplp_matrix **out, const snplp_convention *const *conventions,
                                 size_t count, snplp_date at,
                                 const snplp_decimal *threshold_percent, snplp_diagnostics *diags);

/**
 * @brief The synthesis of a list's conventions at a date: snplp_synthesis_at() on them, in
 *        order.
 * @since 1.3
 */
SNPLP_API int snplp_convention_list_synthesis_at(snplp_matrix **out,
                                                 const snplp_convention_list *list, snplp_date at,
                                                 const snplp_decimal *threshold_percent,
                                                 snplp_diagnostics *diags);

SNPLP_END_DECLS

#endif
