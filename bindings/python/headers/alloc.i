/* alloc.h: the library's memory counters, and snplp_free().
 * The wrappers free every buffer the library hands over (exports to memory, snplp_text_fold)
 * themselves: snplp_free() is bound for completeness and is never needed from Python (it
 * accepts any SWIG pointer, so do not call it on an object). */
%include <snplp/alloc.h>
