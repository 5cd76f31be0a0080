/**
 * @file plan.h
 * @brief Another plan of the strategy besides the training plan, e.g. the plan « Ambition
 *        Enfance Egalité » or the « Enfance = égalité » days, with its themes and key figures.
 *
 * Created with snplp_referential_add_plan().
 */
#ifndef SNPLP_PLAN_H
#define SNPLP_PLAN_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief The id (NULL for NULL). Borrowed: valid as long as the referential. */
SNPLP_API const char *snplp_plan_id(const snplp_plan *plan);
/** @brief The referential that owns it (NULL for NULL). */
SNPLP_API snplp_referential *snplp_plan_referential(const snplp_plan *plan);

/** @brief The title (NULL for NULL). Borrowed. */
SNPLP_API const char *snplp_plan_title(const snplp_plan *plan);
/** @brief Sets the title (contract of snplp_strategy_set_title(); NULL is #SNPLP_EINVAL). */
SNPLP_API int snplp_plan_set_title(snplp_plan *plan, const char *title);

/** @brief The description, NULL if not set. Borrowed. */
SNPLP_API const char *snplp_plan_description(const snplp_plan *plan);
/** @brief Sets the description; NULL unsets it (contract of snplp_strategy_set_title()). */
SNPLP_API int snplp_plan_set_description(snplp_plan *plan, const char *description);

/** @brief Appends an alternative label; found by search.
 *  @return #SNPLP_OK, #SNPLP_EINVAL (NULL argument), #SNPLP_EENCODING, #SNPLP_ENOMEM. */
SNPLP_API int snplp_plan_add_label(snplp_plan *plan, const char *label);
/** @brief The number of alternative labels. */
SNPLP_API size_t snplp_plan_label_count(const snplp_plan *plan);
/** @brief The alternative label at @p index, NULL if out of range. Borrowed. */
SNPLP_API const char *snplp_plan_label_at(const snplp_plan *plan, size_t index);

/** @brief Appends a theme of this plan (contract of snplp_referential_add_commitment()). */
SNPLP_API int snplp_plan_add_plan_theme(snplp_plan_theme **out, snplp_plan *plan, const char *id,
                                        const char *title);
/** @brief The number of themes of this plan. */
SNPLP_API size_t snplp_plan_plan_theme_count(const snplp_plan *plan);
/** @brief The theme at @p index, NULL if out of range. */
SNPLP_API snplp_plan_theme *snplp_plan_plan_theme_at(const snplp_plan *plan, size_t index);

/** @brief Appends a key figure: a value and the wording that gives it (contract of
 *         snplp_referential_add_commitment()). */
SNPLP_API int snplp_plan_add_figure(snplp_figure **out, snplp_plan *plan, const char *id,
                                    int64_t value, const char *text);
/** @brief The number of key figures of this plan. */
SNPLP_API size_t snplp_plan_figure_count(const snplp_plan *plan);
/** @brief The key figure at @p index, NULL if out of range. */
SNPLP_API snplp_figure *snplp_plan_figure_at(const snplp_plan *plan, size_t index);

SNPLP_END_DECLS

#endif
