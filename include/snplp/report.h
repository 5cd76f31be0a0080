/**
 * @file report.h
 * @brief Annual execution reports: when each is due, when it was sent, and its state at a date.
 *
 * The report on year N is sent by the territory to the préfet no later than 31 March of N+1
 * (seed 002). A convention records the date each report was sent; at a given date, the report
 * of a year is:
 * - not yet due: not sent, and the date is on or before 31 March N+1;
 * - on time: sent on or before 31 March N+1;
 * - late: sent after 31 March N+1;
 * - missing: not sent, and the date is after 31 March N+1.
 * A report sent after the date of the question is not sent yet at that date.
 */
#ifndef SNPLP_REPORT_H
#define SNPLP_REPORT_H

#include <snplp/common.h>
#include <snplp/date.h>

SNPLP_BEGIN_DECLS

/** @brief The state of a year's report at a date. Values are part of the ABI. */
typedef enum snplp_report_state {
    SNPLP_REPORT_NONE = 0,        /**< no state (invalid argument) */
    SNPLP_REPORT_NOT_YET_DUE = 1, /**< not sent, still in time */
    SNPLP_REPORT_ON_TIME = 2,     /**< sent by 31 March of the next year */
    SNPLP_REPORT_LATE = 3,        /**< sent after 31 March of the next year */
    SNPLP_REPORT_MISSING = 4      /**< not sent, and 31 March of the next year has passed */
} snplp_report_state;

/** @brief "not-yet-due", "on-time", "late", "missing"; "none" for any other value. */
SNPLP_API const char *snplp_report_state_name(snplp_report_state state);

/**
 * @brief The day the report on @p year is due: 31 March of @p year + 1.
 * @param[out] out the date; unchanged on failure.
 * @param year #SNPLP_YEAR_MIN to #SNPLP_YEAR_MAX (convention.h).
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL, year out of range).
 */
SNPLP_API int snplp_report_due_date(snplp_date *out, int32_t year);

/**
 * @brief Records the date the report on @p year was sent (replacing an earlier record).
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL, year out of range, invalid date, or a date before the
 *         1st of January of @p year + 1: a report on a year is sent after it); #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_convention_set_report_sent(snplp_convention *conv, int32_t year,
                                               snplp_date sent);

/**
 * @brief The date the report on @p year was sent.
 * @return #SNPLP_OK; #SNPLP_ENOTFOUND if none is recorded; #SNPLP_EINVAL.
 */
SNPLP_API int snplp_convention_report_sent(snplp_date *out, const snplp_convention *conv,
                                           int32_t year);

/** @brief Forgets the report of @p year. @return #SNPLP_OK, #SNPLP_ENOTFOUND, #SNPLP_EINVAL. */
SNPLP_API int snplp_convention_clear_report(snplp_convention *conv, int32_t year);

/** @brief The number of years with a report recorded (0 for NULL). */
SNPLP_API size_t snplp_convention_report_year_count(const snplp_convention *conv);

/** @brief The @p index-th year with a report, in increasing order; 0 if out of range. */
SNPLP_API int32_t snplp_convention_report_year_at(const snplp_convention *conv, size_t index);

/**
 * @brief The state of the report on @p year at the date @p at.
 * @return the state; #SNPLP_REPORT_NONE (error recorded) for a NULL convention, a year out of
 *         range or an invalid date.
 */
SNPLP_API snplp_report_state snplp_convention_report_state(const snplp_convention *conv,
                                                           int32_t year, snplp_date at);

SNPLP_END_DECLS

#endif
