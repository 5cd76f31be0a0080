/**
 * @file date.h
 * @brief Calendar dates (signature dates, report submissions, the date a check is made at).
 *
 * A #snplp_date is a day of the proleptic Gregorian calendar, years 1000 to 9999, with no time
 * and no time zone: "the 31st of March 2021" whatever the clock says. Its text form is ISO 8601
 * "YYYY-MM-DD". Like #snplp_decimal it is a small value type passed by value; the functions
 * here allocate nothing and are safe from any thread.
 */
#ifndef SNPLP_DATE_H
#define SNPLP_DATE_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/**
 * @brief A calendar day: `(snplp_date){2021, 3, 31}` is the 31st of March 2021.
 *
 * Its layout (three signed 32-bit integers) is part of the ABI. A value is valid
 * (snplp_date_is_valid()) when it names a real day of years 1000 to 9999: 29 February only in
 * leap years (divisible by 4, except centuries not divisible by 400).
 */
typedef struct snplp_date {
    int32_t year;  /**< 1000 to 9999 */
    int32_t month; /**< 1 (January) to 12 */
    int32_t day;   /**< 1 to the length of the month */
} snplp_date;

/** @brief The size of a buffer that holds "YYYY-MM-DD" and its NUL. */
#define SNPLP_DATE_TEXT_SIZE 11

/** @brief Whether @p d names a real day of years 1000 to 9999. Records no error. */
SNPLP_API bool snplp_date_is_valid(snplp_date d);

/** @brief Whether @p year is a leap year of the Gregorian calendar. Records no error. */
SNPLP_API bool snplp_date_is_leap_year(int32_t year);

/**
 * @brief Parses "YYYY-MM-DD" (exactly ten characters, ASCII digits, a real day).
 * @param out the date; unchanged on failure.
 * @param text the text, NUL-terminated.
 * @return #SNPLP_OK; #SNPLP_EINVAL if an argument is NULL; #SNPLP_EPARSE if the text is not
 *         of that form or names no real day ("2023-02-29"); the message says which.
 */
SNPLP_API int snplp_date_parse(snplp_date *out, const char *text);

/**
 * @brief Writes "YYYY-MM-DD".
 * @param buf receives the text and its NUL (#SNPLP_DATE_TEXT_SIZE bytes are enough).
 * @param size the size of @p buf.
 * @param d the date.
 * @return #SNPLP_OK; #SNPLP_EINVAL if @p buf is NULL, @p size is too small or @p d is not
 *         valid.
 */
SNPLP_API int snplp_date_format(char *buf, size_t size, snplp_date d);

/**
 * @brief Compares two dates: -1, 0 or 1. Invalid dates come before valid ones (a total order
 *        usable with `qsort()`); records no error.
 */
SNPLP_API int snplp_date_compare(snplp_date a, snplp_date b);

/**
 * @brief The number of days from @p from to @p to (negative when @p to is earlier): from
 *        2024-02-28 to 2024-03-01 is 2, from 2023-02-28 to 2023-03-01 is 1.
 * @param out the number of days; unchanged on failure.
 * @param from a date.
 * @param to a date.
 * @return #SNPLP_OK; #SNPLP_EINVAL if @p out is NULL or a date is not valid.
 */
SNPLP_API int snplp_date_days_between(int32_t *out, snplp_date from, snplp_date to);

/**
 * @brief Today's date in the local time zone of the process (the default date of checks).
 * @param out the date; unchanged on failure.
 * @return #SNPLP_OK; #SNPLP_EINVAL if @p out is NULL; #SNPLP_EINTERNAL if the clock or the
 *         time zone cannot be read.
 */
SNPLP_API int snplp_date_today(snplp_date *out);

SNPLP_END_DECLS

#endif
