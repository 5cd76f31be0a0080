/**
 * @file credits.h
 * @brief Whether the State's credits of a year may be released, with every reason.
 *
 * The credits of year N+1 are conditioned on the report on year N having been sent and on the
 * actions of year N having been carried out (seed 002). snplp_convention_credits() answers for
 * a year and a date and lists every reason:
 * - report missing (#SNPLP_CREDIT_REPORT_MISSING, blocking): the report on N was not sent at
 *   that date, whether or not 31 March N+1 has passed;
 * - report late (#SNPLP_CREDIT_REPORT_LATE, not blocking): it was sent after 31 March N+1;
 * - action not done (#SNPLP_CREDIT_ACTION_NOT_DONE, blocking): an action with a status for N
 *   other than done or dropped (planned, in progress);
 * - action dropped (#SNPLP_CREDIT_ACTION_DROPPED, not blocking): an action dropped in N, with
 *   its reason: giving an action up with a reason is reported in the execution report, it does
 *   not withhold the credits.
 * The credits are released when no reason is blocking. The first year of a convention follows
 * no report: its credits are released with no reason.
 */
#ifndef SNPLP_CREDITS_H
#define SNPLP_CREDITS_H

#include <snplp/common.h>
#include <snplp/date.h>
#include <snplp/language.h>

SNPLP_BEGIN_DECLS

/** @brief The kinds of reasons. Values are part of the ABI. */
typedef enum snplp_credit_reason {
    SNPLP_CREDIT_NONE = 0,            /**< no reason (index out of range) */
    SNPLP_CREDIT_REPORT_MISSING = 1,  /**< the previous year's report was not sent (blocking) */
    SNPLP_CREDIT_REPORT_LATE = 2,     /**< it was sent after 31 March (not blocking) */
    SNPLP_CREDIT_ACTION_NOT_DONE = 3, /**< an action of the previous year is not done
                                           (blocking) */
    SNPLP_CREDIT_ACTION_DROPPED = 4   /**< an action of the previous year was dropped, with its
                                           reason (not blocking) */
} snplp_credit_reason;

/** @brief "report-missing", "report-late", "action-not-done", "action-dropped"; "none"
 *         otherwise. */
SNPLP_API const char *snplp_credit_reason_name(snplp_credit_reason reason);

/**
 * @brief Decides whether the credits of @p year may be released at the date @p at.
 * @param[out] out receives the decision (free with snplp_credits_free()).
 * @param conv the convention; its years must be set.
 * @param year the year of the credits, within the convention's years.
 * @param at the date of the decision.
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL, years unset, @p year outside them, invalid date);
 *         #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_convention_credits(snplp_credits **out, const snplp_convention *conv,
                                       int32_t year, snplp_date at);

/** @brief Frees a decision. NULL is a no-op. */
SNPLP_API void snplp_credits_free(snplp_credits *credits);

/** @brief Whether the credits may be released: no blocking reason (false for NULL). */
SNPLP_API bool snplp_credits_released(const snplp_credits *credits);

/** @brief The year of the credits (0 for NULL). */
SNPLP_API int32_t snplp_credits_year(const snplp_credits *credits);

/** @brief The number of reasons (0 for NULL). Blocking reasons come first. */
SNPLP_API size_t snplp_credits_reason_count(const snplp_credits *credits);

/** @brief The kind of reason @p index (#SNPLP_CREDIT_NONE if out of range). */
SNPLP_API snplp_credit_reason snplp_credits_reason_at(const snplp_credits *credits, size_t index);

/** @brief Whether reason @p index withholds the credits (false if out of range). */
SNPLP_API bool snplp_credits_reason_blocking(const snplp_credits *credits, size_t index);

/** @brief The id of the action reason @p index is about, NULL for a report reason. Borrowed. */
SNPLP_API const char *snplp_credits_reason_action_id(const snplp_credits *credits, size_t index);

/**
 * @brief A sentence stating reason @p index, with its dates, action and French texts, e.g.
 *        "the report on 2020 was sent on 2021-04-02, 2 days after it was due on 2021-03-31";
 *        NULL if out of range. Borrowed.
 *
 * In the language that was the default of the thread that made the decision (English unless
 * set: snplp_language_set_default(), language.h); snplp_credits_reason_render() gives it in
 * either language.
 */
SNPLP_API const char *snplp_credits_reason_message(const snplp_credits *credits, size_t index);

/**
 * @brief Renders the sentence of reason @p index in @p lang (1.6): the message of
 *        snplp_credits_reason_message() in English or French, whatever the language the
 *        decision was made in ("le rapport d’exécution de 2020 a été transmis le 2 avril 2021,
 *        2 jours après la date limite du 31 mars 2021"). The messages are those of the table
 *        credit of the catalogue (docs/messages.md).
 * @param[out] out receives the text (free with snplp_free()); NULL on failure.
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL argument, @p index out of range, unknown language);
 *         #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_credits_reason_render(const snplp_credits *credits, size_t index,
                                          snplp_language lang, char **out);

SNPLP_END_DECLS

#endif
