/* builtin.h: the built-in referential. Its construction parses the compiled-in document:
 * the GIL is released during the call. */
%thread snplp_referential_builtin;
%include <snplp/builtin.h>
