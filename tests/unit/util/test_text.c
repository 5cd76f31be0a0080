/* Tests of text.h: French collation (compare, sort), folding for search, and the checks and
 * NFC normalization of the text stored in a referential. */
#include "test_util.h"

#include <pthread.h>
#include <stdio.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "util/text.h"

/* Invalid UTF-8 and characters XML forbids: refused everywhere with SNPLP_EENCODING. */
static const char *const bad_texts[] = {
    "\xc0\xaf",         /* overlong encoding of '/' */
    "\xed\xa0\x80",     /* surrogate U+D800 */
    "\xf4\x90\x80\x80", /* beyond U+10FFFF */
    "\xc3",             /* truncated sequence */
    "caf\xc3",          /* truncated at the end of a word */
    "\xc3\xa9t\xc3",    /* truncated after a valid non-ASCII character */
    "\x80",             /* lone continuation byte */
    "\xff",             /* never UTF-8 */
    "\x01",             /* C0 control */
    "a\x0b"
    "b",            /* vertical tab */
    "\xc3\xa9\x1f", /* C0 control after a non-ASCII character */
    "\xef\xbf\xbe", /* U+FFFE */
    "\xef\xbf\xbf", /* U+FFFF */
};
#define BAD_COUNT (sizeof bad_texts / sizeof bad_texts[0])

/* ---- compare ---- */

/* The accent order of French: "cote" < "coté" < "côte" < "côté". */
static const char *const cote[] = {"cote", "cot\xc3\xa9", "c\xc3\xb4te", "c\xc3\xb4t\xc3\xa9"};

static void compare_orders_french_accents(void **state)
{
    (void)state;
    for (size_t i = 0; i < 4; i++) {
        for (size_t j = 0; j < 4; j++) {
            int want = i < j ? -1 : i > j ? 1 : 0;
            int got = snplp_text_compare(cote[i], cote[j]);
            if (got != want)
                print_error("compare('%s', '%s') = %d, want %d\n", cote[i], cote[j], got, want);
            assert_int_equal(got, want);
        }
    }
}

/* Accents are secondary and case tertiary: both lose to any difference of letters. */
static void compare_accents_and_case_are_minor(void **state)
{
    (void)state;
    const char *educateur = "educateur";
    const char *Educateur_acute = "\xc3\x89"
                                  "ducateur"; /* Éducateur */
    const char *educatrice_acute = "\xc3\xa9"
                                   "ducatrice"; /* éducatrice */
    const char *Educatrice = "Educatrice";
    /* Accent (secondary) before case (tertiary): "educateur" < "Éducateur". */
    assert_int_equal(snplp_text_compare(educateur, Educateur_acute), -1);
    assert_int_equal(snplp_text_compare(Educateur_acute, educateur), 1);
    /* Letters (primary) win over accents and case. */
    assert_int_equal(snplp_text_compare(Educateur_acute, Educatrice), -1);
    assert_int_equal(snplp_text_compare(Educateur_acute, educatrice_acute), -1);
    assert_int_equal(snplp_text_compare("educateurs", Educateur_acute), 1);
    /* Case is tertiary: lower case first. */
    assert_int_equal(snplp_text_compare("educatrice", Educatrice), -1);
    assert_int_equal(snplp_text_compare("Educatrice", "educatrice"), 1);
    /* An accent outweighs case. */
    assert_int_equal(snplp_text_compare(Educatrice, educatrice_acute), -1);
    /* Not byte order: 'Z' < 'a' and 0xC3 > 'z' in bytes, not in French. */
    assert_int_equal(snplp_text_compare("abricot", "Z\xc3\xa8"
                                                   "bre"),
                     -1);
    assert_int_equal(snplp_text_compare("\xc3\xa9"
                                        "cole",
                                        "zoo"),
                     -1);
    assert_int_equal(snplp_text_compare("zoo", "\xc3\xa9"
                                               "cole"),
                     1);
}

