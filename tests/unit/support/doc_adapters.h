/* Typed adapters of the functions that import, export, compare and free a kind of document (a
 * snplp_referential or a snplp_convention_list), seen as void *: ADAPT_IMPORT_FILE(T, f)
 * defines a_f(), which calls f with its own types. Used by support/xml_docs.c and by the fuzz
 * target tests/fuzz/fuzz_xml_import.c. An import's *out keeps what the caller put there unless
 * the import writes it. */
#ifndef SNPLP_TEST_DOC_ADAPTERS_H
#define SNPLP_TEST_DOC_ADAPTERS_H

#include <snplp/snplp.h>

/* The body of an import adapter: call with a T * out parameter in place of out. */
#define ADAPT_KEEP_OUT(T, ...)                                                                     \
    T *x = out ? *out : NULL;                                                                      \
    int rc = __VA_ARGS__;                                                                          \
    if (out)                                                                                       \
        *out = x;                                                                                  \
    return rc;

#define ADAPT_IMPORT_FILE(T, fn)                                                                   \
    static int a_##fn(void **out, snplp_diagnostics *d, const char *path,                          \
                      const snplp_import_options *o)                                               \
    {                                                                                              \
        ADAPT_KEEP_OUT(T, fn(out ? &x : NULL, d, path, o))                                         \
    }
#define ADAPT_IMPORT_MEMORY(T, fn)                                                                 \
    static int a_##fn(void **out, snplp_diagnostics *d, const void *data, size_t size,             \
                      const char *name, const snplp_import_options *o)                             \
    {                                                                                              \
        ADAPT_KEEP_OUT(T, fn(out ? &x : NULL, d, data, size, name, o))                             \
    }
#define ADAPT_IMPORT_CALLBACK(T, fn)                                                               \
    static int a_##fn(void **out, snplp_diagnostics *d, snplp_read_fn read, void *user,            \
                      const char *name, const snplp_import_options *o)                             \
    {                                                                                              \
        ADAPT_KEEP_OUT(T, fn(out ? &x : NULL, d, read, user, name, o))                             \
    }
#define ADAPT_EXPORT_FILE(fn)                                                                      \
    static int a_##fn(const void *doc, const char *path)                                           \
    {                                                                                              \
        return fn(doc, path);                                                                      \
    }
#define ADAPT_EXPORT_MEMORY(fn)                                                                    \
    static int a_##fn(char **out, size_t *size, const void *doc)                                   \
    {                                                                                              \
        return fn(out, size, doc);                                                                 \
    }
#define ADAPT_EXPORT_CALLBACK(fn)                                                                  \
    static int a_##fn(const void *doc, snplp_write_fn write, void *user)                           \
    {                                                                                              \
        return fn(doc, write, user);                                                               \
    }
#define ADAPT_EQUAL(fn)                                                                            \
    static bool a_##fn(const void *a, const void *b)                                               \
    {                                                                                              \
        return fn(a, b);                                                                           \
    }
#define ADAPT_FREE(fn)                                                                             \
    static void a_##fn(void *doc)                                                                  \
    {                                                                                              \
        fn(doc);                                                                                   \
    }

#endif
