/* Tests of decimal.h: exact decimal values parsed and formatted digit for digit, every refusal
 * of the parser, slices, buffer sizes, exact comparison across scales (checked against a
 * 128-bit reference), rescaling, sums and correctly rounded ratios, with the error recorded. */
#include "test_util.h"
#include "test_values.h"

#include <stdio.h>

#define M INT64_MAX

/* A value some failing call must leave as it was. */
static const snplp_decimal sentinel = {4242, 3};

/* ---- parse and format: round trips ---- */

static const struct {
    const char *text;
    int64_t units;
    int32_t scale;
    const char *formatted; /* NULL: the text itself, digit for digit */
} round_trips[] = {
    {"0", 0, 0, NULL},
    {"-0", 0, 0, "0"},
    {"-0.00", 0, 2, "0.00"},
    {"0.0", 0, 1, NULL},
    {"007", 7, 0, "7"},
    {"00.10", 10, 2, "0.10"},
    {"000000000000000000000000000000000001", 1, 0, "1"},
    {"12.50", 1250, 2, NULL},
    {"12.5", 125, 1, NULL},
    {"-12.5", -125, 1, NULL},
    {"100", 100, 0, NULL},
    {"-0.005", -5, 3, NULL},
    {"0.000000000000000001", 1, 18, NULL},
    {"-0.000000000000000001", -1, 18, NULL},
    {"1.000000000000000000", 1000000000000000000, 18, NULL},
    {"9223372036854775807", M, 0, NULL},
    {"-9223372036854775807", -M, 0, NULL},
    {"922337203685477580.7", M, 1, NULL},
    {"9.223372036854775807", M, 18, NULL},
    {"-9.223372036854775807", -M, 18, NULL},
    {"0.922337203685477580", 922337203685477580, 18, NULL},
    {"0009223372036854775807", M, 0, "9223372036854775807"},
    /* at most 18 digits are read without overflow checks; 19 with them */
    {"999999999999999999", 999999999999999999, 0, NULL},
    {"-99999999999999999.9", -999999999999999999, 1, NULL},
    {"0.00000000000000001", 1, 17, NULL},
    {"1000000000000000000", 1000000000000000000, 0, NULL},
    {"-0.000000000000000010", -10, 18, NULL},
};

static void parse_and_format_round_trip(void **state)
{
    (void)state;
    for (size_t i = 0; i < COUNT_OF(round_trips); i++) {
        const char *text = round_trips[i].text;
        const char *want = round_trips[i].formatted ? round_trips[i].formatted : text;
        snplp_decimal d = sentinel;
        assert_ok(snplp_decimal_parse(&d, text, SIZE_MAX));
        assert_identical(d, dec(round_trips[i].units, round_trips[i].scale));
        assert_true(snplp_decimal_is_valid(d));
        snplp_decimal same = sentinel;
        assert_ok(snplp_decimal_parse(&same, text, strlen(text)));
        assert_identical(same, dec(d.units, d.scale));

        char buf[SNPLP_DECIMAL_MAX_TEXT];
        assert_ok(snplp_decimal_format(buf, sizeof buf, d));
        assert_string_equal(buf, want);
        snplp_decimal back = sentinel;
        assert_ok(snplp_decimal_parse(&back, buf, SIZE_MAX));
        assert_true(snplp_decimal_identical(back, d));
    }
}

static void format_examples(void **state)
{
    (void)state;
    static const struct {
        int64_t units;
        int32_t scale;
        const char *text;
    } cases[] = {
        {1250, 2, "12.50"},
        {-5, 3, "-0.005"},
        {0, 0, "0"},
        {0, 18, "0.000000000000000000"},
        {5, 1, "0.5"},
        {-5, 1, "-0.5"},
        {10, 1, "1.0"},
        {-1, 0, "-1"},
        {123456789, 4, "12345.6789"},
        {M, 0, "9223372036854775807"},
        {-M, 0, "-9223372036854775807"},
        {M, 18, "9.223372036854775807"},
        {-M, 17, "-92.23372036854775807"},
        {1, 18, "0.000000000000000001"},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        char buf[SNPLP_DECIMAL_MAX_TEXT];
        assert_ok(snplp_decimal_format(buf, sizeof buf, dec(cases[i].units, cases[i].scale)));
        assert_string_equal(buf, cases[i].text);
    }
}

/* ---- parse: refusals ---- */

