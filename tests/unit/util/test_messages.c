/* Tests of the messages in English and French (util/messages.h, docs/messages.md): the
 * catalogue is complete in both languages with the same arguments, French reads as French
 * (plurals, decimal comma, grouping, dates, lists, quotes), the findings keep their typed
 * parameters, and the language is chosen per list, per call and per thread. */
#include "test_util.h"

#include <pthread.h>
#include <stdio.h>

#include <unicode/ures.h>
#include <unicode/ustring.h>

#include "util/alloc.h"
#include "util/diag.h"
#include "util/messages.h"

/* Calls f(table, key, variant, pattern of root, pattern of fr) on every message of the
 * catalogue (every table: diag, cli...), checking that French has each one and no other. */
static size_t each_message(void (*f)(const char *, const char *, const char *, const UChar *,
                                     int32_t, const UChar *, int32_t))
{
    const char *pkg = snplp__msg_package();
    assert_non_null(pkg);
    UErrorCode st = U_ZERO_ERROR;
    UResourceBundle *root = ures_openDirect(pkg, "root", &st);
    UResourceBundle *fr = ures_openDirect(pkg, "fr", &st);
    assert_true(U_SUCCESS(st));
    size_t count = 0;
    while (ures_hasNext(root)) {
        UResourceBundle *rtable = ures_getNextResource(root, NULL, &st);
        assert_true(U_SUCCESS(st));
        const char *table = ures_getKey(rtable);
        UErrorCode fst = U_ZERO_ERROR;
        UResourceBundle *ftable = ures_getByKey(fr, table, NULL, &fst);
        assert_true(U_SUCCESS(fst));
        while (ures_hasNext(rtable)) {
            UResourceBundle *code = ures_getNextResource(rtable, NULL, &st);
            assert_true(U_SUCCESS(st));
            const char *key = ures_getKey(code);
            fst = U_ZERO_ERROR;
            UResourceBundle *fcode = ures_getByKey(ftable, key, NULL, &fst);
            if (U_FAILURE(fst))
                print_error("%s/%s: no French messages\n", table, key);
            assert_true(U_SUCCESS(fst));
            while (ures_hasNext(code)) {
                int32_t len = 0, flen = 0;
                const char *variant = NULL;
                const UChar *p = ures_getNextString(code, &len, &variant, &st);
                assert_true(U_SUCCESS(st));
                fst = U_ZERO_ERROR;
                const UChar *fp = ures_getStringByKey(fcode, variant, &flen, &fst);
                if (U_FAILURE(fst))
                    print_error("%s/%s/%s: no French message\n", table, key, variant);
                assert_true(U_SUCCESS(fst));
                f(table, key, variant, p, len, fp, flen);
                count++;
            }
            /* and no French message that English lacks */
            while (ures_hasNext(fcode)) {
                const char *variant = NULL;
                int32_t len = 0;
                ures_getNextString(fcode, &len, &variant, &st);
                UErrorCode rst = U_ZERO_ERROR;
                ures_getStringByKey(code, variant, &len, &rst);
                if (U_FAILURE(rst))
                    print_error("%s/%s/%s: French only\n", table, key, variant);
                assert_true(U_SUCCESS(rst));
            }
            ures_close(fcode);
            ures_close(code);
        }
        ures_close(ftable);
        ures_close(rtable);
    }
    ures_close(root);
    ures_close(fr);
    return count;
}

static int arg_names(const UChar *p, int32_t len, const char **names, char *buf, size_t size)
{
    return snplp__msgformat_names(p, len, names, 16, buf, size);
}

static void same_arguments(const char *table, const char *key, const char *variant, const UChar *p,
                           int32_t len, const UChar *fp, int32_t flen)
{
    const char *en[16], *fr[16];
    char ebuf[512], fbuf[512];
    int ne = arg_names(p, len, en, ebuf, sizeof ebuf);
    int nf = arg_names(fp, flen, fr, fbuf, sizeof fbuf);
    if (ne < 0 || nf < 0)
        print_error("%s/%s/%s: a pattern does not parse\n", table, key, variant);
    assert_true(ne >= 0 && nf >= 0);
    if (ne != nf)
        print_error("%s/%s/%s: %d arguments in English, %d in French\n", table, key, variant, ne,
                    nf);
    assert_int_equal(ne, nf);
    for (int i = 0; i < ne; i++) {
        bool found = false;
        for (int k = 0; k < nf && !found; k++)
            found = strcmp(en[i], fr[k]) == 0;
        if (!found)
            print_error("%s/%s/%s: {%s} is not in the French message\n", table, key, variant,
                        en[i]);
        assert_true(found);
    }
    /* a key of the findings' table is a code */
    if (strcmp(table, "diag") != 0)
        return;
    bool known = false;
    for (int c = 0; c < 1000 && !known; c++)
        known = strcmp(snplp_diag_code_name((snplp_diag_code)c), key) == 0;
    if (!known)
        print_error("diag/%s: not a code\n", key);
    assert_true(known);
}

