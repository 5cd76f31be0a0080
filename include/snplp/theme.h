/**
 * @file theme.h
 * @brief A priority theme (thématique prioritaire, orientation) of the training plan.
 *
 * A theme has a title (the most precise wording of the sources), a description (its paragraph
 * in the sources), alternative labels (the other wordings, so search finds either), its own
 * objectives and learning outcomes, the pedagogical recommendations that apply to all its
 * modules, and its modules.
 *
 * A module names its theme by id (module.h): the theme's modules are the modules that name it,
 * in the order they were added to the referential.
 */
#ifndef SNPLP_THEME_H
#define SNPLP_THEME_H

#include <snplp/common.h>
#include <snplp/module.h>

SNPLP_BEGIN_DECLS

/** @brief The id (NULL for NULL). Borrowed: valid as long as the referential. */
SNPLP_API const char *snplp_theme_id(const snplp_theme *theme);
/** @brief The referential that owns it (NULL for NULL). */
SNPLP_API snplp_referential *snplp_theme_referential(const snplp_theme *theme);

/** @brief The title (NULL for NULL). Borrowed: valid until the title changes. */
SNPLP_API const char *snplp_theme_title(const snplp_theme *theme);
/** @brief Sets the title (contract of snplp_strategy_set_title(); NULL is #SNPLP_EINVAL). */
SNPLP_API int snplp_theme_set_title(snplp_theme *theme, const char *title);

/** @brief The description, NULL if not set. Borrowed. */
SNPLP_API const char *snplp_theme_description(const snplp_theme *theme);
/** @brief Sets the description; NULL unsets it (contract of snplp_strategy_set_title()). */
SNPLP_API int snplp_theme_set_description(snplp_theme *theme, const char *description);

/** @brief Appends an alternative label; found by search.
 *  @return #SNPLP_OK, #SNPLP_EINVAL (NULL argument), #SNPLP_EENCODING, #SNPLP_ENOMEM. */
SNPLP_API int snplp_theme_add_label(snplp_theme *theme, const char *label);
/** @brief The number of alternative labels. */
SNPLP_API size_t snplp_theme_label_count(const snplp_theme *theme);
/** @brief The alternative label at @p index, NULL if out of range. Borrowed. */
SNPLP_API const char *snplp_theme_label_at(const snplp_theme *theme, size_t index);

/** @brief Appends an objective of this theme (contract of snplp_referential_add_commitment()). */
SNPLP_API int snplp_theme_add_objective(snplp_objective **out, snplp_theme *theme, const char *id,
                                        const char *text);
/** @brief The number of objectives of this theme. */
SNPLP_API size_t snplp_theme_objective_count(const snplp_theme *theme);
/** @brief The objective at @p index, NULL if out of range. */
SNPLP_API snplp_objective *snplp_theme_objective_at(const snplp_theme *theme, size_t index);

/** @brief Appends a learning outcome of this theme (contract of
 *         snplp_referential_add_commitment()). */
SNPLP_API int snplp_theme_add_outcome(snplp_outcome **out, snplp_theme *theme, const char *id,
                                      const char *text);
/** @brief The number of learning outcomes of this theme. */
SNPLP_API size_t snplp_theme_outcome_count(const snplp_theme *theme);
/** @brief The learning outcome at @p index, NULL if out of range. */
SNPLP_API snplp_outcome *snplp_theme_outcome_at(const snplp_theme *theme, size_t index);

/** @brief Appends a pedagogical recommendation that applies to all modules of this theme
 *         (contract of snplp_referential_add_commitment()). */
SNPLP_API int snplp_theme_add_recommendation(snplp_recommendation **out, snplp_theme *theme,
                                             const char *id, const char *text);
/** @brief The number of pedagogical recommendations of this theme. */
SNPLP_API size_t snplp_theme_recommendation_count(const snplp_theme *theme);
/** @brief The pedagogical recommendation at @p index, NULL if out of range. */
SNPLP_API snplp_recommendation *snplp_theme_recommendation_at(const snplp_theme *theme,
                                                              size_t index);

/** @brief Adds a module to the referential with this theme: the same as
 *         snplp_referential_add_module() with this theme's id. */
SNPLP_API int snplp_theme_add_module(snplp_module **out, snplp_theme *theme, const char *id,
                                     snplp_level level, const char *title);
/** @brief The number of modules that name this theme. */
SNPLP_API size_t snplp_theme_module_count(const snplp_theme *theme);
/** @brief The module at @p index among this theme's modules, NULL if out of range. */
SNPLP_API snplp_module *snplp_theme_module_at(const snplp_theme *theme, size_t index);

SNPLP_END_DECLS

#endif