static void compare_equal_strings(void **state)
{
    (void)state;
    assert_int_equal(snplp_text_compare("", ""), 0);
    assert_int_equal(snplp_text_compare("m\xc3\xaame", "m\xc3\xaame"), 0);
    /* Canonically equivalent spellings of "é" are equal. */
    assert_int_equal(snplp_text_compare("e\xcc\x81", "\xc3\xa9"), 0);
    assert_int_equal(snplp_text_compare("", "a"), -1);
    assert_int_equal(snplp_text_compare("a", ""), 1);
}

static void compare_null_sorts_first(void **state)
{
    (void)state;
    assert_int_equal(snplp_text_compare(NULL, NULL), 0);
    assert_int_equal(snplp_text_compare(NULL, ""), -1);
    assert_int_equal(snplp_text_compare("", NULL), 1);
    assert_int_equal(snplp_text_compare(NULL, "a"), -1);
    assert_int_equal(snplp_text_compare("a", NULL), 1);
    assert_int_equal(snplp_text_compare(NULL, "\xff"), -1);
}

/* Invalid UTF-8 is not an error for compare: each bad byte counts as U+FFFD. */
static void compare_invalid_utf8_as_replacement(void **state)
{
    (void)state;
    assert_int_equal(snplp_text_compare("a\xff"
                                        "b",
                                        "a\xef\xbf\xbd"
                                        "b"),
                     0);
    assert_int_equal(snplp_text_compare("\x80", "\xef\xbf\xbd"), 0);
    assert_int_equal(snplp_text_compare("\xff\xfe", "\xef\xbf\xbd\xef\xbf\xbd"), 0);
    assert_int_equal(snplp_text_compare("a\xff", "a"), 1);
    assert_int_equal(snplp_text_compare("a", "a\xff"), -1);
}

/* The shared collator is usable from several threads at once. */
enum { THREADS = 4, ROUNDS = 100 };

static void *compare_in_thread(void *arg)
{
    int *ok = arg;
    *ok = 1;
    for (int r = 0; r < ROUNDS; r++)
        for (size_t i = 0; i + 1 < 4; i++)
            if (snplp_text_compare(cote[i], cote[i + 1]) != -1 ||
                snplp_text_compare(cote[i + 1], cote[i]) != 1)
                *ok = 0;
    return NULL;
}

static void compare_is_thread_safe(void **state)
{
    (void)state;
    run_threads_ok(THREADS, compare_in_thread);
}

/* ---- sort ---- */

static void assert_sorted_as(const char *const *texts, size_t count, const size_t *want)
{
    size_t order[16];
    assert_true(count <= 16);
    for (size_t i = 0; i < count; i++)
        order[i] = SIZE_MAX;
    assert_ok(snplp_text_sort(order, texts, count));
    for (size_t i = 0; i < count; i++) {
        if (order[i] != want[i])
            print_error("position %zu: '%s' (%zu), want '%s' (%zu)\n", i,
                        order[i] < count ? texts[order[i]] : "?", order[i], texts[want[i]],
                        want[i]);
        assert_int_equal(order[i], want[i]);
    }
}

static void sort_orders_french_accents(void **state)
{
    (void)state;
    const char *texts[] = {cote[3], cote[1], cote[0], cote[2]};
    const size_t want[] = {2, 1, 3, 0};
    assert_sorted_as(texts, 4, want);
}

static void sort_puts_educateur_next_to_its_spellings(void **state)
{
    (void)state;
    const char *texts[] = {
        "\xc3\xa9"
        "ducatrice",  /* 0 éducatrice */
        "Educatrice", /* 1 */
        "\xc3\x89"
        "ducateur",   /* 2 Éducateur */
        "zoo",        /* 3 */
        "educateur",  /* 4 */
        "educatrice", /* 5 */
        "abricot",    /* 6 */
        "Educateurs", /* 7 */
    };
    /* abricot, educateur, Éducateur, Educateurs, educatrice, Educatrice, éducatrice, zoo */
    const size_t want[] = {6, 4, 2, 7, 5, 1, 0, 3};
    assert_sorted_as(texts, 8, want);
}

