/* Internal: ISO 8601 calendar dates of reduced precision ("YYYY", "YYYY-MM", "YYYY-MM-DD"). */
#ifndef SNPLP_INTERNAL_DATE_H
#define SNPLP_INTERNAL_DATE_H

#include <stdbool.h>

/* True for "YYYY", "YYYY-MM" or "YYYY-MM-DD" naming a real day of the Gregorian calendar,
 * years 1000 to 9999. */
bool snplp__date_is_valid(const char *s);

#endif
