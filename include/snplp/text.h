/**
 * @file text.h
 * @brief French-aware text handling with ICU: collation for sorting, folding for search.
 *
 * All text crossing the API is UTF-8. Text stored in a referential is NFC-normalized; invalid
 * UTF-8, and characters that XML 1.0 forbids (C0 controls other than tab, line feed and
 * carriage return; U+FFFE, U+FFFF), are refused with #SNPLP_EENCODING.
 *
 * Sorting uses ICU's French collation (locale "fr"): "cote" < "coté" < "côte" < "côté";
 * accents are a secondary difference and case a tertiary one, so "Éducateur" sorts next to
 * "educateur". The collator is opened once per process and shared (ICU's const collation
 * functions are thread-safe).
 */
#ifndef SNPLP_TEXT_H
#define SNPLP_TEXT_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/**
 * @brief Compares two UTF-8 strings in French collation order.
 *
 * Usable as the core of a qsort() comparator. NULL sorts before every string. Invalid UTF-8
 * is compared as if each bad byte were U+FFFD.
 *
 * @return a negative number, 0 or a positive number as @p a sorts before, equal to, or after
 *         @p b (-1, 0 or 1).
 */
SNPLP_API int snplp_text_compare(const char *a, const char *b);

/**
 * @brief Computes the order that sorts @p count strings in French collation order.
 *
 * The sort is stable: equal strings keep their relative order. This sorts any listing: gather
 * the titles of the items, call this, and visit the items in @p out_order.
 *
 * @param[out] out_order an array of @p count indexes the caller provides; receives a
 *             permutation of 0..count-1 such that texts[out_order[0]] sorts first.
 * @param texts the strings (none may be NULL).
 * @param count the number of strings; 0 is valid (nothing is written).
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL array with count > 0, or a NULL string),
 *         #SNPLP_EENCODING (a string is not valid UTF-8), #SNPLP_ENOMEM, #SNPLP_EINTERNAL.
 *         On failure @p out_order is left unspecified.
 */
SNPLP_API int snplp_text_sort(size_t *out_order, const char *const *texts, size_t count);

/**
 * @brief Folds a text for search: decomposed (NFKD), accents removed, case-folded, ligatures
 *        œ and æ spelled out, and everything that is not a letter or a digit removed.
 *
 * "L'insertion socio-professionnelle" and "INSERTION SOCIO PROFESSIONNELLE" both fold to
 * "linsertionsocioprofessionnelle" and "insertionsocioprofessionnelle".
 *
 * @param[out] out receives the folded UTF-8 string, owned by the caller (snplp_free()).
 * @param text the UTF-8 text to fold.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL argument), #SNPLP_EENCODING, #SNPLP_ENOMEM,
 *         #SNPLP_EINTERNAL.
 */
SNPLP_API int snplp_text_fold(char **out, const char *text);

SNPLP_END_DECLS

#endif
