/**
 * @file convention.h
 * @brief A convention (CALPAE): the contract by which a territory carries out the strategy, with
 *        its actions, its indicators, its funding and its execution reports.
 *
 * A convention d'appui à la lutte contre la pauvreté et d'accès à l'emploi is signed for three
 * years by the préfet and the president of a territory's council (seed 002). It is a root
 * object, like #snplp_referential: reference counted, owning its actions (action.h) and its
 * indicators (indicator.h), which it gives out as borrowed pointers valid while it lives.
 *
 * Ids follow id.h and are unique within the convention across actions and indicators; the
 * convention's own id is unique within a set of conventions (synthesis.h checks it). Texts
 * are UTF-8, stored in Unicode NFC. Every setter checks its arguments and changes nothing when
 * it fails (#SNPLP_ENOMEM included).
 *
 * Years: values may be recorded for any year from #SNPLP_YEAR_MIN to #SNPLP_YEAR_MAX, even
 * outside the convention's years, so that data received from a territory can be loaded whole
 * and checked: snplp_convention_validate() reports every value outside the convention.
 *
 * Thread safety: as for a referential, several threads may read one convention at once; a
 * thread that changes it must have it to itself.
 */
#ifndef SNPLP_CONVENTION_H
#define SNPLP_CONVENTION_H

#include <snplp/action.h>
#include <snplp/common.h>
#include <snplp/date.h>
#include <snplp/indicator.h>
#include <snplp/territory.h>

SNPLP_BEGIN_DECLS

/** @brief The smallest year a convention records values for. */
#define SNPLP_YEAR_MIN 1000
/** @brief The largest year a convention records values for (its report is due in 9999). */
#define SNPLP_YEAR_MAX 9998

/**
 * @brief Creates a convention for a territory, with no years, actions or indicators yet.
 *
 * @param[out] out receives the convention (one reference, released with
 *             snplp_convention_unref()).
 * @param id the convention's id (id.h).
 * @param kind the territory's kind.
 * @param code the territory's official code (territory.h), e.g. "49".
 * @param name the territory's name, e.g. "Maine-et-Loire" (not blank).
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL argument, unknown kind, code not official for the
 *         kind, blank name); #SNPLP_EBADID; #SNPLP_EENCODING; #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_convention_new(snplp_convention **out, const char *id,
                                   snplp_territory_kind kind, const char *code, const char *name);

/** @brief Takes one more reference; returns @p conv (NULL for NULL). */
SNPLP_API snplp_convention *snplp_convention_ref(snplp_convention *conv);

/** @brief Releases one reference; the last one frees the convention. NULL is a no-op. */
SNPLP_API void snplp_convention_unref(snplp_convention *conv);

/**
 * @brief Freezes the convention for good: from then on every function that would change it, one
 *        of its actions or one of its indicators (every `_add`, `_set_`, `_clear_`, the
 *        extensions and foreign attributes, snplp_csv_import_*() into a list holding it) fails
 *        with #SNPLP_EFROZEN and changes nothing; reading is unchanged and takes no lock.
 *        Irreversible; freezing again does nothing. See snplp_convention_list_freeze().
 * @return #SNPLP_OK; #SNPLP_EINVAL for NULL or an object of another type.
 * @since 1.3
 */
SNPLP_API int snplp_convention_freeze(snplp_convention *conv);

/** @brief Whether the convention is frozen (false for NULL). @since 1.3 */
SNPLP_API bool snplp_convention_is_frozen(const snplp_convention *conv);

/**
 * @brief Deep equality: same id, territory, signatories, dates, years, funding, reports,
 *        actions and indicators in the same order, every value identical digit for digit
 *        (snplp_decimal_identical()). Two NULLs are equal.
 */
SNPLP_API bool snplp_convention_equal(const snplp_convention *a, const snplp_convention *b);

/** @brief The convention's id (NULL for NULL). Borrowed. */
SNPLP_API const char *snplp_convention_id(const snplp_convention *conv);

/** @brief The territory's kind (#SNPLP_TERRITORY_NONE for NULL). */
SNPLP_API snplp_territory_kind snplp_convention_territory_kind(const snplp_convention *conv);

/** @brief The territory's official code (NULL for NULL). Borrowed. */
SNPLP_API const char *snplp_convention_territory_code(const snplp_convention *conv);

/** @brief The territory's name (NULL for NULL). Borrowed. */
SNPLP_API const char *snplp_convention_territory_name(const snplp_convention *conv);

