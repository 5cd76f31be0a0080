/* alloc.h: the library's memory counters. snplp_free() is not bound: the wrappers free every
 * buffer the library hands over (exports to memory, snplp_text_fold) themselves, and a
 * snplp_free(void *) would accept any SWIG object and free it under its owner. */
%ignore snplp_free;
%include <snplp/alloc.h>
