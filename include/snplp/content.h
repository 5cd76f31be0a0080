/**
 * @file content.h
 * @brief A content item (contenu) of a competence: a bullet, a numbered entry or a heading,
 *        with nested items to any depth.
 *
 * A numbered item's number is its position among its numbered siblings; a heading groups the
 * items nested under it (it may have none).
 */
#ifndef SNPLP_CONTENT_H
#define SNPLP_CONTENT_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief How a content item is presented. Values are part of the ABI. */
typedef enum snplp_style {
    SNPLP_STYLE_BULLET = 1,   /**< an item of a bulleted list */
    SNPLP_STYLE_NUMBERED = 2, /**< an item of a numbered list */
    SNPLP_STYLE_HEADING = 3   /**< a heading over the items nested under it */
} snplp_style;

/** @brief The name of a style: "bullet", "numbered" or "heading" ("unknown" otherwise). */
SNPLP_API const char *snplp_style_name(snplp_style style);

/** @brief The id (NULL for NULL). Borrowed: valid as long as the referential. */
SNPLP_API const char *snplp_content_id(const snplp_content *content);
/** @brief The referential that owns it (NULL for NULL). */
SNPLP_API snplp_referential *snplp_content_referential(const snplp_content *content);
/** @brief The competence whose content this item is part of, at any depth (NULL for NULL). */
SNPLP_API snplp_competence *snplp_content_competence(const snplp_content *content);
/** @brief The item this one is nested in, NULL for a top-level item (or for NULL). */
SNPLP_API snplp_content *snplp_content_parent(const snplp_content *content);

/** @brief The text (NULL for NULL). Borrowed: valid until the text changes. */
SNPLP_API const char *snplp_content_text(const snplp_content *content);
/** @brief Sets the text (contract of snplp_strategy_set_title(); NULL is #SNPLP_EINVAL). */
SNPLP_API int snplp_content_set_text(snplp_content *content, const char *text);

/** @brief The style (0 for NULL). */
SNPLP_API snplp_style snplp_content_style(const snplp_content *content);
/** @brief Sets the style. @return #SNPLP_OK, #SNPLP_EINVAL (NULL object, unknown style). */
SNPLP_API int snplp_content_set_style(snplp_content *content, snplp_style style);

/** @brief Appends an item nested in this one (contract of snplp_referential_add_commitment();
 *         #SNPLP_EINVAL for an unknown @p style). */
SNPLP_API int snplp_content_add_child(snplp_content **out, snplp_content *content, const char *id,
                                      snplp_style style, const char *text);
/** @brief The number of items nested directly in this one. */
SNPLP_API size_t snplp_content_child_count(const snplp_content *content);
/** @brief The nested item at @p index, NULL if out of range. */
SNPLP_API snplp_content *snplp_content_child_at(const snplp_content *content, size_t index);

SNPLP_END_DECLS

#endif
