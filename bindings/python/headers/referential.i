/* referential.h: the referential, root object of a model (T **out: the object or None).
 * No typemap of its own: those of common.i apply. */
%include <snplp/referential.h>
