/* Internal: the library's messages in English and French (docs/messages.md).
 *
 * The texts are ICU resource bundles, kept as fragments per table and family of messages
 * (util/messages/TABLE/FAMILY.en.txt and .fr.txt) that the build assembles into the English root
 * bundle and the French one, compiles with genrb and packs with icupkg into one ICU data
 * package (util/messages/package.cmake), compiled into the library as bytes and registered with
 * udata_setAppData() on first use: no file is read at run time. A message is an ICU MessageFormat
 * pattern with named arguments, found at TABLE/KEY/VARIANT (diag/lheo-left-out/no-body), formatted
 * by ICU for the language's locale (plurals, decimal comma, dates, grouping). */
#ifndef SNPLP_UTIL_MESSAGES_H
#define SNPLP_UTIL_MESSAGES_H

#include <stddef.h>

#include <snplp/diagnostics.h>
#include <snplp/language.h>

/* An argument of a message (the public snplp_message_arg): its name in the pattern, its type,
 * its value as text (an integer or a decimal in the C locale, "6.5"; a date "2022-03-31"; a
 * text or an id as it is). */
typedef snplp_message_arg snplp_msg_arg;

/* Renders the message TABLE/KEY/VARIANT in lang with the n arguments into *out (UTF-8, the
 * library's allocator). table, key and variant are static strings (or strings that live as
 * long as the process: the thread keeps the pattern it found by their addresses). Every argument
 * given must be used by the pattern and every argument the pattern uses given: otherwise
 * SNPLP_EINTERNAL (a mistake of the library, that its tests catch). SNPLP_ENOTFOUND when the
 * catalogue has no such message, SNPLP_ENOMEM. */
int snplp__msg_render(snplp_language lang, const char *table, const char *key, const char *variant,
                      const snplp_msg_arg *args, size_t n, char **out);

/* The ICU package of the messages, registered (for the tests and the generated table of
 * docs/messages.md, which read the bundles with ICU's own functions): its name, or NULL if it
 * could not be registered. */
const char *snplp__msg_package(void);

/* The names of the arguments the pattern uses (at most max, in order of first use, each once)
 * into names (borrowed from a buffer of buf_size bytes); -1 if the pattern does not parse. */
int snplp__msg_arg_names(const char *pattern, const char **names, size_t max, char *buf,
                         size_t buf_size);

/* From util/msgformat.cpp: formats the UTF-16 pattern (len units) for locale with the n
 * arguments into *out (UTF-8, the library's allocator), with the formats kept in cache (NULL:
 * none kept; the pattern must then be the catalogue's, alive for the process). 0,
 * SNPLP_EINVAL when an argument's value is not of its type, SNPLP_EINTERNAL when ICU fails (the
 * pattern does not parse), SNPLP_ENOMEM. */
int snplp__msgformat(void *cache, const void *pattern, int len, const char *locale,
                     const snplp_msg_arg *args, size_t n, char **out);
/* What snplp__msgformat() returns when the arguments given are not exactly those the pattern
 * uses (checked once per pattern and thread, when its format is kept). */
#define SNPLP__MSG_ARGS_MISMATCH 1
/* A thread's cache of formats (NULL when out of memory), and its end. */
void *snplp__msgformat_cache_new(void);
void snplp__msgformat_cache_free(void *cache);
/* From util/msgformat.cpp: the argument names of the UTF-16 pattern (see snplp__msg_arg_names). */
int snplp__msgformat_names(const void *pattern, int len, const char **names, size_t max, char *buf,
                           size_t buf_size);

#endif