/* Equal strings keep their relative order. */
static void sort_is_stable(void **state)
{
    (void)state;
    const char *texts[] = {"b", "a", "b", "a", "c", "a", "b"};
    const size_t want[] = {1, 3, 5, 0, 2, 6, 4};
    assert_sorted_as(texts, 7, want);

    /* Canonically equivalent spellings are equal too, and keep their order either way. */
    const char *nfd_first[] = {"e\xcc\x81", "\xc3\xa9", "e"};
    const size_t want_nfd[] = {2, 0, 1};
    assert_sorted_as(nfd_first, 3, want_nfd);
    const char *nfc_first[] = {"\xc3\xa9", "e\xcc\x81", "e"};
    const size_t want_nfc[] = {2, 0, 1};
    assert_sorted_as(nfc_first, 3, want_nfc);

    /* All equal: the identity. */
    const char *same[] = {"x", "x", "x", "x", "x"};
    const size_t identity[] = {0, 1, 2, 3, 4};
    assert_sorted_as(same, 5, identity);
}

static void sort_one_and_empty_strings(void **state)
{
    (void)state;
    const char *one[] = {"seul"};
    const size_t want_one[] = {0};
    assert_sorted_as(one, 1, want_one);
    const char *with_empty[] = {"a", "", "b", ""};
    const size_t want_empty[] = {1, 3, 0, 2};
    assert_sorted_as(with_empty, 4, want_empty);
}

/* count 0 is valid and writes nothing, even with NULL arrays. */
static void sort_count_zero(void **state)
{
    (void)state;
    snplp_error_clear();
    assert_ok(snplp_text_sort(NULL, NULL, 0));
    size_t order[2] = {42, 43};
    const char *texts[] = {"b", "a"};
    assert_ok(snplp_text_sort(order, texts, 0));
    assert_int_equal(order[0], 42);
    assert_int_equal(order[1], 43);
    assert_ok(snplp_text_sort(order, NULL, 0));
    assert_ok(snplp_text_sort(NULL, texts, 0));
    assert_int_equal(snplp_error_last_code(), SNPLP_OK);
}

static void sort_refuses_bad_arguments(void **state)
{
    (void)state;
    size_t order[3];
    const char *texts[] = {"b", "a", "c"};

    snplp_error_clear();
    assert_status(snplp_text_sort(NULL, texts, 3), SNPLP_EINVAL);
    assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    assert_non_null(strstr(snplp_error_last_message(), "snplp_text_sort"));

    snplp_error_clear();
    assert_status(snplp_text_sort(order, NULL, 3), SNPLP_EINVAL);
    assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);

    const char *with_null[] = {"b", NULL, "a"};
    snplp_error_clear();
    assert_status(snplp_text_sort(order, with_null, 3), SNPLP_EINVAL);
    assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    assert_non_null(strstr(snplp_error_last_message(), "NULL"));

    for (size_t i = 0; i < BAD_COUNT; i++) {
        const char *with_bad[] = {"b", "a", bad_texts[i]};
        snplp_error_clear();
        assert_status(snplp_text_sort(order, with_bad, 3), SNPLP_EENCODING);
        assert_int_equal(snplp_error_last_code(), SNPLP_EENCODING);
        assert_true(strlen(snplp_error_last_message()) > 0);
    }
    snplp_error_clear();
}

/* Sorting needs memory (sort keys): every failure is SNPLP_ENOMEM and leaks nothing. Long and
 * many strings make every buffer grow. */
typedef struct sort_ctx {
    const char **texts;
    size_t count;
    size_t *order;
} sort_ctx;

static int sort_step(void *ctx)
{
    sort_ctx *c = ctx;
    return snplp_text_sort(c->order, c->texts, c->count);
}

static void sort_out_of_memory(void **state)
{
    (void)state;
    enum { N = 40, LONG = 400 };
    static char storage[N * (2 * LONG + 16)];
    static const char *texts[N];
    static size_t order[N];
    for (size_t i = 0; i < N; i++) {
        char *s = storage + i * (2 * LONG + 16);
        size_t o = 0;
        /* "éé...é" then a number counting down, so the input is in reverse order. */
        for (size_t k = 0; k < LONG; k++, o += 2)
            memcpy(s + o, "\xc3\xa9", 2);
        snprintf(s + o, 16, "%03zu", N - 1 - i);
        texts[i] = s;
    }
    sort_ctx c = {texts, N, order};
    assert_true(test_oom_sweep(sort_step, NULL, &c) > 0);
    for (size_t i = 0; i < N; i++)
        assert_int_equal(order[i], N - 1 - i);
}

