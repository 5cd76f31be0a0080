/**
 * @file xml.h
 * @brief Reading and writing a referential as XML (namespace `urn:snplp:1.0`).
 *
 * The format is described in docs/xml-format.md; its XML Schema is compiled into the library
 * (snplp_xml_schema()) and installed as `share/snplp/snplp-1.2.xsd` (which includes
 * `snplp-1.1.xsd`, itself including `snplp-1.0.xsd`, both installed next to it). A document
 * holds a referential (since 1.5 with the offers of its modules, format 1.2: offer.h), a file
 * of conventions or (since 1.4) training records, each read and written by its own functions.
 *
 * Import streams the input through libxml2's SAX2 push parser (never a DOM) and reports every
 * problem of the document in one pass, each as a diagnostic with its line and column:
 * well-formedness (fatal: it ends the pass), refused constructs and size limits (a document
 * type declaration, nesting deeper than #SNPLP_XML_MAX_DEPTH, a text longer than
 * #SNPLP_XML_MAX_TEXT characters, an attribute longer than #SNPLP_XML_MAX_ATTRIBUTE bytes, an
 * element with more than #SNPLP_XML_MAX_ATTRIBUTES attributes or a start tag longer than
 * #SNPLP_XML_MAX_START_TAG bytes),
 * everything the schema states (checked by the library's own streaming checks), then the
 * model's rules (duplicate ids, then snplp_referential_validate() on what was read). With
 * any error no referential is returned; warnings alone (a text normalized to NFC) return it.
 * At most #SNPLP_XML_MAX_FINDINGS findings of a document are kept, then one saying how many
 * more there were. An import with snplp_import_options_set_keep_invalid() also returns a
 * referential whose only errors are findings of the model's rules. The input is untrusted: no
 * network access, no external entity or DTD is ever loaded, no entity is expanded.
 *
 * Export is deterministic: the same referential always gives the same bytes (UTF-8 with a
 * declaration, two-space indentation, document order, numbers in a fixed form). Writing to a
 * path is atomic: the old file stays whole if anything fails.
 *
 * Elements and attributes of other namespaces that the schema allows on an item are kept
 * (extension.h) and written back.
 */
#ifndef SNPLP_XML_H
#define SNPLP_XML_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief The namespace of the format, "urn:snplp:1.0". */
#define SNPLP_XML_NAMESPACE "urn:snplp:1.0"
/** @brief Elements nest at most this deep (the root is depth 1). */
#define SNPLP_XML_MAX_DEPTH 100
/** @brief A text holds at most this many characters (Unicode code points). */
#define SNPLP_XML_MAX_TEXT 1000000
/** @brief An attribute value holds at most this many bytes. */
#define SNPLP_XML_MAX_ATTRIBUTE 65536
/** @brief An element has at most this many attributes, namespace declarations included
 *  (checked on the bytes before libxml2 parses the start tag; fatal). @since 1.3 */
#define SNPLP_XML_MAX_ATTRIBUTES 256
/** @brief A start tag (from its '<' to its '>') holds at most this many bytes (checked on the
 *  bytes before libxml2 parses it; fatal). @since 1.3 */
#define SNPLP_XML_MAX_START_TAG 1048576
/** @brief An import keeps at most this many findings of one document; a last finding
 *  (too-many-findings) says how many more were dropped. @since 1.3 */
#define SNPLP_XML_MAX_FINDINGS 1000

/**
 * @brief The format's XML Schema (XSD 1.0) as a NUL-terminated UTF-8 string (static).
 *
 * One self-contained schema of the latest version of the format the library reads: since 1.5,
 * version 1.2 (snplp-1.2.xsd with its include of snplp-1.1.xsd, and that one's of
 * snplp-1.0.xsd, resolved into the text; 1.4 gave version 1.1), which declares the three roots
 * `<referential>`, `<conventions>` and `<records>`. Every 1.0 and 1.1 document is valid
 * against it and means the same. A validator needs nothing else (no file to find).
 */
