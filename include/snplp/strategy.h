/**
 * @file strategy.h
 * @brief The strategy: the Stratégie nationale de prévention et de lutte contre la pauvreté
 *        (one per referential, id "strategy").
 *
 * Its title, description, launch date, budget (amount and wording) and alternative labels
 * ("stratégie pauvreté", "SNPLP"). Every text is optional (NULL until set).
 */
#ifndef SNPLP_STRATEGY_H
#define SNPLP_STRATEGY_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief The id of the strategy, "strategy" (NULL for NULL). */
SNPLP_API const char *snplp_strategy_id(const snplp_strategy *strategy);
/** @brief The referential that owns the strategy (NULL for NULL). */
SNPLP_API snplp_referential *snplp_strategy_referential(const snplp_strategy *strategy);

/** @brief The title, NULL if not set. Borrowed: valid until the title changes. */
SNPLP_API const char *snplp_strategy_title(const snplp_strategy *strategy);
/**
 * @brief Sets (a copy of) the title; NULL unsets it.
 *
 * The same contract holds for every text setter of libsnplp: the text is copied and
 * NFC-normalized; on failure the old value stays.
 *
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL object), #SNPLP_EENCODING, #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_strategy_set_title(snplp_strategy *strategy, const char *title);

/** @brief The description, NULL if not set. Borrowed. */
SNPLP_API const char *snplp_strategy_description(const snplp_strategy *strategy);
/** @brief Sets the description; NULL unsets it (contract of snplp_strategy_set_title()). */
SNPLP_API int snplp_strategy_set_description(snplp_strategy *strategy, const char *description);

/**
 * @brief The launch date as ISO 8601 text: "YYYY", "YYYY-MM" or "YYYY-MM-DD" (the sources
 *        often give only a month), NULL if not set. Borrowed.
 */
SNPLP_API const char *snplp_strategy_launch_date(const snplp_strategy *strategy);
/**
 * @brief Sets the launch date; NULL unsets it.
 * @param date "YYYY", "YYYY-MM" or "YYYY-MM-DD", a real calendar date (year 1000 to 9999).
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL object, malformed or impossible date), #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_strategy_set_launch_date(snplp_strategy *strategy, const char *date);

/**
 * @brief The budget in euro cents.
 * @param[out] out receives the amount.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL argument), #SNPLP_ENOTFOUND if no budget is set.
 */
SNPLP_API int snplp_strategy_budget_cents(int64_t *out, const snplp_strategy *strategy);
/** @brief Sets the budget in euro cents (8.5 billion euros is 850000000000).
 *  @return #SNPLP_OK, #SNPLP_EINVAL (NULL object or negative amount). */
SNPLP_API int snplp_strategy_set_budget_cents(snplp_strategy *strategy, int64_t cents);
/** @brief Unsets the budget amount. @return #SNPLP_OK, #SNPLP_EINVAL (NULL object). */
SNPLP_API int snplp_strategy_clear_budget(snplp_strategy *strategy);

/** @brief The wording of the budget as the source gives it, NULL if not set. Borrowed. */
SNPLP_API const char *snplp_strategy_budget_text(const snplp_strategy *strategy);
/** @brief Sets the budget wording; NULL unsets it (contract of snplp_strategy_set_title()). */
SNPLP_API int snplp_strategy_set_budget_text(snplp_strategy *strategy, const char *text);

/** @brief Appends an alternative label (another name the sources use); found by search.
 *  @return #SNPLP_OK, #SNPLP_EINVAL (NULL argument), #SNPLP_EENCODING, #SNPLP_ENOMEM. */
SNPLP_API int snplp_strategy_add_label(snplp_strategy *strategy, const char *label);
/** @brief The number of alternative labels. */
SNPLP_API size_t snplp_strategy_label_count(const snplp_strategy *strategy);
/** @brief The alternative label at @p index, NULL if out of range. Borrowed. */
SNPLP_API const char *snplp_strategy_label_at(const snplp_strategy *strategy, size_t index);

/**
 * @brief Whether the sources give the levers as an open list: more levers exist than the
 *        referential holds (003 ends its list with "..."). False for NULL.
 */
SNPLP_API bool snplp_strategy_levers_open(const snplp_strategy *strategy);
/** @brief Marks the list of levers as open (or closed). @return #SNPLP_OK, #SNPLP_EINVAL (NULL
 * object). */
SNPLP_API int snplp_strategy_set_levers_open(snplp_strategy *strategy, bool open);

SNPLP_END_DECLS

#endif