/* ---- fold ---- */

static void assert_folds(const char *text, const char *want)
{
    size_t base = snplp_memory_used();
    char *out = NULL;
    assert_ok(snplp_text_fold(&out, text));
    assert_non_null(out);
    if (strcmp(out, want) != 0)
        print_error("fold('%s') = '%s', want '%s'\n", text, out, want);
    assert_string_equal(out, want);
    snplp_free(out);
    assert_int_equal(snplp_memory_used(), base);
}

static void fold_documented_examples(void **state)
{
    (void)state;
    assert_folds("L'insertion socio-professionnelle", "linsertionsocioprofessionnelle");
    assert_folds("INSERTION SOCIO PROFESSIONNELLE", "insertionsocioprofessionnelle");
    /* The same with a typographic apostrophe and a non-breaking space. */
    assert_folds("L\xe2\x80\x99insertion\xc2\xa0socio-professionnelle",
                 "linsertionsocioprofessionnelle");
}

static void fold_accents_case_and_ligatures(void **state)
{
    (void)state;
    assert_folds("\xc3\x89"
                 "ducateur",
                 "educateur"); /* Éducateur */
    assert_folds("\xc3\x89"
                 "DUCATEUR",
                 "educateur");                  /* ÉDUCATEUR */
    assert_folds("c\xc3\xb4t\xc3\xa9", "cote"); /* côté */
    assert_folds("c\xc5\x93ur", "coeur");       /* cœur */
    assert_folds("\xc5\x92uvre", "oeuvre");     /* Œuvre */
    assert_folds("\xc3\xa6quo", "aequo");       /* æquo */
    assert_folds("\xc3\x86sir", "aesir");       /* Æsir */
    assert_folds("Stra\xc3\x9f"
                 "e",
                 "strasse");        /* Straße */
    assert_folds("\xc3\x9f", "ss"); /* ß */
    assert_folds("\xef\xac\x81"
                 "n",
                 "fin");                            /* ﬁ ligature (NFKD) */
    assert_folds("\xef\xbc\xa1\xef\xbc\xa2", "ab"); /* fullwidth ＡＢ */
    assert_folds("No\xc3\xabl \xc3\x87"
                 "a",
                 "noelca"); /* Noël Ça */
    /* Decomposed input folds like precomposed. */
    assert_folds("e\xcc\x81", "e");
    assert_folds("E\xcc\x81"
                 "cole",
                 "ecole");
    assert_folds("\xc3\xa9", "e");
}

static void fold_keeps_digits_and_drops_the_rest(void **state)
{
    (void)state;
    assert_folds("Plan 2018-2022 !", "plan20182022");
    assert_folds("0123456789", "0123456789");
    assert_folds("12,5 % des b\xc3\xa9n\xc3\xa9"
                 "ficiaires",
                 "125desbeneficiaires");
    assert_folds("a.b,c;d:e?f!g(h)i[j]k{l}m\"n'o/p\\q-r_s+t=u*v&w@x#y~z",
                 "abcdefghijklmnopqrstuvwxyz");
    assert_folds("\xc2\xab guillemets \xc2\xbb \xe2\x80\x94 tiret", "guillemetstiret");
    assert_folds("tab\tnl\ncr\rend", "tabnlcrend");
    assert_folds("", "");
    assert_folds("   ", "");
    assert_folds("!?.", "");
    assert_folds("\xe2\x82\xac \xc2\xa7", ""); /* € § */
}