/* Both languages have every message, with the same arguments; every code is in the catalogue
 * (since issue 19 moved the last family there). */
static void catalogue_is_complete(void **state)
{
    (void)state;
    size_t n = each_message(same_arguments);
    assert_true(n >= 30);
    for (int c = 1; c < 1000; c++) {
        const char *name = snplp_diag_code_name((snplp_diag_code)c);
        if (strcmp(name, "unknown") == 0)
            continue;
        char *out = NULL;
        UErrorCode st = U_ZERO_ERROR;
        UResourceBundle *b = ures_openDirect(snplp__msg_package(), "root", &st);
        UResourceBundle *d = ures_getByKey(b, "diag", NULL, &st);
        UResourceBundle *k = ures_getByKey(d, name, NULL, &st);
        if (U_FAILURE(st))
            print_error("code %s is not in the catalogue\n", name);
        assert_true(U_SUCCESS(st));
        ures_close(k);
        ures_close(d);
        ures_close(b);
        snplp_free(out);
    }
}

/* A message of the catalogue rendered in a language: the text (freed by the caller). */
static char *render(snplp_language lang, const char *key, const char *variant,
                    const snplp_msg_arg *args, size_t n)
{
    char *out = NULL;
    assert_ok(snplp__msg_render(lang, "diag", key, variant, args, n, &out));
    return out;
}

static void assert_contains(const char *s, const char *part)
{
    if (!strstr(s, part))
        print_error("\"%s\" lacks \"%s\"\n", s, part);
    assert_non_null(strstr(s, part));
}

#define NBSP  "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"

/* French reads as French: plurals, grouping, quotes and no-break spaces, lists. */
static void french_typography(void **state)
{
    (void)state;
    const snplp_msg_arg one[] = {SNPLP_ARG(ID, "element", "intitule-formation"),
                                 SNPLP_ARG(ID, "module", "m-1"), SNPLP_ARG(ID, "body", "of-1"),
                                 SNPLP_ARG(INTEGER, "max", "1")};
    char *s = render(SNPLP_LANGUAGE_FR, "lheo-text-cut", "text", one, 4);
    assert_contains(s, "les 1 caract\xc3\xa8re que");
    assert_contains(s, "LHEO" NBSP ": il est coup\xc3\xa9");
    snplp_free(s);
    s = render(SNPLP_LANGUAGE_EN, "lheo-text-cut", "text", one, 4);
    assert_contains(s, "the 1 character LHEO allows");
    snplp_free(s);
    const snplp_msg_arg many[] = {SNPLP_ARG(ID, "element", "contenu-formation"),
                                  SNPLP_ARG(ID, "module", "m-1"), SNPLP_ARG(ID, "body", "of-1"),
                                  SNPLP_ARG(INTEGER, "max", "3000")};
    s = render(SNPLP_LANGUAGE_FR, "lheo-text-cut", "text", many, 4);
    assert_contains(s, "les 3" NNBSP "000 caract\xc3\xa8res");
    snplp_free(s);
    s = render(SNPLP_LANGUAGE_EN, "lheo-text-cut", "text", many, 4);
    assert_contains(s, "the 3,000 characters");
    snplp_free(s);
    /* a list: each text quoted, joined as the language joins */
    const snplp_msg_arg match[] = {SNPLP_ARG(ID, "theme", "theme-insertion"),
                                   SNPLP_ARG(TEXT, "title", "L\xe2\x80\x99insertion"),
                                   SNPLP_ARG(INTEGER, "score", "3"),
                                   SNPLP_ARG(LIST, "labels",
                                             "a b\x1f"
                                             "c\x1f"
                                             "d"),
                                   SNPLP_ARG(CHOICE, "applied", "no")};
    s = render(SNPLP_LANGUAGE_FR, "lheo-theme-match", "match", match, 5);
    assert_contains(s, "\xc2\xab" NBSP "a b" NBSP "\xc2\xbb, \xc2\xab" NBSP "c" NBSP
                       "\xc2\xbb et \xc2\xab" NBSP "d" NBSP "\xc2\xbb");
    assert_contains(s, "non appliqu\xc3\xa9");
    snplp_free(s);
    s = render(SNPLP_LANGUAGE_EN, "lheo-theme-match", "match", match, 5);
    assert_contains(s, "\xe2\x80\x9c"
                       "a b\xe2\x80\x9d, \xe2\x80\x9c"
                       "c\xe2\x80\x9d, and "
                       "\xe2\x80\x9c"
                       "d\xe2\x80\x9d");
    assert_contains(s, "not applied");
    snplp_free(s);
    /* a long list: every text, none dropped */
    char many_labels[1200] = "";
    for (int i = 0; i < 100; i++)
        snprintf(many_labels + strlen(many_labels), sizeof many_labels - strlen(many_labels),
                 "%sl%d", i ? "\x1f" : "", i);
    const snplp_msg_arg long_list[] = {SNPLP_ARG(ID, "theme", "t"), SNPLP_ARG(TEXT, "title", "T"),
                                       SNPLP_ARG(INTEGER, "score", "1"),
                                       SNPLP_ARG(LIST, "labels", many_labels),
                                       SNPLP_ARG(CHOICE, "applied", "yes")};
    s = render(SNPLP_LANGUAGE_EN, "lheo-theme-match", "match", long_list, 5);
    assert_contains(s, "\xe2\x80\x9cl0\xe2\x80\x9d, ");
    assert_contains(s, ", and \xe2\x80\x9cl99\xe2\x80\x9d: applied");
    snplp_free(s);
}

