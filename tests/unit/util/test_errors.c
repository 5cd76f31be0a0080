/* Tests of errors.h: names and messages of status codes, and the per-thread last error. */
#include "names.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>

/* Internal to the library (errors.h): records a formatted failure for the calling thread. Used
 * to reach the truncation of messages longer than the library's buffer, which no public call
 * produces today. */
int snplp__fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The size of the library's message buffer (errors.c): messages are cut below it. */
enum { MESSAGE_MAX = 1024 };

/* Whether s is well-formed UTF-8 (no overlong form, surrogate or value above U+10FFFF). */
static bool utf8_valid(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    while (*u) {
        unsigned char c = *u;
        size_t n;
        unsigned long cp;
        if (c < 0x80) {
            u++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07u;
        } else {
            return false;
        }
        for (size_t i = 1; i <= n; i++) {
            if ((u[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (u[i] & 0x3Fu);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        u += n + 1;
    }
    return true;
}

/* Every status has its name and ABI value (support/names.c) and its message; any other value
 * has placeholders. */
static const enum_names *const names[] = {&names_status, NULL};

/* The messages of the statuses, in the order of names_status. */
static const char *const messages[] = {"success",
                                       "invalid argument",
                                       "out of memory",
                                       "not found",
                                       "already exists",
                                       "malformed id",
                                       "invalid text encoding",
                                       "input/output error",
                                       "malformed input",
                                       "the data breaks a rule",
                                       "internal error in a dependency",
                                       "the object is frozen"};

static void every_status_has_a_message(void **state)
{
    (void)state;
    assert_int_equal(names_status.n, COUNT_OF(messages));
    for (size_t i = 0; i < names_status.n; i++)
        assert_string_equal(snplp_status_message(names_status.values[i].value), messages[i]);
    for (size_t i = 0; i < names_status.nothers; i++)
        assert_string_equal(snplp_status_message(names_status.others[i]), "unknown status");
}

static void clear_forgets_the_last_failure(void **state)
{
    (void)state;
    assert_status(snplp_diagnostics_new(NULL), SNPLP_EINVAL);
    assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    assert_true(strlen(snplp_error_last_message()) > 0);
    snplp_error_clear();
    assert_int_equal(snplp_error_last_code(), SNPLP_OK);
    assert_non_null(snplp_error_last_message());
    assert_string_equal(snplp_error_last_message(), "");
    /* Clearing twice is harmless. */
    snplp_error_clear();
    assert_int_equal(snplp_error_last_code(), SNPLP_OK);
    assert_string_equal(snplp_error_last_message(), "");
}

static void failure_records_code_and_message(void **state)
{
    (void)state;
    assert_fails_in(snplp_diagnostics_new(NULL), SNPLP_EINVAL, "snplp_diagnostics_new");

    /* A later failure replaces the earlier one. */
    char *out = NULL;
    assert_status(snplp_text_fold(&out, "bad \xc3"), SNPLP_EENCODING);
    assert_null(out);
    assert_int_equal(snplp_error_last_code(), SNPLP_EENCODING);
    assert_non_null(strstr(snplp_error_last_message(), "UTF-8"));
    assert_null(strstr(snplp_error_last_message(), "snplp_diagnostics_new"));

    snplp_referential *ref = test_new_referential();
    assert_status(snplp_referential_add_theme(NULL, ref, "1st", "Titre"), SNPLP_EBADID);
    assert_int_equal(snplp_error_last_code(), SNPLP_EBADID);
    assert_non_null(strstr(snplp_error_last_message(), "snplp_referential_add_theme"));
    assert_non_null(strstr(snplp_error_last_message(), "'1st'"));
    assert_ok(snplp_referential_add_theme(NULL, ref, "first", "Titre"));
    assert_status(snplp_referential_add_theme(NULL, ref, "first", "Autre"), SNPLP_EEXISTS);
    assert_int_equal(snplp_error_last_code(), SNPLP_EEXISTS);
    assert_non_null(strstr(snplp_error_last_message(), "'first'"));
    snplp_referential_unref(ref);
    snplp_error_clear();
}

/* The message is the failing function's name, ": ", then the reason; the two parts are also
 * given apart (1.2), so that a program shows its user the reason alone. */
static void message_in_two_parts(void **state)
{
    (void)state;
    snplp_error_clear();
    assert_string_equal(snplp_error_last_function(), "");
    assert_string_equal(snplp_error_last_reason(), "");

    snplp_date d;
    assert_status(snplp_date_parse(&d, "2021-02-30"), SNPLP_EPARSE);
    const char *fn = snplp_error_last_function(), *reason = snplp_error_last_reason();
    assert_string_equal(fn, "snplp_date_parse");
    char whole[MESSAGE_MAX];
    snprintf(whole, sizeof whole, "%s: %s", fn, reason);
    assert_string_equal(snplp_error_last_message(), whole);
    assert_true(strlen(reason) > 0 && strncmp(reason, "snplp_", 6) != 0);

    /* a bad argument names its function too */
    assert_status(snplp_diagnostics_new(NULL), SNPLP_EINVAL);
    assert_string_equal(snplp_error_last_function(), "snplp_diagnostics_new");
    snprintf(whole, sizeof whole, "snplp_diagnostics_new: %s", snplp_error_last_reason());
    assert_string_equal(snplp_error_last_message(), whole);

    /* a failure that names no function: the reason is the whole message */
    char *out = NULL;
    assert_status(snplp_text_fold(&out, "bad \xc3"), SNPLP_EENCODING);
    assert_string_equal(snplp_error_last_function(), "");
    assert_string_equal(snplp_error_last_reason(), snplp_error_last_message());
    snplp__alloc_fail_after(0);
    snplp_diagnostics *diags = NULL;
    assert_status(snplp_diagnostics_new(&diags), SNPLP_ENOMEM);
    snplp__alloc_fail_after(-1);
    assert_string_equal(snplp_error_last_function(), "");
    assert_string_equal(snplp_error_last_reason(), "out of memory");

    snplp_error_clear();
    assert_string_equal(snplp_error_last_function(), "");
    assert_string_equal(snplp_error_last_reason(), "");
}

static void out_of_memory_is_recorded(void **state)
{
    (void)state;
    snplp_error_clear();
    snplp_diagnostics *diags = NULL;
    snplp__alloc_fail_after(0);
    int rc = snplp_diagnostics_new(&diags);
    snplp__alloc_fail_after(-1);
    assert_status(rc, SNPLP_ENOMEM);
    assert_null(diags);
    assert_int_equal(snplp_error_last_code(), SNPLP_ENOMEM);
    assert_string_equal(snplp_error_last_message(), "out of memory");
    snplp_error_clear();
}

/* A success does not clear the message of an earlier failure. */
static void success_keeps_the_last_failure(void **state)
{
    (void)state;
    assert_status(
        snplp_diagnostics_add(NULL, SNPLP_SEVERITY_INFO, SNPLP_DIAG_NONE, 0, 0, NULL, "message"),
        SNPLP_EINVAL);
    char saved[MESSAGE_MAX];
    snprintf(saved, sizeof saved, "%s", snplp_error_last_message());
    assert_non_null(strstr(saved, "snplp_diagnostics_add"));

    snplp_diagnostics *diags = new_diags();
    assert_ok(snplp_diagnostics_add(diags, SNPLP_SEVERITY_INFO, SNPLP_DIAG_NONE, 0, 0, NULL, "m"));
    char *out = NULL;
    assert_ok(snplp_text_fold(&out, "Texte"));
    snplp_free(out);
    snplp_referential *ref = test_new_referential();
    snplp_referential_unref(ref);
    snplp_diagnostics_free(diags);

    assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    assert_string_equal(snplp_error_last_message(), saved);
    snplp_error_clear();
}

/* ---- per thread ---- */

typedef struct thread_result {
    pthread_barrier_t *barrier;
    int initial_code;
    char initial_message[MESSAGE_MAX];
    int rc;
    int code;
    char message[MESSAGE_MAX];
} thread_result;

static void *fail_in_thread(void *arg)
{
    thread_result *r = arg;
    /* A new thread starts with no failure, whatever other threads did. */
    r->initial_code = snplp_error_last_code();
    snprintf(r->initial_message, sizeof r->initial_message, "%s", snplp_error_last_message());
    char *out = NULL;
    r->rc = snplp_text_fold(&out, "\x01");
    /* Wait until the main thread has failed too, then read this thread's error. */
    pthread_barrier_wait(r->barrier);
    pthread_barrier_wait(r->barrier);
    r->code = snplp_error_last_code();
    snprintf(r->message, sizeof r->message, "%s", snplp_error_last_message());
    return NULL;
}

static void last_error_is_per_thread(void **state)
{
    (void)state;
    snplp_error_clear();
    assert_status(snplp_diagnostics_new(NULL), SNPLP_EINVAL);
    char mine[MESSAGE_MAX];
    snprintf(mine, sizeof mine, "%s", snplp_error_last_message());

    pthread_barrier_t barrier;
    assert_int_equal(pthread_barrier_init(&barrier, NULL, 2), 0);
    thread_result r;
    memset(&r, 0, sizeof r);
    r.barrier = &barrier;
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, fail_in_thread, &r), 0);
    pthread_barrier_wait(&barrier);
    /* The other thread has failed with SNPLP_EENCODING: this thread's error is unchanged. */
    assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    assert_string_equal(snplp_error_last_message(), mine);
    /* Now this thread fails differently while the other one waits. */
    snplp_referential *ref = test_new_referential();
    assert_status(snplp_referential_add_theme(NULL, ref, "-bad", "Titre"), SNPLP_EBADID);
    snplp_referential_unref(ref);
    pthread_barrier_wait(&barrier);
    assert_int_equal(pthread_join(t, NULL), 0);
    pthread_barrier_destroy(&barrier);

    assert_int_equal(r.initial_code, SNPLP_OK);
    assert_string_equal(r.initial_message, "");
    assert_int_equal(r.rc, SNPLP_EENCODING);
    assert_int_equal(r.code, SNPLP_EENCODING);
    assert_non_null(strstr(r.message, "U+0001"));
    assert_null(strstr(r.message, "snplp_referential_add_theme"));

    assert_int_equal(snplp_error_last_code(), SNPLP_EBADID);
    assert_non_null(strstr(snplp_error_last_message(), "snplp_referential_add_theme"));
    snplp_error_clear();
}

/* ---- long messages ---- */

/* A 5000-byte malformed id (made of "é") gives a bounded message that is valid UTF-8. */
static void long_malformed_id_gives_a_valid_message(void **state)
{
    (void)state;
    enum { ID_BYTES = 5000 };
    static char id[ID_BYTES + 1];
    for (size_t i = 0; i < ID_BYTES; i += 2)
        memcpy(id + i, "\xc3\xa9", 2);
    id[ID_BYTES] = '\0';

    snplp_referential *ref = test_new_referential();
    assert_status(snplp_referential_add_theme(NULL, ref, id, "Titre"), SNPLP_EBADID);
    assert_int_equal(snplp_error_last_code(), SNPLP_EBADID);
    const char *msg = snplp_error_last_message();
    assert_true(strlen(msg) > 0);
    assert_true(strlen(msg) < MESSAGE_MAX);
    assert_true(utf8_valid(msg));
    assert_non_null(strstr(msg, "snplp_referential_add_theme"));
    assert_int_equal(snplp_referential_theme_count(ref), 0);

    /* The same with a valid start and a space in the middle of 5000 ASCII bytes. */
    memset(id, 'a', ID_BYTES);
    id[ID_BYTES / 2] = ' ';
    assert_status(snplp_referential_add_theme(NULL, ref, id, "Titre"), SNPLP_EBADID);
    msg = snplp_error_last_message();
    assert_true(strlen(msg) < MESSAGE_MAX);
    assert_true(utf8_valid(msg));
    assert_int_equal(snplp_referential_theme_count(ref), 0);

    /* An id that is only too long (5000 letters) is refused the same way. */
    id[ID_BYTES / 2] = 'a';
    assert_status(snplp_referential_add_theme(NULL, ref, id, "Titre"), SNPLP_EBADID);
    assert_true(strlen(snplp_error_last_message()) < MESSAGE_MAX);

    snplp_referential_unref(ref);
    snplp_error_clear();
}

/* A message longer than the buffer is cut below it, never inside a UTF-8 sequence, whichever
 * byte of a 2-, 3- or 4-byte character the limit falls on. */
static void long_message_is_cut_on_a_character_boundary(void **state)
{
    (void)state;
    static const char *const chars[] = {"\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80"};
    enum { LEN = 3000 };
    static char text[LEN + 8];
    for (size_t c = 0; c < sizeof chars / sizeof chars[0]; c++) {
        size_t w = strlen(chars[c]);
        for (size_t pad = 0; pad < w; pad++) {
            size_t o = 0;
            memset(text, 'x', pad);
            o = pad;
            while (o + w <= LEN) {
                memcpy(text + o, chars[c], w);
                o += w;
            }
            text[o] = '\0';
            assert_int_equal(snplp__fail(SNPLP_EPARSE, "%s", text), SNPLP_EPARSE);
            assert_int_equal(snplp_error_last_code(), SNPLP_EPARSE);
            const char *msg = snplp_error_last_message();
            size_t n = strlen(msg);
            assert_true(n < MESSAGE_MAX);
            assert_true(n >= MESSAGE_MAX - w);
            assert_true(utf8_valid(msg));
            assert_memory_equal(msg, text, n);
        }
    }

    /* A message that just fits is kept whole. */
    char fits[MESSAGE_MAX];
    memset(fits, 'y', sizeof fits - 1);
    fits[sizeof fits - 1] = '\0';
    snplp__fail(SNPLP_EIO, "%s", fits);
    assert_string_equal(snplp_error_last_message(), fits);
    snplp_error_clear();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NAMES_TEST(names),
        cmocka_unit_test(every_status_has_a_message),
        cmocka_unit_test(clear_forgets_the_last_failure),
        cmocka_unit_test(failure_records_code_and_message),
        cmocka_unit_test(message_in_two_parts),
        cmocka_unit_test(out_of_memory_is_recorded),
        cmocka_unit_test(success_keeps_the_last_failure),
        cmocka_unit_test(last_error_is_per_thread),
        cmocka_unit_test(long_malformed_id_gives_a_valid_message),
        cmocka_unit_test(long_message_is_cut_on_a_character_boundary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
