/* territory.h: the territories that sign conventions.
 * No typemap of its own: those of common.i apply. */
%include <snplp/territory.h>
