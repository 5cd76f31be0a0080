/**
 * @file coverage.h
 * @brief How much of the workforce training reached over a period (since 1.4).
 *
 * snplp_records_coverage() counts, for a period [from, to], the distinct workers trained,
 * grouped by any combination of theme, plan, profession and territory, against the workforce
 * in scope, with the training days delivered and the workers with no training yet
 * (docs/records.md, "Coverage"):
 * - the **workforce in scope** is the workers in the workforce on at least one day of the
 *   period; a row's workforce is those with the row's profession and territory;
 * - a **training** counts in the period when its session ends within it; a worker is
 *   **trained** as for eligibility (eligibility.h): "attended", or "partial" covering the
 *   session's days; only workers in scope are counted;
 * - a row's **theme** is a module's theme or a plan theme (for sessions of another plan), its
 *   **plan** "training-plan" (the training plan's id) or the plan of a plan theme; sessions
 *   whose subject is neither a module nor a plan theme of the referential count in no row;
 * - the **rate** is trained / workforce in percent, exact to two decimals (scale 2, rounded
 *   half up); a row with no workforce has no rate (never 0);
 * - the **days** delivered are the days attended ("attended" without days: the session's;
 *   "partial" without days: unknown, counted apart, never as 0);
 * - rows hold every combination of the grouped keys: every theme of the referential and
 *   every plan theme (by theme), the training plan and every plan (by plan), the professions
 *   and territories of the workforce in scope; sorted by theme id, plan id, profession id,
 *   territory code, each in C order (strcmp).
 */
#ifndef SNPLP_COVERAGE_H
#define SNPLP_COVERAGE_H

#include <snplp/common.h>
#include <snplp/date.h>
#include <snplp/decimal.h>
#include <snplp/records.h>

SNPLP_BEGIN_DECLS

/** @brief A coverage table. @since 1.4 */
typedef struct snplp_coverage snplp_coverage;

/** @brief The axes a coverage is grouped by: flags, combined with |. ABI values. @since 1.4 */
typedef enum snplp_coverage_axis {
    SNPLP_COVERAGE_BY_THEME = 1,      /**< by theme (a module's theme or a plan theme) */
    SNPLP_COVERAGE_BY_PLAN = 2,       /**< by plan ("training-plan" or a plan's id) */
    SNPLP_COVERAGE_BY_PROFESSION = 4, /**< by the worker's profession */
    SNPLP_COVERAGE_BY_TERRITORY = 8   /**< by the worker's territory code */
} snplp_coverage_axis;

/**
 * @brief Computes a coverage table.
 * @param[out] out receives the table (free with snplp_coverage_free()).
 * @param from, to the period, both days included (valid dates, @p from not after @p to).
 * @param axes the axes to group by (0: one row for everything; other bits: #SNPLP_EINVAL).
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL, another type, invalid dates or axes, or a row's
 *         training days beyond the range of a decimal); #SNPLP_ENOMEM.
 * @since 1.4
 */
SNPLP_API int snplp_records_coverage(snplp_coverage **out, const snplp_records *records,
                                     const snplp_referential *ref, snplp_date from, snplp_date to,
                                     unsigned axes);
/** @brief Frees a table. NULL is a no-op. @since 1.4 */
SNPLP_API void snplp_coverage_free(snplp_coverage *coverage);
/** @brief The axes it is grouped by (0 for NULL). @since 1.4 */
SNPLP_API unsigned snplp_coverage_axes(const snplp_coverage *coverage);
/** @brief The number of rows (0 for NULL). @since 1.4 */
SNPLP_API size_t snplp_coverage_row_count(const snplp_coverage *coverage);
/** @brief The row's theme id (NULL when not grouped by theme or out of range). @since 1.4 */
SNPLP_API const char *snplp_coverage_theme_id(const snplp_coverage *coverage, size_t row);
/** @brief The row's plan id (NULL when not grouped by plan or out of range). @since 1.4 */
SNPLP_API const char *snplp_coverage_plan_id(const snplp_coverage *coverage, size_t row);
/** @brief The row's profession id (NULL when not grouped by profession). @since 1.4 */
SNPLP_API const char *snplp_coverage_profession_id(const snplp_coverage *coverage, size_t row);
/** @brief The row's territory code (NULL when not grouped by territory). @since 1.4 */
SNPLP_API const char *snplp_coverage_territory_code(const snplp_coverage *coverage, size_t row);
/** @brief The row's workforce in scope (0 out of range). @since 1.4 */
SNPLP_API size_t snplp_coverage_workforce(const snplp_coverage *coverage, size_t row);
/** @brief The row's distinct workers trained (0 out of range). @since 1.4 */
SNPLP_API size_t snplp_coverage_trained(const snplp_coverage *coverage, size_t row);
/** @brief The row's rate in percent (scale 2, rounded half up).
 *  @return #SNPLP_OK; #SNPLP_ENOTFOUND when the row's workforce is 0 (no rate);
 *          #SNPLP_EINVAL (NULL, out of range). @since 1.4 */
SNPLP_API int snplp_coverage_rate(snplp_decimal *out, const snplp_coverage *coverage, size_t row);
/** @brief The row's known training days (the sum of the days known).
 *  @return #SNPLP_OK; #SNPLP_EINVAL (NULL, out of range). @since 1.4 */
SNPLP_API int snplp_coverage_days(snplp_decimal *out, const snplp_coverage *coverage, size_t row);
/** @brief The number of the row's attendance records whose days are unknown (0 out of range).
 *  @since 1.4 */
SNPLP_API size_t snplp_coverage_days_unknown(const snplp_coverage *coverage, size_t row);
/** @brief The number of workers in scope with no training by the end of the period (0 for
 *         NULL). @since 1.4 */
SNPLP_API size_t snplp_coverage_untrained_count(const snplp_coverage *coverage);
/** @brief The id of untrained worker @p index, ids in C order (NULL out of range). Borrowed.
 *  @since 1.4 */
SNPLP_API const char *snplp_coverage_untrained_at(const snplp_coverage *coverage, size_t index);

SNPLP_END_DECLS

#endif
