/**
 * @file indicator.h
 * @brief An indicator of a convention's follow-up matrix: what is measured, how it is read and
 *        aggregated, its baseline and, year by year, its target and actual value.
 *
 * Values are exact decimals (#snplp_decimal, decimal.h): a value is recorded, compared and
 * written back digit for digit ("12.50" stays "12.50"). The setters accept any valid decimal,
 * even one that breaks a rule of the unit (a percent of 130): data received from a territory is
 * loaded whole and snplp_convention_validate() reports every problem at once.
 */
#ifndef SNPLP_INDICATOR_H
#define SNPLP_INDICATOR_H

#include <snplp/common.h>
#include <snplp/decimal.h>

SNPLP_BEGIN_DECLS

/** @brief The unit of an indicator's values. Values are part of the ABI. */
typedef enum snplp_unit {
    SNPLP_UNIT_NONE = 0,    /**< not a unit (an invalid argument) */
    SNPLP_UNIT_COUNT = 1,   /**< a number of people, places, actions: whole, not negative */
    SNPLP_UNIT_PERCENT = 2, /**< a percentage, 0 to 100 */
    SNPLP_UNIT_DAYS = 3,    /**< a duration in days (e.g. a delay before first reception) */
    SNPLP_UNIT_EUROS = 4,   /**< an amount in euros (decimals allowed: cents) */
    SNPLP_UNIT_RATIO = 5    /**< a ratio without unit (e.g. 0.75) */
} snplp_unit;

/** @brief "count", "percent", "days", "euros", "ratio"; "none" for any other value. */
SNPLP_API const char *snplp_unit_name(snplp_unit unit);

/** @brief The unit named @p name, #SNPLP_UNIT_NONE if none (or NULL). */
SNPLP_API snplp_unit snplp_unit_from_name(const char *name);

/** @brief Which way an indicator improves. Values are part of the ABI. */
typedef enum snplp_polarity {
    SNPLP_POLARITY_NONE = 0,   /**< not a polarity (an invalid argument) */
    SNPLP_POLARITY_HIGHER = 1, /**< higher is better: reaching or passing the target is reached */
    SNPLP_POLARITY_LOWER = 2,  /**< lower is better: reaching or going below the target is
                                    reached (100%) */
    SNPLP_POLARITY_EXACT = 3   /**< the target itself is sought: any gap lowers the rate */
} snplp_polarity;

/** @brief "higher-is-better", "lower-is-better", "exact-target"; "none" otherwise. */
SNPLP_API const char *snplp_polarity_name(snplp_polarity polarity);

/** @brief The polarity named @p name, #SNPLP_POLARITY_NONE if none (or NULL). */
SNPLP_API snplp_polarity snplp_polarity_from_name(const char *name);

/** @brief How an indicator's values combine across territories (synthesis.h). */
typedef enum snplp_aggregation {
    SNPLP_AGGREGATION_NONE = 0,         /**< not aggregated: a synthesis lists no figure */
    SNPLP_AGGREGATION_SUM = 1,          /**< the sum of the territories' values */
    SNPLP_AGGREGATION_WEIGHTED_MEAN = 2 /**< the mean weighted by another indicator's values */
} snplp_aggregation;

/** @brief "none", "sum", "weighted-mean"; "none" for a value outside the enum too. */
SNPLP_API const char *snplp_aggregation_name(snplp_aggregation aggregation);

/**
 * @brief The aggregation named @p name; returns false (and leaves @p out) if there is none.
 *        ("none" is a name, so the result cannot double as the error.)
 */
SNPLP_API bool snplp_aggregation_from_name(snplp_aggregation *out, const char *name);

/** @brief The indicator's id (NULL for NULL). Borrowed. */
SNPLP_API const char *snplp_indicator_id(const snplp_indicator *indicator);

/** @brief The convention that owns the indicator (NULL for NULL). Borrowed. */
SNPLP_API snplp_convention *snplp_indicator_convention(const snplp_indicator *indicator);

/** @brief The label (NULL for NULL). Borrowed. */
SNPLP_API const char *snplp_indicator_label(const snplp_indicator *indicator);

/** @brief Sets the label (copied, not blank). */
SNPLP_API int snplp_indicator_set_label(snplp_indicator *indicator, const char *label);

/** @brief The unit (#SNPLP_UNIT_NONE for NULL). */
SNPLP_API snplp_unit snplp_indicator_unit(const snplp_indicator *indicator);

/** @brief Changes the unit. @return #SNPLP_OK, #SNPLP_EINVAL. */
SNPLP_API int snplp_indicator_set_unit(snplp_indicator *indicator, snplp_unit unit);

/** @brief The polarity (#SNPLP_POLARITY_HIGHER for a new indicator, NONE for NULL). */
SNPLP_API snplp_polarity snplp_indicator_polarity(const snplp_indicator *indicator);

