/* outcome.h: the learning outcomes.
 * No typemap of its own: those of common.i apply. */
%include <snplp/outcome.h>
