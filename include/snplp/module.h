/**
 * @file module.h
 * @brief A training module (module de formation) of a theme.
 *
 * A module has a level (fundamentals or expert), a title and subtitle, a priority-audience
 * text, an expected-role text (what a trained social worker is able to do), an optional
 * duration in days, prerequisite modules and profession links (by id), the pedagogical
 * recommendations specific to it, and its competences.
 *
 * References by id (theme, prerequisites, professions) may name items that do not exist yet:
 * snplp_referential_validate() reports those that are still missing, and prerequisite cycles.
 */
#ifndef SNPLP_MODULE_H
#define SNPLP_MODULE_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief The level of a module. Values are part of the ABI. */
typedef enum snplp_level {
    SNPLP_LEVEL_FUNDAMENTALS = 1, /**< "les fondamentaux" */
    SNPLP_LEVEL_EXPERT = 2        /**< module « expert »: requires mastery of the fundamentals */
} snplp_level;

/** @brief The name of a level: "fundamentals" or "expert" ("unknown" otherwise). */
SNPLP_API const char *snplp_level_name(snplp_level level);

/** @brief The id (NULL for NULL). Borrowed: valid as long as the referential. */
SNPLP_API const char *snplp_module_id(const snplp_module *module);
/** @brief The referential that owns it (NULL for NULL). */
SNPLP_API snplp_referential *snplp_module_referential(const snplp_module *module);

/** @brief The id of the module's theme (NULL for NULL). Borrowed. */
SNPLP_API const char *snplp_module_theme_id(const snplp_module *module);
/** @brief The module's theme, NULL if no theme has that id (or for NULL). */
SNPLP_API snplp_theme *snplp_module_theme(const snplp_module *module);
/**
 * @brief Moves the module to the theme @p theme_id (which may not exist yet).
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL argument), #SNPLP_EBADID, #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_module_set_theme_id(snplp_module *module, const char *theme_id);

/** @brief The level (0 for NULL). */
SNPLP_API snplp_level snplp_module_level(const snplp_module *module);
/** @brief Sets the level. @return #SNPLP_OK, #SNPLP_EINVAL (NULL object, unknown level). */
SNPLP_API int snplp_module_set_level(snplp_module *module, snplp_level level);

/** @brief The title (NULL for NULL). Borrowed: valid until the title changes. */
SNPLP_API const char *snplp_module_title(const snplp_module *module);
/** @brief Sets the title (contract of snplp_strategy_set_title(); NULL is #SNPLP_EINVAL). */
SNPLP_API int snplp_module_set_title(snplp_module *module, const char *title);

/** @brief The subtitle, NULL if not set. Borrowed. */
SNPLP_API const char *snplp_module_subtitle(const snplp_module *module);
/** @brief Sets the subtitle; NULL unsets it (contract of snplp_strategy_set_title()). */
SNPLP_API int snplp_module_set_subtitle(snplp_module *module, const char *subtitle);

/** @brief The priority-audience text of this module, NULL if not set. Borrowed. */
SNPLP_API const char *snplp_module_audience(const snplp_module *module);
/** @brief Sets the priority-audience text; NULL unsets it (contract of
 *         snplp_strategy_set_title()). */
SNPLP_API int snplp_module_set_audience(snplp_module *module, const char *audience);

/** @brief The expected-role text (le rôle du travailleur social), NULL if not set. Borrowed. */
SNPLP_API const char *snplp_module_role(const snplp_module *module);
/** @brief Sets the expected-role text; NULL unsets it (contract of snplp_strategy_set_title()). */
SNPLP_API int snplp_module_set_role(snplp_module *module, const char *role);

/**
 * @brief The duration in days.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL argument), #SNPLP_ENOTFOUND if no duration is set.
 */
SNPLP_API int snplp_module_duration_days(double *out, const snplp_module *module);
/** @brief Sets the duration in days, kept to the millionth of a day (the value is
 *         rounded to 6 decimals, as XML carries it).
 *  @return #SNPLP_OK, #SNPLP_EINVAL (NULL object, not a number above 0 and below 10000 once
 *          rounded). */
SNPLP_API int snplp_module_set_duration_days(snplp_module *module, double days);
/** @brief Unsets the duration. @return #SNPLP_OK, #SNPLP_EINVAL (NULL object). */
SNPLP_API int snplp_module_clear_duration(snplp_module *module);

/**
 * @brief Appends a prerequisite: the id of a module that must be mastered first.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL argument), #SNPLP_EBADID, #SNPLP_EEXISTS (already a
 *         prerequisite), #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_module_add_prerequisite(snplp_module *module, const char *module_id);
/** @brief Removes a prerequisite.
 *  @return #SNPLP_OK, #SNPLP_EINVAL (NULL argument), #SNPLP_ENOTFOUND. */
SNPLP_API int snplp_module_remove_prerequisite(snplp_module *module, const char *module_id);
/** @brief The number of prerequisites. */
SNPLP_API size_t snplp_module_prerequisite_count(const snplp_module *module);
/** @brief The id of the prerequisite at @p index, NULL if out of range. Borrowed. */
SNPLP_API const char *snplp_module_prerequisite_at(const snplp_module *module, size_t index);

/**
 * @brief Links the module to a targeted profession (its audience), by the profession's id.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL argument), #SNPLP_EBADID, #SNPLP_EEXISTS (already
 *         linked), #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_module_add_profession(snplp_module *module, const char *profession_id);
/** @brief Removes a profession link.
 *  @return #SNPLP_OK, #SNPLP_EINVAL (NULL argument), #SNPLP_ENOTFOUND. */
SNPLP_API int snplp_module_remove_profession(snplp_module *module, const char *profession_id);
/** @brief The number of profession links. */
SNPLP_API size_t snplp_module_profession_count(const snplp_module *module);
/** @brief The profession id at @p index, NULL if out of range. Borrowed. */
SNPLP_API const char *snplp_module_profession_at(const snplp_module *module, size_t index);

/** @brief Appends a competence (contract of snplp_referential_add_commitment()). */
SNPLP_API int snplp_module_add_competence(snplp_competence **out, snplp_module *module,
                                          const char *id, const char *title);
/** @brief The number of competences. */
SNPLP_API size_t snplp_module_competence_count(const snplp_module *module);
/** @brief The competence at @p index, NULL if out of range. */
SNPLP_API snplp_competence *snplp_module_competence_at(const snplp_module *module, size_t index);

/** @brief Appends a pedagogical recommendation specific to this module (contract of
 *         snplp_referential_add_commitment()). */
SNPLP_API int snplp_module_add_recommendation(snplp_recommendation **out, snplp_module *module,
                                              const char *id, const char *text);
/** @brief The number of pedagogical recommendations specific to this module. */
SNPLP_API size_t snplp_module_recommendation_count(const snplp_module *module);
/** @brief The pedagogical recommendation at @p index, NULL if out of range. */
SNPLP_API snplp_recommendation *snplp_module_recommendation_at(const snplp_module *module,
                                                               size_t index);

SNPLP_END_DECLS

#endif
