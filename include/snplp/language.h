/**
 * @file language.h
 * @brief The language of the messages a person reads: English or French (docs/messages.md).
 *
 * The library reads no environment variable: the application chooses. Each thread has a
 * default language (English until set), taken by the lists of findings created on that thread
 * (snplp_diagnostics_new()); a list's language can be changed (snplp_diagnostics_set_language())
 * and any finding rendered in either language (snplp_diagnostic_render()). Data formats (XML,
 * CSV column names and status values) do not change with the language.
 */
#ifndef SNPLP_LANGUAGE_H
#define SNPLP_LANGUAGE_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief A language of the messages (1.6). */
typedef enum snplp_language {
    SNPLP_LANGUAGE_EN = 0, /**< English (the default) */
    SNPLP_LANGUAGE_FR = 1  /**< French */
} snplp_language;

/**
 * @brief The code of a language: "en" or "fr".
 * @return a static string; NULL for a value outside the enum.
 */
SNPLP_API const char *snplp_language_code(snplp_language lang);

/**
 * @brief The language of a POSIX locale name or a language code, as the environment gives it
 *        ("fr", "fr_FR.UTF-8", "fr_BE@euro", "en_GB", "C", "POSIX").
 * @param[out] out receives the language: French for a name whose language is "fr", English for
 *             "en", "C" and "POSIX".
 * @return #SNPLP_OK; #SNPLP_EINVAL for NULL arguments or another language (say "de_DE"): the
 *         library has messages in English and French only.
 */
SNPLP_API int snplp_language_from_locale(const char *locale, snplp_language *out);

/**
 * @brief Sets the calling thread's default language (English until set): the lists of findings
 *        created afterwards on this thread render their messages in it.
 * @return #SNPLP_OK, #SNPLP_EINVAL for a value outside the enum (the default is unchanged).
 */
SNPLP_API int snplp_language_set_default(snplp_language lang);

/** @brief The calling thread's default language. */
SNPLP_API snplp_language snplp_language_default(void);

SNPLP_END_DECLS

#endif
