/* alloc.h: the library's allocator and memory counters. snplp_free() is not bound: the wrappers free every
 * buffer the library hands over (exports to memory, snplp_text_fold) themselves, and a
 * snplp_free(void *) would accept any SWIG object and free it under its owner. */
%ignore snplp_free;
/* snplp_set_allocator() is not bound: an allocator made of Python callables would run Python
 * code inside every allocation, holding or not the GIL; the allocator is an embedder's choice
 * made in C before the library is first used. */
%ignore snplp_set_allocator;
%include <snplp/alloc.h>
