/* report.h: the annual execution reports (snplp_date in and out: see date.i).
 * No typemap of its own: those of common.i apply. */
%include <snplp/report.h>
