/**
 * @file decimal.h
 * @brief Exact decimal values (indicator targets, actuals, baselines): what is read is written
 *        back digit for digit.
 *
 * A #snplp_decimal is `units × 10^(−scale)`: "12.50" is `{1250, 2}` and stays `{1250, 2}`
 * (trailing zeros are kept). The text form is the plain form: an optional `-`, digits, and
 * optionally a `.` followed by at least one digit (snplp_decimal_parse()). Digit for digit:
 * snplp_decimal_format() writes a text that snplp_decimal_parse() reads back as an identical
 * value, and a text without superfluous leading zeros and not a negative zero is written back
 * exactly as it was read ("12.50", "-0.005", "0.000000000000000001"); "007" is written back
 * "7" and "-0.00" "0.00".
 *
 * A value is valid (snplp_decimal_is_valid()) when its scale is 0 to 18 and its units are not
 * `INT64_MIN`, so that negating the units never overflows. Every function returning a status
 * refuses an invalid value with #SNPLP_EINVAL; the functions here only ever produce valid
 * values. All of them are pure computations: they allocate nothing, use no locale and are safe
 * from any thread.
 */
#ifndef SNPLP_DECIMAL_H
#define SNPLP_DECIMAL_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/**
 * @brief An exact decimal value: snplp_decimal::units × 10^(−snplp_decimal::scale).
 *
 * This is the one deliberate exception to opaque types in libsnplp (like a `struct timespec`):
 * a small value passed and returned by value. Its layout (a signed 64-bit integer then a
 * signed 32-bit integer, 16 bytes with the padding on the usual ABIs) is part of the ABI and
 * will not change.
 *
 * Valid values have a snplp_decimal::scale of 0 to 18 and snplp_decimal::units other than
 * `INT64_MIN`: the range is −9 223 372 036 854 775 807 to 9 223 372 036 854 775 807 units of
 * 10^(−scale). The scale is the number of digits after the decimal point and is kept as given:
 * `{1250, 2}` ("12.50") and `{125, 1}` ("12.5") are equal (snplp_decimal_compare()) but not
 * identical (snplp_decimal_identical()). Zero has no sign: "-0.00" is `{0, 2}`.
 *
 * A compound literal makes one from an integer: `(snplp_decimal){42, 0}`.
 */
typedef struct snplp_decimal {
    int64_t units; /**< the digits of the value as an integer, with its sign */
    int32_t scale; /**< the number of digits after the decimal point, 0 to 18 */
} snplp_decimal;

/**
 * @brief The size of a buffer that holds the text of any valid #snplp_decimal, its NUL
 *        included (snplp_decimal_format()).
 *
 * The longest texts have 21 characters: "-9223372036854775807" with a decimal point inserted
 * (e.g. "-9.223372036854775807" at scale 18) or "-0.000000000000000001".
 */
#define SNPLP_DECIMAL_MAX_TEXT 22

/**
 * @brief Whether a value is valid: scale 0 to 18 and units other than `INT64_MIN`.
 *
 * Records no error.
 */
SNPLP_API bool snplp_decimal_is_valid(snplp_decimal d);

/**
 * @brief Parses the plain text form of a decimal, keeping its scale ("12.50" is `{1250, 2}`).
 *
 * The text is an optional `-`, then one or more ASCII digits, then optionally a `.` followed by
 * one or more digits: no `+`, no exponent, no white space, no leading or trailing `.`, no digit
 * other than ASCII `0`-`9`. Leading zeros are allowed and not kept ("007" is `{7, 0}`, any
 * number of them). "-0" and "-0.00" are allowed and are zero, which has no sign: "-0.00" is
 * `{0, 2}`, formatted back as "0.00".
 *
 * @param out the value; unchanged on failure.
 * @param text the text; it need not end with a NUL when @p len is given.
 * @param len the number of bytes to read from @p text (a slice of a larger buffer), or
 *        `SIZE_MAX` to read up to the first NUL. A NUL inside the first @p len bytes is an
 *        unexpected character.
 * @return #SNPLP_OK;
 *         #SNPLP_EINVAL if @p out or @p text is NULL, or if the text is well-formed but out of
 *         range: more than 18 digits after the decimal point, or units above
 *         9223372036854775807 in absolute value ("-9223372036854775808" is refused too);
 *         #SNPLP_EPARSE if the text is not the plain form (the message gives the byte offset,
 *         counted from 0, of the first unexpected character, or says the text ended too soon).
 *         A malformed text is reported as #SNPLP_EPARSE even when it is also out of range.
 */
