/* The library's messages in English and French (util/messages.h, docs/messages.md). */
#include "util/messages.h"

#include <pthread.h>
#include <string.h>

#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include "util/alloc.h"
#include "util/errors.h"

/* The ICU data package of util/messages/ (root.res, fr.res), compiled in by the build
 * (util/messages/package.cmake), aligned as ICU requires. */
extern const unsigned char snplp__messages_dat[];
extern const size_t snplp__messages_dat_size;

/* The package's name for ICU: process-wide, so versioned (two copies of the library in one
 * process register the same bytes, or the first one's). */
#define PACKAGE "snplpmsg1"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static bool registered;
/* each thread's formats of the catalogue's patterns (util/msgformat.cpp), freed at its end */
static pthread_key_t cache_key;
static bool have_cache_key;

static void register_package(void)
{
    UErrorCode st = U_ZERO_ERROR;
    udata_setAppData(PACKAGE, snplp__messages_dat, &st);
    registered = U_SUCCESS(st); /* (a warning: registered before, by another copy) */
    have_cache_key = pthread_key_create(&cache_key, snplp__msgformat_cache_free) == 0;
}

/* The calling thread's cache of formats; NULL if it cannot have one (formats made each time). */
static void *thread_cache(void)
{
    if (!have_cache_key)
        return NULL;
    void *c = pthread_getspecific(cache_key);
    if (!c) {
        c = snplp__msgformat_cache_new();
        if (c && pthread_setspecific(cache_key, c) != 0) {
            snplp__msgformat_cache_free(c);
            c = NULL;
        }
    }
    return c;
}

const char *snplp__msg_package(void)
{
    pthread_once(&once, register_package);
    return registered ? PACKAGE : NULL;
}

static _Thread_local snplp_language thread_language = SNPLP_LANGUAGE_EN;

const char *snplp_language_code(snplp_language lang)
{
    switch (lang) {
    case SNPLP_LANGUAGE_EN:
        return "en";
    case SNPLP_LANGUAGE_FR:
        return "fr";
    }
    return NULL;
}

int snplp_language_from_locale(const char *locale, snplp_language *out)
{
    if (!locale || !out)
        return snplp__bad_arg(__func__, "NULL argument");
    size_t n = strcspn(locale, "_.@-");
    if (n == 2 && strncmp(locale, "fr", 2) == 0) {
        *out = SNPLP_LANGUAGE_FR;
        return SNPLP_OK;
    }
    if ((n == 2 && strncmp(locale, "en", 2) == 0) || strcmp(locale, "C") == 0 ||
        strncmp(locale, "C.", 2) == 0 || strcmp(locale, "POSIX") == 0) {
        *out = SNPLP_LANGUAGE_EN;
        return SNPLP_OK;
    }
    char q[80];
    return snplp__fail_in(__func__, SNPLP_EINVAL,
                          "%s is not a locale of English or French, the languages of the messages",
                          snplp__quote(q, sizeof q, locale));
}

int snplp_language_set_default(snplp_language lang)
{
    if (!snplp_language_code(lang))
        return snplp__fail_in(__func__, SNPLP_EINVAL, "unknown language %d", (int)lang);
    thread_language = lang;
    return SNPLP_OK;
}

snplp_language snplp_language_default(void)
{
    return thread_language;
}

/* The pattern TABLE/KEY/VARIANT of the bundle of lang (UTF-16, owned by ICU's data: valid for
 * the process), NULL if there is none. */
static const UChar *lookup(snplp_language lang, const char *table, const char *key,
                           const char *variant, int32_t *len)
{
    if (!snplp__msg_package())
        return NULL;
    UErrorCode st = U_ZERO_ERROR;
    UResourceBundle *b = ures_openDirect(PACKAGE, lang == SNPLP_LANGUAGE_FR ? "fr" : "root", &st);
    UResourceBundle *t = ures_getByKey(b, table, NULL, &st);
    UResourceBundle *k = ures_getByKey(t, key, NULL, &st);
    const UChar *p = ures_getStringByKey(k, variant, len, &st);
    ures_close(k);
    ures_close(t);
    ures_close(b);
    return U_SUCCESS(st) ? p : NULL;
}

/* The patterns a thread looked up, by the addresses of the strings that named them: only for
 * snplp__msg_render(), whose callers in the library name their messages with static strings
 * (the same address, the same message; a miss only looks the pattern up again). */
#define PATTERNS 64
static _Thread_local struct {
    snplp_language lang;
    const char *table, *key, *variant;
    const UChar *pattern;
    int32_t len;
} patterns[PATTERNS];
static _Thread_local unsigned npatterns, next_pattern;

