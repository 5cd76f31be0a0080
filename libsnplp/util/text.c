/* Text with ICU: validation of UTF-8 (and of the characters XML allows), NFC normalization,
 * French collation, and folding for search. Nothing here depends on the process locale. */
#include "util/text.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unicode/utext.h>

#include "util/alloc.h"
#include "util/errors.h"

/* ---- errors ---- */

/* Who a failure is reported for: the public function (NULL: none named) and the text's name
 * in it (NULL: none), e.g. "snplp_convention_new: the territory name: invalid UTF-8...". */
typedef struct where {
    const char *fn, *what;
} where;

static const where nowhere = {NULL, NULL};

__attribute__((format(printf, 3, 4))) static int fail(const where *w, int code, const char *fmt,
                                                      ...)
{
    char reason[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    if (!w->fn)
        return snplp__fail(code, "%s", reason);
    if (!w->what)
        return snplp__fail_in(w->fn, code, "%s", reason);
    return snplp__fail_in(w->fn, code, "the %s: %s", w->what, reason);
}

/* ---- UTF-8 validation ---- */

static bool xml_char(UChar32 c)
{
    if (c < 0x20)
        return c == 0x9 || c == 0xA || c == 0xD;
    return c != 0xFFFE && c != 0xFFFF;
}

/* Checks s (n bytes); *ascii tells whether every byte is ASCII. */
/* Code points that are in NFC whatever surrounds them (NFC_QC=Yes, never composed with a
 * neighbour): below U+0300, and General Punctuation from U+2002 (U+2000 and U+2001 are
 * singletons). French text is almost only made of these, so it skips ICU's normalizer. */
static bool nfc_stable(UChar32 c)
{
    return c < 0x300 || (c >= 0x2002 && c <= 0x206F);
}

/* Whether the 8 bytes at u are all printable ASCII (0x20..0x7F: characters of XML, ASCII, stable
 * under NFC), tested at once: most of a French text is made of such blocks. */
static inline bool plain_block(const uint8_t *u)
{
    uint64_t x;
    memcpy(&x, u, sizeof x);
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    /* a byte below 0x20 sets its high bit in (x - 0x20...) & ~x, when no byte is above 0x7F */
    return ((x | ((x - 0x20 * ones) & ~x)) & highs) == 0;
}

/* Checks s; *ascii: only ASCII; *stable (if not NULL): only nfc_stable() code points. */
static int check_utf8(const where *w, const char *s, size_t n, bool *ascii, bool *stable)
{
    if (n > INT32_MAX)
        return fail(w, SNPLP_EINVAL, "text of %zu bytes is too long (at most %d)", n, INT32_MAX);
    const uint8_t *u = (const uint8_t *)s;
    int32_t len = (int32_t)n;
    bool all_ascii = true, all_stable = true;
    for (int32_t i = 0; i < len;) {
        if (len - i >= 8 && plain_block(u + i)) {
            i += 8;
            continue;
        }
        int32_t at = i;
        UChar32 c;
        if (u[i] < 0x80) {
            c = u[i++];
        } else {
            U8_NEXT(u, i, len, c);
            if (c < 0)
                return fail(w, SNPLP_EENCODING, "invalid UTF-8 at byte %d", (int)at);
            all_ascii = false;
            all_stable &= nfc_stable(c);
        }
        if (!xml_char(c))
            return fail(w, SNPLP_EENCODING,
                        "character U+%04X at byte %d is not allowed in XML text", (unsigned)c,
                        (int)at);
    }
    if (ascii)
        *ascii = all_ascii;
    if (stable)
        *stable = all_stable;
    return 0;
}

/* ---- UTF-16 buffers ---- */

typedef struct ubuf {
    UChar *p;
    int32_t len;
    int32_t cap;
    UChar local[256];
} ubuf;

static void ubuf_init(ubuf *b)
{
    b->p = b->local;
    b->len = 0;
    b->cap = (int32_t)(sizeof b->local / sizeof b->local[0]);
}

static int ubuf_reserve(ubuf *b, int32_t cap)
{
    if (cap <= b->cap)
        return 0;
    UChar *p = snplp__malloc((size_t)cap * sizeof *p);
    if (!p)
        return snplp__oom();
    if (b->p != b->local)
        snplp__free(b->p);
    b->p = p;
    b->cap = cap;
    return 0;
}

static void ubuf_dispose(ubuf *b)
{
    if (b->p != b->local)
        snplp__free(b->p);
    ubuf_init(b);
}

static int icu_failed_for(const where *w, const char *what, UErrorCode st)
{
    if (st == U_MEMORY_ALLOCATION_ERROR)
        return snplp__oom();
    return fail(w, SNPLP_EINTERNAL, "ICU %s failed: %s", what, u_errorName(st));
}

static int icu_failed(const char *what, UErrorCode st)
{
    return icu_failed_for(&nowhere, what, st);
}

/* Valid UTF-8 (already checked) to UTF-16. */
static int to_utf16(ubuf *b, const char *s, size_t n)
{
    /* A UTF-8 string never has more UTF-16 units than bytes. */
    int rc = ubuf_reserve(b, (int32_t)n + 1);
    if (rc)
        return rc;
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(b->p, b->cap, &b->len, s, (int32_t)n, &st);
    if (U_FAILURE(st))
        return icu_failed("UTF-8 conversion", st);
    return 0;
}

/* UTF-16 to a counted UTF-8 allocation. */
static int to_utf8(char **out, const UChar *p, int32_t len)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = 0;
    u_strToUTF8(NULL, 0, &n, p, len, &st);
    if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
        return icu_failed("UTF-16 conversion", st);
    char *s = snplp__malloc((size_t)n + 1);
    if (!s)
        return snplp__oom();
    st = U_ZERO_ERROR;
    u_strToUTF8(s, n + 1, NULL, p, len, &st);
    if (U_FAILURE(st)) {
        snplp__free(s);
        return icu_failed("UTF-16 conversion", st);
    }
    *out = s;
    return 0;
}

