/**
 * @file csv_records.h
 * @brief Importing workers and attendance into training records from CSV (RFC 4180), and
 *        exporting a coverage table, in the dialects of csv.h (since 1.4).
 *
 * HR and training software export their workforce and their attendance sheets as CSV: these
 * imports read such files into a #snplp_records (records.h). The format is described in
 * docs/records.md ("CSV"). A file holds a header row naming its columns, in any order, then one
 * row per worker or per attendance:
 *
 *     id,profession,employer,territory,from,until,diploma-level,unit
 *     worker,session,status,days
 *
 * The first five columns of a workers file and the first three of an attendance file are
 * required; the others may be left out of the header, or left empty on a row. Dates are ISO
 * 8601 ("2024-09-01"), days are numbers of the dialect ("6.5" or "6,5"), statuses are the names
 * of snplp_attendance_status_name() ("attended").
 *
 * Reading is that of snplp_csv_import_memory() (csv.h): UTF-8 with or without a byte-order mark,
 * CRLF, LF or CR line ends, RFC 4180 quoting, blank rows skipped, no white space trimmed, the
 * same limits acting while the bytes come (#SNPLP_CSV_MAX_FIELD per field, #SNPLP_CSV_MAX_ERRORS
 * findings) and, in addition, at most #SNPLP_CSV_MAX_ROWS rows, so that an input that never ends
 * stops.
 *
 * **All or nothing.** Every row is checked and every problem reported in one pass, each as an
 * error finding with its line and column (as csv.h counts them) and, as item id, the worker's id
 * when the row gives a well-formed one. If anything is wrong, the records are not changed at
 * all; otherwise every row is applied. Applying cannot fail halfway: everything it needs is
 * allocated first, and out of memory leaves the records as they were.
 *
 * **Workers.** A row whose id names no record adds a worker, in the order of the file. A row
 * whose id names a worker of the records **updates** that worker: the required fields replace
 * its values, a non-empty optional field replaces its value, an empty or absent one leaves it as
 * it is (so importing the same export twice changes nothing, and a file may carry only the
 * workers that changed; a diploma level, unit or last day cannot be removed through CSV). An id
 * that names a record of another kind (an employer...) is refused, and so is a second row for
 * the same id. The employer must be an employer of the records; the profession is checked for
 * its shape, and must be a declared profession if it names a record of the records (whether it
 * names a profession of the referential is a finding of snplp_records_validate(), which has the
 * referential).
 *
 * **Attendance.** Each row names a worker and a session of the records. A row for a worker and
 * a session that have no attendance record yet adds one, in the order of the file; a row for a
 * pair that has one **updates** it (its status, and its days when the field is not empty); a
 * pair with several attendance records in the records is refused as ambiguous, and so is a
 * second row for the same pair.
 *
 * **Coverage.** A coverage table (coverage.h) is exported as one row per row of the table, with
 * the columns of its axes then its figures (snplp_csv_export_coverage_memory()).
 *
 * Thread safety: an import changes the records and must have them to itself (records.h); an
 * export only reads the table. Nothing depends on the process locale.
 */
#ifndef SNPLP_CSV_RECORDS_H
#define SNPLP_CSV_RECORDS_H

#include <snplp/common.h>
#include <snplp/coverage.h>
#include <snplp/csv.h>
#include <snplp/records.h>

SNPLP_BEGIN_DECLS

/** @brief The most rows (blank ones and the header included) an import of records reads:
 *         the next one ends the pass with the diagnostic "csv-too-many-rows". @since 1.4 */
#define SNPLP_CSV_MAX_ROWS 10000000