/* The formatter itself: decimals exact with a decimal comma, dates in words. */
static void formatter_types(void **state)
{
    (void)state;
    UChar pattern[128];
    int32_t len = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(pattern, 128, &len,
                  "{days, plural, one {# jour} other {# jours}} le {d, date, long}", -1, &st);
    assert_true(U_SUCCESS(st));
    const snplp_msg_arg args[] = {SNPLP_ARG(DECIMAL, "days", "6.5"),
                                  SNPLP_ARG(DATE, "d", "2022-03-31")};
    char *out = NULL;
    assert_ok(snplp__msgformat(NULL, pattern, len, "fr", args, 2, &out));
    assert_string_equal(out, "6,5 jours le 31 mars 2022");
    snplp_free(out);
    const snplp_msg_arg one[] = {SNPLP_ARG(DECIMAL, "days", "1"),
                                 SNPLP_ARG(DATE, "d", "2020-02-29")};
    assert_ok(snplp__msgformat(NULL, pattern, len, "fr", one, 2, &out));
    assert_string_equal(out, "1 jour le 29 f\xc3\xa9vrier 2020");
    snplp_free(out);
    assert_ok(snplp__msgformat(NULL, pattern, len, "en", one, 2, &out));
    assert_string_equal(out, "1 jour le February 29, 2020");
    snplp_free(out);
    /* before the Gregorian calendar (15 October 1582): the day given, as ICU's formats count */
    const snplp_msg_arg old[] = {SNPLP_ARG(DECIMAL, "days", "2"),
                                 SNPLP_ARG(DATE, "d", "1002-03-31")};
    assert_ok(snplp__msgformat(NULL, pattern, len, "fr", old, 2, &out));
    assert_string_equal(out, "2 jours le 31 mars 1002");
    snplp_free(out);
    /* a value not of its type */
    const snplp_msg_arg bad[] = {SNPLP_ARG(DECIMAL, "days", "six"),
                                 SNPLP_ARG(DATE, "d", "2022-03-31")};
    assert_int_equal(snplp__msgformat(NULL, pattern, len, "fr", bad, 2, &out), SNPLP_EINVAL);
    const snplp_msg_arg bad_date[] = {SNPLP_ARG(DECIMAL, "days", "6"),
                                      SNPLP_ARG(DATE, "d", "31/03/2022")};
    assert_int_equal(snplp__msgformat(NULL, pattern, len, "fr", bad_date, 2, &out), SNPLP_EINVAL);
}