/* dst = normalizer(src); dst must not be src. */
static int normalize(ubuf *dst, const UNormalizer2 *norm, const ubuf *src)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = unorm2_normalize(norm, src->p, src->len, dst->p, dst->cap, &st);
    if (st == U_BUFFER_OVERFLOW_ERROR) {
        int rc = ubuf_reserve(dst, n + 1);
        if (rc)
            return rc;
        st = U_ZERO_ERROR;
        n = unorm2_normalize(norm, src->p, src->len, dst->p, dst->cap, &st);
    }
    if (U_FAILURE(st))
        return icu_failed("normalization", st);
    dst->len = n;
    return 0;
}

/* ---- copying text into the model ---- */

/* For text already checked by libxml2 (valid UTF-8, XML characters only): whether it is made
 * of nfc_stable() code points, from the lead bytes alone. */
static bool trusted_stable(const char *s, size_t n)
{
    const uint8_t *u = (const uint8_t *)s;
    for (size_t i = 0; i < n;) {
        if (n - i >= 8 && plain_block(u + i)) {
            i += 8;
            continue;
        }
        uint8_t b = u[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        if (b >= 0xC2 && b <= 0xCB) { /* U+0080..U+02FF */
            i += 2;
            continue;
        }
        if (b == 0xE2 && i + 2 < n) { /* U+2000..U+2FFF */
            uint32_t cp = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(u[i + 1] & 0x3F) << 6) |
                          (uint32_t)(u[i + 2] & 0x3F);
            if (cp >= 0x2002 && cp <= 0x206F) {
                i += 3;
                continue;
            }
        }
        return false;
    }
    return true;
}