/**
 * @brief Imports workers from @p size bytes at @p data into @p records.
 *
 * Columns (docs/records.md): `id` (the worker's pseudonymous id), `profession` (a profession
 * id), `employer` (an employer of the records), `territory` (an official code, shapes of
 * snplp_records_add_employer()), `from` (the first day in the workforce), all required; `until`
 * (the last day, not before `from`), `diploma-level` (one digit, 1 to 8), `unit` (a text),
 * optional.
 *
 * Every problem is an error diagnostic (docs/diagnostics.md), with its line and column:
 * - reading (as snplp_csv_import_memory()): `csv-io`, `csv-encoding`, `csv-syntax`,
 *   `csv-field-too-long`, `csv-too-many-errors`; more than #SNPLP_CSV_MAX_ROWS rows
 *   (`csv-too-many-rows`, the rest is not read);
 * - the header: no header, an unknown column, a column named twice, a required column missing,
 *   a header in the other dialect (fatal) (`csv-header`); a row without as many fields as the
 *   header (`csv-field-count`);
 * - a required field empty, or a unit only of white space (`missing-value`);
 * - a malformed id (`bad-id`), a date that is not "YYYY-MM-DD" naming a real day (`bad-date`),
 *   a territory code of no accepted shape (`bad-territory`), a diploma level that is not 1 to 8
 *   (`bad-diploma-level`), a last day before the first (`until-before-from`);
 * - an employer that is not an employer of the records, a profession that names a record of
 *   another kind (`unknown-record`); an id already used by a record of another kind
 *   (`id-taken`); a second row for the same id (`duplicate-row`).
 *
 * @param records the records (not frozen).
 * @param diags receives every finding (appended; may be NULL to discard them).
 * @param data the bytes (may be NULL when @p size is 0).
 * @param size their number.
 * @param name a name for the input in the thread's last error message (may be NULL).
 * @param dialect #SNPLP_CSV_INTL or #SNPLP_CSV_FR.
 * @return #SNPLP_OK (every row applied); #SNPLP_EPARSE (at least one finding: nothing changed;
 *         the thread's last error message repeats the first, with its line and column);
 *         #SNPLP_EINVAL (NULL or non-records @p records, NULL @p data with a size, unknown
 *         dialect); #SNPLP_EFROZEN; #SNPLP_ENOMEM (nothing changed; findings added so far stay);
 *         #SNPLP_EINTERNAL (ICU failed).
 * @since 1.4
 */
SNPLP_API int snplp_csv_import_workers_memory(snplp_records *records, snplp_diagnostics *diags,
                                              const void *data, size_t size, const char *name,
                                              snplp_csv_dialect dialect);

/**
 * @brief Imports workers from the file at @p path (contract of
 *        snplp_csv_import_workers_memory(); the path names the input in messages).
 * @return as snplp_csv_import_workers_memory(), and #SNPLP_EIO when the file cannot be opened
 *         or read (a `csv-io` finding; nothing changed); #SNPLP_EINVAL for a NULL @p path.
 * @since 1.4
 */
SNPLP_API int snplp_csv_import_workers_file(snplp_records *records, snplp_diagnostics *diags,
                                            const char *path, snplp_csv_dialect dialect);

/**
 * @brief Imports workers from what @p read delivers (contract of
 *        snplp_csv_import_workers_memory()).
 * @return as snplp_csv_import_workers_memory(), and #SNPLP_EIO when @p read fails (a `csv-io`
 *         finding; nothing changed); #SNPLP_EINVAL for a NULL @p read.
 * @since 1.4
 */
SNPLP_API int snplp_csv_import_workers_callback(snplp_records *records, snplp_diagnostics *diags,
                                                snplp_read_fn read, void *user, const char *name,
                                                snplp_csv_dialect dialect);

/**
 * @brief Imports attendance from @p size bytes at @p data into @p records.
 *
 * Columns (docs/records.md): `worker` (a worker of the records), `session` (a session of the
 * records), `status` (`registered`, `attended`, `partial`, `absent` or `cancelled`), required;
 * `days` (the days attended: a number of the dialect, 0 or more), optional.
 *
 * Findings: those of reading and of the header (snplp_csv_import_workers_memory()); a required
 * field empty (`missing-value`); a malformed id (`bad-id`); a worker or session that is not one
 * of the records (`unknown-record`); an unknown status (`bad-status`); days that are not a
 * number of the dialect (`bad-number`) or below 0 (`bad-days`); a second row for the same worker
 * and session (`duplicate-row`); a worker and session with several attendance records already
 * (`ambiguous-update`). The item id of a finding is the row's worker id when well-formed.
 *
 * @return as snplp_csv_import_workers_memory().
 * @since 1.4
 */
