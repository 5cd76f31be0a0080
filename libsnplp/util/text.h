/* Internal: UTF-8 checks, NFC normalization and folding with ICU. */
#ifndef SNPLP_UTIL_TEXT_H
#define SNPLP_UTIL_TEXT_H

#include <snplp/text.h>

/* Where a text comes from: a caller (every check is made) or a parser that has checked it
 * already (libxml2 gives valid UTF-8 of XML characters only: only its normalization is left to
 * check). The XML reader passes SNPLP_TEXT_CHECKED down to the model's internal functions. */
typedef enum snplp_text_origin { SNPLP_TEXT_UNCHECKED, SNPLP_TEXT_CHECKED } snplp_text_origin;

/* Checks that in is valid UTF-8 with only characters XML 1.0 allows, and copies it
 * NFC-normalized into a counted allocation. *changed (if not NULL) tells whether the
 * normalization changed the text. Records the error (SNPLP_EENCODING, SNPLP_ENOMEM...) for the
 * public function fn (NULL: the message names none), naming the text `what` in it (NULL:
 * none): "fn: the what: invalid UTF-8 at byte 3". */
int snplp__text_copy(char **out, const char *in, bool *changed, snplp_text_origin origin,
                     const char *fn, const char *what);

/* True for NULL, "" and text made only of white space. */
bool snplp__text_is_blank(const char *s);
/* The search form of a text (docs/text.md): snplp_text_fold() applied word by word, each word
 * made singular by the French rule (-eaux -> -eau and -aux -> -al on words of five letters or
 * more, else a final -s or -x dropped on words of three or more), the words then joined. Failures
 * as snplp_text_fold()'s. */
int snplp__text_search_form(char **out, const char *text);
/* The search form of text into *buf (of *cap bytes, NULL and 0 at first; grown as needed, kept
 * for the next text: the caller frees it), for a caller that folds many texts. */
int snplp__text_search_form_into(char **buf, size_t *cap, const char *text);
/* The folding of snplp_text_fold() (words false) or of the search form before its singulars
 * (words true: what separates words becomes one space) done by ICU alone, without the table of
 * the common characters that the library uses first: for the tests that compare both. */
int snplp__text_fold_icu(char **out, const char *text, bool words);

/* The length in bytes of the longest prefix of the UTF-8 text s (n bytes, valid) that holds at
 * most max_chars characters (code points) and ends where ICU's French line-break rules allow a
 * break, without the white space before it; n itself when the text holds at most max_chars
 * characters. *cut tells whether the text was cut. A first word longer than max_chars is cut
 * after its max_chars-th character. */
size_t snplp__text_cut(const char *s, size_t n, size_t max_chars, bool *cut);
#endif
