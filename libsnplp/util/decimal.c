/* Exact decimal values: units × 10^(−scale), parsed and formatted by hand (no locale, no
 * strtod/strtoll), compared, rescaled and added exactly. The sum and the ratio use 128-bit
 * integers (GCC and Clang's __int128): every aligned value is below 2^63 × 10^18 < 2^123. */
#include <snplp/decimal.h>

#include "util/errors.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#define MAX_SCALE 18

__extension__ typedef __int128 wide;
__extension__ typedef unsigned __int128 uwide;

/* 10^0 to 10^18, all below INT64_MAX. */
static const int64_t powers_of_ten[MAX_SCALE + 1] = {1,
                                                     10,
                                                     100,
                                                     1000,
                                                     10000,
                                                     100000,
                                                     1000000,
                                                     10000000,
                                                     100000000,
                                                     1000000000,
                                                     10000000000,
                                                     100000000000,
                                                     1000000000000,
                                                     10000000000000,
                                                     100000000000000,
                                                     1000000000000000,
                                                     10000000000000000,
                                                     100000000000000000,
                                                     1000000000000000000};

bool snplp_decimal_is_valid(snplp_decimal d)
{
    return d.scale >= 0 && d.scale <= MAX_SCALE && d.units != INT64_MIN;
}

/* Records SNPLP_EINVAL for the invalid value what of function fn. */
static int invalid(const char *fn, const char *what, snplp_decimal d)
{
    if (d.scale < 0 || d.scale > MAX_SCALE)
        return snplp__fail_in(fn, SNPLP_EINVAL, "%s has scale %" PRId32 ", outside 0 to 18", what,
                              d.scale);
    return snplp__fail_in(fn, SNPLP_EINVAL,
                          "%s has units INT64_MIN, which no valid decimal has (the units must "
                          "be at most 9223372036854775807 in absolute value)",
                          what);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Records SNPLP_EPARSE for the byte at offset i of text (len bytes), where expected was due. */
static int unexpected(const char *text, size_t len, size_t i, const char *expected)
{
    static const char fn[] = "snplp_decimal_parse";
    if (i >= len)
        return snplp__fail_in(fn, SNPLP_EPARSE, "the text ends at offset %zu where %s is expected",
                              i, expected);
    unsigned char c = (unsigned char)text[i];
    if (c >= 0x20 && c < 0x7f)
        return snplp__fail_in(fn, SNPLP_EPARSE,
                              "unexpected character '%c' at offset %zu (%s is expected; the "
                              "plain form is an optional '-', digits, and optionally '.' and "
                              "digits)",
                              (char)c, i, expected);
    return snplp__fail_in(fn, SNPLP_EPARSE,
                          "unexpected byte 0x%02X at offset %zu (%s is expected; only ASCII "
                          "digits, '-' and '.' are allowed)",
                          (unsigned)c, i, expected);
}

int snplp_decimal_parse(snplp_decimal *out, const char *text, size_t len)
{
    static const char fn[] = "snplp_decimal_parse";
    if (!out)
        return snplp__bad_arg(fn, "out is NULL");
    if (!text)
        return snplp__bad_arg(fn, "text is NULL");
    if (len == SIZE_MAX)
        len = strlen(text);
    if (len == 0)
        return snplp__fail_in(fn, SNPLP_EPARSE,
                              "the text is empty (a decimal such as \"12.50\" is "
                              "expected)");

    /* The syntax first, over the whole text: a malformed text is EPARSE even if too long. */
    size_t i = 0;
    bool negative = text[0] == '-';
    if (negative)
        i++;
    size_t int_start = i;
    while (i < len && is_digit(text[i]))
        i++;
    size_t int_end = i;
    if (int_end == int_start)
        return unexpected(text, len, i, "a digit");
    size_t frac_start = i, frac_end = i;
    if (i < len && text[i] == '.') {
        frac_start = ++i;
        while (i < len && is_digit(text[i]))
            i++;
        frac_end = i;
        if (frac_end == frac_start)
            return unexpected(text, len, i, "a digit after '.'");
    }
    if (i < len)
        return unexpected(text, len, i,
                          frac_end > frac_start ? "a digit or the end of the text"
                                                : "a digit, '.' or the end of the text");

    /* Then the range. */
    size_t frac_digits = frac_end - frac_start;
    if (frac_digits > MAX_SCALE)
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "%zu digits after the decimal point, at most 18 are allowed",
                              frac_digits);
    uint64_t units = 0;
    if ((int_end - int_start) + frac_digits <= 18) { /* below 10^18: no overflow to check */
        for (size_t k = int_start; k < int_end; k++)
            units = units * 10 + (uint64_t)(text[k] - '0');
        for (size_t k = frac_start; k < frac_end; k++)
            units = units * 10 + (uint64_t)(text[k] - '0');
        out->units = negative ? -(int64_t)units : (int64_t)units;
        out->scale = (int32_t)frac_digits;
        return SNPLP_OK;
    }
    for (size_t k = int_start; k < frac_end; k++) {
        if (k == int_end)
            continue; /* the '.' */
        uint64_t digit = (uint64_t)(text[k] - '0');
        if (units > ((uint64_t)INT64_MAX - digit) / 10)
            return snplp__fail_in(fn, SNPLP_EINVAL,
                                  "the value is out of range (its digits without the decimal "
                                  "point must be at most 9223372036854775807 in absolute value)");
        units = units * 10 + digit;
    }
    out->units = negative ? -(int64_t)units : (int64_t)units;
    out->scale = (int32_t)frac_digits;
    return SNPLP_OK;
}