SNPLP_API int snplp_decimal_parse(snplp_decimal *out, const char *text, size_t len);

/**
 * @brief Writes the plain text form of a value, with exactly `scale` digits after the decimal
 *        point: `{1250, 2}` is "12.50", `{-5, 3}` is "-0.005", `{0, 0}` is "0", `{0, 2}` is
 *        "0.00".
 *
 * The text is ASCII and never depends on the locale. It is parsed back by
 * snplp_decimal_parse() into an identical value.
 *
 * @param buf the buffer receiving the text and its NUL; unchanged on failure.
 * @param size the size of @p buf in bytes: #SNPLP_DECIMAL_MAX_TEXT is always enough.
 * @param d the value.
 * @return #SNPLP_OK; #SNPLP_EINVAL if @p buf is NULL, @p d is not valid, or @p size is too
 *         small (the message gives the size needed).
 */
SNPLP_API int snplp_decimal_format(char *buf, size_t size, snplp_decimal d);

/**
 * @brief Compares two values by value, exactly, whatever their scales: `{1250, 2}` equals
 *        `{125, 1}`.
 *
 * Never fails and records no error. It is a total order usable with `qsort()`: values that are
 * not valid (snplp_decimal_is_valid()) come before every valid value, ordered among themselves
 * by scale then units.
 *
 * @return -1 if @p a is less than @p b, 0 if they are equal, 1 if @p a is greater.
 */
SNPLP_API int snplp_decimal_compare(snplp_decimal a, snplp_decimal b);

/**
 * @brief Whether two values are identical digit for digit: the same units and the same scale.
 *
 * `{1250, 2}` and `{125, 1}` are equal but not identical. Records no error.
 */
SNPLP_API bool snplp_decimal_identical(snplp_decimal a, snplp_decimal b);

/**
 * @brief The same value at another scale, exactly: `{125, 1}` at scale 3 is `{12500, 3}`,
 *        `{12500, 3}` at scale 1 is `{125, 1}`.
 *
 * @param out the value at scale @p scale; unchanged on failure.
 * @param d the value.
 * @param scale the new scale, 0 to 18.
 * @return #SNPLP_OK; #SNPLP_EINVAL if @p out is NULL, @p d is not valid, @p scale is out of
 *         range, nonzero digits would be lost (`{125, 1}` at scale 0), or the units would
 *         overflow.
 */
SNPLP_API int snplp_decimal_rescale(snplp_decimal *out, snplp_decimal d, int32_t scale);

/**
 * @brief The exact sum of two values, at the larger of their scales: `{1250, 2}` + `{5, 1}` is
 *        `{1300, 2}` ("12.50" + "0.5" = "13.00").
 *
 * @param out the sum; unchanged on failure.
 * @param a a value.
 * @param b a value.
 * @return #SNPLP_OK; #SNPLP_EINVAL if @p out is NULL, a value is not valid, or the sum at that
 *         scale does not fit (its units would be above 9223372036854775807 in absolute value).
 */
SNPLP_API int snplp_decimal_add(snplp_decimal *out, snplp_decimal a, snplp_decimal b);

/**
 * @brief The quotient @p num / @p den as a `double` (an achievement rate: actual / target).
 *
 * The quotient is computed from the exact values, then rounded once to the nearest `double`
 * (ties to even, in the default rounding mode): the result is the correctly rounded quotient,
 * whatever the scales. Every quotient of valid values lies between about 1e-37 and 1e37 in
 * absolute value, so it never overflows nor underflows. A zero numerator gives +0.0.
 *
 * @param out the quotient; unchanged on failure.
 * @param num the numerator.
 * @param den the denominator.
 * @return #SNPLP_OK; #SNPLP_EINVAL if @p out is NULL, a value is not valid, or @p den is zero.
 */
SNPLP_API int snplp_decimal_ratio(double *out, snplp_decimal num, snplp_decimal den);

SNPLP_END_DECLS

#endif
