/* funding.h: the funding lines (int64_t *out: an int).
 * No typemap of its own: those of common.i apply. */
%include <snplp/funding.h>
