/* extension.h: extension elements and foreign attributes.
 *
 *   snplp_referential_foreign_attribute_at(ref, item_id, index)
 *       -> (status, ns, prefix, name, value): four str, all None when the call failed
 *   snplp_convention_foreign_attribute_at(conv, item_id, index): the same
 */

%typemap(in, numinputs=0) const char ** (const char *tstr = NULL) {
  $1 = ($1_ltype)&tstr;
}
%typemap(argout) const char ** {
  SNPLP_PY_APPEND($result, SNPLP_PY_OK ? snplp_py_from_cstr(*$1) : snplp_py_none());
}

%include <snplp/extension.h>
