/* diagnostics.h: the lists of findings (the entries are borrowed snplp_diagnostic pointers).
 * No typemap of its own: those of common.i apply. The structured findings (1.6):
 *
 *   snplp_diagnostic_message_id(d)             -> "lheo-left-out/no-body", or None
 *   snplp_diagnostic_param_type(d, 0)          -> SNPLP_PARAM_ID (an int)
 *   snplp_diagnostic_render(d, SNPLP_LANGUAGE_FR) -> (0, "la formation n’a pas ..."); the C
 *       buffer is freed by the wrapper (char **out, common.i)
 *
 * The borrowed strings (messages, parameters) are copied into str at once: a list's messages
 * are rendered again when its language changes. language.i comes first (the enumeration
 * snplp_language). */
%include <snplp/diagnostics.h>
