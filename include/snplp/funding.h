/**
 * @file funding.h
 * @brief A funding line: an amount in euro cents, its period and the source's wording, e.g.
 *        « Un financement de 1 million d’euros pendant trois ans sera dédié à ces actions. »
 *
 * Created with snplp_referential_add_funding(). Amounts are exact: euro cents in a signed
 * 64-bit integer (up to about 92 thousand billion euros).
 */
#ifndef SNPLP_FUNDING_H
#define SNPLP_FUNDING_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief The id (NULL for NULL). Borrowed: valid as long as the referential. */
SNPLP_API const char *snplp_funding_id(const snplp_funding *funding);
/** @brief The referential that owns it (NULL for NULL). */
SNPLP_API snplp_referential *snplp_funding_referential(const snplp_funding *funding);

/** @brief The title (NULL for NULL). Borrowed. */
SNPLP_API const char *snplp_funding_title(const snplp_funding *funding);
/** @brief Sets the title (contract of snplp_strategy_set_title(); NULL is #SNPLP_EINVAL). */
SNPLP_API int snplp_funding_set_title(snplp_funding *funding, const char *title);

/**
 * @brief The amount in euro cents.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL argument), #SNPLP_ENOTFOUND if not set.
 */
SNPLP_API int snplp_funding_amount_cents(int64_t *out, const snplp_funding *funding);
/** @brief Sets the amount in euro cents.
 *  @return #SNPLP_OK, #SNPLP_EINVAL (NULL object or negative amount). */
SNPLP_API int snplp_funding_set_amount_cents(snplp_funding *funding, int64_t cents);
/** @brief Unsets the amount. @return #SNPLP_OK, #SNPLP_EINVAL (NULL object). */
SNPLP_API int snplp_funding_clear_amount(snplp_funding *funding);

/** @brief The period, e.g. "pendant trois ans", NULL if not set. Borrowed. */
SNPLP_API const char *snplp_funding_period(const snplp_funding *funding);
/** @brief Sets the period; NULL unsets it (contract of snplp_strategy_set_title()). */
SNPLP_API int snplp_funding_set_period(snplp_funding *funding, const char *period);

/** @brief The source's wording, NULL if not set. Borrowed. */
SNPLP_API const char *snplp_funding_source_text(const snplp_funding *funding);
/** @brief Sets the source's wording; NULL unsets it (contract of snplp_strategy_set_title()). */
SNPLP_API int snplp_funding_set_source_text(snplp_funding *funding, const char *text);

SNPLP_END_DECLS

#endif