static void parse_refusals(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int code;
        const char *message; /* a part of the message */
    } cases[] = {
        {"", SNPLP_EPARSE, "empty"},
        {"-", SNPLP_EPARSE, "ends at offset 1"},
        {".5", SNPLP_EPARSE, "'.' at offset 0"},
        {"-.5", SNPLP_EPARSE, "'.' at offset 1"},
        {"5.", SNPLP_EPARSE, "ends at offset 2"},
        {"-5.", SNPLP_EPARSE, "ends at offset 3"},
        {"+5", SNPLP_EPARSE, "'+' at offset 0"},
        {"--5", SNPLP_EPARSE, "'-' at offset 1"},
        {"5-", SNPLP_EPARSE, "'-' at offset 1"},
        {"1e3", SNPLP_EPARSE, "'e' at offset 1"},
        {"1.5e3", SNPLP_EPARSE, "'e' at offset 3"},
        {"1E3", SNPLP_EPARSE, "'E' at offset 1"},
        {" 5", SNPLP_EPARSE, "' ' at offset 0"},
        {"5 ", SNPLP_EPARSE, "' ' at offset 1"},
        {"\t5", SNPLP_EPARSE, "0x09 at offset 0"},
        {"5\n", SNPLP_EPARSE, "0x0A at offset 1"},
        {"1.2.3", SNPLP_EPARSE, "'.' at offset 3"},
        {"1,5", SNPLP_EPARSE, "',' at offset 1"},
        {"0x10", SNPLP_EPARSE, "'x' at offset 1"},
        {"1_000", SNPLP_EPARSE, "'_' at offset 1"},
        {"inf", SNPLP_EPARSE, "'i' at offset 0"},
        {"nan", SNPLP_EPARSE, "'n' at offset 0"},
        {"\xef\xbc\x91", SNPLP_EPARSE, "0xEF at offset 0"},   /* U+FF11 FULLWIDTH DIGIT ONE */
        {"1\xd9\xa3", SNPLP_EPARSE, "0xD9 at offset 1"},      /* U+0663 ARABIC-INDIC THREE */
        {"99999999999999999999x", SNPLP_EPARSE, "offset 20"}, /* malformed before too large */
        {"0.1234567890123456789", SNPLP_EINVAL, "19 digits after the decimal point"},
        {"0.0000000000000000000", SNPLP_EINVAL, "19 digits after the decimal point"},
        {"9223372036854775808", SNPLP_EINVAL, "out of range"},
        {"-9223372036854775808", SNPLP_EINVAL, "out of range"},
        {"92233720368547758070", SNPLP_EINVAL, "out of range"},
        {"922337203685477580.8", SNPLP_EINVAL, "out of range"},
        {"-9.223372036854775808", SNPLP_EINVAL, "out of range"},
        {"18446744073709551616", SNPLP_EINVAL, "out of range"},
        {"100000000000000000000000000000", SNPLP_EINVAL, "out of range"},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        snplp_decimal d = sentinel;
        assert_fails(snplp_decimal_parse(&d, cases[i].text, SIZE_MAX), cases[i].code);
        assert_message_has("snplp_decimal_parse: ");
        assert_message_has(cases[i].message);
        assert_true(snplp_decimal_identical(d, sentinel));
        assert_fails(snplp_decimal_parse(&d, cases[i].text, strlen(cases[i].text)), cases[i].code);
        assert_message_has(cases[i].message);
        assert_true(snplp_decimal_identical(d, sentinel));
    }
}

static void parse_null(void **state)
{
    (void)state;
    snplp_decimal d = sentinel;
    assert_fails(snplp_decimal_parse(NULL, "1", SIZE_MAX), SNPLP_EINVAL);
    assert_message_has("out is NULL");
    assert_fails(snplp_decimal_parse(&d, NULL, SIZE_MAX), SNPLP_EINVAL);
    assert_message_has("text is NULL");
    assert_fails(snplp_decimal_parse(&d, NULL, 0), SNPLP_EINVAL);
    assert_fails(snplp_decimal_parse(NULL, NULL, 0), SNPLP_EINVAL);
    assert_true(snplp_decimal_identical(d, sentinel));
}

/* ---- parse: slices ---- */