/**
 * @brief Changes the territory (all three parts at once).
 * @return #SNPLP_OK; #SNPLP_EINVAL (as snplp_convention_new()); #SNPLP_EENCODING;
 *         #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_convention_set_territory(snplp_convention *conv, snplp_territory_kind kind,
                                             const char *code, const char *name);

/**
 * @brief Sets the convention's years, first and last included (three years: 2019 to 2021).
 *
 * Values already recorded for other years are kept (and reported by validation).
 * @return #SNPLP_OK; #SNPLP_EINVAL if a year is outside #SNPLP_YEAR_MIN..#SNPLP_YEAR_MAX or
 *         @p last is before @p first.
 */
SNPLP_API int snplp_convention_set_years(snplp_convention *conv, int32_t first, int32_t last);

/** @brief The first year, 0 while the years are not set (or for NULL). */
SNPLP_API int32_t snplp_convention_first_year(const snplp_convention *conv);

/** @brief The last year, 0 while the years are not set (or for NULL). */
SNPLP_API int32_t snplp_convention_last_year(const snplp_convention *conv);

/**
 * @brief Sets the signature date.
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL convention, invalid date).
 */
SNPLP_API int snplp_convention_set_signature_date(snplp_convention *conv, snplp_date date);

/**
 * @brief The signature date.
 * @return #SNPLP_OK; #SNPLP_ENOTFOUND if it is not set; #SNPLP_EINVAL for NULL.
 */
SNPLP_API int snplp_convention_signature_date(snplp_date *out, const snplp_convention *conv);

/** @brief Unsets the signature date. @return #SNPLP_OK, #SNPLP_EINVAL for NULL. */
SNPLP_API int snplp_convention_clear_signature_date(snplp_convention *conv);

/**
 * @brief Appends a signatory: their role as the convention writes it ("Préfet de Maine-et-Loire",
 *        "Président du conseil départemental") and their name. Both are copied, not blank.
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL or blank text); #SNPLP_EENCODING; #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_convention_add_signatory(snplp_convention *conv, const char *role,
                                             const char *name);

/** @brief The number of signatories (0 for NULL). */
SNPLP_API size_t snplp_convention_signatory_count(const snplp_convention *conv);

/** @brief The role of signatory @p index, NULL if out of range. Borrowed. */
SNPLP_API const char *snplp_convention_signatory_role(const snplp_convention *conv, size_t index);

/** @brief The name of signatory @p index, NULL if out of range. Borrowed. */
SNPLP_API const char *snplp_convention_signatory_name(const snplp_convention *conv, size_t index);

/**
 * @brief Records the funding of a year: the State's credits and the territory's own money, in
 *        euro cents (replacing what was recorded for that year).
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL, year out of range, negative amount); #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_convention_set_funding(snplp_convention *conv, int32_t year,
                                           int64_t state_cents, int64_t own_cents);

/**
 * @brief The funding of a year.
 * @param[out] state_cents the State's credits (may be NULL).
 * @param[out] own_cents the territory's own funding (may be NULL).
 * @param conv the convention.
 * @param year the year.
 * @return #SNPLP_OK; #SNPLP_ENOTFOUND if nothing is recorded for @p year; #SNPLP_EINVAL.
 * @since 1.3
 */
SNPLP_API int snplp_convention_funding_in(int64_t *state_cents, int64_t *own_cents,
                                          const snplp_convention *conv, int32_t year);

/**
 * @brief The funding of a year, with the out-parameters last.
 * @deprecated Since 1.3: use snplp_convention_funding_in(), whose out-parameters come first
 *             as everywhere else (docs/architecture.md); the same otherwise.
 * @return as snplp_convention_funding_in().
 */
SNPLP_API int snplp_convention_funding(const snplp_convention *conv, int32_t year,
                                       int64_t *state_cents, int64_t *own_cents)
    SNPLP_DEPRECATED("snplp_convention_funding_in()");

/** @brief Forgets the funding of a year. @return #SNPLP_OK, #SNPLP_ENOTFOUND, #SNPLP_EINVAL. */
SNPLP_API int snplp_convention_clear_funding(snplp_convention *conv, int32_t year);

/** @brief The number of years with funding recorded (0 for NULL). */
SNPLP_API size_t snplp_convention_funding_year_count(const snplp_convention *conv);

/** @brief The @p index-th year with funding, in increasing order; 0 if out of range. */
SNPLP_API int32_t snplp_convention_funding_year_at(const snplp_convention *conv, size_t index);

