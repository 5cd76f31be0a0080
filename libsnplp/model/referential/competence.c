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
    return snplp__content_add(out, competence, SNPLP_KIND_COMPETENCE, style, id, text, __func__);
}
