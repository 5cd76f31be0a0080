/**
 * @file lheo.h
 * @brief Training offers as LHEO 2.3 documents (since 1.5).
 *
 * LHEO (Langage Harmonisé d'Échange d'informations sur l'Offre de formation, version 2.3,
 * namespace `http://lheo.gouv.fr/2.3`, published by the COPIL LHÉO) is the format in which
 * training offers travel in France: training bodies publish them, the Carif-Oref network
 * collects them region by region. docs/lheo.md gives the mapping, element by element.
 *
 * **Export.** A catalogue (a referential: modules under national themes) and training records
 * (the training bodies and their sessions) make an LHEO document: one `<formation>` per module
 * × training body that has sessions of it, with one `<action>` holding one `<session>` per
 * session, and the body as the `<organisme-formation-responsable>`. Texts come from the model
 * (title, objectives, learning outcomes, competences and their content); what LHEO requires and
 * the model may lack comes from the module's offer (offer.h) and the training body. Nothing is
 * made up: an offer that lacks a required value is left out with a finding
 * (#SNPLP_DIAG_LHEO_MISSING_DATA) naming the value and the module, and a text longer than LHEO
 * allows is cut on a word boundary with a finding (#SNPLP_DIAG_LHEO_TEXT_CUT). Every document
 * written validates against the official XSD (lheo.xsd 2.3); when no offer is complete, no
 * document is written (LHEO requires at least one `<formation>`).
 *
 * The export is deterministic: the modules in the catalogue's order, for each the training
 * bodies in the records' order, the sessions in the records' order.
 *
 * **Import.** An LHEO document (a regional feed: tens of megabytes, streamed with the limits
 * and refusals of every import, xml.h) makes a new catalogue and new training records: each
 * `<formation>` a module with its offer, its `<organisme-formation-responsable>` a training
 * body, each `<session>` a session. What the model does not hold is kept with the object it
 * belongs to as an extension of the LHEO namespace, and the export writes it back in place, so
 * that LHEO → snplp → LHEO loses nothing the schema requires. Each offer is matched to the
 * national themes (those of the built-in referential, or snplp_lheo_options_set_themes()) by
 * the folded search of docs/text.md over its title, objectives and content: a match is a
 * finding (#SNPLP_DIAG_LHEO_THEME_MATCH) with the theme, the labels found and a score, applied
 * only when asked (snplp_lheo_options_set_accept_matches(), or a minimum score); a module whose
 * offer is unmatched or whose match is not applied has the theme id #SNPLP_LHEO_NO_THEME, which
 * names no theme (#SNPLP_DIAG_LHEO_NO_THEME): the catalogue's validation reports it, and
 * snplp_import_options_set_keep_invalid() reopens such a catalogue saved as XML.
 */
#ifndef SNPLP_LHEO_H
#define SNPLP_LHEO_H

#include <snplp/common.h>
#include <snplp/diagnostics.h>
#include <snplp/xml.h>

SNPLP_BEGIN_DECLS

/** @brief The LHEO 2.3 namespace. */
#define SNPLP_LHEO_NAMESPACE "http://lheo.gouv.fr/2.3"

/** @brief The theme id of a module the LHEO import could not place under a national theme:
 *         it names no theme. */
#define SNPLP_LHEO_NO_THEME "theme-none"

/** @brief Options of the LHEO export and import (opaque; the defaults when NULL). */
typedef struct snplp_lheo_options snplp_lheo_options;

/** @brief A new options object with the defaults. @return #SNPLP_OK, #SNPLP_EINVAL (NULL
 *         @p out), #SNPLP_ENOMEM. */
SNPLP_API int snplp_lheo_options_new(snplp_lheo_options **out);
/** @brief Frees the options (NULL is allowed). */
SNPLP_API void snplp_lheo_options_free(snplp_lheo_options *options);
/**
 * @brief Export: all or nothing. By default (false) an incomplete offer is left out and the
 *        others are written; when true, any offer left out means no document at all.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL options).
 */
SNPLP_API int snplp_lheo_options_set_all_or_nothing(snplp_lheo_options *options, bool on);
/** @brief Whether the export is all or nothing (false for NULL). */
SNPLP_API bool snplp_lheo_options_all_or_nothing(const snplp_lheo_options *options);
/**
 * @brief Import: applies every match of an offer to a national theme (default false: a match
 *        is only a finding, and the module has no theme).
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL options).
 */
