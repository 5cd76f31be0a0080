/**
 * @file objective.h
 * @brief An objective (objectif / finalité de la formation) of the training plan or of a theme.
 *
 * Created with snplp_training_plan_add_objective() or snplp_theme_add_objective(). Its text is
 * required (validation reports a blank one).
 */
#ifndef SNPLP_OBJECTIVE_H
#define SNPLP_OBJECTIVE_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief The id (NULL for NULL). Borrowed: valid as long as the referential. */
SNPLP_API const char *snplp_objective_id(const snplp_objective *objective);
/** @brief The referential that owns it (NULL for NULL). */
SNPLP_API snplp_referential *snplp_objective_referential(const snplp_objective *objective);

/** @brief The text (NULL for NULL). Borrowed: valid until the text changes. */
SNPLP_API const char *snplp_objective_text(const snplp_objective *objective);
/** @brief Sets the text (contract of snplp_strategy_set_title(); NULL is #SNPLP_EINVAL). */
SNPLP_API int snplp_objective_set_text(snplp_objective *objective, const char *text);

SNPLP_END_DECLS

#endif
