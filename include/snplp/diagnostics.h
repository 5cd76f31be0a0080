/**
 * @file diagnostics.h
 * @brief Findings of validation and of the imports (XML, CSV), all problems of one pass in one
 *        list.
 *
 * A #snplp_diagnostics object is a list of #snplp_diagnostic entries, each with a severity, a
 * stable code, a line and column (0 when there is no file), the id of the item concerned (if
 * any) and a message a person can act on. The validations (snplp_referential_validate(),
 * snplp_convention_validate()) and every import (snplp_referential_import_file() and the other
 * readers of xml.h, snplp_csv_import_file() and the others of csv.h) append to a list the
 * caller owns, so one list can collect the findings of several passes.
 */
#ifndef SNPLP_DIAGNOSTICS_H
#define SNPLP_DIAGNOSTICS_H

#include <snplp/common.h>
#include <snplp/language.h>

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
 * 100-199: rules of the referential model, found by snplp_referential_validate() (and by an
 * import, which validates what it read).
 * 200-299: reading XML (xml.h): 200-209 the document itself (well-formedness, refused
 * constructs, size limits), 210-229 what the schema states, 230-239 model rules met while
 * reading, 240-249 notes on the text read; 280-299 reading training records from CSV
 * (csv_records.h, since 1.4).
 * 300-399: conventions: 300-309 the rules of one convention, 310-319 those of a set, 320-339
 * reading indicator values from CSV (csv.h).
 * 400-449 (1.4): training records, found by snplp_records_validate() (records_validate.h).
 * 450-469 (1.4): indicators computed from training records (records_fill.h).
 */
