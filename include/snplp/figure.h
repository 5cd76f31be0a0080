/**
 * @file figure.h
 * @brief A key figure of another plan: an integer value and the wording that gives it, e.g.
 *        600000 and « les 600 000 professionnelles et professionnels de la petite enfance ».
 *
 * Created with snplp_plan_add_figure(). Its text is required (validation reports a blank one).
 */
#ifndef SNPLP_FIGURE_H
#define SNPLP_FIGURE_H

#include <snplp/common.h>

SNPLP_BEGIN_DECLS

/** @brief The id (NULL for NULL). Borrowed: valid as long as the referential. */
SNPLP_API const char *snplp_figure_id(const snplp_figure *figure);
/** @brief The referential that owns it (NULL for NULL). */
SNPLP_API snplp_referential *snplp_figure_referential(const snplp_figure *figure);
/** @brief The plan the figure belongs to (NULL for NULL). */
SNPLP_API snplp_plan *snplp_figure_plan(const snplp_figure *figure);

/** @brief The value (0 for NULL). */
SNPLP_API int64_t snplp_figure_value(const snplp_figure *figure);
/** @brief Sets the value. @return #SNPLP_OK, #SNPLP_EINVAL (NULL object). */
SNPLP_API int snplp_figure_set_value(snplp_figure *figure, int64_t value);

/** @brief The wording (NULL for NULL). Borrowed. */
SNPLP_API const char *snplp_figure_text(const snplp_figure *figure);
/** @brief Sets the wording (contract of snplp_strategy_set_title(); NULL is #SNPLP_EINVAL). */
SNPLP_API int snplp_figure_set_text(snplp_figure *figure, const char *text);

SNPLP_END_DECLS

#endif
