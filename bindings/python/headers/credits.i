/* credits.h: the release of a year's credits (snplp_date by value: see date.i).
 * No typemap of its own: those of common.i apply. */
%include <snplp/credits.h>
