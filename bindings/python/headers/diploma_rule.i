/* diploma_rule.h: the diploma-level rules (int *out: an int).
 * No typemap of its own: those of common.i apply. */
%include <snplp/diploma_rule.h>
