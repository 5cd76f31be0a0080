/**
 * @file offer.h
 * @brief What a training body states about a module it offers, for LHEO (since 1.5).
 *
 * LHEO 2.3 (lheo.h, docs/lheo.md), the format in which training offers travel in France,
 * requires data that a module of the strategy does not describe: whether the training leads
 * to a certification, the kind of path, the entry level, the rhythm, the work-study terms, the
 * specific conditions of access, whether fees may be covered, and the audiences aimed at as
 * FORMACODE codes. A training body knows them for each module it offers: they are the
 * module's *offer*, optional, kept with the module, written in the snplp format as the
 * module's `<offer>` element (format 1.2, docs/xml-format.md) and exported to LHEO.
 *
 * Coded values are the keys of the official tables of the LHEO definition (COPIL LHÉO,
 * `lheo-gml.xml` 2.3.0): a code that is not in its table is refused, and
 * snplp_offer_code_label() gives the table's French label. Nothing here is made up by the
 * library: a value that is not set stays unset (-1, NULL), and the LHEO export reports it
 * instead of inventing it.
 *
 * A module has an offer as soon as one of these values is set (snplp_module_has_offer()).
 * Every setter fails with #SNPLP_EFROZEN on a frozen referential and changes nothing on
 * failure.
 */
#ifndef SNPLP_OFFER_H
#define SNPLP_OFFER_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief The coded values of an offer. Values are part of the ABI. */
typedef enum snplp_offer_code {
    /** `parcours-de-formation`, table dict-type-parcours: 1 en groupe (non personnalisable),
     *  2 individualisé, 3 modularisé, 4 mixte. Required by LHEO. */
    SNPLP_OFFER_PATH = 1,
    /** `code-niveau-entree`, table dict-niveaux: 0–8 (the former levels), 11–18 (the current
     *  ones, « Niveau 1 » to « Niveau 8 »). Required by LHEO. */
    SNPLP_OFFER_ENTRY_LEVEL = 2,
    /** `code-niveau-sortie`, table dict-niveaux. Optional in LHEO. */
    SNPLP_OFFER_EXIT_LEVEL = 3,
    /** `certifiante`, table dict-boolean: 0 non, 1 oui. Required by LHEO. */
    SNPLP_OFFER_CERTIFYING = 4,
    /** `niveau-entree-obligatoire`, table dict-boolean. Required by LHEO. */
    SNPLP_OFFER_ENTRY_LEVEL_REQUIRED = 5,
    /** `prise-en-charge-frais-possible`, table dict-boolean. Required by LHEO. */
    SNPLP_OFFER_FEES_COVERED = 6
} snplp_offer_code;

/** @brief The number of coded values (the last value of #snplp_offer_code). */
#define SNPLP_OFFER_CODE_COUNT 6

/** @brief The texts of an offer. Values are part of the ABI. */
typedef enum snplp_offer_text {
    /** `rythme-formation`: the rhythm (« 3 jours consécutifs », « 2 jours puis 1 jour à un
     *  mois d’intervalle »). Required by LHEO (at most 3 000 characters). */
    SNPLP_OFFER_RHYTHM = 1,
    /** `modalites-alternance`: the work-study terms (a training with no work-study period says
     *  so in words). Required by LHEO (at most 3 000 characters). */
    SNPLP_OFFER_WORK_STUDY = 2,
    /** `conditions-specifiques`: the specific conditions of access. Required by LHEO (at most
     *  3 000 characters). */
    SNPLP_OFFER_CONDITIONS = 3,
    /** `info-public-vise`: a word on the audiences aimed at. Optional in LHEO (at most 250
     *  characters). */
    SNPLP_OFFER_AUDIENCE_INFO = 4,
    /** `objectif-formation`: the offer's own objectives. When not set, the LHEO export writes
     *  those of the module's theme or of the training plan (docs/lheo.md). */
    SNPLP_OFFER_OBJECTIVES = 5,
    /** `resultats-attendus`: the offer's own expected results. When not set, the export writes
     *  the learning outcomes of the module's theme or of the training plan, or the module's
     *  expected role. */
    SNPLP_OFFER_RESULTS = 6,
    /** `contenu-formation`: the offer's own description of its content. When not set, the
     *  export writes the module's competences and their content items. */
    SNPLP_OFFER_CONTENT = 7
} snplp_offer_text;

/** @brief The number of texts (the last value of #snplp_offer_text). */
#define SNPLP_OFFER_TEXT_COUNT 7

