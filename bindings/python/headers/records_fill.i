/* records_fill.h: indicators computed from training records (1.4).
 *   snplp_convention_fill_from_records(conv, records, ref, diags) -> status
 * The GIL is released during the fill. (The indicator's measure and filters are in
 * indicator.h, bound by indicator.i.) */
%thread snplp_convention_fill_from_records;
%include <snplp/records_fill.h>