static void parse_slices(void **state)
{
    (void)state;
    snplp_decimal d = sentinel;
    assert_ok(snplp_decimal_parse(&d, "12.50xyz", 5));
    assert_identical(d, dec(1250, 2));
    assert_ok(snplp_decimal_parse(&d, "12.50xyz", 4));
    assert_identical(d, dec(125, 1));
    assert_ok(snplp_decimal_parse(&d, "12.50xyz", 2));
    assert_identical(d, dec(12, 0));
    const char *line = "target=-3.25;actual=1";
    assert_ok(snplp_decimal_parse(&d, line + 7, 5));
    assert_identical(d, dec(-325, 2));
    assert_ok(snplp_decimal_parse(&d, line + 20, 1));
    assert_identical(d, dec(1, 0));

    /* No NUL needed (valgrind and ASan see any read past the array). */
    const char digits[4] = {'1', '2', '3', '4'};
    assert_ok(snplp_decimal_parse(&d, digits, sizeof digits));
    assert_identical(d, dec(1234, 0));
    const char frac[3] = {'0', '.', '5'};
    assert_ok(snplp_decimal_parse(&d, frac, sizeof frac));
    assert_identical(d, dec(5, 1));

    /* A slice ending on the '.' or the '-', an empty slice, a NUL inside the slice. */
    d = sentinel;
    assert_fails(snplp_decimal_parse(&d, "12.50", 3), SNPLP_EPARSE);
    assert_message_has("ends at offset 3");
    assert_fails(snplp_decimal_parse(&d, "-5", 1), SNPLP_EPARSE);
    assert_fails(snplp_decimal_parse(&d, "5", 0), SNPLP_EPARSE);
    assert_message_has("empty");
    assert_fails(snplp_decimal_parse(&d,
                                     "1\0"
                                     "2",
                                     3),
                 SNPLP_EPARSE);
    assert_message_has("0x00 at offset 1");
    assert_true(snplp_decimal_identical(d, sentinel));
    /* SIZE_MAX stops at the NUL. */
    assert_ok(snplp_decimal_parse(&d,
                                  "1\0"
                                  "2",
                                  SIZE_MAX));
    assert_identical(d, dec(1, 0));
    /* 18 fraction digits in a slice of a longer run. */
    assert_ok(snplp_decimal_parse(&d, "0.1234567890123456789", 20));
    assert_identical(d, dec(123456789012345678, 18));
}

/* ---- format: buffer sizes and refusals ---- */

static void format_buffer_sizes(void **state)
{
    (void)state;
    for (size_t i = 0; i < COUNT_OF(round_trips); i++) {
        snplp_decimal d = dec(round_trips[i].units, round_trips[i].scale);
        const char *want =
            round_trips[i].formatted ? round_trips[i].formatted : round_trips[i].text;
        size_t need = strlen(want) + 1;
        assert_true(need <= SNPLP_DECIMAL_MAX_TEXT);
        char buf[SNPLP_DECIMAL_MAX_TEXT + 8];

        memset(buf, 'x', sizeof buf);
        assert_ok(snplp_decimal_format(buf, need, d));
        assert_string_equal(buf, want);
        assert_int_equal(buf[need], 'x'); /* nothing written past the size */

        memset(buf, 'x', sizeof buf);
        assert_fails(snplp_decimal_format(buf, need - 1, d), SNPLP_EINVAL);
        char needs[64];
        snprintf(needs, sizeof needs, "needs %zu", need);
        assert_message_has(needs);
        for (size_t k = 0; k < sizeof buf; k++)
            assert_int_equal(buf[k], 'x'); /* unchanged on failure */
        assert_fails(snplp_decimal_format(buf, 0, d), SNPLP_EINVAL);
        assert_int_equal(buf[0], 'x');
    }
}

static void format_longest_texts(void **state)
{
    (void)state;
    /* The longest texts fill SNPLP_DECIMAL_MAX_TEXT exactly. */
    const snplp_decimal longest[] = {dec(-M, 18), dec(-M, 1), dec(-1, 18), dec(-M, 9)};
    for (size_t i = 0; i < COUNT_OF(longest); i++) {
        char buf[SNPLP_DECIMAL_MAX_TEXT];
        assert_ok(snplp_decimal_format(buf, sizeof buf, longest[i]));
        assert_int_equal(strlen(buf), SNPLP_DECIMAL_MAX_TEXT - 1);
        assert_fails(snplp_decimal_format(buf, sizeof buf - 1, longest[i]), SNPLP_EINVAL);
    }
    /* Every scale of the extremes fits. */
    for (int32_t scale = 0; scale <= 18; scale++) {
        const int64_t units[] = {M, -M, 1, -1, 0};
        for (size_t i = 0; i < COUNT_OF(units); i++) {
            char buf[SNPLP_DECIMAL_MAX_TEXT];
            snplp_decimal back = sentinel;
            assert_ok(snplp_decimal_format(buf, sizeof buf, dec(units[i], scale)));
            assert_ok(snplp_decimal_parse(&back, buf, SIZE_MAX));
            assert_identical(back, dec(units[i], scale));
        }
    }
}

