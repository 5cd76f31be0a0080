/* figure.h: the key figures of another plan.
 * No typemap of its own: those of common.i apply. */
%include <snplp/figure.h>
