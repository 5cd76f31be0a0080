/* Internal: checking ids given to the API. */
#ifndef SNPLP_UTIL_ID_H
#define SNPLP_UTIL_ID_H

#include <snplp/id.h>

/* 0 when id is a well-formed id (snplp_id_is_valid()); otherwise SNPLP_EINVAL (NULL) or
 * SNPLP_EBADID recorded for fn, naming the argument `what` ("id", "theme id"...). */
int snplp__check_id(const char *id, const char *fn, const char *what);

#endif
