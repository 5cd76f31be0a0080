/**
 * @file csv.h
 * @brief Exporting and importing the indicator values of conventions as CSV (RFC 4180), in the
 *        international dialect or the French spreadsheet dialect.
 *
 * The format is described in docs/csv.md. A file holds a header row then one row per
 * convention × indicator × year, with eight columns named in English:
 *
 *     convention,indicator,year,target,actual,unit,source,comment
 *
 * Two dialects (#snplp_csv_dialect): #SNPLP_CSV_INTL, comma-separated with a decimal point;
 * #SNPLP_CSV_FR, the French spreadsheet dialect, semicolon-separated with a decimal comma and
 * a UTF-8 byte-order mark. Both end lines with CRLF and quote fields as RFC 4180 does (a field
 * holding the separator, a double quote or a line break is written between double quotes, its
 * double quotes doubled). Numbers are formatted and parsed with ICU's number API for the
 * dialect's locale ("en_US_POSIX" or "fr_FR"), never with the C library, and keep their exact
 * decimal representation: `{1250, 2}` is written "12.50" or "12,50" and read back as
 * `{1250, 2}`.
 *
 * Export writes, for each convention of a list in order, each of its indicators in order, one
 * row for every year of the convention and for every other year something is recorded for, in
 * increasing order. A missing value is an empty field, never 0.
 *
 * Import reads such a file into the conventions of a list, which the rows name by id. It
 * checks every row and reports every problem in one pass, each as a diagnostic with its line
 * and column; if anything is wrong, nothing is changed in any convention. An empty target,
 * actual, source or comment field leaves that value as it is, so importing what was exported
 * changes nothing, and a CSV file may carry only the values it updates. A value cannot be
 * removed through CSV.
 *
 * Thread safety: an export only reads the conventions; an import changes them and must have
 * them to itself (convention.h). Nothing depends on the process locale.
 */
#ifndef SNPLP_CSV_H
#define SNPLP_CSV_H

#include <snplp/common.h>
#include <snplp/xml.h>

SNPLP_BEGIN_DECLS

/** @brief The longest field an import accepts, in bytes (its quotes not counted). */
#define SNPLP_CSV_MAX_FIELD 1000000
/** @brief An import stops checking after this many errors (diagnostic "csv-too-many-errors"). */
#define SNPLP_CSV_MAX_ERRORS 1000
/** @brief The longest number an import accepts, in characters. */
#define SNPLP_CSV_MAX_NUMBER 64

/** @brief A dialect of CSV. Values are part of the ABI. */
typedef enum snplp_csv_dialect {
    SNPLP_CSV_NONE = 0, /**< not a dialect (an invalid argument) */
    SNPLP_CSV_INTL = 1, /**< "intl": `,` between fields, decimal point ("12.50"), no byte-order
                             mark, CRLF line ends (RFC 4180); numbers with the ICU locale
                             "en_US_POSIX" */
    SNPLP_CSV_FR = 2    /**< "fr": the French spreadsheet dialect: `;` between fields, decimal
                             comma ("12,50"), UTF-8 with a byte-order mark, CRLF line ends;
                             numbers with the ICU locale "fr_FR" */
} snplp_csv_dialect;

/** @brief "intl" or "fr"; "none" for any other value. */
SNPLP_API const char *snplp_csv_dialect_name(snplp_csv_dialect dialect);

/** @brief The dialect named @p name ("intl" or "fr"), #SNPLP_CSV_NONE if none (or NULL). */
SNPLP_API snplp_csv_dialect snplp_csv_dialect_from_name(const char *name);

/**
 * @brief Exports the indicator values of a list of conventions to memory.
 *
 * The header row comes first, then for each convention in order, each indicator in order, one
 * row per year: every year of the convention (none while its years are unset), and every
 * other year the indicator records something for, in increasing order. Fields: the
 * convention's id, the indicator's id, the year (four digits), the target and the actual
 * (formatted by ICU with exactly their scale and no grouping separator: "1250.50",
 * "-0.005"; an empty field when there is none), the unit's name (snplp_unit_name()), the
 * source and the comment (empty when there is none). An empty list gives the header row only.
 * The output is deterministic: the same list gives the same bytes.
 *
 * @param[out] out receives the text, NUL-terminated, to free with snplp_free().
 * @param[out] size receives its size in bytes (without the NUL); may be NULL.
 * @param list the conventions.
 * @param dialect the dialect.
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL @p out or @p list, unknown dialect); #SNPLP_ENOMEM;
 *         #SNPLP_EINTERNAL (ICU failed). @p out is unchanged on failure.
 */
SNPLP_API int snplp_csv_export_memory(char **out, size_t *size, const snplp_convention_list *list,
                                      snplp_csv_dialect dialect);

/**
 * @brief Exports as snplp_csv_export_memory() through @p write, in pieces.
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL @p list or @p write, unknown dialect); #SNPLP_EIO
 *         (@p write failed: nothing more is written); #SNPLP_ENOMEM; #SNPLP_EINTERNAL.
 */
SNPLP_API int snplp_csv_export_callback(const snplp_convention_list *list,
                                        snplp_csv_dialect dialect, snplp_write_fn write,
                                        void *user);