int snplp_decimal_format(char *buf, size_t size, snplp_decimal d)
{
    static const char fn[] = "snplp_decimal_format";
    if (!buf)
        return snplp__bad_arg(fn, "buf is NULL");
    if (!snplp_decimal_is_valid(d))
        return invalid(fn, "the value", d);

    /* The digits, least significant first, padded with zeros to at least scale + 1 digits. */
    char digits[MAX_SCALE + 2];
    size_t n = 0;
    uint64_t u = d.units < 0 ? (uint64_t)-d.units : (uint64_t)d.units;
    do {
        digits[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    size_t scale = (size_t)d.scale;
    while (n < scale + 1)
        digits[n++] = '0';

    char text[SNPLP_DECIMAL_MAX_TEXT];
    size_t len = 0;
    if (d.units < 0)
        text[len++] = '-';
    for (size_t k = n; k-- > 0;) {
        text[len++] = digits[k];
        if (k == scale && scale > 0)
            text[len++] = '.';
    }
    text[len] = '\0';
    if (len + 1 > size)
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "the buffer holds %zu bytes, the text \"%s\" needs %zu (at most "
                              "SNPLP_DECIMAL_MAX_TEXT, 22, for any value)",
                              size, text, len + 1);
    memcpy(buf, text, len + 1);
    return SNPLP_OK;
}

static int sign_of(int64_t a, int64_t b)
{
    return (a > b) - (a < b);
}

int snplp_decimal_compare(snplp_decimal a, snplp_decimal b)
{
    bool valid_a = snplp_decimal_is_valid(a), valid_b = snplp_decimal_is_valid(b);
    if (!valid_a || !valid_b) {
        if (valid_a != valid_b)
            return valid_a ? 1 : -1;
        int c = sign_of(a.scale, b.scale);
        return c != 0 ? c : sign_of(a.units, b.units);
    }
    /* value = integer part (truncated) + fraction / 10^18, the fraction in (-10^18, 10^18)
     * with the sign of the units: comparing the integer parts, then the fractions, is exact. */
    int64_t int_a = a.units / powers_of_ten[a.scale], int_b = b.units / powers_of_ten[b.scale];
    int c = sign_of(int_a, int_b);
    if (c != 0)
        return c;
    int64_t frac_a = (a.units % powers_of_ten[a.scale]) * powers_of_ten[MAX_SCALE - a.scale];
    int64_t frac_b = (b.units % powers_of_ten[b.scale]) * powers_of_ten[MAX_SCALE - b.scale];
    return sign_of(frac_a, frac_b);
}

bool snplp_decimal_identical(snplp_decimal a, snplp_decimal b)
{
    return a.units == b.units && a.scale == b.scale;
}

int snplp_decimal_rescale(snplp_decimal *out, snplp_decimal d, int32_t scale)
{
    static const char fn[] = "snplp_decimal_rescale";
    if (!out)
        return snplp__bad_arg(fn, "out is NULL");
    if (!snplp_decimal_is_valid(d))
        return invalid(fn, "the value", d);
    if (scale < 0 || scale > MAX_SCALE)
        return snplp__fail_in(fn, SNPLP_EINVAL, "scale %" PRId32 " is outside 0 to 18", scale);
    int64_t units;
    if (scale >= d.scale) {
        int64_t factor = powers_of_ten[scale - d.scale];
        if (d.units > INT64_MAX / factor || d.units < -(INT64_MAX / factor))
            return snplp__fail_in(fn, SNPLP_EINVAL,
                                  "%" PRId64 " units of 10^-%" PRId32
                                  " do not fit at scale %" PRId32
                                  " (the units would be above 9223372036854775807 in absolute "
                                  "value)",
                                  d.units, d.scale, scale);
        units = d.units * factor;
    } else {
        int64_t factor = powers_of_ten[d.scale - scale];
        if (d.units % factor != 0)
            return snplp__fail_in(fn, SNPLP_EINVAL,
                                  "%" PRId64 " units of 10^-%" PRId32
                                  " cannot be written at scale %" PRId32
                                  " without losing nonzero digits",
                                  d.units, d.scale, scale);
        units = d.units / factor;
    }
    out->units = units;
    out->scale = scale;
    return SNPLP_OK;
}

int snplp_decimal_add(snplp_decimal *out, snplp_decimal a, snplp_decimal b)
{
    static const char fn[] = "snplp_decimal_add";
    if (!out)
        return snplp__bad_arg(fn, "out is NULL");
    if (!snplp_decimal_is_valid(a))
        return invalid(fn, "the first value", a);
    if (!snplp_decimal_is_valid(b))
        return invalid(fn, "the second value", b);
    int32_t scale = a.scale > b.scale ? a.scale : b.scale;
    /* Each aligned term is below 2^63 × 10^18 < 2^123 in absolute value: no 128-bit overflow. */
    wide sum = (wide)a.units * powers_of_ten[scale - a.scale] +
               (wide)b.units * powers_of_ten[scale - b.scale];
    if (sum > INT64_MAX || sum < -(wide)INT64_MAX)
        return snplp__fail_in(fn, SNPLP_EINVAL,
                              "the sum does not fit at scale %" PRId32
                              " (its units would be above 9223372036854775807 in absolute value)",
                              scale);
    out->units = (int64_t)sum;
    out->scale = scale;
    return SNPLP_OK;
}

int snplp_decimal_ratio(double *out, snplp_decimal num, snplp_decimal den)
{
    static const char fn[] = "snplp_decimal_ratio";
    if (!out)
        return snplp__bad_arg(fn, "out is NULL");
    if (!snplp_decimal_is_valid(num))
        return invalid(fn, "the numerator", num);
    if (!snplp_decimal_is_valid(den))
        return invalid(fn, "the denominator", den);
    if (den.units == 0)
        return snplp__fail_in(fn, SNPLP_EINVAL, "the denominator is zero");
    if (num.units == 0) {
        *out = 0.0;
        return SNPLP_OK;
    }
    /* num / den = (|num.units| × 10^den.scale) / (|den.units| × 10^num.scale), with the
     * common power of ten cancelled: n and d are then below 2^63 × 10^18 < 2^123. */
    bool negative = (num.units < 0) != (den.units < 0);
    uwide n = (uwide)(num.units < 0 ? -num.units : num.units);
    uwide d = (uwide)(den.units < 0 ? -den.units : den.units);
    if (den.scale >= num.scale)
        n *= (uwide)powers_of_ten[den.scale - num.scale];
    else
        d *= (uwide)powers_of_ten[num.scale - den.scale];
    /* Bring n / d into [1, 2) by powers of two (n stays below 2^124, d below 2^123). */
    int exponent = 0;
    while (n < d) {
        n <<= 1;
        exponent--;
    }
    while (n >= d << 1) {
        d <<= 1;
        exponent++;
    }
    /* 56 bits of the quotient by long division, then a sticky bit for any remainder: the
     * conversion to double (53 bits) then rounds exactly as the exact quotient would. */
    uint64_t q = 0;
    for (int k = 0; k < 56; k++) {
        q <<= 1;
        if (n >= d) {
            q |= 1;
            n -= d;
        }
        n <<= 1;
    }
    if (n != 0)
        q |= 1;
    /* The result is between about 1e-37 and 1e37: ldexp is exact (no overflow, no subnormal). */
    double r = ldexp((double)q, exponent - 55);
    *out = negative ? -r : r;
    return SNPLP_OK;
}
