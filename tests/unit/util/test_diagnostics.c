/* Tests of diagnostics.h: lists of findings, their entries, and the names of codes and
 * severities. */
#include "names.h"

#include <limits.h>
#include <stdio.h>

/* ---- names ---- */

/* Every code (those of CSV findings too) and severity has its name (support/names.c); any other
 * value is "unknown". */
static const enum_names *const names[] = {&names_diag_code, &names_severity, NULL};

/* ---- lists ---- */

static void new_list_is_empty(void **state)
{
    (void)state;
    size_t base = snplp_memory_used();
    snplp_diagnostics *diags = new_diags();
    assert_non_null(diags);
    assert_true(snplp_memory_used() > base);
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    assert_int_equal(snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_INFO), 0);
    assert_int_equal(snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_WARNING), 0);
    assert_int_equal(snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_ERROR), 0);
    assert_null(snplp_diagnostics_at(diags, 0));
    snplp_diagnostics_free(diags);
    assert_int_equal(snplp_memory_used(), base);
}

static void new_refuses_null(void **state)
{
    (void)state;
    assert_fails_in(snplp_diagnostics_new(NULL), SNPLP_EINVAL, "snplp_diagnostics_new");
    snplp_error_clear();
}

static int new_step(void *ctx)
{
    return snplp_diagnostics_new(ctx);
}

static void new_out_of_memory(void **state)
{
    (void)state;
    snplp_diagnostics *diags = NULL;
    assert_true(test_oom_sweep(new_step, NULL, &diags) > 0);
    assert_non_null(diags);
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    snplp_diagnostics_free(diags);
}

static void add_then_read_every_field(void **state)
{
    (void)state;
    snplp_diagnostics *diags = new_diags();
    assert_ok(snplp_diagnostics_add(diags, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_MISSING_PARENT, 12, 7,
                                    "module-1", "module 'module-1' has no theme"));
    assert_ok(snplp_diagnostics_add(diags, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_DURATION_OVER_MAX, 0,
                                    0, NULL, "too long"));
    assert_ok(snplp_diagnostics_add(diags, SNPLP_SEVERITY_INFO, SNPLP_DIAG_NONE, SIZE_MAX, SIZE_MAX,
                                    "", "r\xc3\xa9sum\xc3\xa9"));
    assert_int_equal(snplp_diagnostics_count(diags), 3);

    const snplp_diagnostic *d = snplp_diagnostics_at(diags, 0);
    assert_non_null(d);
    assert_int_equal(snplp_diagnostic_severity(d), SNPLP_SEVERITY_ERROR);
    assert_int_equal(snplp_diagnostic_code(d), SNPLP_DIAG_MISSING_PARENT);
    assert_int_equal(snplp_diagnostic_line(d), 12);
    assert_int_equal(snplp_diagnostic_column(d), 7);
    assert_string_equal(snplp_diagnostic_item_id(d), "module-1");
    assert_string_equal(snplp_diagnostic_message(d), "module 'module-1' has no theme");

    d = snplp_diagnostics_at(diags, 1);
    assert_non_null(d);
    assert_int_equal(snplp_diagnostic_severity(d), SNPLP_SEVERITY_WARNING);
    assert_int_equal(snplp_diagnostic_code(d), SNPLP_DIAG_DURATION_OVER_MAX);
    assert_int_equal(snplp_diagnostic_line(d), 0);
    assert_int_equal(snplp_diagnostic_column(d), 0);
    assert_null(snplp_diagnostic_item_id(d));
    assert_string_equal(snplp_diagnostic_message(d), "too long");

    d = snplp_diagnostics_at(diags, 2);
    assert_non_null(d);
    assert_int_equal(snplp_diagnostic_severity(d), SNPLP_SEVERITY_INFO);
    assert_int_equal(snplp_diagnostic_code(d), SNPLP_DIAG_NONE);
    assert_true(snplp_diagnostic_line(d) == SIZE_MAX);
    assert_true(snplp_diagnostic_column(d) == SIZE_MAX);
    assert_non_null(snplp_diagnostic_item_id(d));
    assert_string_equal(snplp_diagnostic_item_id(d), "");
    assert_string_equal(snplp_diagnostic_message(d), "r\xc3\xa9sum\xc3\xa9");

    assert_null(snplp_diagnostics_at(diags, 3));
    assert_null(snplp_diagnostics_at(diags, SIZE_MAX));
    assert_int_equal(snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_ERROR), 1);
    assert_int_equal(snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_WARNING), 1);
    assert_int_equal(snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_INFO), 1);
    assert_int_equal(snplp_diagnostics_count_severity(diags, (snplp_severity)3), 0);
    snplp_diagnostics_free(diags);
}