SNPLP_API int snplp_lheo_options_set_accept_matches(snplp_lheo_options *options, bool on);
/** @brief Whether the import applies every match (false for NULL). */
SNPLP_API bool snplp_lheo_options_accept_matches(const snplp_lheo_options *options);
/**
 * @brief Import: applies the matches whose score is at least @p score (0, the default: none by
 *        score). A label of the theme found in the offer's title counts 3, in its objectives 2,
 *        in its content 1 (docs/lheo.md, "Matching").
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL options, a score below 0).
 */
SNPLP_API int snplp_lheo_options_set_min_score(snplp_lheo_options *options, int score);
/** @brief The minimum score (0 for NULL). */
SNPLP_API int snplp_lheo_options_min_score(const snplp_lheo_options *options);
/**
 * @brief Import: the referential whose themes the offers are matched to (borrowed: it must
 *        outlive the import); NULL, the default: the built-in referential's six themes.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL options).
 */
SNPLP_API int snplp_lheo_options_set_themes(snplp_lheo_options *options,
                                            const snplp_referential *themes);

/**
 * @brief Exports the offers of @p catalogue with the sessions of @p records as an LHEO 2.3
 *        document in a new buffer (NUL-terminated UTF-8, freed with snplp_free()).
 * @param records the training bodies and sessions; NULL: none (then no offer can be written).
 * @param diags receives the findings (may be NULL: the findings are not wanted).
 * @return #SNPLP_OK (a document was written; @p diags may hold findings about offers left out
 *         or texts cut), #SNPLP_EVALIDATION (no document: no offer is complete, or one was
 *         left out and the options ask for all or nothing; @p diags says why), #SNPLP_EINVAL
 *         (NULL @p out, @p size or @p catalogue), #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_lheo_export_memory(char **out, size_t *size, const snplp_referential *catalogue,
                                       const snplp_records *records, snplp_diagnostics *diags,
                                       const snplp_lheo_options *options);
/**
 * @brief As snplp_lheo_export_memory(), to the file @p path, replaced atomically (a new file
 *        next to it, flushed, renamed over it): with #SNPLP_EVALIDATION or any error, @p path
 *        is left as it was.
 * @return as snplp_lheo_export_memory(), and #SNPLP_EIO.
 */
SNPLP_API int snplp_lheo_export_file(const snplp_referential *catalogue,
                                     const snplp_records *records, const char *path,
                                     snplp_diagnostics *diags, const snplp_lheo_options *options);
/**
 * @brief As snplp_lheo_export_memory(), through @p write (nothing is written with
 *        #SNPLP_EVALIDATION).
 * @return as snplp_lheo_export_memory(), and #SNPLP_EIO when @p write fails.
 */
SNPLP_API int snplp_lheo_export_callback(const snplp_referential *catalogue,
                                         const snplp_records *records, snplp_write_fn write,
                                         void *user, snplp_diagnostics *diags,
                                         const snplp_lheo_options *options);

/**
 * @brief Import: validates the document as it streams against the XML Schema at @p path (the
 *        official LHEO 2.3 XSD, `lheo.xsd`, which libsnplp does not carry: its publisher states
 *        no licence; the sources keep a copy under tests/lheo/ for their tests). Each problem is
 *        a finding `schema` (220) with its line and column, and an invalid document fails the
 *        import (#SNPLP_EPARSE). NULL, the default: no schema validation (the import still
 *        reads every document it is given safely and maps what it knows).
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL options), #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_lheo_options_set_schema_file(snplp_lheo_options *options, const char *path);
/** @brief The path set by snplp_lheo_options_set_schema_file(), NULL if none (or for NULL). */
SNPLP_API const char *snplp_lheo_options_schema_file(const snplp_lheo_options *options);

/**
 * @brief The matches of an import (opaque): for each module the import made, the national theme
 *        its offer matched (if any), the score, the labels found, whether the match was applied.
 *        The same as the findings #SNPLP_DIAG_LHEO_THEME_MATCH and #SNPLP_DIAG_LHEO_NO_THEME say,
 *        as data, for every module (the findings stop at the limit of an import's findings).
 */
typedef struct snplp_lheo_matches snplp_lheo_matches;

/** @brief A new, empty list of matches. @return #SNPLP_OK, #SNPLP_EINVAL (NULL @p out),
 *         #SNPLP_ENOMEM. */
