/* coverage.h: how much of the workforce training reached (1.4).
 *   snplp_records_coverage(records, ref, (y, m, d), (y, m, d), axes) -> (status, table or None)
 *   snplp_coverage_rate(table, row)  -> (status, (units, scale) or None)
 *   snplp_coverage_days(table, row)  -> (status, (units, scale) or None)
 * Release the table with snplp_coverage_free(). The GIL is released during the computation. */
%thread snplp_records_coverage;
%include <snplp/coverage.h>