static void format_refusals(void **state)
{
    (void)state;
    char buf[SNPLP_DECIMAL_MAX_TEXT] = "untouched";
    assert_fails(snplp_decimal_format(NULL, 10, dec(1, 0)), SNPLP_EINVAL);
    assert_message_has("buf is NULL");
    assert_fails(snplp_decimal_format(buf, sizeof buf, dec(1, 19)), SNPLP_EINVAL);
    assert_message_has("scale 19");
    assert_fails(snplp_decimal_format(buf, sizeof buf, dec(1, -1)), SNPLP_EINVAL);
    assert_message_has("scale -1");
    assert_fails(snplp_decimal_format(buf, sizeof buf, dec(1, INT32_MAX)), SNPLP_EINVAL);
    assert_fails(snplp_decimal_format(buf, sizeof buf, dec(INT64_MIN, 0)), SNPLP_EINVAL);
    assert_message_has("INT64_MIN");
    assert_string_equal(buf, "untouched");
}

/* ---- validity ---- */

static void is_valid(void **state)
{
    (void)state;
    assert_true(snplp_decimal_is_valid(dec(0, 0)));
    assert_true(snplp_decimal_is_valid(dec(M, 0)));
    assert_true(snplp_decimal_is_valid(dec(-M, 18)));
    assert_true(snplp_decimal_is_valid(dec(0, 18)));
    assert_false(snplp_decimal_is_valid(dec(INT64_MIN, 0)));
    assert_false(snplp_decimal_is_valid(dec(INT64_MIN, 5)));
    assert_false(snplp_decimal_is_valid(dec(0, -1)));
    assert_false(snplp_decimal_is_valid(dec(0, 19)));
    assert_false(snplp_decimal_is_valid(dec(1, INT32_MAX)));
    assert_false(snplp_decimal_is_valid(dec(1, INT32_MIN)));
    /* A predicate: records nothing. */
    snplp_error_clear();
    assert_false(snplp_decimal_is_valid(dec(0, 19)));
    assert_int_equal(snplp_error_last_code(), SNPLP_OK);
}

/* ---- compare and identical ---- */

__extension__ typedef __int128 wide;

/* The reference: both values at scale 18 in 128 bits (|units| × 10^18 < 2^123). */
static int reference_compare(snplp_decimal a, snplp_decimal b)
{
    wide x = a.units, y = b.units;
    for (int32_t k = a.scale; k < 18; k++)
        x *= 10;
    for (int32_t k = b.scale; k < 18; k++)
        y *= 10;
    return (x > y) - (x < y);
}

static void compare_across_scales(void **state)
{
    (void)state;
    assert_int_equal(snplp_decimal_compare(dec(1250, 2), dec(125, 1)), 0);
    assert_int_equal(snplp_decimal_compare(dec(0, 0), dec(0, 18)), 0);
    assert_int_equal(snplp_decimal_compare(dec(1, 0), dec(9, 1)), 1);
    assert_int_equal(snplp_decimal_compare(dec(9, 1), dec(1, 0)), -1);
    assert_int_equal(snplp_decimal_compare(dec(-1, 0), dec(-9, 1)), -1);
    assert_int_equal(snplp_decimal_compare(dec(-5, 3), dec(0, 0)), -1);
    assert_int_equal(snplp_decimal_compare(dec(1, 18), dec(0, 0)), 1);
    assert_int_equal(snplp_decimal_compare(dec(-1, 18), dec(0, 5)), -1);
    /* Where aligning the scales in 64 bits would overflow. */
    assert_int_equal(snplp_decimal_compare(dec(M, 0), dec(M, 18)), 1);
    assert_int_equal(snplp_decimal_compare(dec(M, 18), dec(M, 0)), -1);
    assert_int_equal(snplp_decimal_compare(dec(-M, 0), dec(-M, 18)), -1);
    assert_int_equal(snplp_decimal_compare(dec(M, 18), dec(9, 0)), 1);
    assert_int_equal(snplp_decimal_compare(dec(M, 18), dec(10, 0)), -1);
    assert_int_equal(snplp_decimal_compare(dec(-M, 18), dec(-9, 0)), -1);
    assert_int_equal(snplp_decimal_compare(dec(M, 0), dec(M - 1, 0)), 1);
    assert_int_equal(snplp_decimal_compare(dec(M, 1), dec(922337203685477580, 0)), 1);
    assert_int_equal(snplp_decimal_compare(dec(9223372036854775800, 1), dec(922337203685477580, 0)),
                     0);
    assert_int_equal(snplp_decimal_compare(dec(M, 18), dec(M, 17)), -1);
    assert_int_equal(snplp_decimal_compare(dec(1000000000000000000, 18), dec(1, 0)), 0);
    assert_int_equal(snplp_decimal_compare(dec(999999999999999999, 18), dec(1, 0)), -1);

    /* Every pair of a set of values against the 128-bit reference. */
    const int64_t units[] = {0,
                             1,
                             -1,
                             5,
                             -5,
                             9,
                             10,
                             125,
                             1250,
                             -1250,
                             999999999999999999,
                             1000000000000000000,
                             -1000000000000000000,
                             922337203685477580,
                             M,
                             -M,
                             M - 1,
                             -(M - 1)};
    const int32_t scales[] = {0, 1, 2, 3, 9, 17, 18};
    snplp_decimal values[COUNT_OF(units) * COUNT_OF(scales)];
    size_t n = 0;
    for (size_t i = 0; i < COUNT_OF(units); i++)
        for (size_t j = 0; j < COUNT_OF(scales); j++)
            values[n++] = dec(units[i], scales[j]);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            int want = reference_compare(values[i], values[j]);
            int got = snplp_decimal_compare(values[i], values[j]);
            if (got != want)
                print_error("compare {%lld, %ld} {%lld, %ld}: %d, want %d\n",
                            (long long)values[i].units, (long)values[i].scale,
                            (long long)values[j].units, (long)values[j].scale, got, want);
            assert_int_equal(got, want);
        }
}