SNPLP_API const char *snplp_xml_schema(void);

/**
 * @brief Progress of an import: @p done bytes read of @p total (0 when the total is not
 *        known, as with a read callback).
 * @return 0 to go on; any other value cancels the import (#SNPLP_EIO, diagnostic "io").
 */
typedef int (*snplp_progress_fn)(void *user, uint64_t done, uint64_t total);

/**
 * @brief Reads up to @p size bytes into @p buf.
 * @return the number of bytes read (1 byte at a time is fine), 0 at the end of the input, or
 *         a negative value on error (the import fails with #SNPLP_EIO).
 */
typedef long (*snplp_read_fn)(void *user, char *buf, size_t size);

/**
 * @brief Writes @p size bytes from @p buf (all of them).
 * @return 0 on success, any other value on error (the export fails with #SNPLP_EIO).
 */
typedef int (*snplp_write_fn)(void *user, const char *buf, size_t size);

/**
 * @brief Options of an import. NULL options mean the defaults: not strict, no model kept on
 *        a rule's finding, no progress.
 */
typedef struct snplp_import_options snplp_import_options;

/** @brief Creates default options (owned by the caller). @return #SNPLP_OK, #SNPLP_EINVAL,
 * #SNPLP_ENOMEM. */
SNPLP_API int snplp_import_options_new(snplp_import_options **out);
/** @brief Frees options. NULL is a no-op. */
SNPLP_API void snplp_import_options_free(snplp_import_options *options);
/**
 * @brief Strict import: also validates the document with libxml2's XSD validator against the
 *        compiled-in schema, while streaming (its findings are diagnostics "schema"). Costs
 *        about twice the default import. The default import already checks what the schema
 *        states; strict mode is a second opinion.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL options).
 */
SNPLP_API int snplp_import_options_set_strict(snplp_import_options *options, bool strict);
/** @brief Whether the options are strict (false for NULL). */
SNPLP_API bool snplp_import_options_strict(const snplp_import_options *options);
/**
 * @brief Keeps a model that breaks the model's rules: with it, the findings of the model's
 *        rules (codes 100-199 and 300-319 of diagnostics.h: a module longer than the plan
 *        allows, a prerequisite cycle, a dangling reference, an empty title...) no longer stop
 *        the import. They are all in the diagnostics, and the import returns #SNPLP_OK with the
 *        model as read, for the caller to fix (a draft saved with such a finding reopens).
 *        What the model cannot hold still fails the import and returns no model: a document
 *        that is not well-formed or breaks the schema (#SNPLP_EPARSE), an id used twice or a
 *        value the model refuses (#SNPLP_EVALIDATION, codes 230-231). Whatever an export
 *        writes reads back with it into an equal model, but for the two size limits an export
 *        does not check (#SNPLP_XML_MAX_TEXT, #SNPLP_XML_MAX_ATTRIBUTE). Off by default: the
 *        contract of the import functions (no model on any error) is unchanged without it.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL options).
 * @since 1.3
 */
SNPLP_API int snplp_import_options_set_keep_invalid(snplp_import_options *options,
                                                    bool keep_invalid);
/** @brief Whether the options keep a model that breaks the model's rules (false for NULL).
 *  @since 1.3 */
SNPLP_API bool snplp_import_options_keep_invalid(const snplp_import_options *options);
/**
 * @brief Sets a progress callback, called after each chunk of input; NULL removes it.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL options).
 */
SNPLP_API int snplp_import_options_set_progress(snplp_import_options *options,
                                                snplp_progress_fn progress, void *user);

