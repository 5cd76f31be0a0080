/**
 * @file id.h
 * @brief The shape of item ids.
 *
 * An id is NCName-shaped so that it can be an XML id: an ASCII letter or `_`, then ASCII
 * letters, digits, `-`, `_` or `.`; at most #SNPLP_ID_MAX bytes. Ids are case-sensitive and
 * unique across one referential whatever the kind of item.
 */
#ifndef SNPLP_ID_H
#define SNPLP_ID_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief The longest id accepted, in bytes. */
#define SNPLP_ID_MAX 256

/** @brief Whether @p id is a well-formed id (false for NULL). */
SNPLP_API bool snplp_id_is_valid(const char *id);

SNPLP_END_DECLS

#endif