/** @brief Changes the polarity. @return #SNPLP_OK, #SNPLP_EINVAL. */
SNPLP_API int snplp_indicator_set_polarity(snplp_indicator *indicator, snplp_polarity polarity);

/** @brief The aggregation rule (#SNPLP_AGGREGATION_NONE for a new indicator and for NULL). */
SNPLP_API snplp_aggregation snplp_indicator_aggregation(const snplp_indicator *indicator);

/** @brief The id of the weight of a weighted mean, NULL for other rules. Borrowed. */
SNPLP_API const char *snplp_indicator_weight_id(const snplp_indicator *indicator);

/**
 * @brief Sets how the indicator aggregates across territories.
 * @param indicator the indicator.
 * @param aggregation the rule.
 * @param weight_id with #SNPLP_AGGREGATION_WEIGHTED_MEAN, the id of the indicator whose values
 *        weigh each territory's value (e.g. the number of people concerned); NULL with the
 *        other rules. The id need not exist yet: validation reports it if it never does.
 * @return #SNPLP_OK; #SNPLP_EINVAL (rule out of the enum, weight missing or given when not
 *         needed); #SNPLP_EBADID; #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_indicator_set_aggregation(snplp_indicator *indicator,
                                              snplp_aggregation aggregation, const char *weight_id);

/**
 * @brief Declares the indicator as the quotient of two others (a rate: people in work among
 *        those followed), or, with two NULLs, as not a quotient.
 *
 * The ids need not exist yet; validation reports them if they never do, and reports every
 * year where the numerator's value is above the denominator's.
 * @return #SNPLP_OK; #SNPLP_EINVAL (only one of the two given); #SNPLP_EBADID;
 *         #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_indicator_set_ratio_of(snplp_indicator *indicator, const char *numerator_id,
                                           const char *denominator_id);

/** @brief The id of the numerator, NULL if the indicator is not a quotient. Borrowed. */
SNPLP_API const char *snplp_indicator_numerator_id(const snplp_indicator *indicator);

/** @brief The id of the denominator, NULL if the indicator is not a quotient. Borrowed. */
SNPLP_API const char *snplp_indicator_denominator_id(const snplp_indicator *indicator);

/**
 * @brief Sets the baseline: the value measured in @p year before the convention.
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL, year out of range, invalid decimal).
 */
SNPLP_API int snplp_indicator_set_baseline(snplp_indicator *indicator, int32_t year,
                                           snplp_decimal value);

/**
 * @brief The baseline.
 * @param[out] year its year (may be NULL).
 * @param[out] value its value (may be NULL).
 * @return #SNPLP_OK; #SNPLP_ENOTFOUND if unset; #SNPLP_EINVAL for NULL.
 */
SNPLP_API int snplp_indicator_baseline(int32_t *year, snplp_decimal *value,
                                       const snplp_indicator *indicator);

/** @brief Unsets the baseline. @return #SNPLP_OK, #SNPLP_EINVAL. */
SNPLP_API int snplp_indicator_clear_baseline(snplp_indicator *indicator);

/**
 * @brief Sets the target of @p year.
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL, year out of range, invalid decimal); #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_indicator_set_target(snplp_indicator *indicator, int32_t year,
                                         snplp_decimal value);

/**
 * @brief The target of @p year.
 * @return #SNPLP_OK; #SNPLP_ENOTFOUND if there is none; #SNPLP_EINVAL.
 */
SNPLP_API int snplp_indicator_target(snplp_decimal *out, const snplp_indicator *indicator,
                                     int32_t year);

/** @brief Unsets the target of @p year. @return #SNPLP_OK, #SNPLP_ENOTFOUND, #SNPLP_EINVAL. */
SNPLP_API int snplp_indicator_clear_target(snplp_indicator *indicator, int32_t year);

/**
 * @brief Sets the actual value (réalisé) of @p year.
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL, year out of range, invalid decimal); #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_indicator_set_actual(snplp_indicator *indicator, int32_t year,
                                         snplp_decimal value);

/**
 * @brief The actual value of @p year.
 * @return #SNPLP_OK; #SNPLP_ENOTFOUND if there is none; #SNPLP_EINVAL.
 */
SNPLP_API int snplp_indicator_actual(snplp_decimal *out, const snplp_indicator *indicator,
                                     int32_t year);

/** @brief Unsets the actual of @p year. @return #SNPLP_OK, #SNPLP_ENOTFOUND, #SNPLP_EINVAL. */
SNPLP_API int snplp_indicator_clear_actual(snplp_indicator *indicator, int32_t year);

/**
 * @brief Sets where the actual of @p year comes from (e.g. "CAF, décembre 2020"); NULL unsets.
 * @return #SNPLP_OK; #SNPLP_EINVAL; #SNPLP_EENCODING; #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_indicator_set_source(snplp_indicator *indicator, int32_t year,
                                         const char *source);

/** @brief The source of @p year, NULL if none. Borrowed. */
SNPLP_API const char *snplp_indicator_source(const snplp_indicator *indicator, int32_t year);