typedef enum snplp_diag_code {
    SNPLP_DIAG_NONE = 0,                  /**< "none": no code (diagnostics added by hand) */
    SNPLP_DIAG_EMPTY_TITLE = 101,         /**< "empty-title": a required title is blank */
    SNPLP_DIAG_EMPTY_TEXT = 102,          /**< "empty-text": a required text is blank */
    SNPLP_DIAG_MISSING_PARENT = 103,      /**< "missing-parent": a module's theme is not there */
    SNPLP_DIAG_DANGLING_REFERENCE = 104,  /**< "dangling-reference": a reference to no item */
    SNPLP_DIAG_REFERENCE_KIND = 105,      /**< "reference-kind": a reference to the wrong kind */
    SNPLP_DIAG_PREREQUISITE_CYCLE = 106,  /**< "prerequisite-cycle": modules require each other */
    SNPLP_DIAG_DURATION_OVER_MAX = 107,   /**< "duration-over-max": a module exceeds the plan's
                                               maximum duration */
    SNPLP_DIAG_NOT_WELL_FORMED = 200,     /**< "not-well-formed": not XML (fatal: ends the pass;
                                               includes invalid UTF-8, truncated or empty input) */
    SNPLP_DIAG_IO = 201,                  /**< "io": the input could not be read (fatal) */
    SNPLP_DIAG_DOCTYPE = 202,             /**< "doctype": a document type declaration (DTD,
                                               entities) is refused (fatal) */
    SNPLP_DIAG_TOO_DEEP = 203,            /**< "too-deep": elements nested deeper than the limit
                                               (fatal) */
    SNPLP_DIAG_TEXT_TOO_LONG = 204,       /**< "text-too-long": a text longer than the limit */
    SNPLP_DIAG_ATTRIBUTE_TOO_LONG = 205,  /**< "attribute-too-long": an attribute value longer
                                               than the limit */
    SNPLP_DIAG_TOO_MANY_ATTRIBUTES = 206, /**< "too-many-attributes": an element with more
                                               attributes than the limit (fatal; since 1.3) */
    SNPLP_DIAG_START_TAG_TOO_LONG = 207,  /**< "start-tag-too-long": a start tag longer than
                                               the limit (fatal; since 1.3) */
    SNPLP_DIAG_TOO_MANY_FINDINGS = 208,   /**< "too-many-findings": the findings of a document
                                               past the limit were dropped; says how many
                                               (since 1.3) */
    SNPLP_DIAG_WRONG_ROOT = 210,          /**< "wrong-root": the root element is not
                                               &lt;referential&gt; in the snplp namespace */
    SNPLP_DIAG_UNKNOWN_ELEMENT = 211,     /**< "unknown-element": an element the schema does not
                                               allow there */
    SNPLP_DIAG_MISSING_ELEMENT = 212,     /**< "missing-element": a required element is absent */
    SNPLP_DIAG_UNKNOWN_ATTRIBUTE = 213,   /**< "unknown-attribute": an attribute the schema does
                                               not allow there */
    SNPLP_DIAG_MISSING_ATTRIBUTE = 214,   /**< "missing-attribute": a required attribute is
                                               absent */
    SNPLP_DIAG_BAD_VALUE = 215,           /**< "bad-value": a value of the wrong form or range */
    SNPLP_DIAG_UNEXPECTED_TEXT = 216,     /**< "unexpected-text": text where only elements may
                                               be */
    SNPLP_DIAG_BAD_ID = 217,              /**< "bad-id": a malformed id */
    SNPLP_DIAG_SCHEMA = 220,              /**< "schema": a finding of libxml2's XSD validation
                                               (strict import only) */
    SNPLP_DIAG_DUPLICATE_ID = 230,        /**< "duplicate-id": an id already used in the document */
    SNPLP_DIAG_MODEL_VALUE = 231,         /**< "model-value": a value the schema allows but the
                                               model refuses (files of conventions: an unofficial
                                               territory code, a decimal beyond 64 bits...) */
    SNPLP_DIAG_TEXT_NORMALIZED = 240,     /**< "text-normalized": a text was not in Unicode NFC and
                                               was normalized (warning) */
    SNPLP_DIAG_MISSING_VALUE = 280,       /**< "missing-value" (1.4): a required field of a CSV row
                                               of records is empty, or a text only white space */
    SNPLP_DIAG_BAD_DATE = 281,            /**< "bad-date" (1.4): not a "YYYY-MM-DD" real day */
    SNPLP_DIAG_BAD_TERRITORY = 282,       /**< "bad-territory" (1.4): a territory code of no
                                               accepted shape */
    SNPLP_DIAG_BAD_DIPLOMA_LEVEL = 283,   /**< "bad-diploma-level" (1.4): not 1 to 8 */
    SNPLP_DIAG_BAD_STATUS = 284,          /**< "bad-status" (1.4): not an attendance status */
    SNPLP_DIAG_UNKNOWN_RECORD = 285,      /**< "unknown-record" (1.4): a reference names no
                                               record of the records, or one of another kind */
    SNPLP_DIAG_ID_TAKEN = 286,            /**< "id-taken" (1.4): a worker's id is the id of a
                                               record of another kind */
    SNPLP_DIAG_UNTIL_BEFORE_FROM = 287,   /**< "until-before-from" (1.4): a worker's last day
                                               before the first */
    SNPLP_DIAG_BAD_DAYS = 288,            /**< "bad-days" (1.4): days attended below 0 */
    SNPLP_DIAG_AMBIGUOUS_UPDATE = 289,    /**< "ambiguous-update" (1.4): several attendance
                                               records of a worker at a session to update */
    SNPLP_DIAG_CSV_TOO_MANY_ROWS = 290,   /**< "csv-too-many-rows" (1.4): more rows than
                                               #SNPLP_CSV_MAX_ROWS (fatal) */
    SNPLP_DIAG_YEARS_MISSING = 300,       /**< "years-missing": a convention's years are not set */
    SNPLP_DIAG_YEARS_SPAN = 301,          /**< "years-span": a convention does not span three
                                               years (warning) */
    SNPLP_DIAG_PERCENT_RANGE = 302,       /**< "percent-range": a percent outside 0..100 */
    SNPLP_DIAG_BAD_COUNT = 303,           /**< "bad-count": a count negative or not whole */
    SNPLP_DIAG_NUMERATOR_OVER_DENOMINATOR = 304, /**< "numerator-over-denominator": a
                                                      numerator above its denominator */
    SNPLP_DIAG_YEAR_OUTSIDE = 305,               /**< "year-outside": a value for a year outside the
                                                      convention */
    SNPLP_DIAG_ACTUAL_MISSING = 306,             /**< "actual-missing": no actual for a year whose
                                                      report is due */
    SNPLP_DIAG_CORE_ACTION_MISSING = 307,        /**< "core-action-missing": a core objective has no
                                                      action in a year */
    SNPLP_DIAG_QUOTIENT_MISMATCH = 308, /**< "quotient-mismatch" (1.3, warning): a typed actual of
                                             a quotient indicator differs from the one derived
                                             from its numerator and denominator */
    SNPLP_DIAG_IMPLAUSIBLE_DATE = 309,  /**< "implausible-date" (1.3, warning): a signature after
                                             the last year or a report sent, or a date of the
                                             check before the signature */
    SNPLP_DIAG_DUPLICATE_CONVENTION = 310, /**< "duplicate-convention": two conventions of a
                                                set have the same id */
    SNPLP_DIAG_UNIT_MISMATCH = 311,        /**< "unit-mismatch": an indicator aggregated across
                                                conventions that give it different units */
    SNPLP_DIAG_AGGREGATION_MISMATCH = 312, /**< "aggregation-mismatch": conventions give an
                                                indicator different aggregation rules */
    SNPLP_DIAG_AGGREGATE_OVERFLOW = 313,   /**< "aggregate-overflow": an aggregate beyond the
                                                range of a decimal */
    SNPLP_DIAG_CSV_IO = 320,               /**< "csv-io": the CSV input could not be read
                                                (fatal) */
    SNPLP_DIAG_CSV_ENCODING = 321,         /**< "csv-encoding": invalid UTF-8 or a control
                                                character in a field, or a UTF-16 input */
    SNPLP_DIAG_CSV_SYNTAX = 322,           /**< "csv-syntax": a quoted field never closed, text
                                                after a closing quote, a quote in an unquoted
                                                field */
    SNPLP_DIAG_CSV_FIELD_TOO_LONG = 323,   /**< "csv-field-too-long": a field longer than
                                                #SNPLP_CSV_MAX_FIELD bytes */
    SNPLP_DIAG_CSV_FIELD_COUNT = 324,      /**< "csv-field-count": a row without exactly eight
                                                fields */
    SNPLP_DIAG_CSV_HEADER = 325,           /**< "csv-header": the first row is not the header */
    SNPLP_DIAG_CSV_TOO_MANY_ERRORS = 326,  /**< "csv-too-many-errors": the import stopped after
                                                #SNPLP_CSV_MAX_ERRORS errors */
    SNPLP_DIAG_UNKNOWN_CONVENTION = 327,   /**< "unknown-convention": a row names no convention
                                                of the list */
    SNPLP_DIAG_UNKNOWN_INDICATOR = 328,    /**< "unknown-indicator": a row names no indicator of
                                                its convention */
    SNPLP_DIAG_BAD_YEAR = 329,             /**< "bad-year": a year that is not four digits from
                                                #SNPLP_YEAR_MIN to #SNPLP_YEAR_MAX */
    SNPLP_DIAG_CSV_YEAR_OUTSIDE = 330,     /**< "csv-year-outside": a row would change a value
                                                for a year outside the convention */
    SNPLP_DIAG_BAD_NUMBER = 331,           /**< "bad-number": a target or actual that is not a
                                                number of the dialect, or out of range */
    SNPLP_DIAG_UNIT_DIFFERS = 332,         /**< "unit-differs": a row's unit is not its
                                                indicator's */
    SNPLP_DIAG_DUPLICATE_ROW = 333,        /**< "duplicate-row": a second row for the same
                                                convention, indicator and year */
    /** "record-dangling-reference" (1.4): a reference of a record names no record and no item of
       the referential */
    SNPLP_DIAG_RECORD_DANGLING_REFERENCE = 400,
    /** "record-reference-kind" (1.4): a reference of a record names a record or item of the wrong
       kind */
    SNPLP_DIAG_RECORD_REFERENCE_KIND = 401,
    /** "profession-in-referential" (1.4): a profession the records declare has an id of the
       referential */
    SNPLP_DIAG_PROFESSION_IN_REFERENTIAL = 402,
    /** "worker-dates" (1.4): a worker leaves the workforce before joining it */
    SNPLP_DIAG_WORKER_DATES = 403,
    /** "session-dates" (1.4): a session ends before it starts */
    SNPLP_DIAG_SESSION_DATES = 404,
    /** "session-days-over-calendar" (1.4): a session has more days than calendar days */
    SNPLP_DIAG_SESSION_DAYS_OVER_CALENDAR = 405,
    /** "attendance-outside-workforce" (1.4): a worker attended a session outside their workforce
       dates */
    SNPLP_DIAG_ATTENDANCE_OUTSIDE_WORKFORCE = 406,
    /** "days-over-session" (1.4): days attended above the session's days */
    SNPLP_DIAG_DAYS_OVER_SESSION = 407,
    /** "session-over-module-duration" (1.4): a session longer than its module's duration */
    SNPLP_DIAG_SESSION_OVER_MODULE_DURATION = 408,
    /** "session-over-max-days" (1.4): a session longer than the training plan's maximum */
    SNPLP_DIAG_SESSION_OVER_MAX_DAYS = 409,
    /** "duplicate-attendance" (1.4): the same worker at the same session twice */
    SNPLP_DIAG_DUPLICATE_ATTENDANCE = 410,
    /** "overlapping-sessions" (1.4): a worker in two sessions at once */
    SNPLP_DIAG_OVERLAPPING_SESSIONS = 411,
    /** "capacity-exceeded" (1.4): more people at a session than its capacity */
    SNPLP_DIAG_CAPACITY_EXCEEDED = 412,
    /** "days-without-attendance" (1.4): days attended given for an attendance registered, absent or
       cancelled */
    SNPLP_DIAG_DAYS_WITHOUT_ATTENDANCE = 413,
    /** "attended-below-session" (1.4): "attended" with fewer days than the session's (warning) */
    SNPLP_DIAG_ATTENDED_BELOW_SESSION = 414,
    /** "records-actual-differs" (1.4, warning): an actual typed by hand differs from the one the
       training records give (records_fill.h); the typed one is kept */
    SNPLP_DIAG_RECORDS_ACTUAL_DIFFERS = 450,
    /** "records-value-unknown" (1.4, warning): the records cannot give a year's value (missing
       data, never counted as zero); the year is left as it is */
    SNPLP_DIAG_RECORDS_VALUE_UNKNOWN = 451,
    /** "records-measure-unit" (1.4, error): an indicator's unit is not the unit of what it counts
       in training records; it is left as it is */
    SNPLP_DIAG_RECORDS_MEASURE_UNIT = 452,
    /** "lheo-missing-data" (1.5, error): an offer lacks a value LHEO requires (the message
       names it, and the module and training body); the offer is left out of the export */
    SNPLP_DIAG_LHEO_MISSING_DATA = 500,
    /** "lheo-text-cut" (1.5, warning): a text longer than LHEO allows was cut on a word
       boundary (the message names the element and its limit) */
    SNPLP_DIAG_LHEO_TEXT_CUT = 501,
    /** "lheo-no-session" (1.5, info): a module of the catalogue has no session in the records,
       so no offer */
    SNPLP_DIAG_LHEO_NO_SESSION = 502,
    /** "lheo-nothing-written" (1.5, error): the export wrote no document (no offer complete,
       or all or nothing asked and an offer left out) */
    SNPLP_DIAG_LHEO_NOTHING_WRITTEN = 503,
    /** "lheo-theme-match" (1.5, info): an imported offer matches a national theme (the message
       names it, the labels that matched and the score, and whether it was applied) */
    SNPLP_DIAG_LHEO_THEME_MATCH = 504,
    /** "lheo-no-theme" (1.5, warning): an imported offer's module has no theme: no national
       theme matched, or the match was not applied (the message says which) */
    SNPLP_DIAG_LHEO_NO_THEME = 505,
    /** "lheo-left-out" (1.5, warning): a part of an LHEO document could not be imported (a
       session without valid dates or mode, an offer without a title...): the message says what
       and why */
    SNPLP_DIAG_LHEO_LEFT_OUT = 506,
    /** "lheo-value-kept" (1.5, info): a value the model refuses (a SIRET whose key is wrong...)
       is kept as an LHEO element of the object, written back by the export, not in the model */
    SNPLP_DIAG_LHEO_VALUE_KEPT = 507,
    /** "lheo-assumed" (1.5, info): what the model needs and LHEO does not state (a module's
       level, a session's days), with what the import took */
    SNPLP_DIAG_LHEO_ASSUMED = 508
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

/** @brief The id of the convention concerned, NULL if none (or for NULL). Borrowed. */
SNPLP_API const char *snplp_diagnostic_convention_id(const snplp_diagnostic *diag);
/** @brief The year concerned, 0 if none (or for NULL). */
SNPLP_API int32_t snplp_diagnostic_year(const snplp_diagnostic *diag);
/**
 * @brief The message, naming the item and what to do, in the language of its list (see
 *        snplp_diagnostics_set_language()): English unless asked (NULL for NULL). Borrowed:
 *        valid until the list is cleared, freed or its language changed.
 *
 * A finding whose message comes from the library's catalogue (snplp_diagnostic_message_id()
 * not NULL) reads in English or French; the others are in English until they move to the
 * catalogue (docs/messages.md, "Coverage").
 */
SNPLP_API const char *snplp_diagnostic_message(const snplp_diagnostic *diag);

/* ---- structured findings and languages (1.6, docs/messages.md) ---- */

/**
 * @brief The name of a parameter type: "text", "id", "integer", "decimal", "date", "choice",
 *        "list".
 * @return a static string; "unknown" for a value outside the enum.
 */
SNPLP_API const char *snplp_param_type_name(snplp_param_type type);

/**
 * @brief The id of the message of a finding in the library's catalogue, "CODE/VARIANT"
 *        ("lheo-left-out/no-body"): the same in every language, for an application that words
 *        its own messages from the parameters.
 * @return a borrowed string; NULL for a finding whose message is not from the catalogue (one
 *         added by snplp_diagnostics_add(), or of a code not moved to it yet), or for NULL.
 */
SNPLP_API const char *snplp_diagnostic_message_id(const snplp_diagnostic *diag);

/** @brief The number of parameters of a finding (0 for NULL or a finding without). */
SNPLP_API size_t snplp_diagnostic_param_count(const snplp_diagnostic *diag);

/**
 * @brief The name of parameter @p index ("module", "body", "max"...), as the message's patterns
 *        use it (docs/messages.md lists them per message).
 * @return a borrowed string; NULL if @p diag is NULL or @p index is out of range.
 */
SNPLP_API const char *snplp_diagnostic_param_name(const snplp_diagnostic *diag, size_t index);

/** @brief The type of parameter @p index (#SNPLP_PARAM_TEXT if out of range or for NULL). */
SNPLP_API snplp_param_type snplp_diagnostic_param_type(const snplp_diagnostic *diag, size_t index);

/**
 * @brief The value of parameter @p index as text, in the C locale whatever the language: an
 *        integer "12", a decimal "6.5", a date "2022-03-31", an id or a text as it is.
 * @return a borrowed string; NULL if @p diag is NULL or @p index is out of range.
 */
SNPLP_API const char *snplp_diagnostic_param_value(const snplp_diagnostic *diag, size_t index);

/**
 * @brief The value of the parameter named @p name (see snplp_diagnostic_param_value()).
 * @return a borrowed string; NULL if the finding has no such parameter.
 */
SNPLP_API const char *snplp_diagnostic_param(const snplp_diagnostic *diag, const char *name);

/**
 * @brief The message of a finding in @p lang, whatever its list's language.
 * @param[out] out receives the message (free with snplp_free()).
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL argument, unknown language), #SNPLP_ENOMEM. A finding
 *         whose message is not from the catalogue gives its message as it is.
 */
SNPLP_API int snplp_diagnostic_render(const snplp_diagnostic *diag, snplp_language lang,
                                      char **out);

/**
 * @brief Sets the language of a list's messages: the findings added afterwards, and those it
 *        holds (their messages are rendered again: borrowed messages of the list are then no
 *        longer valid). A new list takes the default language of the thread that creates it
 *        (snplp_language_set_default()).
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL list, unknown language), #SNPLP_ENOMEM (the list then
 *         keeps its language and its messages).
 */
SNPLP_API int snplp_diagnostics_set_language(snplp_diagnostics *diags, snplp_language lang);

/** @brief The language of a list's messages (#SNPLP_LANGUAGE_EN for NULL). */
SNPLP_API snplp_language snplp_diagnostics_language(const snplp_diagnostics *diags);

SNPLP_END_DECLS

#endif
