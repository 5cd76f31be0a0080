/* strategy.h: the strategy (int64_t *out: an int).
 * No typemap of its own: those of common.i apply. */
%include <snplp/strategy.h>
