/* convention.h: conventions (CALPAE).
 * snplp_convention_funding(conv, year) -> (status, state_cents, own_cents);
 * snplp_convention_signature_date(conv) -> (status, (year, month, day));
 * snplp_convention_validate(conv, at, diags): at is a (year, month, day) tuple or None; the
 * GIL is released during the validation. */
%thread snplp_convention_validate;
%include <snplp/convention.h>