static void fold_refuses_bad_text(void **state)
{
    (void)state;
    size_t base = snplp_memory_used();
    for (size_t i = 0; i < BAD_COUNT; i++) {
        char *out = (char *)"untouched";
        snplp_error_clear();
        assert_status(snplp_text_fold(&out, bad_texts[i]), SNPLP_EENCODING);
        assert_int_equal(snplp_error_last_code(), SNPLP_EENCODING);
        assert_true(strlen(snplp_error_last_message()) > 0);
        assert_string_equal(out, "untouched");
    }
    /* The message says what is wrong. */
    char *out = NULL;
    assert_status(snplp_text_fold(&out, "ab\xc3"), SNPLP_EENCODING);
    assert_non_null(strstr(snplp_error_last_message(), "UTF-8"));
    assert_status(snplp_text_fold(&out, "ab\x01"), SNPLP_EENCODING);
    assert_non_null(strstr(snplp_error_last_message(), "U+0001"));
    assert_null(out);
    assert_int_equal(snplp_memory_used(), base);
    snplp_error_clear();
}

static void fold_refuses_null(void **state)
{
    (void)state;
    char *out = NULL;
    snplp_error_clear();
    assert_status(snplp_text_fold(NULL, "texte"), SNPLP_EINVAL);
    assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    assert_non_null(strstr(snplp_error_last_message(), "snplp_text_fold"));
    snplp_error_clear();
    assert_status(snplp_text_fold(&out, NULL), SNPLP_EINVAL);
    assert_int_equal(snplp_error_last_code(), SNPLP_EINVAL);
    assert_null(out);
    snplp_error_clear();
}

typedef struct fold_ctx {
    const char *text;
    char *out;
} fold_ctx;

static int fold_step(void *ctx)
{
    fold_ctx *c = ctx;
    return snplp_text_fold(&c->out, c->text);
}

static void fold_check(void *ctx)
{
    fold_ctx *c = ctx;
    assert_null(c->out);
}

static void fold_out_of_memory(void **state)
{
    (void)state;
    /* ASCII path. */
    fold_ctx c = {"L'Insertion", NULL};
    assert_true(test_oom_sweep(fold_step, fold_check, &c) > 0);
    assert_string_equal(c.out, "linsertion");
    snplp_free(c.out);

    /* Non-ASCII path, short (local buffers). */
    c.text = "C\xc5\x93ur \xc3\xa9l\xc3\xa8ve";
    c.out = NULL;
    assert_true(test_oom_sweep(fold_step, fold_check, &c) > 0);
    assert_string_equal(c.out, "coeureleve");
    snplp_free(c.out);

    /* ICU's path (a character outside the table of the common ones: Greek), long enough for
     * every buffer to be allocated. */
    enum { N = 300 };
    static char text[5 * N + 1];
    static char want[4 * N + 1];
    for (size_t i = 0; i < N; i++) {
        memcpy(text + 5 * i, "\xc5\x93\xce\xb1", 4); /* œα */
        text[5 * i + 4] = ' ';
        memcpy(want + 4 * i, "oe\xce\xb1", 4);
    }
    text[5 * N] = '\0';
    want[4 * N] = '\0';
    c.text = text;
    c.out = NULL;
    assert_true(test_oom_sweep(fold_step, fold_check, &c) > 1);
    assert_string_equal(c.out, want);
    snplp_free(c.out);
}

/* The table of the common characters gives, for each of them, what ICU gives (util/text.c,
 * "folding French text fast"): every character of the table alone, between letters, between
 * separators, doubled, before a combining mark; and French phrases. Both forms: the fold
 * (snplp_text_fold) and the search form. */
