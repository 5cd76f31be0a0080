/* lheo.h: training offers as LHEO 2.3 documents (1.5).
 *   snplp_lheo_options_new()                                     -> (status, options or None)
 *   snplp_lheo_export_memory(catalogue, records, diags, options) -> (status, bytes or None)
 *   snplp_lheo_export_file(catalogue, records, path, diags, options)      -> status
 *   snplp_lheo_export_callback(catalogue, records, write, diags, options) -> status
 *       write(data: bytes), its return value ignored (common.i)
 *   snplp_lheo_import_file(diags, path, options, lheo)
 *       -> (status, catalogue or None, records or None)
 *   snplp_lheo_import_memory(diags, data, name, options, lheo)       -> the same
 *   snplp_lheo_import_callback(diags, read, name, options, lheo)     -> the same
 *       data: a bytes-like object; read(size) -> bytes, b"" at the end (common.i)
 * records, diags and options may be None (NULL). SNPLP_EVALIDATION: no document was written,
 * diags says why. The two outputs of the imports are objects Python does not own (release
 * them with snplp_referential_unref and snplp_records_unref); the progress callback of the
 * import options and a read callable that raise propagate as for the XML imports (xml.i).
 * The GIL is released during every export and import. */
%thread snplp_lheo_export_memory;
%thread snplp_lheo_export_file;
%thread snplp_lheo_export_callback;
%thread snplp_lheo_import_file;
%thread snplp_lheo_import_memory;
%thread snplp_lheo_import_callback;

/* The imports' two object outputs, as `T **out` (common.i). */
%apply SWIGTYPE **out { snplp_referential **catalogue, snplp_records **records };

%include <snplp/lheo.h>

%clear snplp_referential **catalogue, snplp_records **records;