int snplp__text_copy(char **out, const char *in, bool *changed, snplp_text_origin origin,
                     const char *fn, const char *what)
{
    const where w = {fn, what};
    size_t n = strlen(in);
    bool ascii, stable;
    int rc = 0;
    if (origin == SNPLP_TEXT_CHECKED && n <= INT32_MAX)
        stable = trusted_stable(in, n);
    else
        rc = check_utf8(&w, in, n, &ascii, &stable);
    if (rc)
        return rc;
    if (changed)
        *changed = false;
    if (!stable) {
        UErrorCode st = U_ZERO_ERROR;
        const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
        if (U_FAILURE(st))
            return icu_failed_for(&w, "NFC", st);
        ubuf src, dst;
        ubuf_init(&src);
        ubuf_init(&dst);
        rc = to_utf16(&src, in, n);
        if (!rc) {
            int32_t span = unorm2_spanQuickCheckYes(nfc, src.p, src.len, &st);
            if (U_FAILURE(st)) {
                rc = icu_failed_for(&w, "NFC check", st);
            } else if (span < src.len) {
                rc = normalize(&dst, nfc, &src);
                if (!rc)
                    rc = to_utf8(out, dst.p, dst.len);
                if (!rc && changed)
                    *changed = true;
                ubuf_dispose(&src);
                ubuf_dispose(&dst);
                return rc;
            }
        }
        ubuf_dispose(&src);
        ubuf_dispose(&dst);
        if (rc)
            return rc;
    }
    char *s = snplp__strndup(in, n);
    if (!s)
        return snplp__oom();
    *out = s;
    return 0;
}

bool snplp__text_is_blank(const char *s)
{
    if (!s)
        return true;
    /* Texts in the model were checked by snplp__text_copy(): valid and shorter than 2 GiB. */
    const uint8_t *u = (const uint8_t *)s;
    int32_t n = (int32_t)strlen(s);
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(u, i, n, c);
        if (c < 0 || !u_isUWhiteSpace(c))
            return false;
    }
    return true;
}

/* ---- folding ---- */

