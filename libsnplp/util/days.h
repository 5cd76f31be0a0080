/* Internal: durations in days, kept to the millionth of a day (a module's duration, the
 * training plan's maximum), and their one text form: [0-9]{1,4}(.[0-9]{1,6})?, above 0. */
#ifndef SNPLP_UTIL_DAYS_H
#define SNPLP_UTIL_DAYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The largest duration: 9999.999999 days, in millionths of a day. */
#define SNPLP__DAYS_MAX_MICRO 9999999999.0

/* Parses a decimal number of days of the form [0-9]{1,4}(.[0-9]{1,6})?, greater than 0, into
 * millionths of a day; false if s has another form. */
bool snplp__days_parse(const char *s, size_t n, int64_t *micro);
/* Writes days (a model value: millionths of a day) in the form above into buf (32 bytes). */
void snplp__days_format(char *buf, size_t size, double days);

#endif
