/* lheo.h: training offers as LHEO 2.3 documents (1.5).
 *   snplp_lheo_options_new()                                     -> (status, options or None)
 *   snplp_lheo_export_memory(catalogue, records, diags, options) -> (status, bytes or None)
 *   snplp_lheo_export_file(catalogue, records, path, diags, options)      -> status
 *   snplp_lheo_export_callback(catalogue, records, write, diags, options) -> status
 *       write(data: bytes), its return value ignored (common.i)
 * records, diags and options may be None (NULL). SNPLP_EVALIDATION: no document was written,
 * diags says why. The GIL is released during every export. */
%thread snplp_lheo_export_memory;
%thread snplp_lheo_export_file;
%thread snplp_lheo_export_callback;
%include <snplp/lheo.h>