static bool is_mark(UChar32 c)
{
    return (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

/* words: what separates two words (anything but a letter, a digit or a mark) becomes one
 * space instead of nothing. */
static int fold_non_ascii(char **out, const char *text, size_t n, bool words)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfkd = unorm2_getNFKDInstance(&st);
    if (U_FAILURE(st))
        return icu_failed("NFKD", st);
    ubuf a, b;
    ubuf_init(&a);
    ubuf_init(&b);
    int rc = to_utf16(&a, text, n);
    if (!rc)
        rc = normalize(&b, nfkd, &a);
    if (!rc) {
        /* case folding into a */
        int32_t len = u_strFoldCase(a.p, a.cap, b.p, b.len, U_FOLD_CASE_DEFAULT, &st);
        if (st == U_BUFFER_OVERFLOW_ERROR) {
            rc = ubuf_reserve(&a, len + 1);
            st = U_ZERO_ERROR;
            if (!rc)
                len = u_strFoldCase(a.p, a.cap, b.p, b.len, U_FOLD_CASE_DEFAULT, &st);
        }
        if (!rc && U_FAILURE(st))
            rc = icu_failed("case folding", st);
        a.len = len;
    }
    /* filter into b: letters and digits, marks removed, ligatures spelled out */
    if (!rc)
        rc = ubuf_reserve(&b, a.len * 2 + 1);
    if (!rc) {
        int32_t o = 0;
        for (int32_t i = 0; i < a.len;) {
            UChar32 c;
            U16_NEXT(a.p, i, a.len, c);
            if (is_mark(c))
                continue;
            if (c == 0x0153 || c == 0x00E6) { /* œ, æ */
                b.p[o++] = c == 0x0153 ? 'o' : 'a';
                b.p[o++] = 'e';
            } else if (u_isalnum(c)) {
                U16_APPEND_UNSAFE(b.p, o, c);
            } else if (words && o > 0 && b.p[o - 1] != ' ') {
                b.p[o++] = ' ';
            }
        }
        b.len = o;
        rc = to_utf8(out, b.p, b.len);
    }
    ubuf_dispose(&a);
    ubuf_dispose(&b);
    return rc;
}

/* ---- folding French text fast: what ICU gives each character, looked up ----
 *
 * Folding (fold_non_ascii(): NFKD, case folding, marks removed, ligatures spelled out, what is
 * not a letter or a digit a separator) works on each character alone for the Latin letters,
 * punctuation and marks of French text: NFKD decomposes a character by itself, the default case
 * folding maps a character by itself, and the marks are removed. So what ICU gives for a
 * character c is found once, by folding "a" c "b" (the middle of the result: its letters, and a
 * space where c separates words), and a text of such characters is folded by looking each up:
 * the same bytes as ICU's, without converting the text to UTF-16 and back (the test
 * test_text.c compares both on every character of the table, in several contexts). A text with
 * any other character is folded by ICU, as before. */

#define FAST_LOW_END    0x0370 /* Latin, Latin-1, Latin Extended-A and B, IPA, marks */
#define FAST_PUNCT_LOW  0x2000 /* General Punctuation */
#define FAST_PUNCT_HIGH 0x2070
#define FAST_SIZE       (FAST_LOW_END + (FAST_PUNCT_HIGH - FAST_PUNCT_LOW))

typedef struct fast_entry {
    uint8_t len; /* bytes of its contribution; 0xFF: not in the table (ICU folds the text) */
    char s[7];   /* its contribution: folded letters and digits, ' ' where words separate */
} fast_entry;

static fast_entry fast_table[FAST_SIZE];
static pthread_once_t fast_once = PTHREAD_ONCE_INIT;

static int fast_index(UChar32 c)
{
    if (c >= 0 && c < FAST_LOW_END)
        return (int)c;
    if (c >= FAST_PUNCT_LOW && c < FAST_PUNCT_HIGH)
        return FAST_LOW_END + (int)(c - FAST_PUNCT_LOW);
    return -1;
}

static void fast_init(void)
{
    for (int i = 0; i < FAST_SIZE; i++) {
        UChar32 c = i < FAST_LOW_END ? i : FAST_PUNCT_LOW + (i - FAST_LOW_END);
        fast_table[i].len = 0xFF;
        if (c < 0x80 || !xml_char(c))
            continue; /* ASCII is folded by the loop itself; others cannot be in a text */
        char in[8] = "a";
        int32_t n = 1;
        UBool err = false;
        U8_APPEND((uint8_t *)in, n, (int32_t)sizeof in - 2, c, err);
        if (err)
            continue;
        in[n++] = 'b';
        in[n] = '\0';
        char *out = NULL;
        if (fold_non_ascii(&out, in, (size_t)n, true) != 0)
            continue; /* out of memory: this character stays folded by ICU, every time */
        size_t len = strlen(out);
        if (len >= 2 && out[0] == 'a' && out[len - 1] == 'b' && len - 2 <= sizeof fast_table[i].s) {
            fast_table[i].len = (uint8_t)(len - 2);
            memcpy(fast_table[i].s, out + 1, len - 2);
        }
        snplp__free(out);
    }
}

/* Folds text (n bytes of valid UTF-8) by the table into *out: 0, 1 when a character is not in
 * it (nothing made: ICU folds it), or SNPLP_ENOMEM. */
static int fold_fast(char **out, const char *text, size_t n, bool words)
{
    pthread_once(&fast_once, fast_init);
    char *s = snplp__malloc(n * 4 + 1); /* a character of 2 bytes or more gives 7 at most */
    if (!s)
        return snplp__oom();
    const uint8_t *u = (const uint8_t *)text;
    size_t o = 0;
    for (int32_t i = 0; i < (int32_t)n;) {
        UChar32 c;
        U8_NEXT(u, i, (int32_t)n, c);
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z')
                s[o++] = (char)(c - 'A' + 'a');
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                s[o++] = (char)c;
            else if (words && o > 0 && s[o - 1] != ' ')
                s[o++] = ' ';
            continue;
        }
        int k = fast_index(c);
        if (k < 0 || fast_table[k].len == 0xFF) {
            snplp__free(s);
            return 1;
        }
        for (int j = 0; j < fast_table[k].len; j++) {
            char b = fast_table[k].s[j];
            if (b != ' ')
                s[o++] = b;
            else if (words && o > 0 && s[o - 1] != ' ')
                s[o++] = ' ';
        }
    }
    s[o] = '\0';
    *out = s;
    return 0;
}

