/* A small referential of the strategy built through the public API, shared by the examples. */
#ifndef SNPLP_EXAMPLE_SAMPLE_REFERENTIAL_H
#define SNPLP_EXAMPLE_SAMPLE_REFERENTIAL_H

#include <snplp/snplp.h>

/* Builds the sample into *out (release it with snplp_referential_unref()); returns a status. */
int sample_referential(snplp_referential **out);

#endif
