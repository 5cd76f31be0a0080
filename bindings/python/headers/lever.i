/* lever.h: the levers of the strategy.
 * No typemap of its own: those of common.i apply. */
%include <snplp/lever.h>
