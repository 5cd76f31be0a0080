/* convention_list.h: lists of conventions. snplp_convention_list_synthesis(list,
 * threshold_percent, diags) -> (status, matrix): threshold_percent is a (units, scale) tuple
 * or None; the GIL is released during the synthesis. */
%thread snplp_convention_list_synthesis;
%include <snplp/convention_list.h>