static void compare_invalid_values(void **state)
{
    (void)state;
    /* Never fails: invalid values come first, by scale then units. */
    snplp_error_clear();
    assert_int_equal(snplp_decimal_compare(dec(1, 19), dec(-M, 0)), -1);
    assert_int_equal(snplp_decimal_compare(dec(-M, 0), dec(1, 19)), 1);
    assert_int_equal(snplp_decimal_compare(dec(INT64_MIN, 0), dec(-M, 0)), -1);
    assert_int_equal(snplp_decimal_compare(dec(1, 19), dec(2, 19)), -1);
    assert_int_equal(snplp_decimal_compare(dec(2, 19), dec(2, 19)), 0);
    assert_int_equal(snplp_decimal_compare(dec(1, -1), dec(1, 19)), -1);
    assert_int_equal(snplp_decimal_compare(dec(INT64_MIN, 0), dec(5, -1)), 1);
    assert_int_equal(snplp_error_last_code(), SNPLP_OK);
}

static void identical_versus_equal(void **state)
{
    (void)state;
    assert_true(snplp_decimal_identical(dec(1250, 2), dec(1250, 2)));
    assert_false(snplp_decimal_identical(dec(1250, 2), dec(125, 1)));
    assert_int_equal(snplp_decimal_compare(dec(1250, 2), dec(125, 1)), 0);
    assert_false(snplp_decimal_identical(dec(0, 0), dec(0, 2)));
    assert_int_equal(snplp_decimal_compare(dec(0, 0), dec(0, 2)), 0);
    assert_false(snplp_decimal_identical(dec(1250, 2), dec(-1250, 2)));
    assert_true(snplp_decimal_identical(dec(M, 18), dec(M, 18)));

    snplp_decimal a = sentinel, b = sentinel;
    assert_ok(snplp_decimal_parse(&a, "12.50", SIZE_MAX));
    assert_ok(snplp_decimal_parse(&b, "12.5", SIZE_MAX));
    assert_false(snplp_decimal_identical(a, b));
    assert_int_equal(snplp_decimal_compare(a, b), 0);
}

/* ---- rescale ---- */

static void rescale(void **state)
{
    (void)state;
    snplp_decimal d = sentinel;
    assert_ok(snplp_decimal_rescale(&d, dec(125, 1), 3));
    assert_identical(d, dec(12500, 3));
    assert_ok(snplp_decimal_rescale(&d, dec(12500, 3), 1));
    assert_identical(d, dec(125, 1));
    assert_ok(snplp_decimal_rescale(&d, dec(12000, 3), 0));
    assert_identical(d, dec(12, 0));
    assert_ok(snplp_decimal_rescale(&d, dec(-12000, 3), 0));
    assert_identical(d, dec(-12, 0));
    assert_ok(snplp_decimal_rescale(&d, dec(125, 1), 1));
    assert_identical(d, dec(125, 1));
    assert_ok(snplp_decimal_rescale(&d, dec(1, 0), 18));
    assert_identical(d, dec(1000000000000000000, 18));
    assert_ok(snplp_decimal_rescale(&d, dec(0, 0), 18));
    assert_identical(d, dec(0, 18));
    assert_ok(snplp_decimal_rescale(&d, dec(0, 18), 0));
    assert_identical(d, dec(0, 0));
    assert_ok(snplp_decimal_rescale(&d, dec(922337203685477580, 0), 1));
    assert_identical(d, dec(9223372036854775800, 1));
    assert_ok(snplp_decimal_rescale(&d, dec(-922337203685477580, 0), 1));
    assert_identical(d, dec(-9223372036854775800, 1));
    assert_ok(snplp_decimal_rescale(&d, dec(9, 0), 18));
    assert_identical(d, dec(9000000000000000000, 18));
    assert_ok(snplp_decimal_rescale(&d, dec(M, 18), 18));
    assert_identical(d, dec(M, 18));
}

