/**
 * @file competence.h
 * @brief A competence (compétence) that a module develops, with its content.
 *
 * The content is an ordered tree of content items (content.h): the competence holds the
 * top-level items, each item may hold nested items to any depth.
 */
#ifndef SNPLP_COMPETENCE_H
#define SNPLP_COMPETENCE_H

#include <snplp/common.h>
#include <snplp/content.h>

SNPLP_BEGIN_DECLS

/** @brief The id (NULL for NULL). Borrowed: valid as long as the referential. */
SNPLP_API const char *snplp_competence_id(const snplp_competence *competence);
/** @brief The referential that owns it (NULL for NULL). */
SNPLP_API snplp_referential *snplp_competence_referential(const snplp_competence *competence);
/** @brief The module the competence belongs to (NULL for NULL). */
SNPLP_API snplp_module *snplp_competence_module(const snplp_competence *competence);

/** @brief The title (NULL for NULL). Borrowed: valid until the title changes. */
SNPLP_API const char *snplp_competence_title(const snplp_competence *competence);
/** @brief Sets the title (contract of snplp_strategy_set_title(); NULL is #SNPLP_EINVAL). */
SNPLP_API int snplp_competence_set_title(snplp_competence *competence, const char *title);

/** @brief Appends a top-level content item (contract of snplp_referential_add_commitment();
 *         #SNPLP_EINVAL for an unknown @p style). */
SNPLP_API int snplp_competence_add_content(snplp_content **out, snplp_competence *competence,
                                           const char *id, snplp_style style, const char *text);
/** @brief The number of top-level content items. */
SNPLP_API size_t snplp_competence_content_count(const snplp_competence *competence);
/** @brief The top-level content item at @p index, NULL if out of range. */
SNPLP_API snplp_content *snplp_competence_content_at(const snplp_competence *competence,
                                                     size_t index);

SNPLP_END_DECLS

#endif
