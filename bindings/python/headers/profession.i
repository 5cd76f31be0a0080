/* profession.h: the targeted professions and cadre roles.
 * No typemap of its own: those of common.i apply. */
%include <snplp/profession.h>