static void fold_fast_path_agrees_with_icu(void **state)
{
    (void)state;
    static const char *const contexts[][2] = {{"a", "b"},   {"", ""},           {" ", " "},
                                              {"x-", "-y"}, {"E", "\xcc\x81z"}, {"\xc3\xa9", "s"}};
    size_t checked = 0;
    for (UChar32 c = 0x80; c < 0x2070; c++) {
        if (c == 0x370)
            c = 0x2000;
        if (c >= 0xD800 && c < 0xE000)
            continue;
        char ch[8];
        int32_t n = 0;
        UBool err = false;
        U8_APPEND((uint8_t *)ch, n, (int32_t)sizeof ch - 1, c, err);
        assert_false(err);
        ch[n] = '\0';
        for (size_t k = 0; k < COUNT_OF(contexts); k++) {
            for (int twice = 0; twice < 2; twice++) {
                char text[64];
                snprintf(text, sizeof text, "%s%s%s%s", contexts[k][0], ch, twice ? ch : "",
                         contexts[k][1]);
                char *fast = NULL, *icu = NULL;
                int rc = snplp_text_fold(&fast, text);
                if (rc == SNPLP_EENCODING) /* a C1 control: refused both ways */
                    continue;
                assert_ok(rc);
                assert_ok(snplp__text_fold_icu(&icu, text, false));
                if (strcmp(fast, icu) != 0)
                    print_error("U+%04X in \"%s\": %s, ICU %s\n", (unsigned)c, text, fast, icu);
                assert_string_equal(fast, icu);
                snplp_free(fast);
                snplp_free(icu);
                checked++;
            }
        }
    }
    assert_true(checked > 5000);
    /* the search form: the same words made singular */
    static const char *const phrases[] = {"L\xe2\x80\x99insertion socio-professionnelle",
                                          "travail social et num\xc3\xa9rique",
                                          "\xc2\xab Aller vers \xc2\xbb",
                                          "D\xc3\xa9veloppement social, \xc5\x93uvres et vie",
                                          "stra\xc3\xa9gie\xe2\x80\xaf: 8,5 milliards \xe2\x82\xac",
                                          "ann\xc3\xa9"
                                          "e\xc2\xa0\xc2\xbd"};
    for (size_t i = 0; i < COUNT_OF(phrases); i++) {
        char *form = NULL, *icu = NULL;
        assert_ok(snplp__text_search_form(&form, phrases[i]));
        assert_ok(snplp__text_fold_icu(&icu, phrases[i], true));
        /* the ICU words, made singular and joined, by hand here */
        char want[256] = "";
        for (char *w = strtok(icu, " "); w; w = strtok(NULL, " ")) {
            size_t len = strlen(w);
            if (len > 4 && strcmp(w + len - 4, "eaux") == 0)
                w[len - 1] = '\0';
            else if (len > 4 && strcmp(w + len - 3, "aux") == 0)
                strcpy(w + len - 2, "l");
            else if (len > 2 && (w[len - 1] == 's' || w[len - 1] == 'x'))
                w[len - 1] = '\0';
            strcat(want, w);
        }
        assert_string_equal(form, want);
        snplp_free(form);
        snplp_free(icu);
    }
}

/* The search form that ICU's folding gives (the words made singular and joined, by hand). */
static void search_form_by_icu(char *want, size_t size, const char *text)
{
    char *icu = NULL;
    assert_ok(snplp__text_fold_icu(&icu, text, true));
    want[0] = '\0';
    for (char *w = strtok(icu, " "); w; w = strtok(NULL, " ")) {
        size_t len = strlen(w);
        if (len > 4 && strcmp(w + len - 4, "eaux") == 0)
            w[len - 1] = '\0';
        else if (len > 4 && strcmp(w + len - 3, "aux") == 0)
            strcpy(w + len - 2, "l");
        else if (len > 2 && (w[len - 1] == 's' || w[len - 1] == 'x'))
            w[len - 1] = '\0';
        assert_true(strlen(want) + strlen(w) < size);
        strcat(want, w);
    }
    snplp_free(icu);
}

/* The search form's fast way (runs of lower-case letters taken 8 bytes at a time, the table of
 * the common characters) gives ICU's result on texts that mix every case it tells apart: runs
 * of every length across the 8-byte blocks, plurals at block ends, capitals, accents,
 * ligatures, punctuation and spaces of every kind, at every offset. */
