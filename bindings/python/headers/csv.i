/* csv.h: indicator values of conventions as CSV.
 *
 *   snplp_csv_export_memory(list, dialect)                   -> (status, bytes or None)
 *   snplp_csv_export_callback(list, dialect, write)          -> status
 *   snplp_csv_export_file(list, dialect, path)               -> status
 *   snplp_csv_import_memory(list, diags, data, name, dialect) -> status
 *   snplp_csv_import_file(list, diags, path, dialect)        -> status
 *   snplp_csv_import_callback(list, diags, read, name, dialect) -> status
 *
 * Callables and exceptions as in xml.i; the GIL is released during every import and export. */
%thread snplp_csv_export_memory;
%thread snplp_csv_export_callback;
%thread snplp_csv_export_file;
%thread snplp_csv_import_memory;
%thread snplp_csv_import_file;
%thread snplp_csv_import_callback;

%include <snplp/csv.h>
