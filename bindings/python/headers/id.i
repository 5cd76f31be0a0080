/* id.h: the shape of item ids.
 * No typemap of its own: those of common.i apply. */
%include <snplp/id.h>
