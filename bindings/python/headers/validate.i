/* validate.h: validation of a referential; the GIL is released during the call. */
%thread snplp_referential_validate;
%include <snplp/validate.h>
