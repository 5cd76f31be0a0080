/* Internal: UTF-8 checks, NFC normalization and folding with ICU. */
#ifndef SNPLP_UTIL_TEXT_H
#define SNPLP_UTIL_TEXT_H

#include <snplp/text.h>

/* Checks that in is valid UTF-8 with only characters XML 1.0 allows, and copies it
 * NFC-normalized into a counted allocation. *changed (if not NULL) tells whether the
 * normalization changed the text. Records the error (SNPLP_EENCODING, SNPLP_ENOMEM...) for the
 * public function fn (NULL: the message names none), naming the text `what` in it (NULL:
 * none): "fn: the what: invalid UTF-8 at byte 3". */
int snplp__text_copy(char **out, const char *in, bool *changed, const char *fn, const char *what);
/* Set by the XML reader (this thread only, never while a caller's callback runs) while every
 * text the model receives comes from libxml2, which has checked it: the checks are skipped. */
extern _Thread_local bool snplp__text_trusted;

/* True for NULL, "" and text made only of white space. */
bool snplp__text_is_blank(const char *s);

#endif