static void search_form_fast_way_agrees_with_icu(void **state)
{
    (void)state;
    static const char *const pieces[] = {"a",         "e",
                                         "s",         "x",
                                         "z",         "eaux",
                                         "aux",       "chevaux",
                                         "Bateaux",   "QU",
                                         "\xc3\xa9",  "\xc3\x89",
                                         "\xc5\x93",  "\xef\xac\x81",
                                         " ",         "  ",
                                         "-",         "\xe2\x80\x99",
                                         "\xc2\xa0",  ",",
                                         "'",         "1",
                                         "\t",        "abcdefgh",
                                         "abcdefghs", "ressources",
                                         "`",         "{",
                                         "@",         "[",
                                         "Z"};
    uint32_t seed = 12345;
    char *fast = NULL;
    size_t cap = 0;
    for (int round = 0; round < 4000; round++) {
        char text[512] = "";
        seed = seed * 1103515245u + 12345u;
        int count = (int)(seed >> 16) % 24;
        for (int k = 0; k < count; k++) {
            seed = seed * 1103515245u + 12345u;
            strcat(text, pieces[(seed >> 16) % COUNT_OF(pieces)]);
        }
        char want[512];
        search_form_by_icu(want, sizeof want, text);
        assert_ok(snplp__text_search_form_into(&fast, &cap, text));
        if (strcmp(fast, want) != 0)
            print_error("\"%s\": %s, ICU %s\n", text, fast, want);
        assert_string_equal(fast, want);
    }
    snplp_free(fast);
}

/* ---- text stored in a referential ---- */

/* Text is NFC-normalized when it enters the model, through every setter. */
static void stored_text_is_nfc(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *theme = NULL;
    assert_ok(snplp_referential_add_theme(&theme, ref, "referent",
                                          "Re\xcc\x81"
                                          "fe\xcc\x81rent"));
    assert_non_null(theme);
    assert_string_equal(snplp_theme_title(theme), "R\xc3\xa9"
                                                  "f\xc3\xa9rent");
    assert_int_equal(strlen(snplp_theme_title(theme)), 10);

    assert_ok(snplp_theme_set_title(theme, "Co\xcc\x82te\xcc\x81"));
    assert_string_equal(snplp_theme_title(theme), "C\xc3\xb4t\xc3\xa9");
    assert_ok(snplp_theme_set_description(theme, "A\xcc\x8a"
                                                 "ngstr\xc3\xb6m \xe2\x84\xab"));
    /* U+212B ANGSTROM SIGN is canonically U+00C5. */
    assert_string_equal(snplp_theme_description(theme), "\xc3\x85ngstr\xc3\xb6m \xc3\x85");
    assert_ok(snplp_theme_add_label(theme, "E\xcc\x81"
                                           "ducateur"));
    assert_string_equal(snplp_theme_label_at(theme, 0), "\xc3\x89"
                                                        "ducateur");

    /* Already NFC, ASCII or not: stored as given. */
    assert_ok(snplp_theme_set_title(theme, "D\xc3\xa9j\xc3\xa0 NFC"));
    assert_string_equal(snplp_theme_title(theme), "D\xc3\xa9j\xc3\xa0 NFC");
    assert_ok(snplp_theme_set_title(theme, "plain ASCII\twith tab"));
    assert_string_equal(snplp_theme_title(theme), "plain ASCII\twith tab");
    snplp_referential_unref(ref);
}

/* ICU's NFC of a UTF-8 text, for comparison. */
static void icu_nfc(char *out, size_t size, const char *in)
{
    UErrorCode st = U_ZERO_ERROR;
    UChar a[64], b[64];
    int32_t n = 0, m = 0;
    u_strFromUTF8(a, 64, &n, in, -1, &st);
    m = unorm2_normalize(unorm2_getNFCInstance(&st), a, n, b, 64, &st);
    u_strToUTF8(out, (int32_t)size, NULL, b, m, &st);
    assert_false(U_FAILURE(st));
}

static size_t put_utf8(char *p, UChar32 c)
{
    size_t i = 0;
    UBool err = false;
    U8_APPEND((uint8_t *)p, i, 8, c, err);
    assert_false(err);
    return i;
}

/* The library skips ICU's normalizer for text made only of code points below U+0300 or in
 * U+2002..U+206F (docs/text.md): every such code point, alone, between letters and before a
 * combining accent, is stored exactly as ICU normalizes it. */
