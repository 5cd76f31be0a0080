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

#include <stddef.h>

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

/** @brief The type of a parameter of a message: of a finding (diagnostics.h) or given to
 *         snplp_message_render() (1.6). */
typedef enum snplp_param_type {
    SNPLP_PARAM_TEXT = 0,    /**< a text of the data (a title, an element's value) */
    SNPLP_PARAM_ID = 1,      /**< an id of the model, or an element or attribute name */
    SNPLP_PARAM_INTEGER = 2, /**< an integer, written in digits ("12", "-3") */
    SNPLP_PARAM_DECIMAL = 3, /**< a decimal, as snplp_decimal_format() writes it ("6.5") */
    SNPLP_PARAM_DATE = 4,    /**< a date, "YYYY-MM-DD" */
    SNPLP_PARAM_CHOICE = 5,  /**< one of a fixed set of words that selects a wording
                                  ("yes"/"no", the data missing...): see docs/messages.md */
    SNPLP_PARAM_LIST = 6     /**< texts, each quoted and the whole joined as the language does
                                  ("“a”, “b” and “c”"); the value holds them separated by
                                  the character U+001F (never in a text of the model) */
} snplp_param_type;

/** @brief An argument of a message of the catalogue (1.6): its name in the message's
 *         patterns, its type, its value as text in the C locale (see snplp_param_type). */
typedef struct snplp_message_arg {
    const char *name;      /**< the argument's name in the patterns ("errors") */
    snplp_param_type type; /**< how its value is read and formatted */
    const char *value;     /**< its value as text ("2", "6.5", "2022-03-31", a text) */
} snplp_message_arg;

/**
 * @brief Renders a message of the library's catalogue in @p lang: the words the library's own
 *        programs print (the table "cli"), for an application that shows them in its user's
 *        language. The messages, their ids and arguments are listed in docs/messages.md.
 * @param id the message's id, "TABLE/KEY/VARIANT" ("cli/severity/error").
 * @param args the @p n arguments the message uses, each once (NULL when @p n is 0).
 * @param[out] out receives the text (free with snplp_free()).
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL argument, unknown language, an id not of three parts,
 *         arguments that are not exactly those the message uses, a value not of its type);
 *         #SNPLP_ENOTFOUND (no such message); #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_message_render(snplp_language lang, const char *id,
                                   const snplp_message_arg *args, size_t n, char **out);

SNPLP_END_DECLS

#endif
