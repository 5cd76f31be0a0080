/**
 * @file training_plan.h
 * @brief The training plan of social workers (plan de formation des travailleurs sociaux):
 *        one per referential, id "training-plan".
 *
 * Its title, description, priority-audience text (public prioritaire), its rule on the
 * maximum duration of a module, its rule text (what the sources require of the modules, in
 * their words; since 1.3), and the plan-wide objectives and learning outcomes. Its themes
 * are listed by the referential (referential.h) and each theme may carry its own objectives
 * and outcomes (theme.h).
 *
 * Where the sources state something for one theme only, the format still has one place for it,
 * the plan: in the built-in referential (docs/referential.md), the priority audience, the
 * 5-day maximum and the last paragraph of the rule text are stated by the seed « Note de cadrage
 * du groupe de travail : travail social et insertion socio-professionnelle » for the insertion
 * modules; the seeds say nothing of them for the other themes.
 */
#ifndef SNPLP_TRAINING_PLAN_H
#define SNPLP_TRAINING_PLAN_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief The id of the plan, "training-plan" (NULL for NULL). */
SNPLP_API const char *snplp_training_plan_id(const snplp_training_plan *plan);
/** @brief The referential that owns the plan (NULL for NULL). */
SNPLP_API snplp_referential *snplp_training_plan_referential(const snplp_training_plan *plan);

/** @brief The title, NULL if not set. Borrowed. */
SNPLP_API const char *snplp_training_plan_title(const snplp_training_plan *plan);
/** @brief Sets the title; NULL unsets it (contract of snplp_strategy_set_title()). */
SNPLP_API int snplp_training_plan_set_title(snplp_training_plan *plan, const char *title);

/** @brief The description, NULL if not set. Borrowed. */
SNPLP_API const char *snplp_training_plan_description(const snplp_training_plan *plan);
/** @brief Sets the description; NULL unsets it (contract of snplp_strategy_set_title()). */
SNPLP_API int snplp_training_plan_set_description(snplp_training_plan *plan,
                                                  const char *description);

/** @brief The priority-audience text (public prioritaire de la formation), NULL if not set.
 *
 *  In the built-in referential it is the insertion working group's « Public prioritaire de la
 *  formation »: the seed states it for the insertion modules, and the seeds are silent on the
 *  audience of the other themes' modules (see the file comment). */
SNPLP_API const char *snplp_training_plan_audience(const snplp_training_plan *plan);
/** @brief Sets the priority-audience text; NULL unsets it (contract of
 *         snplp_strategy_set_title()). */
SNPLP_API int snplp_training_plan_set_audience(snplp_training_plan *plan, const char *audience);

/**
 * @brief The rule text: what the plan requires of its modules, in the sources' words, one
 *        paragraph per line; NULL if not set. Borrowed.
 *
 * Free text, kept as given (the XML element `<rule>`). In the built-in referential: « Pour
 * atteindre cet objectif, tous les modules de formation devront débiter par une présentation
 * des grands axes de la stratégie : » with the points it lists under it (the same points as the
 * plan's objectives 2 to 5), then the training bodies' pedagogical freedom, which the seed
 * states for the insertion modules (docs/referential.md).
 * @since 1.3
 */
SNPLP_API const char *snplp_training_plan_rule(const snplp_training_plan *plan);
/**
 * @brief Sets the rule text; NULL unsets it (contract of snplp_strategy_set_title()).
 * @since 1.3
 */
SNPLP_API int snplp_training_plan_set_rule(snplp_training_plan *plan, const char *rule);

/**
 * @brief The maximum duration of a module, in days.
 *
 * Validation checks it against every module of every theme (`duration-over-max`). In the
 * built-in referential it is 5, from « dans la limite de 5 jours maximum », which the seed
 * states for the insertion modules (the seeds are silent on the other themes' modules).
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL argument), #SNPLP_ENOTFOUND if the plan sets none.
 */
SNPLP_API int snplp_training_plan_max_module_days(double *out, const snplp_training_plan *plan);
/** @brief Sets the maximum duration of a module, in days, kept to the millionth of a day (the value
 * is rounded to 6 decimals, as XML carries it).
 *  @return #SNPLP_OK, #SNPLP_EINVAL (NULL object, not a number above 0 and below 10000 once
 *          rounded). */
SNPLP_API int snplp_training_plan_set_max_module_days(snplp_training_plan *plan, double days);
/** @brief Removes the maximum duration rule. @return #SNPLP_OK, #SNPLP_EINVAL (NULL object). */
SNPLP_API int snplp_training_plan_clear_max_module_days(snplp_training_plan *plan);

/** @brief Appends a plan-wide objective (contract of snplp_referential_add_commitment()). */
SNPLP_API int snplp_training_plan_add_objective(snplp_objective **out, snplp_training_plan *plan,
                                                const char *id, const char *text);
/** @brief The number of plan-wide objectives. */
SNPLP_API size_t snplp_training_plan_objective_count(const snplp_training_plan *plan);
/** @brief The plan-wide objective at @p index, NULL if out of range. */
SNPLP_API snplp_objective *snplp_training_plan_objective_at(const snplp_training_plan *plan,
                                                            size_t index);

/** @brief Appends a plan-wide learning outcome (contract of snplp_referential_add_commitment()). */
SNPLP_API int snplp_training_plan_add_outcome(snplp_outcome **out, snplp_training_plan *plan,
                                              const char *id, const char *text);
/** @brief The number of plan-wide learning outcomes. */
SNPLP_API size_t snplp_training_plan_outcome_count(const snplp_training_plan *plan);
/** @brief The plan-wide learning outcome at @p index, NULL if out of range. */
SNPLP_API snplp_outcome *snplp_training_plan_outcome_at(const snplp_training_plan *plan,
                                                        size_t index);

SNPLP_END_DECLS

#endif
