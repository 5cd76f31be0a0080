/* csv_records.h: workers and attendance from CSV into training records (1.4).
 *   snplp_csv_import_workers_memory(records, diags, data, name, dialect)    -> status
 *   snplp_csv_import_workers_file(records, diags, path, dialect)            -> status
 *   snplp_csv_import_workers_callback(records, diags, read, name, dialect)  -> status
 *   snplp_csv_import_attendance_*: the same for attendance.
 *   snplp_csv_export_coverage_memory(table, dialect)          -> (status, bytes or None)
 *   snplp_csv_export_coverage_callback(table, dialect, write) -> status
 *   snplp_csv_export_coverage_file(table, dialect, path)      -> status
 * Callables and exceptions as in csv.i; the GIL is released during every import and export. */
%thread snplp_csv_import_workers_memory;
%thread snplp_csv_import_workers_file;
%thread snplp_csv_import_workers_callback;
%thread snplp_csv_import_attendance_memory;
%thread snplp_csv_import_attendance_file;
%thread snplp_csv_import_attendance_callback;
%thread snplp_csv_export_coverage_memory;
%thread snplp_csv_export_coverage_callback;
%thread snplp_csv_export_coverage_file;
%include <snplp/csv_records.h>