/**
 * @brief Exports as snplp_csv_export_memory() to the file at @p path, atomically: the text is
 *        written to a new file in the same directory, flushed to disk, then renamed over
 *        @p path. If anything fails, @p path is left as it was and the new file is removed.
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL argument, empty path, unknown dialect); #SNPLP_EIO
 *         (the file could not be written, or ICU failed); #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_csv_export_file(const snplp_convention_list *list, snplp_csv_dialect dialect,
                                    const char *path);

/**
 * @brief Imports indicator values from @p size bytes at @p data into the conventions of
 *        @p list.
 *
 * Reading: the input is UTF-8, with or without a byte-order mark (in either dialect); lines
 * end with CRLF, LF or CR; fields are separated by the dialect's separator and may be quoted
 * as RFC 4180 says (a quoted field may hold separators, doubled double quotes and line breaks,
 * kept as they are). Rows whose fields are all empty (blank lines) are skipped. The first
 * other row must be the header, exactly as export writes it. No white space is trimmed.
 *
 * Each row names a convention of @p list and one of its indicators by id, and a year (four
 * digits, #SNPLP_YEAR_MIN to #SNPLP_YEAR_MAX). A non-empty target or actual must be a number
 * of the dialect: an optional `-`, digits, and optionally the dialect's decimal separator
 * followed by digits (at most 18), no grouping, sign `+`, exponent or space ("12.5" is not a
 * number of the French dialect). It is parsed by ICU and kept with the scale it is written
 * with ("12,50" is `{1250, 2}`). A non-empty unit must be the indicator's unit's name. A
 * non-empty source or comment replaces the year's (stored in Unicode NFC). Empty fields leave
 * the values as they are.
 *
 * Every problem is a diagnostic (codes 320-339, docs/diagnostics.md) with its line and column
 * (1-based: the line in the file, counting the line breaks inside quoted fields, and the
 * character of that line where the field concerned starts, counted in Unicode characters, the
 * byte-order mark not counted), and, where they are known, the convention's id
 * (snplp_diagnostic_convention_id()), the indicator's id (snplp_diagnostic_item_id()) and the
 * year (snplp_diagnostic_year()):
 * - the input could not be read (`csv-io`);
 * - invalid UTF-8, or a character XML does not allow in text (a control character), in a field
 *   (`csv-encoding`); a UTF-16 input (`csv-encoding`, nothing more is checked);
 * - a quoted field with no closing quote, text after a closing quote, a double quote inside an
 *   unquoted field (`csv-syntax`);
 * - a field longer than #SNPLP_CSV_MAX_FIELD bytes, or fields past the eighth longer than that
 *   together (`csv-field-too-long`): found as the bytes come, it ends the pass at once, so that
 *   an input that never ends is not read forever;
 * - a row without exactly eight fields (`csv-field-count`);
 * - a first row that is not the header, or no header (`csv-header`); a header written in the
 *   other dialect ends the pass;
 * - a convention id that names no convention of @p list (`unknown-convention`), an indicator id
 *   that names no indicator of that convention (`unknown-indicator`);
 * - a year that is not four digits within the range (`bad-year`);
 * - a row for a year outside the convention's years (or any year while they are unset) that
 *   would change a value (`csv-year-outside`): rows that only repeat what is recorded, as an
 *   export writes them, are accepted;
 * - a target or actual that is not a number of the dialect, or out of the range of a decimal
 *   (`bad-number`; the message gives the form expected);
 * - a unit other than the indicator's (`unit-differs`);
 * - a second row for the same convention, indicator and year (`duplicate-row`);
 * - more than #SNPLP_CSV_MAX_ERRORS errors: the rest is not checked (`csv-too-many-errors`).
 *
 * All findings are errors, in the order of the input. When there is none, every row is
 * applied; otherwise no convention is changed. Applying cannot fail halfway: what it needs is
 * allocated first, and out of memory leaves every convention as it was.
 *
 * @param list the conventions the rows name (the list itself is not changed).
 * @param diags receives every finding (appended; may be NULL to discard them).
 * @param data the bytes (may be NULL when @p size is 0).
 * @param size their number.
 * @param name a name for the input in the thread's last error message (may be NULL).
 * @param dialect the dialect.
 * @return #SNPLP_OK (every row applied); #SNPLP_EPARSE (at least one finding: nothing
 *         changed; the thread's last error message repeats the first one, with its line and
 *         column); #SNPLP_EINVAL (NULL @p list, NULL @p data with a size, unknown dialect);
 *         #SNPLP_ENOMEM (nothing changed; findings added so far stay); #SNPLP_EINTERNAL (ICU
 *         failed).
 */
SNPLP_API int snplp_csv_import_memory(snplp_convention_list *list, snplp_diagnostics *diags,
                                      const void *data, size_t size, const char *name,
                                      snplp_csv_dialect dialect);

/**
 * @brief Imports indicator values from the file at @p path (contract of
 *        snplp_csv_import_memory(); the path names the input in messages).
 * @return as snplp_csv_import_memory(), and #SNPLP_EIO when the file cannot be opened or read
 *         (a `csv-io` finding; nothing changed); #SNPLP_EINVAL for a NULL @p path.
 */
SNPLP_API int snplp_csv_import_file(snplp_convention_list *list, snplp_diagnostics *diags,
                                    const char *path, snplp_csv_dialect dialect);

/**
 * @brief Imports indicator values from what @p read delivers (contract of
 *        snplp_csv_import_memory()).
 * @return as snplp_csv_import_memory(), and #SNPLP_EIO when @p read fails (returns a negative
 *         value, or more bytes than asked: a `csv-io` finding; nothing changed); #SNPLP_EINVAL
 *         for a NULL @p read.
 */
SNPLP_API int snplp_csv_import_callback(snplp_convention_list *list, snplp_diagnostics *diags,
                                        snplp_read_fn read, void *user, const char *name,
                                        snplp_csv_dialect dialect);

SNPLP_END_DECLS

#endif