/* Strings are copied (and NFC-normalized): changing the caller's buffers changes nothing. */
static void add_copies_strings(void **state)
{
    (void)state;
    snplp_diagnostics *diags = new_diags();
    char id[] = "item-1";
    char message[] = "Re\xcc\x81"
                     "fe\xcc\x81rent manquant";
    assert_ok(snplp_diagnostics_add(diags, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_EMPTY_TITLE, 1, 2, id,
                                    message));
    memset(id, 'x', sizeof id - 1);
    memset(message, 'x', sizeof message - 1);
    const snplp_diagnostic *d = snplp_diagnostics_at(diags, 0);
    assert_string_equal(snplp_diagnostic_item_id(d), "item-1");
    assert_string_equal(snplp_diagnostic_message(d), "R\xc3\xa9"
                                                     "f\xc3\xa9rent manquant");
    assert_ptr_not_equal(snplp_diagnostic_item_id(d), id);
    assert_ptr_not_equal(snplp_diagnostic_message(d), message);
    snplp_diagnostics_free(diags);
}

/* Entries keep the order they were added in, across the growth of the list; counts by severity
 * follow. A long message is kept whole. */
static void many_entries_keep_their_order(void **state)
{
    (void)state;
    enum { N = 100 };
    snplp_diagnostics *diags = new_diags();
    for (int i = 0; i < N; i++) {
        char msg[32], id[32];
        snprintf(msg, sizeof msg, "finding %d", i);
        snprintf(id, sizeof id, "item-%d", i);
        assert_ok(snplp_diagnostics_add(diags, (snplp_severity)(i % 3),
                                        SNPLP_DIAG_EMPTY_TITLE + i % 7, (size_t)i + 1,
                                        (size_t)i * 2, id, msg));
    }
    assert_int_equal(snplp_diagnostics_count(diags), N);
    for (int i = 0; i < N; i++) {
        char msg[32], id[32];
        snprintf(msg, sizeof msg, "finding %d", i);
        snprintf(id, sizeof id, "item-%d", i);
        const snplp_diagnostic *d = snplp_diagnostics_at(diags, (size_t)i);
        assert_int_equal(snplp_diagnostic_severity(d), i % 3);
        assert_int_equal(snplp_diagnostic_code(d), SNPLP_DIAG_EMPTY_TITLE + i % 7);
        assert_int_equal(snplp_diagnostic_line(d), i + 1);
        assert_int_equal(snplp_diagnostic_column(d), i * 2);
        assert_string_equal(snplp_diagnostic_item_id(d), id);
        assert_string_equal(snplp_diagnostic_message(d), msg);
    }
    assert_int_equal(snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_INFO), 34);
    assert_int_equal(snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_WARNING), 33);
    assert_int_equal(snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_ERROR), 33);

    char big[5000];
    memset(big, 'm', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_ok(snplp_diagnostics_add(diags, SNPLP_SEVERITY_INFO, SNPLP_DIAG_NONE, 0, 0, NULL, big));
    assert_string_equal(snplp_diagnostic_message(snplp_diagnostics_at(diags, N)), big);
    snplp_diagnostics_free(diags);
}

static void clear_empties_a_usable_list(void **state)
{
    (void)state;
    size_t base = snplp_memory_used();
    snplp_diagnostics *diags = new_diags();
    size_t empty = snplp_memory_used();
    assert_ok(snplp_diagnostics_add(diags, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_EMPTY_TEXT, 1, 1, "a",
                                    "first"));
    assert_ok(snplp_diagnostics_add(diags, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_EMPTY_TEXT, 2, 1, "b",
                                    "second"));
    size_t two = snplp_memory_used();
    snplp_diagnostics_clear(diags);
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    assert_null(snplp_diagnostics_at(diags, 0));
    assert_int_equal(snplp_diagnostics_count_severity(diags, SNPLP_SEVERITY_ERROR), 0);
    /* The entries are freed (the list may keep its capacity). */
    assert_true(snplp_memory_used() < two);
    assert_true(snplp_memory_used() >= empty);

    /* Still usable. */
    assert_ok(
        snplp_diagnostics_add(diags, SNPLP_SEVERITY_INFO, SNPLP_DIAG_NONE, 0, 0, NULL, "again"));
    assert_int_equal(snplp_diagnostics_count(diags), 1);
    assert_string_equal(snplp_diagnostic_message(snplp_diagnostics_at(diags, 0)), "again");
    /* Clearing an empty list is harmless. */
    snplp_diagnostics_clear(diags);
    snplp_diagnostics_clear(diags);
    assert_int_equal(snplp_diagnostics_count(diags), 0);
    snplp_diagnostics_free(diags);
    assert_int_equal(snplp_memory_used(), base);
}

