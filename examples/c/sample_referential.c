/* A small referential built through the public API: a few commitments and levers, two themes
 * of the training plan with modules, competences and nested content, professions, a funding
 * line and the early-childhood plan. Texts are quoted from the strategy's documents. */
#include "sample_referential.h"

#include <stdio.h>

/* Stops at the first failure, printing the library's message. */
#define TRY(call)                                                                                  \
    do {                                                                                           \
        int rc_ = (call);                                                                          \
        if (rc_ != SNPLP_OK) {                                                                     \
            fprintf(stderr, "%s failed: %s (%s)\n", #call, snplp_error_last_message(),             \
                    snplp_status_name(rc_));                                                       \
            snplp_referential_unref(ref);                                                          \
            return rc_;                                                                            \
        }                                                                                          \
    } while (0)

int sample_referential(snplp_referential **out)
{
    snplp_referential *ref = NULL;
    TRY(snplp_referential_new(&ref));

    snplp_strategy *s = snplp_referential_strategy(ref);
    TRY(snplp_strategy_set_title(s, "Stratégie nationale de prévention et de lutte contre la "
                                    "pauvreté"));
    TRY(snplp_strategy_set_launch_date(s, "2018-09"));
    TRY(snplp_strategy_set_budget_cents(s, INT64_C(850000000000)));
    TRY(snplp_strategy_add_label(s, "stratégie pauvreté"));

    TRY(snplp_referential_add_commitment(NULL, ref, "commitment-1",
                                         "l'égalité des chances dès les premiers pas"));
    TRY(snplp_referential_add_commitment(NULL, ref, "commitment-5",
                                         "investir pour l'accompagnement de tous vers l'emploi"));
    TRY(snplp_referential_add_lever(NULL, ref, "lever-participation", "un choc de participation"));
    TRY(snplp_referential_add_lever(NULL, ref, "lever-social-work",
                                    "la rénovation du travail social"));

    snplp_training_plan *plan = snplp_referential_training_plan(ref);
    TRY(snplp_training_plan_set_title(plan, "Plan de formation des travailleurs sociaux"));
    TRY(snplp_training_plan_set_max_module_days(plan, 5));

    snplp_theme *insertion, *aller_vers;
    TRY(snplp_referential_add_theme(&insertion, ref, "theme-insertion",
                                    "L'insertion socio-professionnelle"));
    TRY(snplp_theme_add_label(insertion, "insertion socioprofessionnelle"));
    TRY(snplp_referential_add_theme(&aller_vers, ref, "theme-aller-vers", "Aller vers"));
    TRY(snplp_theme_set_description(aller_vers, "l'objectif est de faciliter l'accès et le "
                                                "maintien dans les droits des populations en "
                                                "difficulté"));

    snplp_module *fundamentals, *expert;
    TRY(snplp_theme_add_module(&fundamentals, insertion, "module-insertion-fundamentals",
                               SNPLP_LEVEL_FUNDAMENTALS,
                               "Les fondamentaux de l'insertion socio-professionnelle"));
    TRY(snplp_module_set_duration_days(fundamentals, 3));
    TRY(snplp_theme_add_module(&expert, insertion, "module-insertion-expert", SNPLP_LEVEL_EXPERT,
                               "Module « expert »"));
    TRY(snplp_module_add_prerequisite(expert, "module-insertion-fundamentals"));
    TRY(snplp_module_set_role(expert, "il contribue à développer des partenariats avec les "
                                      "acteurs de l'insertion professionnelle"));

    snplp_competence *c;
    snplp_content *focus;
    TRY(snplp_module_add_competence(&c, fundamentals, "fundamentals-c1",
                                    "Savoir identifier les acteurs, les ressources et les "
                                    "dispositifs existants"));
    TRY(snplp_competence_add_content(NULL, c, "fundamentals-c1-i1", SNPLP_STYLE_BULLET,
                                     "Cartographie des outils numériques mobilisables"));
    TRY(snplp_competence_add_content(&focus, c, "fundamentals-c1-i2", SNPLP_STYLE_BULLET,
                                     "Focus sur les dispositifs centraux d'insertion "
                                     "professionnelle"));
    snplp_content *group;
    TRY(snplp_content_add_child(&group, focus, "fundamentals-c1-i2-1", SNPLP_STYLE_NUMBERED,
                                "Les dispositifs d'accompagnement"));
    TRY(snplp_content_add_child(NULL, group, "fundamentals-c1-i2-1-1", SNPLP_STYLE_BULLET,
                                "La Garantie jeunes, le PACEA"));
    TRY(snplp_content_add_child(NULL, group, "fundamentals-c1-i2-1-2", SNPLP_STYLE_BULLET,
                                "L'accompagnement global"));
    TRY(snplp_module_add_competence(&c, expert, "expert-c1",
                                    "Coordonner son action avec les autres partenaires"));
    TRY(snplp_competence_add_content(NULL, c, "expert-c1-i1", SNPLP_STYLE_BULLET,
                                     "Focus sur la démarche de « référent de parcours »"));

    snplp_profession *p;
    TRY(snplp_referential_add_profession(&p, ref, "profession-ass", SNPLP_CATEGORY_WORKER,
                                         "assistants de service social"));
    TRY(snplp_profession_set_abbreviation(p, "ASS"));
    TRY(snplp_referential_add_profession(&p, ref, "profession-es", SNPLP_CATEGORY_WORKER,
                                         "éducateurs spécialisés"));
    TRY(snplp_referential_add_profession(&p, ref, "profession-chef", SNPLP_CATEGORY_CADRE,
                                         "chefs de services"));
    TRY(snplp_module_add_profession(fundamentals, "profession-ass"));

    snplp_funding *f;
    TRY(snplp_referential_add_funding(&f, ref, "funding-training",
                                      "Un financement dédié aux formations"));
    TRY(snplp_funding_set_amount_cents(f, INT64_C(100000000)));
    TRY(snplp_funding_set_period(f, "pendant trois ans"));

    snplp_plan *early;
    TRY(snplp_referential_add_plan(&early, ref, "plan-early-childhood",
                                   "plan «Ambition Enfance Egalité»"));
    TRY(snplp_plan_add_figure(NULL, early, "figure-early-childhood-professionals", 600000,
                              "les 600 000 professionnelles et professionnels de la petite "
                              "enfance"));
    TRY(snplp_plan_add_plan_theme(NULL, early, "early-days-language", "langage"));
    TRY(snplp_plan_add_plan_theme(NULL, early, "early-days-arts", "arts et culture"));

    *out = ref;
    return SNPLP_OK;
}
