/**
 * @file diagnostics.h
 * @brief Findings of validation (and, later, of parsing), all problems of one pass in one list.
 *
 * A #snplp_diagnostics object is a list of #snplp_diagnostic entries, each with a severity, a
 * stable code, a line and column (0 when there is no file), the id of the item concerned (if
 * any) and a message a person can act on. Functions that check data append to a list the
 * caller owns, so one list can collect the findings of several passes.
 */
#ifndef SNPLP_DIAGNOSTICS_H
#define SNPLP_DIAGNOSTICS_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief How serious a finding is. Values are part of the ABI. */
typedef enum snplp_severity {
    SNPLP_SEVERITY_INFO = 0,    /**< for information only */
    SNPLP_SEVERITY_WARNING = 1, /**< the data is usable but something deserves attention */
    SNPLP_SEVERITY_ERROR = 2    /**< the data breaks a rule */
} snplp_severity;

/**
 * @brief The stable codes of findings. Values and names are part of the ABI and of the
 *        documentation (docs/diagnostics.md); codes are only ever added.
 *
 * 100-199: rules of the referential model, found by snplp_referential_validate().
 */
typedef enum snplp_diag_code {
    SNPLP_DIAG_NONE = 0,                 /**< "none": no code (diagnostics added by hand) */
    SNPLP_DIAG_EMPTY_TITLE = 101,        /**< "empty-title": a required title is blank */
    SNPLP_DIAG_EMPTY_TEXT = 102,         /**< "empty-text": a required text is blank */
    SNPLP_DIAG_MISSING_PARENT = 103,     /**< "missing-parent": a module's theme is not there */
    SNPLP_DIAG_DANGLING_REFERENCE = 104, /**< "dangling-reference": a reference to no item */
    SNPLP_DIAG_REFERENCE_KIND = 105,     /**< "reference-kind": a reference to the wrong kind */
    SNPLP_DIAG_PREREQUISITE_CYCLE = 106, /**< "prerequisite-cycle": modules require each other */
    SNPLP_DIAG_DURATION_OVER_MAX = 107   /**< "duration-over-max": a module exceeds the plan's
                                              maximum duration */
} snplp_diag_code;

/**
 * @brief The stable name of a code, e.g. "dangling-reference".
 * @return a static string; "unknown" for a value outside the enum.
 */
SNPLP_API const char *snplp_diag_code_name(snplp_diag_code code);

/**
 * @brief The name of a severity: "info", "warning" or "error".
 * @return a static string; "unknown" for a value outside the enum.
 */
SNPLP_API const char *snplp_severity_name(snplp_severity severity);

/**
 * @brief Creates an empty list of diagnostics.
 * @param[out] out receives the new list, owned by the caller (snplp_diagnostics_free()).
 * @return #SNPLP_OK, #SNPLP_EINVAL if @p out is NULL, #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_diagnostics_new(snplp_diagnostics **out);

/** @brief Frees a list and its entries. NULL is a no-op. */
SNPLP_API void snplp_diagnostics_free(snplp_diagnostics *diags);

/** @brief Removes every entry; the list stays usable. NULL is a no-op. */
SNPLP_API void snplp_diagnostics_clear(snplp_diagnostics *diags);

/** @brief The number of entries (0 for NULL). */
SNPLP_API size_t snplp_diagnostics_count(const snplp_diagnostics *diags);

/** @brief The number of entries of one severity (0 for NULL). */
SNPLP_API size_t snplp_diagnostics_count_severity(const snplp_diagnostics *diags,
                                                  snplp_severity severity);

/**
 * @brief The entry at @p index, in the order they were found.
 * @return an entry owned by the list (valid until it is cleared or freed), NULL if @p diags
 *         is NULL or @p index is out of range.
 */
SNPLP_API const snplp_diagnostic *snplp_diagnostics_at(const snplp_diagnostics *diags,
                                                       size_t index);

/**
 * @brief Appends an entry. Strings are copied; @p item_id may be NULL.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL list or message, severity out of range),
 *         #SNPLP_EENCODING (text not valid UTF-8), #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_diagnostics_add(snplp_diagnostics *diags, snplp_severity severity,
                                    snplp_diag_code code, size_t line, size_t column,
                                    const char *item_id, const char *message);

/** @brief The severity of an entry (#SNPLP_SEVERITY_INFO for NULL). */
SNPLP_API snplp_severity snplp_diagnostic_severity(const snplp_diagnostic *diag);

/** @brief The code of an entry (#SNPLP_DIAG_NONE for NULL). */
SNPLP_API snplp_diag_code snplp_diagnostic_code(const snplp_diagnostic *diag);

/** @brief The line (1-based) where the finding is, 0 when there is no file or for NULL. */
SNPLP_API size_t snplp_diagnostic_line(const snplp_diagnostic *diag);

/** @brief The column (1-based) where the finding is, 0 when there is no file or for NULL. */
SNPLP_API size_t snplp_diagnostic_column(const snplp_diagnostic *diag);

/** @brief The id of the item concerned, NULL if none (or for NULL). Borrowed. */
SNPLP_API const char *snplp_diagnostic_item_id(const snplp_diagnostic *diag);

/** @brief The message, in English, naming the item and what to do (NULL for NULL). Borrowed. */
SNPLP_API const char *snplp_diagnostic_message(const snplp_diagnostic *diag);

SNPLP_END_DECLS

#endif