SNPLP_API int snplp_lheo_matches_new(snplp_lheo_matches **out);
/** @brief Frees the list (NULL is allowed). */
SNPLP_API void snplp_lheo_matches_free(snplp_lheo_matches *matches);
/**
 * @brief Import: fills @p matches (emptied first; borrowed: it must outlive the import) with one
 *        entry per module the import made, in the catalogue's order; NULL, the default: none.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL options).
 */
SNPLP_API int snplp_lheo_options_set_matches(snplp_lheo_options *options,
                                             snplp_lheo_matches *matches);
/** @brief How many entries (0 for NULL). */
SNPLP_API size_t snplp_lheo_matches_count(const snplp_lheo_matches *matches);
/** @brief The id of the module of entry @p index (NULL when out of range). Borrowed. */
SNPLP_API const char *snplp_lheo_match_module_id(const snplp_lheo_matches *matches, size_t index);
/** @brief The national theme the offer matched best, NULL when none did or two did as well
 *         (snplp_lheo_match_tie()). Borrowed. */
SNPLP_API const char *snplp_lheo_match_theme_id(const snplp_lheo_matches *matches, size_t index);
/** @brief The score of the best match (0: no label found; docs/lheo.md, "Matching"), -1 when
 *         out of range. */
SNPLP_API int snplp_lheo_match_score(const snplp_lheo_matches *matches, size_t index);
/** @brief Whether two themes or more matched with the best score (then no theme is taken). */
SNPLP_API bool snplp_lheo_match_tie(const snplp_lheo_matches *matches, size_t index);
/** @brief Whether the match was applied: the module is under the theme. */
SNPLP_API bool snplp_lheo_match_applied(const snplp_lheo_matches *matches, size_t index);
/** @brief How many of the theme's labels (its title or its alternative labels) were found. */
SNPLP_API size_t snplp_lheo_match_label_count(const snplp_lheo_matches *matches, size_t index);
/** @brief The label at @p label of entry @p index, as the theme writes it (NULL when out of
 *         range). Borrowed. */
SNPLP_API const char *snplp_lheo_match_label_at(const snplp_lheo_matches *matches, size_t index,
                                                size_t label);

/**
 * @brief Imports the LHEO 2.3 document at @p path into a new catalogue and new training
 *        records (see the file's description).
 * @param[out] catalogue receives the catalogue: a module per formation (its offer filled, its
 *             theme the national theme matched and applied, or #SNPLP_LHEO_NO_THEME), and the
 *             national themes applied, copied (id, title, labels).
 * @param[out] records receives the training bodies and the sessions.
 * @param diags receives the findings: those of the reading (xml.h), and of the import
 *              (#SNPLP_DIAG_LHEO_THEME_MATCH, #SNPLP_DIAG_LHEO_NO_THEME, #SNPLP_DIAG_LHEO_LEFT_OUT,
 *              #SNPLP_DIAG_LHEO_VALUE_KEPT, #SNPLP_DIAG_LHEO_ASSUMED).
 * @param options the reading's (limits, progress; strict is not applied: it checks the snplp
 *                format's schema), NULL for the defaults.
 * @param lheo the matching's (NULL: the defaults).
 * @return #SNPLP_OK, #SNPLP_EPARSE (not well-formed, past a limit, or not valid against the
 *         schema of the options: nothing made), #SNPLP_EINVAL (NULL @p catalogue, @p records or
 *         @p path; a schema file that cannot be read as an XML Schema), #SNPLP_EIO,
 *         #SNPLP_ENOMEM, and the failures of snplp_referential_builtin().
 */
SNPLP_API int snplp_lheo_import_file(snplp_referential **catalogue, snplp_records **records,
                                     snplp_diagnostics *diags, const char *path,
                                     const snplp_import_options *options,
                                     const snplp_lheo_options *lheo);
/** @brief As snplp_lheo_import_file(), from @p size bytes at @p data; @p name names the
 *         document in messages (NULL: "(input)"). */
SNPLP_API int snplp_lheo_import_memory(snplp_referential **catalogue, snplp_records **records,
                                       snplp_diagnostics *diags, const void *data, size_t size,
                                       const char *name, const snplp_import_options *options,
                                       const snplp_lheo_options *lheo);
/** @brief As snplp_lheo_import_file(), from what @p read gives. */
SNPLP_API int snplp_lheo_import_callback(snplp_referential **catalogue, snplp_records **records,
                                         snplp_diagnostics *diags, snplp_read_fn read, void *user,
                                         const char *name, const snplp_import_options *options,
                                         const snplp_lheo_options *lheo);

SNPLP_END_DECLS

#endif
