/**
 * @file profession.h
 * @brief A profession targeted by the training plan (assistant de service social, éducateur
 *        spécialisé...) or a cadre role (chef de service...).
 *
 * Created with snplp_referential_add_profession(); modules link to professions by id
 * (snplp_module_add_profession()).
 */
#ifndef SNPLP_PROFESSION_H
#define SNPLP_PROFESSION_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief Whether a profession is a social-work profession or a cadre role. ABI values. */
typedef enum snplp_category {
    SNPLP_CATEGORY_WORKER = 1, /**< a social worker's profession (travailleur social) */
    SNPLP_CATEGORY_CADRE = 2   /**< a cadre role of the social sector (cadre) */
} snplp_category;

/** @brief The name of a category: "worker" or "cadre" ("unknown" otherwise). */
SNPLP_API const char *snplp_category_name(snplp_category category);

/** @brief The id (NULL for NULL). Borrowed: valid as long as the referential. */
SNPLP_API const char *snplp_profession_id(const snplp_profession *profession);
/** @brief The referential that owns it (NULL for NULL). */
SNPLP_API snplp_referential *snplp_profession_referential(const snplp_profession *profession);

/** @brief The title, e.g. "assistants de service social" (NULL for NULL). Borrowed. */
SNPLP_API const char *snplp_profession_title(const snplp_profession *profession);
/** @brief Sets the title (contract of snplp_strategy_set_title(); NULL is #SNPLP_EINVAL). */
SNPLP_API int snplp_profession_set_title(snplp_profession *profession, const char *title);

/** @brief The abbreviation, e.g. "ASS", NULL if not set. Borrowed. */
SNPLP_API const char *snplp_profession_abbreviation(const snplp_profession *profession);
/** @brief Sets the abbreviation; NULL unsets it (contract of snplp_strategy_set_title()). */
SNPLP_API int snplp_profession_set_abbreviation(snplp_profession *profession,
                                                const char *abbreviation);

/** @brief The category (0 for NULL). */
SNPLP_API snplp_category snplp_profession_category(const snplp_profession *profession);
/** @brief Sets the category. @return #SNPLP_OK, #SNPLP_EINVAL (NULL object, unknown value). */
SNPLP_API int snplp_profession_set_category(snplp_profession *profession, snplp_category category);

SNPLP_END_DECLS

#endif
