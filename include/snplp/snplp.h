/**
 * @file snplp.h
 * @brief libsnplp: a validated, machine-readable model of France's Stratégie nationale de
 *        prévention et de lutte contre la pauvreté (2018) and its social-worker training plan.
 *
 * Include this one header to get the whole public API; each concept also has its own header.
 * Conventions (status codes, ownership, ids, text) are described in docs/architecture.md.
 */
#ifndef SNPLP_SNPLP_H
#define SNPLP_SNPLP_H

#include <snplp/common.h>
#include <snplp/version.h>
#include <snplp/errors.h>
#include <snplp/alloc.h>
#include <snplp/id.h>
#include <snplp/text.h>
#include <snplp/decimal.h>
#include <snplp/diagnostics.h>
#include <snplp/referential.h>
#include <snplp/builtin.h>
#include <snplp/strategy.h>
#include <snplp/training_plan.h>
#include <snplp/commitment.h>
#include <snplp/lever.h>
#include <snplp/theme.h>
#include <snplp/module.h>
#include <snplp/offer.h>
#include <snplp/competence.h>
#include <snplp/content.h>
#include <snplp/objective.h>
#include <snplp/outcome.h>
#include <snplp/recommendation.h>
#include <snplp/profession.h>
#include <snplp/diploma_rule.h>
#include <snplp/funding.h>
#include <snplp/plan.h>
#include <snplp/plan_theme.h>
#include <snplp/figure.h>
#include <snplp/validate.h>
#include <snplp/search.h>
#include <snplp/extension.h>
#include <snplp/xml.h>
#include <snplp/date.h>
#include <snplp/territory.h>
#include <snplp/action.h>
#include <snplp/indicator.h>
#include <snplp/convention.h>
#include <snplp/convention_list.h>
#include <snplp/matrix.h>
#include <snplp/synthesis.h>
#include <snplp/report.h>
#include <snplp/credits.h>
#include <snplp/csv.h>
#include <snplp/records.h>
#include <snplp/records_validate.h>
#include <snplp/eligibility.h>
#include <snplp/coverage.h>
#include <snplp/csv_records.h>
#include <snplp/records_fill.h>
#include <snplp/lheo.h>
#include <snplp/language.h>

#endif