/* An argument missing or one too many: the library's mistake, refused. */
static void arguments_must_match(void **state)
{
    (void)state;
    char *out = NULL;
    const snplp_msg_arg missing[] = {SNPLP_ARG(ID, "body", "of-1")};
    assert_int_equal(
        snplp__msg_render(SNPLP_LANGUAGE_EN, "diag", "lheo-value-kept", "siret", missing, 1, &out),
        SNPLP_EINTERNAL);
    const snplp_msg_arg extra[] = {SNPLP_ARG(ID, "body", "of-1"),
                                   SNPLP_ARG(TEXT, "reason", "bad key"),
                                   SNPLP_ARG(TEXT, "more", "x")};
    assert_int_equal(
        snplp__msg_render(SNPLP_LANGUAGE_FR, "diag", "lheo-value-kept", "siret", extra, 3, &out),
        SNPLP_EINTERNAL);
    assert_int_equal(
        snplp__msg_render(SNPLP_LANGUAGE_FR, "diag", "lheo-value-kept", "nothing", extra, 2, &out),
        SNPLP_ENOTFOUND);
    assert_null(out);
}

/* A finding keeps its parameters; its list renders it in its language, and again when the
 * language changes; any finding renders in either language. */
static void findings_and_languages(void **state)
{
    (void)state;
    snplp_diagnostics *d = NULL;
    assert_ok(snplp_diagnostics_new(&d));
    assert_int_equal(snplp_diagnostics_language(d), SNPLP_LANGUAGE_EN);
    const snplp_msg_arg args[] = {SNPLP_ARG(ID, "body", "of-7"),
                                  SNPLP_ARG(TEXT, "reason", "the key is wrong")};
    assert_ok(snplp__finding(d, &(snplp_finding){.severity = SNPLP_SEVERITY_INFO,
                                                 .code = SNPLP_DIAG_LHEO_VALUE_KEPT,
                                                 .variant = "siret",
                                                 .line = 3,
                                                 .column = 9,
                                                 .args = args,
                                                 .nargs = 2}));
    assert_ok(snplp_diagnostics_add(d, SNPLP_SEVERITY_WARNING, SNPLP_DIAG_EMPTY_TITLE, 0, 0, NULL,
                                    "a message of the application"));
    const snplp_diagnostic *g = snplp_diagnostics_at(d, 0);
    assert_string_equal(snplp_diagnostic_message_id(g), "lheo-value-kept/siret");
    assert_int_equal(snplp_diagnostic_param_count(g), 2);
    assert_string_equal(snplp_diagnostic_param_name(g, 0), "body");
    assert_int_equal(snplp_diagnostic_param_type(g, 0), SNPLP_PARAM_ID);
    assert_string_equal(snplp_diagnostic_param_value(g, 1), "the key is wrong");
    assert_string_equal(snplp_diagnostic_param(g, "body"), "of-7");
    assert_null(snplp_diagnostic_param(g, "nothing"));
    assert_null(snplp_diagnostic_param_name(g, 2));
    assert_null(snplp_diagnostic_param_value(g, 2));
    assert_int_equal(snplp_diagnostic_param_type(g, 2), SNPLP_PARAM_TEXT);
    assert_contains(snplp_diagnostic_message(g), "the SIRET of the training body of-7 is kept");
    assert_int_equal(snplp_diagnostic_line(g), 3);
    char *fr = NULL;
    assert_ok(snplp_diagnostic_render(g, SNPLP_LANGUAGE_FR, &fr));
    assert_contains(fr, "le SIRET de l\xe2\x80\x99organisme de formation of-7 est gard\xc3\xa9");
    /* the list in French: every message of the catalogue again; the application's as given */
    assert_ok(snplp_diagnostics_set_language(d, SNPLP_LANGUAGE_FR));
    assert_int_equal(snplp_diagnostics_language(d), SNPLP_LANGUAGE_FR);
    assert_string_equal(snplp_diagnostic_message(snplp_diagnostics_at(d, 0)), fr);
    assert_string_equal(snplp_diagnostic_message(snplp_diagnostics_at(d, 1)),
                        "a message of the application");
    const snplp_diagnostic *h = snplp_diagnostics_at(d, 1);
    assert_null(snplp_diagnostic_message_id(h));
    assert_int_equal(snplp_diagnostic_param_count(h), 0);
    char *as_is = NULL;
    assert_ok(snplp_diagnostic_render(h, SNPLP_LANGUAGE_FR, &as_is));
    assert_string_equal(as_is, "a message of the application");
    snplp_free(as_is);
    snplp_free(fr);
    /* out of memory: the list keeps its language and messages */
    for (long n = 0; n < 4; n++) {
        snplp__alloc_fail_after(n);
        int rc = snplp_diagnostics_set_language(d, SNPLP_LANGUAGE_EN);
        snplp__alloc_fail_after(-1);
        if (rc == SNPLP_OK)
            break;
        assert_int_equal(rc, SNPLP_ENOMEM);
        assert_int_equal(snplp_diagnostics_language(d), SNPLP_LANGUAGE_FR);
        assert_contains(snplp_diagnostic_message(snplp_diagnostics_at(d, 0)), "le SIRET");
    }
    assert_ok(snplp_diagnostics_set_language(d, SNPLP_LANGUAGE_EN));
    assert_contains(snplp_diagnostic_message(snplp_diagnostics_at(d, 0)), "the SIRET");
    /* bad arguments */
    assert_fails(snplp_diagnostics_set_language(d, (snplp_language)7), SNPLP_EINVAL);
    assert_fails(snplp_diagnostics_set_language(NULL, SNPLP_LANGUAGE_FR), SNPLP_EINVAL);
    char *x = NULL;
    assert_fails(snplp_diagnostic_render(g, (snplp_language)7, &x), SNPLP_EINVAL);
    assert_fails(snplp_diagnostic_render(NULL, SNPLP_LANGUAGE_FR, &x), SNPLP_EINVAL);
    assert_int_equal(snplp_diagnostic_param_count(NULL), 0);
    assert_null(snplp_diagnostic_message_id(NULL));
    assert_int_equal(snplp_diagnostics_language(NULL), SNPLP_LANGUAGE_EN);
    assert_string_equal(snplp_param_type_name(SNPLP_PARAM_LIST), "list");
    assert_string_equal(snplp_param_type_name(SNPLP_PARAM_DECIMAL), "decimal");
    assert_string_equal(snplp_param_type_name((snplp_param_type)99), "unknown");
    snplp_diagnostics_free(d);
}

