/* Internal: the definition of one-line public getters, so that each behaves exactly like its
 * siblings (their documentation is in the public headers). */
#ifndef SNPLP_UTIL_GETTERS_H
#define SNPLP_UTIL_GETTERS_H

/* R name(const T *x): the field of x, dflt for NULL or a pointer of another type. `of` gives
 * the object from x or NULL (the type's check of its magic number), SNPLP__AS_IS for a type
 * without one. */
#define SNPLP_DEFINE_GETTER(R, name, T, of, field, dflt)                                           \
    R name(const T *x)                                                                             \
    {                                                                                              \
        const T *o = of(x);                                                                        \
        return o ? o->field : dflt;                                                                \
    }
#define SNPLP__AS_IS(x) (x)

#endif
