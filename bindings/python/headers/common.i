/* common.h: the opaque object types, the kinds of items and the fields of search hits.
 * Objects are SWIG pointers of their C type (snplp_referential *...) that Python does not
 * own; None is NULL. `T **out` parameters are outputs (common.i). */
%include <snplp/common.h>