/**
 * @brief Sets a comment on the values of @p year; NULL unsets.
 * @return #SNPLP_OK; #SNPLP_EINVAL; #SNPLP_EENCODING; #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_indicator_set_comment(snplp_indicator *indicator, int32_t year,
                                          const char *comment);

/** @brief The comment of @p year, NULL if none. Borrowed. */
SNPLP_API const char *snplp_indicator_comment(const snplp_indicator *indicator, int32_t year);

/** @brief The number of years with anything recorded (target, actual, source or comment). */
SNPLP_API size_t snplp_indicator_year_count(const snplp_indicator *indicator);

/** @brief The @p index-th such year, in increasing order; 0 if out of range. */
SNPLP_API int32_t snplp_indicator_year_at(const snplp_indicator *indicator, size_t index);

/* ---------------------------------------------------------------------------------------- */
/** @name Indicators computed from training records (since 1.4)
 *
 * An indicator can say what it counts in training records (records.h): a measure and filters.
 * snplp_convention_fill_from_records() (convention.h) then fills its yearly actuals from the
 * records (docs/records.md, "Indicators computed from records"). Filters of one kind are
 * alternatives (any of the ids), filters of different kinds all apply; an indicator with a
 * measure and no filter counts everything in the records. */
/** @{ */

/** @brief What an indicator counts in training records. ABI values. @since 1.4 */
typedef enum snplp_records_measure {
    SNPLP_MEASURE_NONE = 0,            /**< not computed from records */
    SNPLP_MEASURE_WORKERS_TRAINED = 1, /**< distinct workers trained (unit count) */
    SNPLP_MEASURE_TRAINING_DAYS = 2,   /**< days attended (unit days) */
    SNPLP_MEASURE_SESSIONS = 3         /**< sessions held: attended by at least one worker
                                            counted (unit count) */
} snplp_records_measure;

/** @brief "none", "workers-trained", "training-days", "sessions"; "none" for any other value.
 *  @since 1.4 */
SNPLP_API const char *snplp_records_measure_name(snplp_records_measure measure);

/** @brief The measure named @p name, #SNPLP_MEASURE_NONE if none (or NULL). @since 1.4 */
SNPLP_API snplp_records_measure snplp_records_measure_from_name(const char *name);

/** @brief What a filter of an indicator computed from records selects. ABI values.
 *  @since 1.4 */
typedef enum snplp_records_filter {
    SNPLP_FILTER_THEME = 1,     /**< sessions of a theme: a module of that theme, or that plan
                                     theme (coverage.h) */
    SNPLP_FILTER_MODULE = 2,    /**< sessions of that module */
    SNPLP_FILTER_PLAN = 3,      /**< sessions of a plan: "training-plan" (the training plan's
                                     id, its modules) or a plan's id (its plan themes) */
    SNPLP_FILTER_PROFESSION = 4 /**< workers of that profession (the referential's or one the
                                     records declare) */
} snplp_records_filter;

/** @brief "theme", "module", "plan", "profession"; "unknown" for any other value.
 *  @since 1.4 */
SNPLP_API const char *snplp_records_filter_name(snplp_records_filter filter);

/** @brief What the indicator counts in training records (#SNPLP_MEASURE_NONE when it is not
 *         computed from records, and for NULL). @since 1.4 */
SNPLP_API snplp_records_measure snplp_indicator_records_measure(const snplp_indicator *indicator);

/**
 * @brief Sets what the indicator counts in training records; #SNPLP_MEASURE_NONE makes it an
 *        indicator typed by hand again and drops its filters.
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL, a measure out of the enum); #SNPLP_EFROZEN.
 * @since 1.4
 */
SNPLP_API int snplp_indicator_set_records_measure(snplp_indicator *indicator,
                                                  snplp_records_measure measure);

/**
 * @brief Adds a filter: the id of a theme (or plan theme), module, plan or profession. The id
 *        need not exist (an id the records and the referential never use selects nothing).
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL indicator or id, an unknown filter kind, an indicator with
 * no measure); #SNPLP_EBADID; #SNPLP_EEXISTS (the id is already a filter of that kind);
 *         #SNPLP_EFROZEN; #SNPLP_ENOMEM.
 * @since 1.4
 */
SNPLP_API int snplp_indicator_add_records_filter(snplp_indicator *indicator,
                                                 snplp_records_filter filter, const char *id);

/** @brief The number of filters of that kind (0 for NULL or an unknown kind). @since 1.4 */
SNPLP_API size_t snplp_indicator_records_filter_count(const snplp_indicator *indicator,
                                                      snplp_records_filter filter);

/** @brief The id of filter @p index of that kind, in the order they were added (NULL out of
 *         range). Borrowed. @since 1.4 */
SNPLP_API const char *snplp_indicator_records_filter_at(const snplp_indicator *indicator,
                                                        snplp_records_filter filter, size_t index);

/** @} */

SNPLP_END_DECLS

#endif
