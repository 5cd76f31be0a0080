/* Calendar dates: days of the proleptic Gregorian calendar, years 1000 to 9999, parsed and
 * formatted by hand (no locale), compared, and counted apart through a days-from-civil
 * computation. The internal check of reduced-precision ISO 8601 dates ("YYYY", "YYYY-MM",
 * "YYYY-MM-DD") used by the referential is built on the same rules. */
#include <snplp/date.h>

#include "util/date.h"
#include "util/errors.h"

#include <inttypes.h>
#include <string.h>
#include <time.h>

#define YEAR_FIRST 1000
#define YEAR_LAST  9999

bool snplp_date_is_leap_year(int32_t year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* The number of days of month (1 to 12) in year. */
static int32_t month_length(int32_t year, int32_t month)
{
    static const int32_t lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return lengths[month - 1] + (month == 2 && snplp_date_is_leap_year(year));
}

bool snplp_date_is_valid(snplp_date d)
{
    return d.year >= YEAR_FIRST && d.year <= YEAR_LAST && d.month >= 1 && d.month <= 12 &&
           d.day >= 1 && d.day <= month_length(d.year, d.month);
}

/* ---- parsing ---- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The value of the n ASCII digits at s (all checked to be digits by the caller). */
static int32_t digits_value(const char *s, int n)
{
    int32_t v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* The part of "YYYY-MM-DD" offset i belongs to. */
static const char *part_at(size_t i)
{
    static const char *const parts[10] = {"the year",
                                          "the year",
                                          "the year",
                                          "the year",
                                          "the '-' after the year",
                                          "the month",
                                          "the month",
                                          "the '-' after the month",
                                          "the day",
                                          "the day"};
    return i < 10 ? parts[i] : "the end of the text";
}

/* Records SNPLP_EPARSE for the byte at offset i of text (len bytes) where the form
 * "YYYY-MM-DD" wants something else. */
static int unexpected(const char *text, size_t len, size_t i)
{
    static const char fn[] = "snplp_date_parse";
    const char *expected = i >= 10 ? "the end of the text" : i == 4 || i == 7 ? "'-'" : "a digit";
    if (i >= len)
        return snplp__fail_in(fn, SNPLP_EPARSE,
                              "the text ends after %zu characters, in %s (a date is exactly "
                              "10 characters, \"YYYY-MM-DD\", e.g. \"2021-03-31\")",
                              len, part_at(i));
    unsigned char c = (unsigned char)text[i];
    if (i >= 10)
        return snplp__fail_in(fn, SNPLP_EPARSE,
                              "the text goes on after the day (%zu characters; a date is "
                              "exactly 10, \"YYYY-MM-DD\", e.g. \"2021-03-31\")",
                              len);
    if (c >= 0x20 && c < 0x7f)
        return snplp__fail_in(fn, SNPLP_EPARSE,
                              "unexpected character '%c' at offset %zu, in %s (%s is expected; "
                              "the form is \"YYYY-MM-DD\" with two-digit month and day, e.g. "
                              "\"2021-03-31\")",
                              (char)c, i, part_at(i), expected);
    return snplp__fail_in(fn, SNPLP_EPARSE,
                          "unexpected byte 0x%02X at offset %zu, in %s (%s is expected; the "
                          "form is \"YYYY-MM-DD\" in ASCII digits)",
                          (unsigned)c, i, part_at(i), expected);
}

int snplp_date_parse(snplp_date *out, const char *text)
{
    static const char fn[] = "snplp_date_parse";
    if (!out)
        return snplp__bad_arg(fn, "out is NULL");
    if (!text)
        return snplp__bad_arg(fn, "text is NULL");
    size_t len = strlen(text);
    if (len == 0)
        return snplp__fail_in(fn, SNPLP_EPARSE,
                              "the text is empty (a date \"YYYY-MM-DD\" such as \"2021-03-31\" "
                              "is expected)");
    /* The form first, character by character, then the day it names. */
    for (size_t i = 0; i < 10; i++) {
        bool dash = i == 4 || i == 7;
        if (i >= len || (dash ? text[i] != '-' : !is_digit(text[i])))
            return unexpected(text, len, i);
    }
    if (len > 10)
        return unexpected(text, len, 10);
    snplp_date d = {digits_value(text, 4), digits_value(text + 5, 2), digits_value(text + 8, 2)};
    if (d.year < YEAR_FIRST)
        return snplp__fail_in(fn, SNPLP_EPARSE, "the year %.4s is before 1000 (years 1000 to 9999)",
                              text);
    if (d.month < 1 || d.month > 12)
        return snplp__fail_in(fn, SNPLP_EPARSE, "the month %.2s of \"%s\" is not 01 to 12",
                              text + 5, text);
    int32_t length = month_length(d.year, d.month);
    if (d.day < 1 || d.day > length)
        return snplp__fail_in(fn, SNPLP_EPARSE,
                              "the day %.2s of \"%s\" is not 01 to %02" PRId32
                              ": month %.2s of %.4s has %" PRId32 " days%s",
                              text + 8, text, length, text + 5, text, length,
                              d.month != 2                      ? ""
                              : snplp_date_is_leap_year(d.year) ? " (a leap year)"
                                                                : " (not a leap year)");
    *out = d;
    return SNPLP_OK;
}

/* ---- formatting ---- */

/* Writes the n decimal digits of v (0 <= v < 10^n) at s. */
static void put_digits(char *s, int n, int32_t v)
{
    for (int i = n; i-- > 0; v /= 10)
        s[i] = (char)('0' + v % 10);
}

int snplp_date_format(char *buf, size_t size, snplp_date d)
{
    static const char fn[] = "snplp_date_format";
    if (!buf)
        return snplp__bad_arg(fn, "buf is NULL");
    if (snplp__date_check(d, fn, ""))
        return SNPLP_EINVAL;
    if (size < SNPLP_DATE_TEXT_SIZE)
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "the buffer holds %zu bytes, a date needs %d (SNPLP_DATE_TEXT_SIZE)",
                              size, SNPLP_DATE_TEXT_SIZE);
    put_digits(buf, 4, d.year);
    buf[4] = '-';
    put_digits(buf + 5, 2, d.month);
    buf[7] = '-';
    put_digits(buf + 8, 2, d.day);
    buf[10] = '\0';
    return SNPLP_OK;
}

/* ---- comparing and counting ---- */

static int sign_of(int32_t a, int32_t b)
{
    return (a > b) - (a < b);
}

int snplp_date_compare(snplp_date a, snplp_date b)
{
    bool valid_a = snplp_date_is_valid(a), valid_b = snplp_date_is_valid(b);
    if (valid_a != valid_b)
        return valid_a ? 1 : -1;
    int c = sign_of(a.year, b.year);
    if (c == 0)
        c = sign_of(a.month, b.month);
    if (c == 0)
        c = sign_of(a.day, b.day);
    return c;
}

/* The number of days from 1 March of year 0 to d (valid): the days-from-civil computation
 * (years begin in March, so that the leap day ends them; 400-year eras of 146097 days). All
 * values are positive for years 1000 to 9999. */
static int32_t days_from_civil(snplp_date d)
{
    int32_t y = d.month <= 2 ? d.year - 1 : d.year;
    int32_t era = y / 400;
    int32_t yoe = y - era * 400;                          /* 0 to 399 */
    int32_t mp = d.month > 2 ? d.month - 3 : d.month + 9; /* March = 0 */
    int32_t doy = (153 * mp + 2) / 5 + d.day - 1;         /* 0 to 365 */
    int32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  /* 0 to 146096 */
    return era * 146097 + doe;
}

int snplp__date_check(snplp_date d, const char *fn, const char *what)
{
    if (snplp_date_is_valid(d))
        return SNPLP_OK;
    return snplp__fail_in(fn, SNPLP_EINVAL,
                          "%s%s{%" PRId32 ", %" PRId32 ", %" PRId32
                          "} (year, month, day) names no day of years 1000 to 9999",
                          what, what[0] ? " " : "", d.year, d.month, d.day);
}

int snplp_date_days_between(int32_t *out, snplp_date from, snplp_date to)
{
    static const char fn[] = "snplp_date_days_between";
    if (!out)
        return snplp__bad_arg(fn, "out is NULL");
    if (snplp__date_check(from, fn, "from") || snplp__date_check(to, fn, "to"))
        return SNPLP_EINVAL;
    *out = days_from_civil(to) - days_from_civil(from);
    return SNPLP_OK;
}

int snplp_date_today(snplp_date *out)
{
    static const char fn[] = "snplp_date_today";
    if (!out)
        return snplp__bad_arg(fn, "out is NULL");
    time_t now = time(NULL);
    if (now == (time_t)-1)
        return snplp__fail_in(fn, SNPLP_EINTERNAL, "the system clock cannot be read (time())");
    struct tm tm;
    if (!localtime_r(&now, &tm))
        return snplp__fail_in(fn, SNPLP_EINTERNAL,
                              "the local date cannot be computed (localtime_r() failed)");
    snplp_date d = {(int32_t)tm.tm_year + 1900, (int32_t)tm.tm_mon + 1, (int32_t)tm.tm_mday};
    if (!snplp_date_is_valid(d))
        return snplp__fail_in(fn, SNPLP_EINTERNAL,
                              "the clock gives year %" PRId32 ", month %" PRId32 ", day %" PRId32
                              ", not a day of years 1000 to 9999",
                              d.year, d.month, d.day);
    *out = d;
    return SNPLP_OK;
}

/* ---- internal: reduced precision ("YYYY", "YYYY-MM", "YYYY-MM-DD") ---- */

/* Whether the n characters at s are all ASCII digits. */
static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_digit(s[i]))
            return false;
    return true;
}

bool snplp__date_is_valid(const char *s)
{
    if (!s)
        return false;
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10)
        return false;
    /* The missing parts of a reduced-precision date are the first month and the first day. */
    snplp_date d = {0, 1, 1};
    if (!all_digits(s, 4))
        return false;
    d.year = digits_value(s, 4);
    if (n >= 7) {
        if (s[4] != '-' || !all_digits(s + 5, 2))
            return false;
        d.month = digits_value(s + 5, 2);
    }
    if (n == 10) {
        if (s[7] != '-' || !all_digits(s + 8, 2))
            return false;
        d.day = digits_value(s + 8, 2);
    }
    return snplp_date_is_valid(d);
}