/**
 * @brief Imports a referential from the file at @p path.
 *
 * @param[out] out the new referential (owned by the caller) when there is no error; left
 *             unchanged otherwise.
 * @param diags receives every finding (appended; may be NULL to discard them).
 * @param path the file to read.
 * @param options NULL for the defaults.
 * @return #SNPLP_OK (possibly with warnings in @p diags), #SNPLP_EINVAL (NULL @p out or
 *         @p path), #SNPLP_EIO (the file cannot be opened or read, or the progress callback
 *         cancelled), #SNPLP_EPARSE (the document is not well-formed, is refused, or breaks
 *         the schema), #SNPLP_EVALIDATION (the document is well-formed and follows the schema
 *         but breaks a rule of the model), #SNPLP_ENOMEM. The thread's last error message
 *         repeats the first error found.
 */
SNPLP_API int snplp_referential_import_file(snplp_referential **out, snplp_diagnostics *diags,
                                            const char *path, const snplp_import_options *options);

/**
 * @brief Imports a referential from @p size bytes at @p data (contract of
 *        snplp_referential_import_file()).
 * @param name a name for the input in messages (may be NULL).
 */
SNPLP_API int snplp_referential_import_memory(snplp_referential **out, snplp_diagnostics *diags,
                                              const void *data, size_t size, const char *name,
                                              const snplp_import_options *options);

/**
 * @brief Imports a referential from what @p read delivers (contract of
 *        snplp_referential_import_file()).
 * @param name a name for the input in messages (may be NULL).
 */
SNPLP_API int snplp_referential_import_callback(snplp_referential **out, snplp_diagnostics *diags,
                                                snplp_read_fn read, void *user, const char *name,
                                                const snplp_import_options *options);

/**
 * @brief Exports @p ref to the file at @p path, atomically: the document is written to a new
 *        file in the same directory, flushed to disk, then renamed over @p path. If anything
 *        fails, @p path is left as it was and the new file is removed.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL argument), #SNPLP_EIO, #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_referential_export_file(const snplp_referential *ref, const char *path);

/**
 * @brief Exports @p ref to memory.
 * @param[out] out receives the document, NUL-terminated, to free with snplp_free().
 * @param[out] size receives its size in bytes (without the NUL); may be NULL.
 * @return #SNPLP_OK, #SNPLP_EINVAL, #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_referential_export_memory(char **out, size_t *size,
                                              const snplp_referential *ref);

/**
 * @brief Exports @p ref through @p write, in pieces.
 * @return #SNPLP_OK, #SNPLP_EINVAL, #SNPLP_EIO (@p write failed: nothing more is written),
 *         #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_referential_export_callback(const snplp_referential *ref, snplp_write_fn write,
                                                void *user);

/**
 * @brief Imports a file of conventions (root element `<conventions>`, one or more
 *        `<convention>`): the same reading, checks, limits and findings as a referential
 *        (docs/xml-format.md, "Files of conventions").
 *
 * The schema's rules and the model's refusals (an unofficial territory code, a reused id...)
 * are findings placed at their line and column. The coherence rules of conventions
 * (snplp_convention_validate()) are not applied: a commissioner loads a territory's file whole
 * and checks it afterwards.
 *
 * @param[out] out the new list (free with snplp_convention_list_free()) when there is no
 *             error; left unchanged otherwise.
 * @param diags receives every finding (appended; may be NULL to discard them).
 * @param path the file to read.
 * @param options NULL for the defaults.
 * @return as snplp_referential_import_file().
 */
SNPLP_API int snplp_conventions_import_file(snplp_convention_list **out, snplp_diagnostics *diags,
                                            const char *path, const snplp_import_options *options);

/** @brief Imports conventions from memory (contract of snplp_conventions_import_file()). */
SNPLP_API int snplp_conventions_import_memory(snplp_convention_list **out, snplp_diagnostics *diags,
                                              const void *data, size_t size, const char *name,
                                              const snplp_import_options *options);

