/* content.h: the content items of a competence.
 * No typemap of its own: those of common.i apply. */
%include <snplp/content.h>
