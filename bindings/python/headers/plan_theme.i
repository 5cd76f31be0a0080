/* plan_theme.h: the themes of another plan.
 * No typemap of its own: those of common.i apply. */
%include <snplp/plan_theme.h>