SNPLP_API int snplp_csv_import_attendance_memory(snplp_records *records, snplp_diagnostics *diags,
                                                 const void *data, size_t size, const char *name,
                                                 snplp_csv_dialect dialect);

/**
 * @brief Imports attendance from the file at @p path (contract of
 *        snplp_csv_import_attendance_memory()).
 * @return as snplp_csv_import_workers_file().
 * @since 1.4
 */
SNPLP_API int snplp_csv_import_attendance_file(snplp_records *records, snplp_diagnostics *diags,
                                               const char *path, snplp_csv_dialect dialect);

/**
 * @brief Imports attendance from what @p read delivers (contract of
 *        snplp_csv_import_attendance_memory()).
 * @return as snplp_csv_import_workers_callback().
 * @since 1.4
 */
SNPLP_API int snplp_csv_import_attendance_callback(snplp_records *records, snplp_diagnostics *diags,
                                                   snplp_read_fn read, void *user, const char *name,
                                                   snplp_csv_dialect dialect);

/**
 * @brief Exports a coverage table to memory as CSV.
 *
 * The header row names the columns: first those of the table's axes, in this order, `theme`,
 * `plan`, `profession`, `territory` (only the axes it is grouped by), then `workforce`,
 * `trained`, `rate`, `days`, `days-unknown`. Then one row per row of the table, in its order:
 * the ids and code of the row, the workforce in scope and the workers trained (whole numbers),
 * the rate in percent (a number of the dialect with two decimals, "12.50" or "12,50"; an empty
 * field when the row has no workforce, never 0), the training days known (a number of the
 * dialect with its scale) and the number of attendance records whose days are unknown. Line
 * ends are CRLF; the fr dialect starts with a UTF-8 byte-order mark; fields are quoted as
 * snplp_csv_export_memory() quotes them. The list of the workers with no training is not part
 * of the table (snplp_coverage_untrained_at()). Deterministic: the same table gives the same
 * bytes.
 *
 * @param[out] out receives the text, NUL-terminated, to free with snplp_free().
 * @param[out] size receives its size in bytes (without the NUL); may be NULL.
 * @param coverage the table (snplp_records_coverage()).
 * @param dialect #SNPLP_CSV_INTL or #SNPLP_CSV_FR.
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL @p out or @p coverage, unknown dialect);
 *         #SNPLP_ENOMEM; #SNPLP_EINTERNAL (ICU failed). @p out is unchanged on failure.
 * @since 1.4
 */
SNPLP_API int snplp_csv_export_coverage_memory(char **out, size_t *size,
                                               const snplp_coverage *coverage,
                                               snplp_csv_dialect dialect);

/**
 * @brief Exports a coverage table as snplp_csv_export_coverage_memory() through @p write, in
 *        pieces.
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL @p coverage or @p write, unknown dialect); #SNPLP_EIO
 *         (@p write failed: nothing more is written); #SNPLP_ENOMEM; #SNPLP_EINTERNAL.
 * @since 1.4
 */
SNPLP_API int snplp_csv_export_coverage_callback(const snplp_coverage *coverage,
                                                 snplp_csv_dialect dialect, snplp_write_fn write,
                                                 void *user);

/**
 * @brief Exports a coverage table as snplp_csv_export_coverage_memory() to the file at
 *        @p path, atomically (as snplp_csv_export_file()).
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL argument, empty path, unknown dialect); #SNPLP_EIO;
 *         #SNPLP_ENOMEM.
 * @since 1.4
 */
SNPLP_API int snplp_csv_export_coverage_file(const snplp_coverage *coverage,
                                             snplp_csv_dialect dialect, const char *path);

SNPLP_END_DECLS

#endif