/** @brief Imports conventions through @p read (contract of snplp_conventions_import_file()). */
SNPLP_API int snplp_conventions_import_callback(snplp_convention_list **out,
                                                snplp_diagnostics *diags, snplp_read_fn read,
                                                void *user, const char *name,
                                                const snplp_import_options *options);

/**
 * @brief Exports a list of conventions to the file at @p path, atomically (as
 *        snplp_referential_export_file()). The document is deterministic: the same list gives
 *        the same bytes, and importing it gives an equal list.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL argument, empty list), #SNPLP_EIO, #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_conventions_export_file(const snplp_convention_list *list, const char *path);

/** @brief Exports a list of conventions to memory (as snplp_referential_export_memory()). */
SNPLP_API int snplp_conventions_export_memory(char **out, size_t *size,
                                              const snplp_convention_list *list);

/** @brief Exports a list of conventions through @p write (as
 *         snplp_referential_export_callback()). */
SNPLP_API int snplp_conventions_export_callback(const snplp_convention_list *list,
                                                snplp_write_fn write, void *user);

/* ---------------------------------------------------------------------------------------- */

/**
 * @brief Imports training records (root element `<records>`, format 1.1): the same reading,
 *        checks, limits and findings as a referential (docs/xml-format.md, "Training
 *        records").
 *
 * The schema's rules and the model's refusals (an id used twice, a SIRET whose key is wrong, a
 * session of 0 days...) are findings placed at their line and column. References (a worker's
 * profession and employer, a session's subject and training body, an attendance's worker and
 * session) and the rules of coherence are not checked: call snplp_records_validate() with the
 * referential the records are read with. Elements and attributes of other namespaces are kept
 * on every record and on the records themselves (records.h, "Extensions").
 *
 * @param[out] out the new records (one reference: snplp_records_unref()) when there is no
 *             error; left unchanged otherwise.
 * @param diags receives every finding (appended; may be NULL to discard them).
 * @param path the file to read.
 * @param options NULL for the defaults (strict mode validates against snplp_xml_schema()).
 * @return as snplp_referential_import_file(): #SNPLP_EPARSE for a document that is not
 *         well-formed, is refused or breaks the schema (a `<referential>` or `<conventions>`
 *         root is `wrong-root`), #SNPLP_EVALIDATION when only the model refused values.
 * @since 1.4
 */
SNPLP_API int snplp_records_import_file(snplp_records **out, snplp_diagnostics *diags,
                                        const char *path, const snplp_import_options *options);

/** @brief Imports training records from memory (contract of snplp_records_import_file()).
 *  @since 1.4 */
SNPLP_API int snplp_records_import_memory(snplp_records **out, snplp_diagnostics *diags,
                                          const void *data, size_t size, const char *name,
                                          const snplp_import_options *options);

/** @brief Imports training records through @p read (contract of snplp_records_import_file()).
 *  @since 1.4 */
SNPLP_API int snplp_records_import_callback(snplp_records **out, snplp_diagnostics *diags,
                                            snplp_read_fn read, void *user, const char *name,
                                            const snplp_import_options *options);

/**
 * @brief Exports training records to the file at @p path, atomically (as
 *        snplp_referential_export_file()). The document is deterministic: the same records give
 *        the same bytes, and importing it gives equal records (snplp_records_equal()),
 *        extensions included. Empty records give a `<records>` element with no child.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL argument, not records), #SNPLP_EIO, #SNPLP_ENOMEM.
 * @since 1.4
 */
SNPLP_API int snplp_records_export_file(const snplp_records *records, const char *path);

/** @brief Exports training records to memory (as snplp_referential_export_memory()).
 *  @since 1.4 */
SNPLP_API int snplp_records_export_memory(char **out, size_t *size, const snplp_records *records);

/** @brief Exports training records through @p write (as snplp_referential_export_callback()).
 *  @since 1.4 */
SNPLP_API int snplp_records_export_callback(const snplp_records *records, snplp_write_fn write,
                                            void *user);

SNPLP_END_DECLS

#endif