int snplp__text_fold_icu(char **out, const char *text, bool words)
{
    size_t n = strlen(text);
    int rc = check_utf8(&nowhere, text, n, NULL, NULL);
    return rc ? rc : fold_non_ascii(out, text, n, words);
}

/* snplp_text_fold(), with words as in fold_non_ascii(). */
static int fold(char **out, const char *text, bool words)
{
    size_t n = strlen(text);
    bool ascii;
    int rc = check_utf8(&nowhere, text, n, &ascii, NULL);
    if (rc)
        return rc;
    if (!ascii) {
        rc = fold_fast(out, text, n, words);
        return rc == 1 ? fold_non_ascii(out, text, n, words) : rc;
    }
    char *s = snplp__malloc(n + 1);
    if (!s)
        return snplp__oom();
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z')
            s[o++] = (char)(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            s[o++] = c;
        else if (words && o > 0 && s[o - 1] != ' ')
            s[o++] = ' ';
    }
    s[o] = '\0';
    *out = s;
    return 0;
}

int snplp_text_fold(char **out, const char *text)
{
    if (!out || !text)
        return snplp__bad_arg(__func__, "NULL argument");
    return fold(out, text, false);
}

/* The length of the singular of the folded word w[0..len) (docs/text.md): -eaux -> -eau,
 * -aux -> -al (written at w[len - 2]) on words of five letters or more, else a final -s or -x
 * dropped on words of three letters or more ("les" -> "le", "aux" -> "au"). */
static inline size_t singular(char *w, size_t len)
{
    if (len < 3 || (w[len - 1] != 's' && w[len - 1] != 'x'))
        return len; /* most words: nothing to do */
    if (len > 4 && memcmp(w + len - 4, "eaux", 4) == 0)
        return len - 1;
    if (len > 4 && memcmp(w + len - 3, "aux", 3) == 0) {
        w[len - 2] = 'l';
        return len - 1;
    }
    if (len > 2 && (w[len - 1] == 's' || w[len - 1] == 'x'))
        return len - 1;
    return len;
}

/* What an ASCII character gives: itself lowercased (a letter or a digit), ' ' (it separates
 * words), or 0 (a control character XML does not allow). */
static const char ascii_fold[128] = {
    [0x09] = ' ', [0x0A] = ' ', [0x0D] = ' ', [0x20] = ' ', [0x21] = ' ', [0x22] = ' ',
    [0x23] = ' ', [0x24] = ' ', [0x25] = ' ', [0x26] = ' ', [0x27] = ' ', [0x28] = ' ',
    [0x29] = ' ', [0x2A] = ' ', [0x2B] = ' ', [0x2C] = ' ', [0x2D] = ' ', [0x2E] = ' ',
    [0x2F] = ' ', ['0'] = '0',  ['1'] = '1',  ['2'] = '2',  ['3'] = '3',  ['4'] = '4',
    ['5'] = '5',  ['6'] = '6',  ['7'] = '7',  ['8'] = '8',  ['9'] = '9',  [0x3A] = ' ',
    [0x3B] = ' ', [0x3C] = ' ', [0x3D] = ' ', [0x3E] = ' ', [0x3F] = ' ', [0x40] = ' ',
    ['A'] = 'a',  ['B'] = 'b',  ['C'] = 'c',  ['D'] = 'd',  ['E'] = 'e',  ['F'] = 'f',
    ['G'] = 'g',  ['H'] = 'h',  ['I'] = 'i',  ['J'] = 'j',  ['K'] = 'k',  ['L'] = 'l',
    ['M'] = 'm',  ['N'] = 'n',  ['O'] = 'o',  ['P'] = 'p',  ['Q'] = 'q',  ['R'] = 'r',
    ['S'] = 's',  ['T'] = 't',  ['U'] = 'u',  ['V'] = 'v',  ['W'] = 'w',  ['X'] = 'x',
    ['Y'] = 'y',  ['Z'] = 'z',  [0x5B] = ' ', [0x5C] = ' ', [0x5D] = ' ', [0x5E] = ' ',
    [0x5F] = ' ', [0x60] = ' ', ['a'] = 'a',  ['b'] = 'b',  ['c'] = 'c',  ['d'] = 'd',
    ['e'] = 'e',  ['f'] = 'f',  ['g'] = 'g',  ['h'] = 'h',  ['i'] = 'i',  ['j'] = 'j',
    ['k'] = 'k',  ['l'] = 'l',  ['m'] = 'm',  ['n'] = 'n',  ['o'] = 'o',  ['p'] = 'p',
    ['q'] = 'q',  ['r'] = 'r',  ['s'] = 's',  ['t'] = 't',  ['u'] = 'u',  ['v'] = 'v',
    ['w'] = 'w',  ['x'] = 'x',  ['y'] = 'y',  ['z'] = 'z',  [0x7B] = ' ', [0x7C] = ' ',
    [0x7D] = ' ', [0x7E] = ' ', [0x7F] = ' '};

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SNPLP_SWAR_RUNS 1
/* How many of the 8 bytes at u, from the first, are lower-case ASCII letters (1 to 8 when the
 * first is one), tested at once. A byte above 0x7F is not one; the carry its sums may make goes
 * only to the bytes after it, which do not count. */
