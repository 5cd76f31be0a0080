/* offer.h: what a training body states about a module it offers, for LHEO (1.5).
 *   snplp_module_offer_code(module, which)              -> int, -1 when not set
 *   snplp_module_set_offer_code(module, which, code)    -> status (-1 unsets)
 *   snplp_module_offer_text(module, which)              -> str or None
 *   snplp_module_set_offer_text(module, which, text)    -> status (None unsets)
 *   snplp_offer_code_label(which, code)                 -> str or None (not in the table)
 * The enumerations snplp_offer_code and snplp_offer_text are ints (SNPLP_OFFER_PATH...).
 * No typemap of its own: those of common.i apply. */
%include <snplp/offer.h>