static const UChar *pattern_of(snplp_language lang, const char *table, const char *key,
                               const char *variant, int32_t *len)
{
    for (unsigned i = 0; i < npatterns; i++)
        if (patterns[i].key == key && patterns[i].variant == variant &&
            patterns[i].table == table && patterns[i].lang == lang) {
            *len = patterns[i].len;
            return patterns[i].pattern;
        }
    const UChar *p = lookup(lang, table, key, variant, len);
    if (p) { /* kept, the oldest one replaced when full */
        unsigned at = npatterns < PATTERNS ? npatterns++ : next_pattern++ % PATTERNS;
        patterns[at].lang = lang;
        patterns[at].table = table;
        patterns[at].key = key;
        patterns[at].variant = variant;
        patterns[at].pattern = p;
        patterns[at].len = *len;
    }
    return p;
}

int snplp__msg_arg_names(const char *pattern, const char **names, size_t max, char *buf,
                         size_t buf_size)
{
    UChar local[1024];
    int32_t n = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(local, (int32_t)(sizeof local / sizeof *local), &n, pattern, -1, &st);
    if (U_FAILURE(st))
        return -1;
    return snplp__msgformat_names(local, n, names, max, buf, buf_size);
}

/* Formats the pattern p of TABLE/KEY/VARIANT (NULL: there is none) in lang. */
static int render_pattern(const UChar *p, int32_t len, snplp_language lang, const char *table,
                          const char *key, const char *variant, const snplp_msg_arg *args, size_t n,
                          char **out)
{
    if (!p)
        return snplp__fail(SNPLP_ENOTFOUND, "no message %s/%s/%s in %s", table, key, variant,
                           snplp_language_code(lang) ? snplp_language_code(lang) : "?");
    int rc = snplp__msgformat(thread_cache(), p, len, lang == SNPLP_LANGUAGE_FR ? "fr" : "en", args,
                              n, out);
    if (rc == SNPLP__MSG_ARGS_MISMATCH)
        return snplp__fail(SNPLP_EINTERNAL,
                           "message %s/%s/%s (%s): the arguments given are not those it uses",
                           table, key, variant, snplp_language_code(lang));
    if (rc == SNPLP_EINVAL)
        return snplp__fail(SNPLP_EINTERNAL, "message %s/%s/%s: an argument is not of its type",
                           table, key, variant);
    if (rc == SNPLP_EINTERNAL)
        return snplp__fail(SNPLP_EINTERNAL, "message %s/%s/%s: ICU could not format it", table, key,
                           variant);
    return rc;
}

int snplp__msg_render(snplp_language lang, const char *table, const char *key, const char *variant,
                      const snplp_msg_arg *args, size_t n, char **out)
{
    int32_t len = 0;
    const UChar *p = pattern_of(lang, table, key, variant, &len);
    return render_pattern(p, len, lang, table, key, variant, args, n, out);
}

int snplp_message_render(snplp_language lang, const char *id, const snplp_message_arg *args,
                         size_t n, char **out)
{
    if (!id || !out || (n && !args))
        return snplp__bad_arg(__func__, "NULL argument");
    *out = NULL;
    if (!snplp_language_code(lang))
        return snplp__fail_in(__func__, SNPLP_EINVAL, "unknown language %d", (int)lang);
    for (size_t i = 0; i < n; i++)
        if (!args[i].name || !args[i].value)
            return snplp__bad_arg(__func__, "an argument without its name or value");
    /* TABLE/KEY/VARIANT, each part a key of the catalogue */
    char parts[3][64];
    const char *at = id;
    for (int k = 0; k < 3; k++) {
        size_t len = strcspn(at, "/");
        bool last = k == 2;
        if (len == 0 || len >= sizeof parts[k] || (last ? at[len] != '\0' : at[len] != '/')) {
            char q[80];
            return snplp__fail_in(__func__, SNPLP_EINVAL,
                                  "%s is not the id of a message (TABLE/KEY/VARIANT)",
                                  snplp__quote(q, sizeof q, id));
        }
        memcpy(parts[k], at, len);
        parts[k][len] = '\0';
        at += len + 1;
    }
    /* (looked up, not through the cache of patterns: its names are the caller's, not static) */
    int32_t len = 0;
    const UChar *p = lookup(lang, parts[0], parts[1], parts[2], &len);
    int rc = render_pattern(p, len, lang, parts[0], parts[1], parts[2], args, n, out);
    if (rc == SNPLP_ENOTFOUND || rc == SNPLP_EINTERNAL) {
        char q[80];
        return rc == SNPLP_ENOTFOUND
                   ? snplp__fail_in(__func__, SNPLP_ENOTFOUND, "no message %s in the catalogue",
                                    snplp__quote(q, sizeof q, id))
                   : snplp__fail_in(__func__, SNPLP_EINVAL,
                                    "the arguments given to %s are not those it uses, or a value "
                                    "is not of its type",
                                    snplp__quote(q, sizeof q, id));
    }
    return rc;
}