static inline size_t lower_run(const uint8_t *u)
{
    uint64_t x;
    memcpy(&x, u, sizeof x);
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t from_a = x + (0x80 - 'a') * ones;       /* high bit: the byte is 'a' or above */
    uint64_t past_z = x + (0x80 - ('z' + 1)) * ones; /* high bit: the byte is above 'z' */
    uint64_t stops = ~(from_a & ~past_z & ~x) & highs;
    return stops ? (size_t)__builtin_ctzll(stops) / 8 : 8;
}
#else
#define SNPLP_SWAR_RUNS 0
#endif

/* The search form of text in one pass, by the table of fold_fast(): 0, 1 when a character is
 * not in the table or not one of XML's (nothing made: the general way decides), or
 * SNPLP_ENOMEM. Each word is made singular when it ends, the words joined as they come. */
static int search_form_fast(char **out, size_t *cap, const char *text, size_t n)
{
    if (n > INT32_MAX / 4)
        return 1;
    pthread_once(&fast_once, fast_init);
    char *s = *out;
    /* a character of 2 bytes or more gives 7 at most: with 8 bytes left of the text, the output
     * so far is at most 4 times what was read, and 8 bytes can be written at its end */
    if (!s || *cap < n * 4 + 1) {
        s = snplp__realloc(*out, n * 4 + 1);
        if (!s)
            return snplp__oom();
        *out = s;
        *cap = n * 4 + 1;
    }
    const uint8_t *u = (const uint8_t *)text;
    size_t o = 0, word = 0; /* the output, where its last word starts */
    for (int32_t i = 0; i < (int32_t)n;) {
        UChar32 c = u[i];
#if SNPLP_SWAR_RUNS
        if (c >= 'a' && c <= 'z' && (int32_t)n - i >= 8) {
            /* a run of lower-case ASCII letters (most of a word), copied as it is: 8 bytes are
             * written, as many kept as the run is long (the buffer has room: see above) */
            size_t run = lower_run(u + i);
            memcpy(s + o, u + i, 8);
            o += run;
            i += (int32_t)run;
            continue;
        }
#endif
        if (c < 0x80) { /* most of a French text, by the table of ASCII */
            char f = ascii_fold[c];
            i++;
            if (f > ' ') {
                s[o++] = f;
            } else if (f == ' ') {
                if (o > word) { /* a word ends (made singular if it ends in s or x) */
                    if (s[o - 1] == 's' || s[o - 1] == 'x')
                        o = word + singular(s + word, o - word);
                    word = o;
                }
            } else {
                goto general; /* not a character of XML: the general way says so */
            }
            continue;
        }
        U8_NEXT(u, i, (int32_t)n, c);
        int k = c < 0 ? -1 : fast_index(c);
        if (k < 0 || fast_table[k].len == 0xFF)
            goto general;
        const char *part = fast_table[k].s;
        int len = fast_table[k].len;
        for (int j = 0; j < len; j++) {
            if (part[j] != ' ') {
                s[o++] = part[j];
            } else if (o > word) { /* a word ends */
                o = word + singular(s + word, o - word);
                word = o;
            }
        }
    }
    o = word + singular(s + word, o - word);
    s[o] = '\0';
    return 0;
general:
    return 1;
}