static void rescale_refused(void **state)
{
    (void)state;
    snplp_decimal d = sentinel;
    assert_fails(snplp_decimal_rescale(&d, dec(12500, 3), 0), SNPLP_EINVAL); /* 12.5 */
    assert_message_has("losing nonzero digits");
    assert_fails(snplp_decimal_rescale(&d, dec(1, 18), 17), SNPLP_EINVAL);
    assert_fails(snplp_decimal_rescale(&d, dec(M, 18), 0), SNPLP_EINVAL);
    assert_fails(snplp_decimal_rescale(&d, dec(M, 0), 1), SNPLP_EINVAL);
    assert_message_has("do not fit");
    assert_fails(snplp_decimal_rescale(&d, dec(-M, 0), 1), SNPLP_EINVAL);
    assert_fails(snplp_decimal_rescale(&d, dec(922337203685477581, 0), 1), SNPLP_EINVAL);
    assert_fails(snplp_decimal_rescale(&d, dec(-922337203685477581, 0), 1), SNPLP_EINVAL);
    assert_fails(snplp_decimal_rescale(&d, dec(10, 0), 18), SNPLP_EINVAL);
    assert_fails(snplp_decimal_rescale(&d, dec(1, 0), 19), SNPLP_EINVAL);
    assert_message_has("scale 19");
    assert_fails(snplp_decimal_rescale(&d, dec(1, 0), -1), SNPLP_EINVAL);
    assert_fails(snplp_decimal_rescale(&d, dec(1, 19), 0), SNPLP_EINVAL);
    assert_fails(snplp_decimal_rescale(&d, dec(INT64_MIN, 0), 0), SNPLP_EINVAL);
    assert_message_has("INT64_MIN");
    assert_true(snplp_decimal_identical(d, sentinel));
    assert_fails(snplp_decimal_rescale(NULL, dec(1, 0), 1), SNPLP_EINVAL);
    assert_message_has("out is NULL");
}

/* ---- add ---- */

static void add(void **state)
{
    (void)state;
    snplp_decimal d = sentinel;
    assert_ok(snplp_decimal_add(&d, dec(1250, 2), dec(5, 1)));
    assert_identical(d, dec(1300, 2)); /* 12.50 + 0.5 = 13.00 */
    assert_ok(snplp_decimal_add(&d, dec(5, 1), dec(1250, 2)));
    assert_identical(d, dec(1300, 2));
    assert_ok(snplp_decimal_add(&d, dec(1, 18), dec(-1, 18)));
    assert_identical(d, dec(0, 18));
    assert_ok(snplp_decimal_add(&d, dec(-5, 3), dec(2, 0)));
    assert_identical(d, dec(1995, 3));
    assert_ok(snplp_decimal_add(&d, dec(M, 0), dec(0, 0)));
    assert_identical(d, dec(M, 0));
    assert_ok(snplp_decimal_add(&d, dec(M, 0), dec(-1, 0)));
    assert_identical(d, dec(M - 1, 0));
    assert_ok(snplp_decimal_add(&d, dec(-M, 0), dec(M, 0)));
    assert_identical(d, dec(0, 0));
    assert_ok(snplp_decimal_add(&d, dec(M - 1, 0), dec(1, 0)));
    assert_identical(d, dec(M, 0));
    assert_ok(snplp_decimal_add(&d, dec(-(M - 1), 0), dec(-1, 0)));
    assert_identical(d, dec(-M, 0));
    /* The first term alone would overflow at scale 1, the sum does not. */
    assert_ok(snplp_decimal_add(&d, dec(922337203685477581, 0), dec(-5, 1)));
    assert_identical(d, dec(9223372036854775805, 1));
    assert_ok(snplp_decimal_add(&d, dec(M, 18), dec(-9, 0)));
    assert_identical(d, dec(223372036854775807, 18));
    /* A sum of indicator values read as text. */
    snplp_decimal a = sentinel, b = sentinel;
    assert_ok(snplp_decimal_parse(&a, "1234.5", SIZE_MAX));
    assert_ok(snplp_decimal_parse(&b, "0.05", SIZE_MAX));
    assert_ok(snplp_decimal_add(&a, a, b));
    char buf[SNPLP_DECIMAL_MAX_TEXT];
    assert_ok(snplp_decimal_format(buf, sizeof buf, a));
    assert_string_equal(buf, "1234.55");
}

