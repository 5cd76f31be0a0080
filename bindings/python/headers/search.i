/* search.h: search over a referential's texts; the GIL is released during the search (the
 * hits are borrowed snplp_search_hit pointers, valid while the results live). */
%thread snplp_referential_search;
%include <snplp/search.h>