static int search_form(char **out, const char *text);

int snplp__text_search_form_into(char **buf, size_t *cap, const char *text)
{
    int fast = search_form_fast(buf, cap, text, strlen(text));
    if (fast != 1)
        return fast;
    char *form;
    int rc = search_form(&form, text);
    if (rc)
        return rc;
    size_t n = strlen(form) + 1;
    if (!*buf || *cap < n) {
        char *p = snplp__realloc(*buf, n);
        if (!p) {
            snplp__free(form);
            return snplp__oom();
        }
        *buf = p;
        *cap = n;
    }
    memcpy(*buf, form, n);
    snplp__free(form);
    return 0;
}

int snplp__text_search_form(char **out, const char *text)
{
    size_t cap = 0;
    *out = NULL;
    int fast = search_form_fast(out, &cap, text, strlen(text));
    if (fast == 0) { /* kept at its size: the search index keeps forms */
        char *fit = snplp__realloc(*out, strlen(*out) + 1);
        if (fit)
            *out = fit;
        return 0;
    }
    snplp__free(*out);
    *out = NULL;
    return fast == 1 ? search_form(out, text) : fast;
}

/* The search form by fold(): any text (the general way). */
static int search_form(char **out, const char *text)
{
    char *s;
    int rc = fold(&s, text, true);
    if (rc)
        return rc;
    /* each word made singular, the words joined (in place: a word never grows) */
    size_t o = 0;
    for (size_t i = 0; s[i];) {
        if (s[i] == ' ') {
            i++;
            continue;
        }
        size_t start = i;
        while (s[i] && s[i] != ' ')
            i++;
        size_t len = i - start;
        memmove(s + o, s + start, len);
        o += singular(s + o, len);
    }
    s[o] = '\0';
    *out = s;
    return 0;
}

/* ---- French collation ---- */

static pthread_once_t collator_once = PTHREAD_ONCE_INIT;
static UCollator *collator;
static UErrorCode collator_status;

static void open_collator(void)
{
    /* "fr" uses the root order in CLDR: ICU answers U_USING_DEFAULT_WARNING, not a failure. */
    collator_status = U_ZERO_ERROR;
    collator = ucol_open("fr", &collator_status);
    if (U_FAILURE(collator_status))
        collator = NULL;
}

static const UCollator *french(void)
{
    pthread_once(&collator_once, open_collator);
    return collator;
}

