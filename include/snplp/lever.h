/**
 * @file lever.h
 * @brief A lever (levier) for implementing the strategy, e.g. « un choc de participation ».
 *
 * Created with snplp_referential_add_lever(), listed and found with the referential
 * (referential.h). Its title is required (validation reports a blank one); its description
 * is optional.
 */
#ifndef SNPLP_LEVER_H
#define SNPLP_LEVER_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief The id (NULL for NULL). Borrowed: valid as long as the referential. */
SNPLP_API const char *snplp_lever_id(const snplp_lever *lever);
/** @brief The referential that owns it (NULL for NULL). */
SNPLP_API snplp_referential *snplp_lever_referential(const snplp_lever *lever);

/** @brief The title (NULL for NULL). Borrowed: valid until the title changes. */
SNPLP_API const char *snplp_lever_title(const snplp_lever *lever);
/** @brief Sets the title (contract of snplp_strategy_set_title(); NULL is #SNPLP_EINVAL). */
SNPLP_API int snplp_lever_set_title(snplp_lever *lever, const char *title);

/** @brief The description, NULL if not set. Borrowed. */
SNPLP_API const char *snplp_lever_description(const snplp_lever *lever);
/** @brief Sets the description; NULL unsets it (contract of snplp_strategy_set_title()). */
SNPLP_API int snplp_lever_set_description(snplp_lever *lever, const char *description);

SNPLP_END_DECLS

#endif
