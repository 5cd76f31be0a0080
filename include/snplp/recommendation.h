/**
 * @file recommendation.h
 * @brief A pedagogical recommendation (modalité pédagogique envisagée): practitioners'
 * interventions, practice analysis, split sessions, peer workers...
 *
 * Created with snplp_theme_add_recommendation() (for all modules of a theme) or
 * snplp_module_add_recommendation(). Its text is required (validation reports a blank one).
 */
#ifndef SNPLP_RECOMMENDATION_H
#define SNPLP_RECOMMENDATION_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief The id (NULL for NULL). Borrowed: valid as long as the referential. */
SNPLP_API const char *snplp_recommendation_id(const snplp_recommendation *recommendation);
/** @brief The referential that owns it (NULL for NULL). */
SNPLP_API snplp_referential *
snplp_recommendation_referential(const snplp_recommendation *recommendation);

/** @brief The text (NULL for NULL). Borrowed: valid until the text changes. */
SNPLP_API const char *snplp_recommendation_text(const snplp_recommendation *recommendation);
/** @brief Sets the text (contract of snplp_strategy_set_title(); NULL is #SNPLP_EINVAL). */
SNPLP_API int snplp_recommendation_set_text(snplp_recommendation *recommendation, const char *text);

SNPLP_END_DECLS

#endif