static void *thread_language(void *arg)
{
    (void)arg;
    /* a new thread: English, whatever the thread that made it chose */
    static snplp_language seen;
    seen = snplp_language_default();
    return &seen;
}

/* The default language is the thread's; a list takes it when it is made. */
static void default_language_per_thread(void **state)
{
    (void)state;
    assert_int_equal(snplp_language_default(), SNPLP_LANGUAGE_EN);
    assert_ok(snplp_language_set_default(SNPLP_LANGUAGE_FR));
    assert_int_equal(snplp_language_default(), SNPLP_LANGUAGE_FR);
    snplp_diagnostics *d = NULL;
    assert_ok(snplp_diagnostics_new(&d));
    assert_int_equal(snplp_diagnostics_language(d), SNPLP_LANGUAGE_FR);
    snplp_diagnostics_free(d);
    pthread_t t;
    void *seen = NULL;
    assert_int_equal(pthread_create(&t, NULL, thread_language, NULL), 0);
    assert_int_equal(pthread_join(t, &seen), 0);
    assert_int_equal(*(snplp_language *)seen, SNPLP_LANGUAGE_EN);
    assert_fails(snplp_language_set_default((snplp_language)-1), SNPLP_EINVAL);
    assert_int_equal(snplp_language_default(), SNPLP_LANGUAGE_FR);
    assert_ok(snplp_language_set_default(SNPLP_LANGUAGE_EN));
}

static void language_from_locale(void **state)
{
    (void)state;
    static const struct {
        const char *locale;
        int rc;
        snplp_language lang;
    } cases[] = {{"fr", SNPLP_OK, SNPLP_LANGUAGE_FR},
                 {"fr_FR.UTF-8", SNPLP_OK, SNPLP_LANGUAGE_FR},
                 {"fr_BE@euro", SNPLP_OK, SNPLP_LANGUAGE_FR},
                 {"fr-CA", SNPLP_OK, SNPLP_LANGUAGE_FR},
                 {"en_GB.UTF-8", SNPLP_OK, SNPLP_LANGUAGE_EN},
                 {"en", SNPLP_OK, SNPLP_LANGUAGE_EN},
                 {"C", SNPLP_OK, SNPLP_LANGUAGE_EN},
                 {"C.UTF-8", SNPLP_OK, SNPLP_LANGUAGE_EN},
                 {"POSIX", SNPLP_OK, SNPLP_LANGUAGE_EN},
                 {"de_DE.UTF-8", SNPLP_EINVAL, SNPLP_LANGUAGE_EN},
                 {"fra", SNPLP_EINVAL, SNPLP_LANGUAGE_EN},
                 {"", SNPLP_EINVAL, SNPLP_LANGUAGE_EN}};
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        snplp_language lang = SNPLP_LANGUAGE_EN;
        assert_int_equal(snplp_language_from_locale(cases[i].locale, &lang), cases[i].rc);
        assert_int_equal(lang, cases[i].lang);
    }
    snplp_language lang;
    assert_fails(snplp_language_from_locale(NULL, &lang), SNPLP_EINVAL);
    assert_string_equal(snplp_language_code(SNPLP_LANGUAGE_FR), "fr");
    assert_string_equal(snplp_language_code(SNPLP_LANGUAGE_EN), "en");
    assert_null(snplp_language_code((snplp_language)3));
}

