/**
 * @file commitment.h
 * @brief A commitment (engagement) of the strategy, e.g. « l'égalité des chances dès les premiers
 * pas ».
 *
 * Created with snplp_referential_add_commitment(), listed and found with the referential
 * (referential.h). Its title is required (validation reports a blank one); its description
 * is optional.
 */
#ifndef SNPLP_COMMITMENT_H
#define SNPLP_COMMITMENT_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief The id (NULL for NULL). Borrowed: valid as long as the referential. */
SNPLP_API const char *snplp_commitment_id(const snplp_commitment *commitment);
/** @brief The referential that owns it (NULL for NULL). */
SNPLP_API snplp_referential *snplp_commitment_referential(const snplp_commitment *commitment);

/** @brief The title (NULL for NULL). Borrowed: valid until the title changes. */
SNPLP_API const char *snplp_commitment_title(const snplp_commitment *commitment);
/** @brief Sets the title (contract of snplp_strategy_set_title(); NULL is #SNPLP_EINVAL). */
SNPLP_API int snplp_commitment_set_title(snplp_commitment *commitment, const char *title);

/** @brief The description, NULL if not set. Borrowed. */
SNPLP_API const char *snplp_commitment_description(const snplp_commitment *commitment);
/** @brief Sets the description; NULL unsets it (contract of snplp_strategy_set_title()). */
SNPLP_API int snplp_commitment_set_description(snplp_commitment *commitment,
                                               const char *description);

SNPLP_END_DECLS

#endif
