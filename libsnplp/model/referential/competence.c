/* Competences of a module, with their top-level content items. */
#include "model/referential/item.h"

SNPLP_DEFINE_BASICS(competence, COMPETENCE)
SNPLP_DEFINE_TEXT(competence, COMPETENCE, title, TITLE, true)
SNPLP_DEFINE_CHILD_LIST(competence, COMPETENCE, content, CONTENTS)

snplp_module *snplp_competence_module(const snplp_competence *competence)
{
    const snplp_item *it = SNPLP__ITEM(competence, COMPETENCE);
    return it ? (snplp_module *)(void *)it->parent : NULL;
}

int snplp_competence_add_content(snplp_content **out, snplp_competence *competence, const char *id,
                                 snplp_style style, const char *text)
{
    snplp_item *p = SNPLP__ITEM(competence, COMPETENCE);
    if (!p)
        return snplp__bad_arg(__func__, "NULL or wrong object");
    snplp_item *it = NULL;
    int rc = snplp__content_add(&it, p, style, id, text, __func__);
    if (!rc && out)
        *out = (snplp_content *)(void *)it;
    return rc;
}
