/* action.h: actions of a convention and their yearly statuses.
 * No typemap of its own: those of common.i apply. */
%include <snplp/action.h>
