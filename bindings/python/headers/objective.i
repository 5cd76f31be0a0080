/* objective.h: the objectives of the training plan or of a theme.
 * No typemap of its own: those of common.i apply. */
%include <snplp/objective.h>
