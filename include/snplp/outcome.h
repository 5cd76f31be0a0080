/**
 * @file outcome.h
 * @brief A learning outcome (connaissance ou compétence à acquérir ou à renforcer) of the training
 * plan or of a theme.
 *
 * Created with snplp_training_plan_add_outcome() or snplp_theme_add_outcome(). An outcome may be
 * marked as meant for the workers more involved in the theme (« pour les travailleurs sociaux plus
 * impliqués »). Its text is required (validation reports a blank one).
 */
#ifndef SNPLP_OUTCOME_H
#define SNPLP_OUTCOME_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief The id (NULL for NULL). Borrowed: valid as long as the referential. */
SNPLP_API const char *snplp_outcome_id(const snplp_outcome *outcome);
/** @brief The referential that owns it (NULL for NULL). */
SNPLP_API snplp_referential *snplp_outcome_referential(const snplp_outcome *outcome);

/** @brief The text (NULL for NULL). Borrowed: valid until the text changes. */
SNPLP_API const char *snplp_outcome_text(const snplp_outcome *outcome);
/** @brief Sets the text (contract of snplp_strategy_set_title(); NULL is #SNPLP_EINVAL). */
SNPLP_API int snplp_outcome_set_text(snplp_outcome *outcome, const char *text);

/** @brief Whether the outcome is meant for the workers more involved in the theme
 *         (false for NULL). */
SNPLP_API bool snplp_outcome_for_involved(const snplp_outcome *outcome);
/** @brief Marks the outcome as meant (or not) for the workers more involved in the theme.
 *  @return #SNPLP_OK, #SNPLP_EINVAL (NULL object). */
SNPLP_API int snplp_outcome_set_for_involved(snplp_outcome *outcome, bool for_involved);

SNPLP_END_DECLS

#endif
