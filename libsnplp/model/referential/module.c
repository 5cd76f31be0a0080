/* Modules: fields, references by id (theme, prerequisites, professions), competences and
 * recommendations, and the view each theme keeps of its modules. */
#include "model/referential/item.h"

#include <string.h>

#include "util/alloc.h"
#include "util/errors.h"

SNPLP_DEFINE_BASICS(module, MODULE)
SNPLP_DEFINE_TEXT(module, MODULE, title, TITLE, true)
SNPLP_DEFINE_TEXT(module, MODULE, subtitle, SUBTITLE, false)
SNPLP_DEFINE_TEXT(module, MODULE, audience, AUDIENCE, false)
SNPLP_DEFINE_TEXT(module, MODULE, role, ROLE, false)
SNPLP_DEFINE_CHILD_LIST(module, MODULE, competence, COMPETENCES)
SNPLP_DEFINE_ADD_CHILD(module, MODULE, competence, COMPETENCE, COMPETENCES)
SNPLP_DEFINE_CHILD_LIST(module, MODULE, recommendation, RECOMMENDATIONS)
SNPLP_DEFINE_ADD_CHILD(module, MODULE, recommendation, RECOMMENDATION, RECOMMENDATIONS)

const char *snplp_level_name(snplp_level level)
{
    return snplp__variant_name(snplp__level_names, (int)level);
}

static bool level_ok(snplp_level level)
{
    return level == SNPLP_LEVEL_FUNDAMENTALS || level == SNPLP_LEVEL_EXPERT;
}

/* ---- the theme's view of its modules, ordered as the referential's modules ---- */

static uint32_t view_position(const snplp_list *view, const snplp_item *module)
{
    uint32_t lo = 0, hi = view->n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (((const snplp_item *)view->v[mid])->index < module->index)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int snplp__module_add(snplp_item **out, snplp_referential *ref, const char *theme_id,
                      const char *id, snplp_level level, const char *title, const char *fn)
{
    if (!snplp__ref_ok(ref))
        return snplp__bad_arg(fn, "NULL or wrong object");
    if (!level_ok(level))
        return snplp__fail_in(fn, SNPLP_EINVAL, "unknown module level %d", (int)level);
    int rc = snplp__check_id(theme_id, fn, "theme id");
    if (rc)
        return rc;
    /* the newest module comes last among its theme's modules (item.c) */
    snplp_item_init init = {.id = id, .text = title, .ref = theme_id, .variant = (int)level};
    return snplp__item_make(out, ref, NULL, ROOT_MODULES, SNPLP_KIND_MODULE, &init,
                            SNPLP_TEXT_UNCHECKED, fn);
}

const char *snplp_module_theme_id(const snplp_module *module)
{
    return snplp__item_text(SNPLP__ITEM(module, MODULE), SNPLP_FIELD_THEME_ID);
}

snplp_theme *snplp_module_theme(const snplp_module *module)
{
    const snplp_item *it = SNPLP__ITEM(module, MODULE);
    return it ? (snplp_theme *)(void *)snplp__item_ref_target(
                    it, snplp__item_text(it, SNPLP_FIELD_THEME_ID))
              : NULL;
}

int snplp_module_set_theme_id(snplp_module *module, const char *theme_id)
{
    snplp_item *it = SNPLP__ITEM(module, MODULE);
    if (!it)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    SNPLP__UNFROZEN(it->root, __func__);
    int rc = snplp__check_id(theme_id, __func__, "theme id");
    if (rc)
        return rc;
    char **slot = snplp__item_text_slot(it, SNPLP_FIELD_THEME_ID);
    if (strcmp(*slot, theme_id) == 0)
        return 0;
    snplp_item *old = snplp__item_ref_target(it, *slot);
    snplp_item *new = snplp__item_ref_target(it, theme_id);
    snplp_list *new_view = new ? snplp__item_view_of(new, SNPLP_KIND_MODULE) : NULL;
    char *copy = snplp__strdup(theme_id);
    if (!copy || (new_view && snplp__list_reserve(new_view))) {
        snplp__free(copy);
        return snplp__oom();
    }
    if (old) {
        snplp_list *old_view = snplp__item_view_of(old, SNPLP_KIND_MODULE);
        snplp__list_remove(old_view, view_position(old_view, it));
    }
    if (new_view)
        snplp__list_insert(new_view, view_position(new_view, it), it);
    snplp__free(*slot);
    *slot = copy;
    snplp__touch(it->root);
    return 0;
}

/* ---- level and duration ---- */

snplp_level snplp_module_level(const snplp_module *module)
{
    const snplp_item *it = SNPLP__ITEM(module, MODULE);
    return it ? (snplp_level)it->variant : (snplp_level)0;
}

int snplp_module_set_level(snplp_module *module, snplp_level level)
{
    return snplp__item_set_variant(SNPLP__ITEM(module, MODULE), (int)level, snplp__level_names,
                                   "module level", __func__);
}

int snplp_module_duration_days(double *out, const snplp_module *module)
{
    return snplp__number_get_real(out, SNPLP__ITEM(module, MODULE), "duration", __func__);
}

int snplp_module_set_duration_days(snplp_module *module, double days)
{
    return snplp__number_set_days(SNPLP__ITEM(module, MODULE), days, __func__);
}

int snplp_module_clear_duration(snplp_module *module)
{
    return snplp__number_clear(SNPLP__ITEM(module, MODULE), __func__);
}

/* ---- references by id ---- */

/* snplp_module_add_<name>, _remove_<name>, _<name>_count, _<name>_at over a list of ids */
#define DEFINE_ID_LIST(name, LIST)                                                                 \
    int snplp_module_add_##name(snplp_module *module, const char *id)                              \
    {                                                                                              \
        return snplp__item_add_string(SNPLP__ITEM(module, MODULE), LIST_##LIST, id, true,          \
                                      SNPLP_TEXT_UNCHECKED, __func__);                             \
    }                                                                                              \
    int snplp_module_remove_##name(snplp_module *module, const char *id)                           \
    {                                                                                              \
        return snplp__item_remove_string(SNPLP__ITEM(module, MODULE), LIST_##LIST, id, __func__);  \
    }                                                                                              \
    size_t snplp_module_##name##_count(const snplp_module *module)                                 \
    {                                                                                              \
        const snplp_list *l = snplp__item_list(SNPLP__ITEM(module, MODULE), LIST_##LIST);          \
        return l ? l->n : 0;                                                                       \
    }                                                                                              \
    const char *snplp_module_##name##_at(const snplp_module *module, size_t index)                 \
    {                                                                                              \
        return snplp__list_at(snplp__item_list(SNPLP__ITEM(module, MODULE), LIST_##LIST), index);  \
    }

DEFINE_ID_LIST(prerequisite, PREREQUISITES)
DEFINE_ID_LIST(profession, PROFESSION_LINKS)