int snplp_text_compare(const char *a, const char *b)
{
    if (!a || !b)
        return a ? 1 : b ? -1 : 0;
    const UCollator *c = french();
    if (!c) {
        int r = strcmp(a, b);
        return (r > 0) - (r < 0);
    }
    UErrorCode st = U_ZERO_ERROR;
    UCollationResult r = ucol_strcollUTF8(c, a, -1, b, -1, &st);
    if (U_FAILURE(st)) {
        int s = strcmp(a, b);
        return (s > 0) - (s < 0);
    }
    return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

typedef struct keyed {
    size_t offset; /* of the key in the key buffer */
    size_t index;
} keyed;

/* Merge sort of entries by key then index (qsort's comparator cannot take a context
 * portably, and a static context would not be thread-safe). */
static void merge_sort(keyed *v, keyed *tmp, size_t n, const uint8_t *keys)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    merge_sort(v, tmp, h, keys);
    merge_sort(v + h, tmp, n - h, keys);
    size_t i = 0, j = h, o = 0;
    while (i < h && j < n) {
        int r = strcmp((const char *)keys + v[i].offset, (const char *)keys + v[j].offset);
        tmp[o++] = r <= 0 ? v[i++] : v[j++];
    }
    while (i < h)
        tmp[o++] = v[i++];
    while (j < n)
        tmp[o++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

int snplp_text_sort(size_t *out_order, const char *const *texts, size_t count)
{
    if (count == 0)
        return 0;
    if (!out_order || !texts)
        return snplp__bad_arg(__func__, "NULL array");
    for (size_t i = 0; i < count; i++) {
        if (!texts[i])
            return snplp__fail_in(__func__, SNPLP_EINVAL, "text %zu is NULL", i);
        bool ascii;
        int rc = check_utf8(&nowhere, texts[i], strlen(texts[i]), &ascii, NULL);
        if (rc)
            return rc;
    }
    const UCollator *coll = french();
    if (!coll)
        return snplp__fail(SNPLP_EINTERNAL, "ICU could not open the French collator: %s",
                           u_errorName(collator_status));
    if (count > SIZE_MAX / (2 * sizeof(keyed)))
        return snplp__oom();
    keyed *v = snplp__malloc(2 * count * sizeof *v);
    uint8_t *keys = NULL;
    size_t keys_len = 0, keys_cap = 0;
    int rc = v ? 0 : snplp__oom();
    ubuf u;
    ubuf_init(&u);
    for (size_t i = 0; !rc && i < count; i++) {
        rc = to_utf16(&u, texts[i], strlen(texts[i]));
        if (rc)
            break;
        for (;;) {
            size_t room = keys_cap - keys_len;
            int32_t need = ucol_getSortKey(coll, u.p, u.len, keys ? keys + keys_len : NULL,
                                           room > INT32_MAX ? INT32_MAX : (int32_t)room);
            if (need <= 0) {
                rc = snplp__fail(SNPLP_EINTERNAL, "ICU could not compute a sort key");
                break;
            }
            if ((size_t)need <= room) {
                v[i].offset = keys_len;
                v[i].index = i;
                keys_len += (size_t)need;
                break;
            }
            size_t cap = keys_cap ? keys_cap * 2 : 1024;
            while (cap - keys_len < (size_t)need)
                cap *= 2;
            uint8_t *k = snplp__realloc(keys, cap);
            if (!k) {
                rc = snplp__oom();
                break;
            }
            keys = k;
            keys_cap = cap;
        }
    }
    ubuf_dispose(&u);
    if (!rc) {
        merge_sort(v, v + count, count, keys);
        for (size_t i = 0; i < count; i++)
            out_order[i] = v[i].index;
    }
    snplp__free(keys);
    snplp__free(v);
    return rc;
}

/* ---- cutting a text on a word boundary ---- */

size_t snplp__text_cut(const char *s, size_t n, size_t max_chars, bool *cut)
{
    /* the byte offset of the character after the first max_chars (the whole text if shorter) */
    int32_t end = 0, len = (int32_t)n;
    for (size_t i = 0; i < max_chars && end < len; i++)
        U8_FWD_1(s, end, len);
    *cut = end < len;
    if (!*cut)
        return n;
    /* the last place where a line may break at or before it (ICU's line-break rules for
     * French: after the spaces that end a word), with the spaces before it left out */
    UErrorCode status = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, s, len, &status);
    UBreakIterator *bi = ubrk_open(UBRK_LINE, "fr", NULL, 0, &status);
    int32_t at = UBRK_DONE;
    if (U_SUCCESS(status)) {
        ubrk_setUText(bi, ut, &status);
        if (U_SUCCESS(status))
            at = ubrk_isBoundary(bi, end) ? end : ubrk_preceding(bi, end);
    }
    ubrk_close(bi);
    utext_close(ut);
    if (at == UBRK_DONE || at <= 0)
        at = end; /* one word longer than the limit: cut it at a character */
    while (at > 0) {
        int32_t prev = at;
        UChar32 c;
        U8_PREV(s, 0, prev, c);
        if (!u_isUWhiteSpace(c))
            break;
        at = prev;
    }
    return (size_t)at;
}