/** @brief The most audience codes an offer holds (LHEO allows 1 to 10 `code-public-vise`). */
#define SNPLP_OFFER_MAX_AUDIENCE_CODES 10

/**
 * @brief The name of a coded value in the snplp format (the attribute of `<offer>`): "path",
 *        "entry-level", "exit-level", "certifying", "entry-level-required", "fees-covered";
 *        "unknown" for any other value.
 */
SNPLP_API const char *snplp_offer_code_name(snplp_offer_code which);
/** @brief The name of the official LHEO table of a coded value ("dict-type-parcours",
 *         "dict-niveaux", "dict-boolean"), NULL for an unknown @p which. */
SNPLP_API const char *snplp_offer_code_table(snplp_offer_code which);
/**
 * @brief The official French label of @p code in the table of @p which (« individualisé »,
 *        « Niveau 3. Capacité à effectuer… »), verbatim from the LHEO definition; NULL when
 *        the code is not in the table. Static: never freed.
 */
SNPLP_API const char *snplp_offer_code_label(snplp_offer_code which, int code);
/** @brief The name of a text in the snplp format (the child element of `<offer>`): "rhythm",
 *         "work-study", "conditions", "audience-info", "objectives", "results",
 *         "content-description";
 *         "unknown" for any other value. */
SNPLP_API const char *snplp_offer_text_name(snplp_offer_text which);

/** @brief Whether the module has an offer: at least one value of this header set (false for
 *         NULL). */
SNPLP_API bool snplp_module_has_offer(const snplp_module *module);

/** @brief A coded value of the module's offer, -1 when it is not set (or for NULL, or an
 *         unknown @p which). */
SNPLP_API int snplp_module_offer_code(const snplp_module *module, snplp_offer_code which);
/**
 * @brief Sets a coded value of the module's offer; -1 unsets it.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL module, unknown @p which, a code that is not in the
 *         official table: the message names the table), #SNPLP_EFROZEN, #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_module_set_offer_code(snplp_module *module, snplp_offer_code which, int code);

/** @brief A text of the module's offer, NULL when it is not set. Borrowed: valid until that
 *         text changes, as long as the referential. */
SNPLP_API const char *snplp_module_offer_text(const snplp_module *module, snplp_offer_text which);
/**
 * @brief Sets a text of the module's offer (copied, NFC-normalized); NULL unsets it. A blank
 *        text is refused: unset it instead. The length is not limited here: the LHEO export
 *        cuts a text longer than LHEO allows, on a word boundary, with a finding.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL module, unknown @p which, blank text),
 *         #SNPLP_EENCODING, #SNPLP_EFROZEN, #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_module_set_offer_text(snplp_module *module, snplp_offer_text which,
                                          const char *text);

/** @brief The version of the FORMACODE thesaurus the audience codes come from ("V14"), NULL
 *         when not set. Borrowed. LHEO requires it with every `code-public-vise`. */
SNPLP_API const char *snplp_module_formacode_version(const snplp_module *module);
/**
 * @brief Sets the FORMACODE version: "V" then 1 to 3 digits; NULL unsets it.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL module, another form), #SNPLP_EFROZEN,
 *         #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_module_set_formacode_version(snplp_module *module, const char *version);

/** @brief How many audience codes (FORMACODE codes of the public aimed at) the offer holds
 *         (0 for NULL). */
SNPLP_API size_t snplp_module_audience_code_count(const snplp_module *module);
/** @brief The audience code at @p index (NULL when out of range). Borrowed. */
SNPLP_API const char *snplp_module_audience_code_at(const snplp_module *module, size_t index);
/**
 * @brief Adds an audience code: a FORMACODE code of five digits ("15041"), written by the LHEO
 *        export as `code-public-vise` with the module's FORMACODE version.
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL module, not five digits, already
 *         #SNPLP_OFFER_MAX_AUDIENCE_CODES codes), #SNPLP_EEXISTS (the code is there already),
 *         #SNPLP_EFROZEN, #SNPLP_ENOMEM.
 */
SNPLP_API int snplp_module_add_audience_code(snplp_module *module, const char *code);
/** @brief Removes every audience code. @return #SNPLP_OK, #SNPLP_EINVAL, #SNPLP_EFROZEN. */
SNPLP_API int snplp_module_clear_audience_codes(snplp_module *module);

SNPLP_END_DECLS

#endif
