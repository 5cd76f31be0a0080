/* training_plan.h: the training plan (double *out: a float).
 * No typemap of its own: those of common.i apply. */
%include <snplp/training_plan.h>
