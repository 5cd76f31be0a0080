/**
 * @file plan_theme.h
 * @brief A theme of another plan, e.g. « langage » for the « Enfance = égalité » days.
 *
 * Created with snplp_plan_add_plan_theme(). Its title is required (validation reports a blank one).
 */
#ifndef SNPLP_PLAN_THEME_H
#define SNPLP_PLAN_THEME_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief The id (NULL for NULL). Borrowed: valid as long as the referential. */
SNPLP_API const char *snplp_plan_theme_id(const snplp_plan_theme *theme);
/** @brief The referential that owns it (NULL for NULL). */
SNPLP_API snplp_referential *snplp_plan_theme_referential(const snplp_plan_theme *theme);
/** @brief The plan the theme belongs to (NULL for NULL). */
SNPLP_API snplp_plan *snplp_plan_theme_plan(const snplp_plan_theme *theme);

/** @brief The title (NULL for NULL). Borrowed. */
SNPLP_API const char *snplp_plan_theme_title(const snplp_plan_theme *theme);
/** @brief Sets the title (contract of snplp_strategy_set_title(); NULL is #SNPLP_EINVAL). */
SNPLP_API int snplp_plan_theme_set_title(snplp_plan_theme *theme, const char *title);

SNPLP_END_DECLS

#endif