static void nfc_fast_path_agrees_with_icu(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_commitment *c = NULL;
    assert_ok(snplp_referential_add_commitment(&c, ref, "c", "x"));
    for (UChar32 cp = 0x80; cp <= 0x2100; cp++) {
        if (cp == 0x300)
            cp = 0x1FF0; /* the ranges around the fast ones: U+1FF0..U+2100 */
        char text[32], want[64];
        /* the code point alone, between letters, before and after U+0301 */
        static const char *const before[] = {"", "a", "", "\xcc\x81"};
        static const char *const after[] = {"", "b", "\xcc\x81", ""};
        char one[8] = {0};
        put_utf8(one, cp);
        for (size_t f = 0; f < COUNT_OF(before); f++) {
            snprintf(text, sizeof text, "%s%s%s", before[f], one, after[f]);
            icu_nfc(want, sizeof want, text);
            assert_ok(snplp_commitment_set_title(c, text));
            if (strcmp(snplp_commitment_title(c), want) != 0)
                print_error("U+%04X form %zu: stored differs from ICU's NFC\n", (unsigned)cp, f);
            assert_string_equal(snplp_commitment_title(c), want);
        }
    }
    snplp_referential_unref(ref);
}

/* Bad text is refused with SNPLP_EENCODING by the setters too, and nothing changes. */
static void stored_text_is_checked(void **state)
{
    (void)state;
    snplp_referential *ref = test_new_referential();
    snplp_theme *theme = NULL;
    assert_ok(snplp_referential_add_theme(&theme, ref, "t", "Titre"));
    size_t used = snplp_memory_used();
    for (size_t i = 0; i < BAD_COUNT; i++) {
        snplp_error_clear();
        assert_status(snplp_referential_add_theme(NULL, ref, "other", bad_texts[i]),
                      SNPLP_EENCODING);
        assert_int_equal(snplp_error_last_code(), SNPLP_EENCODING);
        assert_non_null(strstr(snplp_error_last_message(), "snplp_referential_add_theme"));
        assert_status(snplp_theme_set_title(theme, bad_texts[i]), SNPLP_EENCODING);
        assert_int_equal(snplp_error_last_code(), SNPLP_EENCODING);
        assert_status(snplp_theme_add_label(theme, bad_texts[i]), SNPLP_EENCODING);
    }
    assert_int_equal(snplp_referential_theme_count(ref), 1);
    assert_null(snplp_referential_theme_find(ref, "other"));
    assert_string_equal(snplp_theme_title(theme), "Titre");
    assert_int_equal(snplp_theme_label_count(theme), 0);
    assert_int_equal(snplp_memory_used(), used);
    snplp_referential_unref(ref);
    snplp_error_clear();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nfc_fast_path_agrees_with_icu),
        cmocka_unit_test(compare_orders_french_accents),
        cmocka_unit_test(compare_accents_and_case_are_minor),
        cmocka_unit_test(compare_equal_strings),
        cmocka_unit_test(compare_null_sorts_first),
        cmocka_unit_test(compare_invalid_utf8_as_replacement),
        cmocka_unit_test(compare_is_thread_safe),
        cmocka_unit_test(sort_orders_french_accents),
        cmocka_unit_test(sort_puts_educateur_next_to_its_spellings),
        cmocka_unit_test(sort_is_stable),
        cmocka_unit_test(sort_one_and_empty_strings),
        cmocka_unit_test(sort_count_zero),
        cmocka_unit_test(sort_refuses_bad_arguments),
        cmocka_unit_test(sort_out_of_memory),
        cmocka_unit_test(fold_documented_examples),
        cmocka_unit_test(fold_accents_case_and_ligatures),
        cmocka_unit_test(fold_keeps_digits_and_drops_the_rest),
        cmocka_unit_test(fold_refuses_bad_text),
        cmocka_unit_test(fold_refuses_null),
        cmocka_unit_test(fold_out_of_memory),
        cmocka_unit_test(fold_fast_path_agrees_with_icu),
        cmocka_unit_test(search_form_fast_way_agrees_with_icu),
        cmocka_unit_test(stored_text_is_nfc),
        cmocka_unit_test(stored_text_is_checked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
