/**
 * @file diploma_rule.h
 * @brief A diploma-level rule for the priority public, e.g. the holders of a State diploma of
 *        social work of level II (level 6 of the national framework) or I.
 *
 * Created with snplp_referential_add_diploma_rule(). The rule keeps the source's wording and,
 * optionally, the minimum level in the current national framework of professional
 * certifications (levels 1 to 8; the old level II is level 6).
 *
 * A rule belongs to the referential, not to a theme: it applies to the priority public of the
 * whole training plan. The built-in referential's one rule, « titulaires d'un des 5 diplômes
 * d'Etat du travail social de niveau II (...) ou I » (minimum level 6), is stated by the seed
 * « Note de cadrage du groupe de travail : travail social et insertion socio-professionnelle »
 * for the insertion modules; the seeds are silent on the other themes (docs/referential.md).
 */
#ifndef SNPLP_DIPLOMA_RULE_H
#define SNPLP_DIPLOMA_RULE_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief The id (NULL for NULL). Borrowed: valid as long as the referential. */
SNPLP_API const char *snplp_diploma_rule_id(const snplp_diploma_rule *rule);
/** @brief The referential that owns it (NULL for NULL). */
SNPLP_API snplp_referential *snplp_diploma_rule_referential(const snplp_diploma_rule *rule);

/** @brief The wording of the rule (NULL for NULL). Borrowed. For the built-in rule, the seed
 *         states it for the insertion modules only (see the file comment). */
SNPLP_API const char *snplp_diploma_rule_text(const snplp_diploma_rule *rule);
/** @brief Sets the wording (contract of snplp_strategy_set_title(); NULL is #SNPLP_EINVAL). */
SNPLP_API int snplp_diploma_rule_set_text(snplp_diploma_rule *rule, const char *text);

/**
 * @brief The minimum level in the current national framework (1 to 8). For the built-in rule,
 *        6, stated by the seed for the insertion modules only (see the file comment).
 * @return #SNPLP_OK, #SNPLP_EINVAL (NULL argument), #SNPLP_ENOTFOUND if not set.
 */
SNPLP_API int snplp_diploma_rule_min_level(int *out, const snplp_diploma_rule *rule);
/** @brief Sets the minimum level. @return #SNPLP_OK, #SNPLP_EINVAL (NULL object, level not
 *         in 1..8). */
SNPLP_API int snplp_diploma_rule_set_min_level(snplp_diploma_rule *rule, int level);
/** @brief Unsets the minimum level. @return #SNPLP_OK, #SNPLP_EINVAL (NULL object). */
SNPLP_API int snplp_diploma_rule_clear_min_level(snplp_diploma_rule *rule);

SNPLP_END_DECLS

#endif