/* snplp_message_render(): the catalogue's other tables for an application (the program's words). */
static void message_render(void **state)
{
    (void)state;
    char *s = NULL;
    assert_ok(snplp_message_render(SNPLP_LANGUAGE_FR, "cli/severity/warning", NULL, 0, &s));
    assert_string_equal(s, "avertissement");
    snplp_free(s);
    const snplp_message_arg args[] = {{"file", SNPLP_PARAM_TEXT, "a.xml"},
                                      {"kind", SNPLP_PARAM_CHOICE, "records"},
                                      {"errors", SNPLP_PARAM_INTEGER, "0"},
                                      {"warnings", SNPLP_PARAM_INTEGER, "2"},
                                      {"unchecked", SNPLP_PARAM_CHOICE, "no"}};
    assert_ok(snplp_message_render(SNPLP_LANGUAGE_FR, "cli/validate/summary", args, 5, &s));
    assert_string_equal(s, "a.xml" NBSP ": donn\xc3\xa9"
                           "es de formation" NBSP ": 0 erreur, 2 avertissements");
    snplp_free(s);
    assert_ok(snplp_message_render(SNPLP_LANGUAGE_EN, "cli/validate/summary", args, 5, &s));
    assert_string_equal(s, "a.xml: records: 0 errors, 2 warnings");
    snplp_free(s);
    /* the caller's mistakes */
    assert_fails(snplp_message_render(SNPLP_LANGUAGE_EN, "cli/validate/summary", args, 4, &s),
                 SNPLP_EINVAL);
    assert_null(s);
    assert_fails(snplp_message_render(SNPLP_LANGUAGE_EN, "cli/validate", args, 5, &s),
                 SNPLP_EINVAL);
    assert_fails(snplp_message_render(SNPLP_LANGUAGE_EN, "cli/validate/summary/x", args, 5, &s),
                 SNPLP_EINVAL);
    assert_fails(snplp_message_render(SNPLP_LANGUAGE_EN, "cli/nothing/here", NULL, 0, &s),
                 SNPLP_ENOTFOUND);
    assert_fails(snplp_message_render((snplp_language)5, "cli/severity/error", NULL, 0, &s),
                 SNPLP_EINVAL);
    assert_fails(snplp_message_render(SNPLP_LANGUAGE_EN, NULL, NULL, 0, &s), SNPLP_EINVAL);
    const snplp_message_arg bad[] = {{"file", SNPLP_PARAM_TEXT, NULL}};
    assert_fails(snplp_message_render(SNPLP_LANGUAGE_EN, "cli/validate/summary", bad, 1, &s),
                 SNPLP_EINVAL);
    const snplp_message_arg not_a_number[] = {{"file", SNPLP_PARAM_TEXT, "a.xml"},
                                              {"kind", SNPLP_PARAM_CHOICE, "records"},
                                              {"errors", SNPLP_PARAM_INTEGER, "none"},
                                              {"warnings", SNPLP_PARAM_INTEGER, "2"},
                                              {"unchecked", SNPLP_PARAM_CHOICE, "no"}};
    assert_fails(
        snplp_message_render(SNPLP_LANGUAGE_EN, "cli/validate/summary", not_a_number, 5, &s),
        SNPLP_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(catalogue_is_complete),  cmocka_unit_test(french_typography),
        cmocka_unit_test(formatter_types),        cmocka_unit_test(arguments_must_match),
        cmocka_unit_test(findings_and_languages), cmocka_unit_test(default_language_per_thread),
        cmocka_unit_test(language_from_locale),   cmocka_unit_test(message_render),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