static void null_list_and_entry(void **state)
{
    (void)state;
    snplp_diagnostics_free(NULL);
    snplp_diagnostics_clear(NULL);
    assert_int_equal(snplp_diagnostics_count(NULL), 0);
    assert_int_equal(snplp_diagnostics_count_severity(NULL, SNPLP_SEVERITY_INFO), 0);
    assert_int_equal(snplp_diagnostics_count_severity(NULL, SNPLP_SEVERITY_ERROR), 0);
    assert_null(snplp_diagnostics_at(NULL, 0));
    assert_int_equal(snplp_diagnostic_severity(NULL), SNPLP_SEVERITY_INFO);
    assert_int_equal(snplp_diagnostic_code(NULL), SNPLP_DIAG_NONE);
    assert_int_equal(snplp_diagnostic_line(NULL), 0);
    assert_int_equal(snplp_diagnostic_column(NULL), 0);
    assert_null(snplp_diagnostic_item_id(NULL));
    assert_null(snplp_diagnostic_message(NULL));
}

/* Every refused add names the problem and leaves the list as it was. */
static void add_refuses_bad_arguments(void **state)
{
    (void)state;
    snplp_diagnostics *diags = new_diags();
    assert_ok(snplp_diagnostics_add(diags, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_EMPTY_TITLE, 3, 4,
                                    "kept", "kept"));
    size_t used = snplp_memory_used();

    snplp_error_clear();
    assert_status(
        snplp_diagnostics_add(NULL, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_NONE, 0, 0, NULL, "message"),
        SNPLP_EINVAL);
    assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    assert_non_null(strstr(snplp_error_last_message(), "snplp_diagnostics_add"));

    snplp_error_clear();
    assert_status(
        snplp_diagnostics_add(diags, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_NONE, 0, 0, "id", NULL),
        SNPLP_EINVAL);
    assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    assert_non_null(strstr(snplp_error_last_message(), "snplp_diagnostics_add"));

    static const int bad_severities[] = {3, 4, 100, -1, INT_MAX, INT_MIN};
    for (size_t i = 0; i < sizeof bad_severities / sizeof bad_severities[0]; i++) {
        snplp_error_clear();
        assert_status(snplp_diagnostics_add(diags, (snplp_severity)bad_severities[i],
                                            SNPLP_DIAG_NONE, 0, 0, NULL, "message"),
                      SNPLP_EINVAL);
        assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
        assert_non_null(strstr(snplp_error_last_message(), "severity"));
    }

    static const char *const bad_texts[] = {
        "\xc0\xaf",         /* overlong '/' */
        "\xed\xa0\x80",     /* surrogate U+D800 */
        "\xf4\x90\x80\x80", /* beyond U+10FFFF */
        "tronqu\xc3",       /* truncated sequence */
        "\xff",             /* never UTF-8 */
        "bip\x01",          /* a control character XML forbids */
        "\x1b[0m",          /* escape */
        "\xef\xbf\xbe",     /* U+FFFE */
        "\xef\xbf\xbf",     /* U+FFFF */
    };
    for (size_t i = 0; i < sizeof bad_texts / sizeof bad_texts[0]; i++) {
        snplp_error_clear();
        assert_status(snplp_diagnostics_add(diags, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_NONE, 0, 0,
                                            NULL, bad_texts[i]),
                      SNPLP_EENCODING);
        assert_int_equal(snplp_error_last_code(), SNPLP_EENCODING);
        assert_true(strlen(snplp_error_last_message()) > 0);
        /* The same text as item id. */
        snplp_error_clear();
        assert_status(snplp_diagnostics_add(diags, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_NONE, 0, 0,
                                            bad_texts[i], "message"),
                      SNPLP_EENCODING);
        assert_int_equal(snplp_error_last_code(), SNPLP_EENCODING);
    }

    /* Tab, line feed and carriage return are allowed. */
    assert_ok(snplp_diagnostics_add(diags, SNPLP_SEVERITY_INFO, SNPLP_DIAG_NONE, 0, 0, NULL,
                                    "a\tb\nc\rd"));
    assert_string_equal(snplp_diagnostic_message(snplp_diagnostics_at(diags, 1)), "a\tb\nc\rd");
    assert_int_equal(snplp_diagnostics_count(diags), 2);
    snplp_diagnostics_clear(diags);
    assert_ok(snplp_diagnostics_add(diags, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_EMPTY_TITLE, 3, 4,
                                    "kept", "kept"));
    assert_int_equal(snplp_memory_used(), used);

    const snplp_diagnostic *d = snplp_diagnostics_at(diags, 0);
    assert_int_equal(snplp_diagnostics_count(diags), 1);
    assert_int_equal(snplp_diagnostic_severity(d), SNPLP_SEVERITY_WARNING);
    assert_string_equal(snplp_diagnostic_message(d), "kept");
    snplp_diagnostics_free(diags);
    snplp_error_clear();
}

