/**
 * @file action.h
 * @brief An action of a convention: what the territory does, the objective it serves and its
 *        status year by year.
 *
 * Every convention has a core of actions (socle) around three objectives, plus free
 * initiatives chosen for the territory (seed 002). Each year an action is planned, in
 * progress, done or dropped; a dropped action carries the reason. The statuses decide whether
 * the next year's credits may be released (credits.h).
 */
#ifndef SNPLP_ACTION_H
#define SNPLP_ACTION_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief The objective an action serves. Values are part of the ABI. */
typedef enum snplp_action_objective {
    SNPLP_ACTION_OBJECTIVE_NONE = 0, /**< not an objective (an invalid argument) */
    /** core: prevent dry exits from child welfare at majority (sorties sèches de l'ASE) */
    SNPLP_ACTION_OBJECTIVE_CHILD_WELFARE_EXITS = 1,
    /** core: insertion of RSA recipients */
    SNPLP_ACTION_OBJECTIVE_RSA_INSERTION = 2,
    /** core: refounding social work (unconditional first reception, pathway referent,
     *  training of social workers) */
    SNPLP_ACTION_OBJECTIVE_SOCIAL_WORK = 3,
    /** a free initiative of the territory (initiative libre), outside the core */
    SNPLP_ACTION_OBJECTIVE_FREE_INITIATIVE = 4
} snplp_action_objective;

/**
 * @brief The English identifier of an objective: "child-welfare-exits", "rsa-insertion",
 *        "social-work" or "free-initiative"; "none" for any other value.
 */
SNPLP_API const char *snplp_action_objective_name(snplp_action_objective objective);

/** @brief The objective named @p name, #SNPLP_ACTION_OBJECTIVE_NONE if none (or NULL). */
SNPLP_API snplp_action_objective snplp_action_objective_from_name(const char *name);

/** @brief Whether @p objective is one of the three core objectives. */
SNPLP_API bool snplp_action_objective_is_core(snplp_action_objective objective);

/** @brief The status of an action in a year. Values are part of the ABI. */
typedef enum snplp_action_status {
    SNPLP_ACTION_STATUS_NONE = 0,        /**< no status recorded for the year */
    SNPLP_ACTION_STATUS_PLANNED = 1,     /**< planned, not started */
    SNPLP_ACTION_STATUS_IN_PROGRESS = 2, /**< under way */
    SNPLP_ACTION_STATUS_DONE = 3,        /**< carried out */
    SNPLP_ACTION_STATUS_DROPPED = 4      /**< given up, with a reason */
} snplp_action_status;

/**
 * @brief The English identifier of a status: "planned", "in-progress", "done", "dropped";
 *        "none" for any other value.
 */
SNPLP_API const char *snplp_action_status_name(snplp_action_status status);

/** @brief The status named @p name, #SNPLP_ACTION_STATUS_NONE if none (or NULL). */
SNPLP_API snplp_action_status snplp_action_status_from_name(const char *name);

/** @brief The action's id (NULL for NULL). Borrowed. */
SNPLP_API const char *snplp_action_id(const snplp_action *action);

/** @brief The convention that owns the action (NULL for NULL). Borrowed. */
SNPLP_API snplp_convention *snplp_action_convention(const snplp_action *action);

/** @brief The title (NULL for NULL). Borrowed. */
SNPLP_API const char *snplp_action_title(const snplp_action *action);

/** @brief Sets the title (copied, not blank). @return #SNPLP_OK or an error as for texts. */
SNPLP_API int snplp_action_set_title(snplp_action *action, const char *title);

/** @brief The description, NULL if unset. Borrowed. */
SNPLP_API const char *snplp_action_description(const snplp_action *action);

/** @brief Sets the description (copied); NULL unsets it. */
SNPLP_API int snplp_action_set_description(snplp_action *action, const char *description);

/** @brief The objective served (#SNPLP_ACTION_OBJECTIVE_NONE for NULL). */
SNPLP_API snplp_action_objective snplp_action_objective_of(const snplp_action *action);

/** @brief Changes the objective served. @return #SNPLP_OK, #SNPLP_EINVAL. */
SNPLP_API int snplp_action_set_objective(snplp_action *action, snplp_action_objective objective);

/**
 * @brief Records the status of the action in @p year (replacing any status of that year).
 * @param action the action.
 * @param year the year, #SNPLP_YEAR_MIN to #SNPLP_YEAR_MAX (convention.h).
 * @param status planned, in progress, done or dropped.
 * @param reason why the action was dropped: required (not blank) with
 *        #SNPLP_ACTION_STATUS_DROPPED, must be NULL with every other status.
 * @return #SNPLP_OK; #SNPLP_EINVAL (NULL action, year out of range, status out of the enum,
 *         reason missing or given when not dropped); #SNPLP_EENCODING; #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_action_set_status(snplp_action *action, int32_t year,
                                      snplp_action_status status, const char *reason);

/** @brief The status in @p year, #SNPLP_ACTION_STATUS_NONE if none is recorded (or NULL). */
SNPLP_API snplp_action_status snplp_action_status_in(const snplp_action *action, int32_t year);

/** @brief The reason the action was dropped in @p year, NULL if it was not. Borrowed. */
SNPLP_API const char *snplp_action_drop_reason(const snplp_action *action, int32_t year);

/** @brief Forgets the status of @p year. @return #SNPLP_OK, #SNPLP_ENOTFOUND, #SNPLP_EINVAL. */
SNPLP_API int snplp_action_clear_status(snplp_action *action, int32_t year);

/** @brief The number of years with a status (0 for NULL). */
SNPLP_API size_t snplp_action_status_year_count(const snplp_action *action);

/** @brief The @p index-th year with a status, in increasing order; 0 if out of range. */
SNPLP_API int32_t snplp_action_status_year_at(const snplp_action *action, size_t index);

SNPLP_END_DECLS

#endif