static void add_refused(void **state)
{
    (void)state;
    snplp_decimal d = sentinel;
    assert_fails(snplp_decimal_add(&d, dec(M, 0), dec(1, 0)), SNPLP_EINVAL);
    assert_message_has("does not fit at scale 0");
    assert_fails(snplp_decimal_add(&d, dec(-M, 0), dec(-1, 0)), SNPLP_EINVAL);
    assert_fails(snplp_decimal_add(&d, dec(M, 0), dec(M, 0)), SNPLP_EINVAL);
    assert_fails(snplp_decimal_add(&d, dec(-M, 0), dec(-M, 0)), SNPLP_EINVAL);
    assert_fails(snplp_decimal_add(&d, dec(M, 0), dec(0, 1)), SNPLP_EINVAL);
    assert_message_has("does not fit at scale 1");
    assert_fails(snplp_decimal_add(&d, dec(M, 1), dec(-M, 0)), SNPLP_EINVAL);
    assert_fails(snplp_decimal_add(&d, dec(-M, 0), dec(-M, 18)), SNPLP_EINVAL);
    assert_fails(snplp_decimal_add(&d, dec(1, 19), dec(1, 0)), SNPLP_EINVAL);
    assert_message_has("the first value has scale 19");
    assert_fails(snplp_decimal_add(&d, dec(1, 0), dec(INT64_MIN, 0)), SNPLP_EINVAL);
    assert_message_has("the second value has units INT64_MIN");
    assert_fails(snplp_decimal_add(&d, dec(1, 0), dec(1, -1)), SNPLP_EINVAL);
    assert_true(snplp_decimal_identical(d, sentinel));
    assert_fails(snplp_decimal_add(NULL, dec(1, 0), dec(1, 0)), SNPLP_EINVAL);
    assert_message_has("out is NULL");
}

/* ---- ratio ---- */

static double ratio_of(snplp_decimal num, snplp_decimal den)
{
    double r = -42.0;
    assert_ok(snplp_decimal_ratio(&r, num, den));
    return r;
}

