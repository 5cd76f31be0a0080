/* competence.h: the competences of a module.
 * No typemap of its own: those of common.i apply. */
%include <snplp/competence.h>
