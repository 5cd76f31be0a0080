/* theme.h: the priority themes of the training plan.
 * No typemap of its own: those of common.i apply. */
%include <snplp/theme.h>
