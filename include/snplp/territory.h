/**
 * @file territory.h
 * @brief The territories that sign conventions: départements, métropoles and régions, named by
 *        their official codes.
 *
 * A territory is identified by its kind and its code together: the région "52" (Pays de la
 * Loire) and the département "52" (Haute-Marne) are different territories. Codes are checked
 * against the official lists:
 * - département: its INSEE code of the Code officiel géographique, as written there: "01" to
 *   "95" without "20", "2A" and "2B" (Corse), and "971", "972", "973", "974", "976" (the
 *   overseas départements; "975" is not one);
 * - région: its INSEE code since 2016: "01", "02", "03", "04", "06" (overseas) and "11", "24",
 *   "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94";
 * - métropole: the SIREN number of the intercommunal body (9 digits whose Luhn checksum is
 *   valid), e.g. "200093201" for the Métropole Européenne de Lille.
 */
#ifndef SNPLP_TERRITORY_H
#define SNPLP_TERRITORY_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief The kinds of territories that sign conventions. Values are part of the ABI. */
typedef enum snplp_territory_kind {
    SNPLP_TERRITORY_NONE = 0,        /**< not a territory (an invalid argument) */
    SNPLP_TERRITORY_DEPARTEMENT = 1, /**< a département (conseil départemental), since 2019 */
    SNPLP_TERRITORY_METROPOLE = 2,   /**< a métropole, since 2020 */
    SNPLP_TERRITORY_REGION = 3       /**< a région (conseil régional), since 2020 */
} snplp_territory_kind;

/**
 * @brief The English identifier of a kind: "departement", "metropole" or "region".
 * @return a static string; "none" for #SNPLP_TERRITORY_NONE and for a value outside the enum.
 */
SNPLP_API const char *snplp_territory_kind_name(snplp_territory_kind kind);

/**
 * @brief The kind named @p name ("departement", "metropole", "region"), #SNPLP_TERRITORY_NONE
 *        for any other text or NULL.
 */
SNPLP_API snplp_territory_kind snplp_territory_kind_from_name(const char *name);

/**
 * @brief Whether @p code is an official code of a territory of kind @p kind (see the list
 *        above). Codes are compared as written: "2a", "1" or " 49" are not codes. Records no
 *        error.
 */
SNPLP_API bool snplp_territory_code_is_valid(snplp_territory_kind kind, const char *code);

SNPLP_END_DECLS

#endif