static void ratio(void **state)
{
    (void)state;
    assert_true(ratio_of(dec(1, 0), dec(3, 0)) == 1.0 / 3.0);
    assert_true(ratio_of(dec(-1, 0), dec(3, 0)) == -1.0 / 3.0);
    assert_true(ratio_of(dec(1, 0), dec(-3, 0)) == -1.0 / 3.0);
    assert_true(ratio_of(dec(-1, 0), dec(-3, 0)) == 1.0 / 3.0);
    assert_true(ratio_of(dec(2, 1), dec(6, 1)) == 1.0 / 3.0);
    assert_true(ratio_of(dec(1, 18), dec(3, 18)) == 1.0 / 3.0);
    assert_true(ratio_of(dec(2, 0), dec(3, 0)) == 2.0 / 3.0);
    assert_true(ratio_of(dec(1, 0), dec(7, 0)) == 1.0 / 7.0);
    assert_true(ratio_of(dec(1250, 2), dec(5000, 2)) == 0.25);
    assert_true(ratio_of(dec(1250, 2), dec(50, 0)) == 0.25);
    assert_true(ratio_of(dec(75, 0), dec(100, 0)) == 0.75);
    assert_true(ratio_of(dec(3, 0), dec(2, 0)) == 1.5);
    assert_true(ratio_of(dec(12345, 2), dec(12345, 2)) == 1.0);
    assert_true(ratio_of(dec(123450, 3), dec(12345, 2)) == 1.0);
    assert_true(ratio_of(dec(-7, 0), dec(7, 5)) == -100000.0);
    assert_true(ratio_of(dec(1, 0), dec(1, 18)) == 1e18);
    assert_true(ratio_of(dec(1, 18), dec(1, 0)) == 1e-18);
    /* Zero numerator. */
    assert_true(ratio_of(dec(0, 0), dec(3, 0)) == 0.0);
    assert_true(ratio_of(dec(0, 18), dec(-3, 2)) == 0.0);
    /* Extreme magnitudes: the exact quotient rounded once (values from Python's
     * float(Fraction(...)), which is correctly rounded). */
    assert_true(ratio_of(dec(M, 0), dec(1, 18)) == 0x1.bc16d674ec800p+122);
    assert_true(ratio_of(dec(-M, 0), dec(1, 18)) == -0x1.bc16d674ec800p+122);
    assert_true(ratio_of(dec(1, 18), dec(M, 0)) == 0x1.2725dd1d243acp-123);
    assert_true(ratio_of(dec(M, 18), dec(M, 0)) == 1e-18);
    assert_true(ratio_of(dec(M, 0), dec(M, 18)) == 1e18);
    assert_true(ratio_of(dec(M, 0), dec(M - 1, 0)) == 1.0);
    assert_true(ratio_of(dec(1, 18), dec(3, 0)) == 0x1.8987d17c304e5p-62);
    /* Where dividing the values converted to double is off by one unit in the last place. */
    assert_true(ratio_of(dec(1446698121926109756, 15), dec(3429188471858335991, 7)) ==
                0x1.21e982379b4d4p-28);
    assert_true(ratio_of(dec(5015308715620391375, 7), dec(5293673095429291656, 0)) ==
                0x1.96e973b0bd366p-24);
    assert_true(ratio_of(dec(1998979560538823457, 5), dec(2577769888831280749, 12)) ==
                0x1.d94ef7482cb8ep+22);
    assert_true(ratio_of(dec(1987462979578903724, 5), dec(9061235423531688896, 5)) ==
                0x1.c133afd10dd39p-3);
    assert_true(ratio_of(dec(-1987462979578903724, 5), dec(9061235423531688896, 5)) ==
                -0x1.c133afd10dd39p-3);
    /* Just above a tie: the remainder alone decides to round up. */
    assert_true(ratio_of(dec(9043152122118793438, 0), dec(1122, 0)) == 0x1.ca264269e0d37p+52);
    assert_true(ratio_of(dec(7348023100341755972, 4), dec(1462, 4)) == 0x1.1db209531985dp+52);
    assert_true(ratio_of(dec(-7781326691010413295, 18), dec(1516, 18)) == -0x1.23c416b0d549bp+52);
    /* Exact ties round to even. */
    assert_true(ratio_of(dec(18014398509481981, 0), dec(2, 0)) == 0x1.ffffffffffffep+52);
    assert_true(ratio_of(dec(18014398509481983, 0), dec(2, 0)) == 0x1.0000000000000p+53);
}

static void ratio_refused(void **state)
{
    (void)state;
    double r = -42.0;
    assert_fails(snplp_decimal_ratio(&r, dec(1, 0), dec(0, 0)), SNPLP_EINVAL);
    assert_message_has("the denominator is zero");
    assert_fails(snplp_decimal_ratio(&r, dec(0, 0), dec(0, 5)), SNPLP_EINVAL);
    assert_fails(snplp_decimal_ratio(&r, dec(1, 19), dec(1, 0)), SNPLP_EINVAL);
    assert_message_has("the numerator has scale 19");
    assert_fails(snplp_decimal_ratio(&r, dec(1, 0), dec(INT64_MIN, 0)), SNPLP_EINVAL);
    assert_message_has("the denominator has units INT64_MIN");
    assert_fails(snplp_decimal_ratio(&r, dec(1, 0), dec(1, -1)), SNPLP_EINVAL);
    assert_true(r == -42.0);
    assert_fails(snplp_decimal_ratio(NULL, dec(1, 0), dec(1, 0)), SNPLP_EINVAL);
    assert_message_has("out is NULL");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parse_and_format_round_trip),
        cmocka_unit_test(format_examples),
        cmocka_unit_test(parse_refusals),
        cmocka_unit_test(parse_null),
        cmocka_unit_test(parse_slices),
        cmocka_unit_test(format_buffer_sizes),
        cmocka_unit_test(format_longest_texts),
        cmocka_unit_test(format_refusals),
        cmocka_unit_test(is_valid),
        cmocka_unit_test(compare_across_scales),
        cmocka_unit_test(compare_invalid_values),
        cmocka_unit_test(identical_versus_equal),
        cmocka_unit_test(rescale),
        cmocka_unit_test(rescale_refused),
        cmocka_unit_test(add),
        cmocka_unit_test(add_refused),
        cmocka_unit_test(ratio),
        cmocka_unit_test(ratio_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