/**
 * @brief Adds an action at the end of the convention's actions.
 * @param[out] out receives the action (borrowed; may be NULL).
 * @param conv the convention.
 * @param id the action's id, unused in the convention.
 * @param objective the objective it serves (action.h).
 * @param title its title, not blank.
 * @return #SNPLP_OK; #SNPLP_EINVAL; #SNPLP_EBADID; #SNPLP_EEXISTS; #SNPLP_EENCODING;
 *         #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_convention_add_action(snplp_action **out, snplp_convention *conv,
                                          const char *id, snplp_action_objective objective,
                                          const char *title);

/** @brief The number of actions (0 for NULL). */
SNPLP_API size_t snplp_convention_action_count(const snplp_convention *conv);

/** @brief The action at @p index, NULL if out of range. Borrowed. */
SNPLP_API snplp_action *snplp_convention_action_at(const snplp_convention *conv, size_t index);

/** @brief The action whose id is @p id, NULL if none. Borrowed. */
SNPLP_API snplp_action *snplp_convention_action_find(const snplp_convention *conv, const char *id);

/**
 * @brief Adds an indicator at the end of the convention's indicators (the rows of its
 *        matrix), higher is better and not aggregated until set otherwise (indicator.h).
 * @param[out] out receives the indicator (borrowed; may be NULL).
 * @param conv the convention.
 * @param id the indicator's id, unused in the convention.
 * @param label its label, not blank.
 * @param unit its unit.
 * @return #SNPLP_OK; #SNPLP_EINVAL; #SNPLP_EBADID; #SNPLP_EEXISTS; #SNPLP_EENCODING;
 *         #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_convention_add_indicator(snplp_indicator **out, snplp_convention *conv,
                                             const char *id, const char *label, snplp_unit unit);

/** @brief The number of indicators (0 for NULL). */
SNPLP_API size_t snplp_convention_indicator_count(const snplp_convention *conv);

/** @brief The indicator at @p index, NULL if out of range. Borrowed. */
SNPLP_API snplp_indicator *snplp_convention_indicator_at(const snplp_convention *conv,
                                                         size_t index);

/** @brief The indicator whose id is @p id, NULL if none. Borrowed. */
SNPLP_API snplp_indicator *snplp_convention_indicator_find(const snplp_convention *conv,
                                                           const char *id);

/**
 * @brief Checks every coherence rule a commissioner checks and appends every finding to
 *        @p diags, each with the convention's id (snplp_diagnostic_convention_id()), the id of
 *        the indicator or action concerned and the year (snplp_diagnostic_year()).
 *
 * Rules (codes in diagnostics.h, all errors unless said):
 * - the years are not set (#SNPLP_DIAG_YEARS_MISSING); they do not span three years
 *   (#SNPLP_DIAG_YEARS_SPAN, a warning: conventions may be extended by amendment);
 * - a percent target, actual or baseline outside 0..100 (#SNPLP_DIAG_PERCENT_RANGE);
 * - a count that is negative or not a whole number (#SNPLP_DIAG_BAD_COUNT);
 * - a numerator above its denominator, target with target and actual with actual, in the same
 *   year (#SNPLP_DIAG_NUMERATOR_OVER_DENOMINATOR);
 * - a numerator, denominator or weight that names no indicator (#SNPLP_DIAG_DANGLING_REFERENCE)
 *   or the indicator itself (#SNPLP_DIAG_REFERENCE_KIND);
 * - a value (target, actual, source, comment), an action status, funding or a report for a
 *   year outside the convention (#SNPLP_DIAG_YEAR_OUTSIDE);
 * - when @p at is given: an actual missing, for an indicator, in a year of the convention whose
 *   report is due at that date, i.e. @p at is after 31 March of the next year
 *   (#SNPLP_DIAG_ACTUAL_MISSING);
 * - a core objective (action.h) with no action for a year of the convention: no action of that
 *   objective has a status other than dropped for that year (#SNPLP_DIAG_CORE_ACTION_MISSING).
 *
 * Findings come convention first, then actions, then indicators in order, years increasing.
 * Line and column are 0. Units aggregated together across conventions and duplicate
 * convention ids are checked by snplp_synthesis() (synthesis.h), which sees the set.
 *
 * @param conv the convention.
 * @param at the date of the check (NULL: the due-report rule is not applied).
 * @param diags the list receiving the findings (not cleared first).
 * @return #SNPLP_OK if no error was found (warnings may have been added);
 *         #SNPLP_EVALIDATION if at least one error was found; #SNPLP_EINVAL for a NULL
 *         argument or an invalid @p at; #SNPLP_ENOMEM (findings added so far stay).
 */
SNPLP_API int snplp_convention_validate(const snplp_convention *conv, const snplp_date *at,
                                        snplp_diagnostics *diags);

SNPLP_END_DECLS

#endif
