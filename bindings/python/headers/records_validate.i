/* records_validate.h: the rules of training records (1.4).
 *   snplp_records_validate(records, ref, diags) -> status
 * The GIL is released during the validation. */
%thread snplp_records_validate;
%include <snplp/records_validate.h>
