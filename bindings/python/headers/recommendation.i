/* recommendation.h: the pedagogical recommendations.
 * No typemap of its own: those of common.i apply. */
%include <snplp/recommendation.h>
