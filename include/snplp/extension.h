/**
 * @file extension.h
 * @brief Extensions: elements and attributes of other namespaces attached to an item.
 *
 * The XML format lets other software add its own elements (at the end of an item's element)
 * and attributes (on an item's element), in its own namespace. libsnplp keeps them with the
 * item without interpreting them, writes them back on export, and compares them in
 * snplp_referential_equal(). An extension element is kept as a self-contained XML fragment
 * in a canonical form (namespace declarations in scope written on its root element, sorted;
 * empty elements as `<a/>`; attribute values in double quotes), so that what is read is what
 * is written.
 */
#ifndef SNPLP_EXTENSION_H
#define SNPLP_EXTENSION_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/**
 * @brief Appends an extension element to the item @p item_id.
 * @param xml one XML element whose namespace is neither absent nor `urn:snplp:1.0`, with its
 *        namespace declarations; it is stored in canonical form.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL argument, not one well-formed element, an element
 *         of no namespace or of the snplp namespace, or nested so deep that the item's element
 *         and it would pass #SNPLP_XML_MAX_DEPTH), #SNPLP_ENOTFOUND (no such item),
 *         #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_referential_add_extension(snplp_referential *ref, const char *item_id,
                                              const char *xml);
/** @brief The number of extension elements of the item (0 if there is no such item). */
SNPLP_API size_t snplp_referential_extension_count(const snplp_referential *ref,
                                                   const char *item_id);
/** @brief The extension element at @p index, as canonical XML text; NULL if out of range.
 * Borrowed: valid as long as the item. */
SNPLP_API const char *snplp_referential_extension_at(const snplp_referential *ref,
                                                     const char *item_id, size_t index);

/**
 * @brief Adds (or replaces) an attribute of another namespace on the item @p item_id.
 * @param ns the namespace URI (not empty, not `urn:snplp:1.0`).
 * @param prefix the prefix to write it with (an NCName, not "xml" or "xmlns" unless @p ns is
 *        the XML namespace).
 * @param name the local name (an NCName).
 * @param value the value (UTF-8 text, at most #SNPLP_XML_MAX_ATTRIBUTE bytes).
 * @return #SNPLP_OK, #SNPLP_EINVAL, #SNPLP_ENOTFOUND, #SNPLP_EENCODING, #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_referential_set_foreign_attribute(snplp_referential *ref, const char *item_id,
                                                      const char *ns, const char *prefix,
                                                      const char *name, const char *value);
/** @brief The number of foreign attributes of the item (0 if there is no such item). */
SNPLP_API size_t snplp_referential_foreign_attribute_count(const snplp_referential *ref,
                                                           const char *item_id);
/**
 * @brief The foreign attribute at @p index of the item @p item_id (in the order they were
 *        added); each out-parameter may be NULL. Borrowed strings.
 * @param[out] ns its namespace URI.
 * @param[out] prefix its prefix.
 * @param[out] name its local name.
 * @param[out] value its value.
 * @param ref the referential.
 * @param item_id the item's id.
 * @param index 0 to snplp_referential_foreign_attribute_count() − 1.
 * @return #SNPLP_OK, #SNPLP_EINVAL, #SNPLP_ENOTFOUND (no such item or index).
 * @since 1.3
 */
SNPLP_API int snplp_referential_foreign_attribute(const char **ns, const char **prefix,
                                                  const char **name, const char **value,
                                                  const snplp_referential *ref, const char *item_id,
                                                  size_t index);
/**
 * @brief The foreign attribute at @p index, with the out-parameters last.
 * @deprecated Since 1.3: use snplp_referential_foreign_attribute(), whose out-parameters come
 *             first as everywhere else (docs/architecture.md); the same otherwise.
 * @return as snplp_referential_foreign_attribute().
 */
SNPLP_API int snplp_referential_foreign_attribute_at(const snplp_referential *ref,
                                                     const char *item_id, size_t index,
                                                     const char **ns, const char **prefix,
                                                     const char **name, const char **value)
    SNPLP_DEPRECATED("snplp_referential_foreign_attribute()");

/**
 * @brief Appends an extension element to a convention (@p item_id NULL) or to its action or
 *        indicator @p item_id: as snplp_referential_add_extension(), written back at the end of
 *        that element in a file of conventions.
 * @return #SNPLP_OK, #SNPLP_EINVAL, #SNPLP_ENOTFOUND (no such action or indicator),
 *         #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_convention_add_extension(snplp_convention *conv, const char *item_id,
                                             const char *xml);
/** @brief The number of extension elements of the convention (@p item_id NULL) or of its
 *         action or indicator (0 if there is no such one). */
SNPLP_API size_t snplp_convention_extension_count(const snplp_convention *conv,
                                                  const char *item_id);
/** @brief The extension element at @p index, as canonical XML text; NULL if out of range.
 *         Borrowed: valid as long as the convention. */
SNPLP_API const char *snplp_convention_extension_at(const snplp_convention *conv,
                                                    const char *item_id, size_t index);
/** @brief Adds (or replaces) a foreign attribute on the convention (@p item_id NULL) or on its
 *         action or indicator: as snplp_referential_set_foreign_attribute(). */
SNPLP_API int snplp_convention_set_foreign_attribute(snplp_convention *conv, const char *item_id,
                                                     const char *ns, const char *prefix,
                                                     const char *name, const char *value);
/** @brief The number of foreign attributes of the convention, action or indicator. */
SNPLP_API size_t snplp_convention_foreign_attribute_count(const snplp_convention *conv,
                                                          const char *item_id);
/** @brief The foreign attribute at @p index of the convention (@p item_id NULL) or of its
 *         action or indicator: as snplp_referential_foreign_attribute(). @since 1.3 */
SNPLP_API int snplp_convention_foreign_attribute(const char **ns, const char **prefix,
                                                 const char **name, const char **value,
                                                 const snplp_convention *conv, const char *item_id,
                                                 size_t index);
/** @brief The foreign attribute at @p index, with the out-parameters last.
 *  @deprecated Since 1.3: use snplp_convention_foreign_attribute() (out-parameters first). */
SNPLP_API int snplp_convention_foreign_attribute_at(const snplp_convention *conv,
                                                    const char *item_id, size_t index,
                                                    const char **ns, const char **prefix,
                                                    const char **name, const char **value)
    SNPLP_DEPRECATED("snplp_convention_foreign_attribute()");

SNPLP_END_DECLS

#endif
