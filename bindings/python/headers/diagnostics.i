/* diagnostics.h: the lists of findings (the entries are borrowed snplp_diagnostic pointers).
 * No typemap of its own: those of common.i apply. */
%include <snplp/diagnostics.h>
