/**
 * @file search.h
 * @brief Accent-, case- and punctuation-insensitive search over a referential's texts.
 *
 * The query and every text are folded as snplp_text_fold() does (so "insertion
 * socioprofessionnelle", "INSERTION SOCIO PROFESSIONNELLE" and "l'insertion
 * socio-professionnelle" are alike), each word also made singular by a French rule
 * (-eaux/-eau, -aux/-al, a final -s or -x: "éducateur spécialisé" finds "éducateurs
 * spécialisés", docs/text.md), then matched as substrings. The texts searched are every
 * text field of every item: titles, subtitles, descriptions, audience and role texts, the
 * texts of objectives, outcomes, recommendations and content items, alternative labels,
 * abbreviations, funding wordings. The folded forms are computed once per referential (on the
 * first search after a change), not once per query.
 *
 * Results are one hit per item, in document order (referential.h), with the kind and id of the
 * item and the first field that matched.
 */
#ifndef SNPLP_SEARCH_H
#define SNPLP_SEARCH_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/**
 * @brief Searches the referential.
 *
 * Safe to call from several threads at once on the same referential if none modifies it.
 *
 * @param[out] out receives the results, owned by the caller (snplp_search_results_free()); they
 *             copy the ids and stay valid after the referential is freed.
 * @param ref the referential.
 * @param query the text to look for; it must hold at least one letter or digit.
 * @return #SNPLP_OK (possibly with no hit), #SNPLP_EINVAL (NULL argument, or a query with no
 *         letter or digit), #SNPLP_EENCODING, #SNPLP_ENOMEM, #SNPLP_EINTERNAL.
 */
SNPLP_API int snplp_referential_search(snplp_search_results **out, const snplp_referential *ref,
                                       const char *query);

/** @brief Frees search results. NULL is a no-op. */
SNPLP_API void snplp_search_results_free(snplp_search_results *results);

/** @brief The number of hits (0 for NULL). */
SNPLP_API size_t snplp_search_results_count(const snplp_search_results *results);

/** @brief The hit at @p index, NULL if out of range. Owned by the results. */
SNPLP_API const snplp_search_hit *snplp_search_results_at(const snplp_search_results *results,
                                                          size_t index);

/** @brief The kind of the item hit (#SNPLP_KIND_NONE for NULL). */
SNPLP_API snplp_kind snplp_search_hit_kind(const snplp_search_hit *hit);

/** @brief The id of the item hit (NULL for NULL). Borrowed from the results. */
SNPLP_API const char *snplp_search_hit_id(const snplp_search_hit *hit);

/** @brief The first field of the item that matched (#SNPLP_FIELD_NONE for NULL). */
SNPLP_API snplp_field snplp_search_hit_field(const snplp_search_hit *hit);

SNPLP_END_DECLS

#endif