/* ---- out of memory ---- */

typedef struct add_ctx {
    snplp_diagnostics *diags;
    size_t before; /* entries before the add */
} add_ctx;

static int add_step(void *ctx)
{
    add_ctx *c = ctx;
    return snplp_diagnostics_add(c->diags, SNPLP_SEVERITY_ERROR, SNPLP_DIAG_DANGLING_REFERENCE, 5,
                                 6, "item-\xc3\xa9",
                                 "Re\xcc\x81"
                                 "fe\xcc\x81rence inconnue");
}

static void add_check(void *ctx)
{
    add_ctx *c = ctx;
    assert_int_equal(snplp_diagnostics_count(c->diags), c->before);
    assert_null(snplp_diagnostics_at(c->diags, c->before));
    for (size_t i = 0; i < c->before; i++) {
        char msg[32];
        snprintf(msg, sizeof msg, "entry %zu", i);
        assert_string_equal(snplp_diagnostic_message(snplp_diagnostics_at(c->diags, i)), msg);
    }
}

/* The list under test lives in the test's state so that the teardown frees it even when an
 * assertion fails half-way (valgrind then reports the failure only). */
static int sweep_setup(void **state)
{
    static add_ctx c;
    c.diags = NULL;
    c.before = 0;
    if (snplp_diagnostics_new(&c.diags) != SNPLP_OK)
        return -1;
    *state = &c;
    return 0;
}

static int sweep_teardown(void **state)
{
    add_ctx *c = *state;
    snplp__alloc_fail_after(-1);
    snplp_diagnostics_free(c->diags);
    c->diags = NULL;
    return 0;
}

static void sweep_add(add_ctx *c, size_t prefilled)
{
    c->before = prefilled;
    for (size_t i = 0; i < prefilled; i++) {
        char msg[32];
        snprintf(msg, sizeof msg, "entry %zu", i);
        assert_ok(
            snplp_diagnostics_add(c->diags, SNPLP_SEVERITY_INFO, SNPLP_DIAG_NONE, 0, 0, NULL, msg));
    }
    /* Every failing run: SNPLP_ENOMEM, the same memory as before, the same entries. */
    assert_true(test_oom_sweep(add_step, add_check, c) > 0);
    assert_int_equal(snplp_diagnostics_count(c->diags), prefilled + 1);
    const snplp_diagnostic *d = snplp_diagnostics_at(c->diags, prefilled);
    assert_int_equal(snplp_diagnostic_severity(d), SNPLP_SEVERITY_ERROR);
    assert_int_equal(snplp_diagnostic_code(d), SNPLP_DIAG_DANGLING_REFERENCE);
    assert_int_equal(snplp_diagnostic_line(d), 5);
    assert_int_equal(snplp_diagnostic_column(d), 6);
    assert_string_equal(snplp_diagnostic_item_id(d), "item-\xc3\xa9");
    assert_string_equal(snplp_diagnostic_message(d), "R\xc3\xa9"
                                                     "f\xc3\xa9rence inconnue");
}

/* With room in the list (1 entry, capacity 4): no growth needed. */
static void add_out_of_memory_with_room(void **state)
{
    sweep_add(*state, 1);
}

/* On an empty list the entry array must be created. */
static void add_out_of_memory_on_empty_list(void **state)
{
    sweep_add(*state, 0);
}

/* With a full list (4 entries, capacity 4) the entry array must grow. */
static void add_out_of_memory_when_growing(void **state)
{
    sweep_add(*state, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NAMES_TEST(names),
        cmocka_unit_test(new_list_is_empty),
        cmocka_unit_test(new_refuses_null),
        cmocka_unit_test(new_out_of_memory),
        cmocka_unit_test(add_then_read_every_field),
        cmocka_unit_test(add_copies_strings),
        cmocka_unit_test(many_entries_keep_their_order),
        cmocka_unit_test(clear_empties_a_usable_list),
        cmocka_unit_test(null_list_and_entry),
        cmocka_unit_test(add_refuses_bad_arguments),
        cmocka_unit_test_setup_teardown(add_out_of_memory_with_room, sweep_setup, sweep_teardown),
        cmocka_unit_test_setup_teardown(add_out_of_memory_on_empty_list, sweep_setup,
                                        sweep_teardown),
        cmocka_unit_test_setup_teardown(add_out_of_memory_when_growing, sweep_setup,
                                        sweep_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
