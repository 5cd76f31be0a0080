/* module.h: the training modules (double *out: a float).
 * No typemap of its own: those of common.i apply. */
%include <snplp/module.h>
