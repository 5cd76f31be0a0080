/* plan.h: the other plans of the strategy.
 * No typemap of its own: those of common.i apply. */
%include <snplp/plan.h>
