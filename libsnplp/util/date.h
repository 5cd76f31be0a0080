/* Internal: ISO 8601 calendar dates of reduced precision ("YYYY", "YYYY-MM", "YYYY-MM-DD"). */
#ifndef SNPLP_UTIL_DATE_H
#define SNPLP_UTIL_DATE_H

#include <stdbool.h>

#include <snplp/date.h>

/* True for "YYYY", "YYYY-MM" or "YYYY-MM-DD" naming a real day of the Gregorian calendar,
 * years 1000 to 9999. */
bool snplp__date_is_valid(const char *s);

/* 0 if d names a day (snplp_date_is_valid()); else SNPLP_EINVAL recorded for fn: "what {year,
 * month, day} (year, month, day) names no day of years 1000 to 9999" (what may be "": the
 * message then starts with the braces). */
int snplp__date_check(snplp_date d, const char *fn, const char *what);

#endif
