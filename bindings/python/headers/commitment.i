/* commitment.h: the commitments (engagements) of the strategy.
 * No typemap of its own: those of common.i apply. */
%include <snplp/commitment.h>
