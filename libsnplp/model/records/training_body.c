/* Training bodies (organismes de formation): names, SIRET (with its key), declaration number,
 * address and contact. */
#include "model/records/records_model.h"
#include "util/alloc.h"
#include "util/getters.h"

/* ---- shapes ---- */

static bool all_digits(const char *s, size_t n)
{
    if (strlen(s) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* La Poste's SIREN: the SIRET keys of its establishments follow their own rule (the sum of
 * the digits is a multiple of 5), except its head office's, 35600000000048, a Luhn key. */
static const char la_poste_siren[] = "356000000";
static const char la_poste_head_office[] = "35600000000048";

/* Why siret is not a valid SIRET (NULL if it is). */
static const char *siret_problem(const char *siret)
{
    if (!all_digits(siret, 14))
        return "a SIRET is 14 digits";
    int sum = 0;
    if (!strncmp(siret, la_poste_siren, 9) && strcmp(siret, la_poste_head_office)) {
        for (int i = 0; i < 14; i++)
            sum += siret[i] - '0';
        return sum % 5 ? "wrong key: the sum of the digits of a SIRET of La Poste (SIREN "
                         "356000000) must be a multiple of 5"
                       : NULL;
    }
    for (int i = 0; i < 14; i++) { /* Luhn: every second digit from the right doubled */
        int d = siret[13 - i] - '0';
        if (i % 2) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    return sum % 10 ? "wrong key: the Luhn checksum of its 14 digits is not a multiple of 10"
                    : NULL;
}

bool snplp_siret_is_valid(const char *siret)
{
    return siret && !siret_problem(siret);
}

static bool declaration_ok(const char *s)
{
    return all_digits(s, 11);
}

static bool postal_code_ok(const char *s)
{
    return all_digits(s, 5);
}

static bool phone_ok(const char *s)
{
    int digits = 0;
    for (const char *p = s; *p; p++) {
        if (*p >= '0' && *p <= '9')
            digits++;
        else if (!strchr(" +.-()", *p))
            return false;
    }
    return digits >= 4;
}

static bool email_ok(const char *s)
{
    const char *at = strchr(s, '@');
    if (!at || at == s || strchr(at + 1, '@'))
        return false;
    for (const char *p = s; *p; p++)
        if (*p == ' ' || (unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f) /* ASCII only */
            return false;
    const char *domain = at + 1;
    const char *dot = strchr(domain, '.');
    size_t n = strlen(domain);
    return dot && dot != domain && n && domain[n - 1] != '.';
}

/* ---- the record ---- */

void snplp__training_body_free(void *p)
{
    snplp_training_body *x = p;
    snplp__list_dispose_strings(&x->address);
    snplp__rec_free_head(&x->head);
}

bool snplp__training_body_equal(const snplp_training_body *a, const snplp_training_body *b)
{
    if (strcmp(a->head.id, b->head.id) || strcmp(a->name, b->name) ||
        !snplp__rec_str_equal(a->legal_name, b->legal_name) ||
        !snplp__rec_str_equal(a->siret, b->siret) ||
        !snplp__rec_str_equal(a->declaration_number, b->declaration_number) ||
        !snplp__rec_str_equal(a->postal_code, b->postal_code) ||
        !snplp__rec_str_equal(a->commune, b->commune) ||
        !snplp__rec_str_equal(a->phone, b->phone) || !snplp__rec_str_equal(a->email, b->email) ||
        a->address.n != b->address.n || !snplp__ext_equal(a->head.ext, b->head.ext))
        return false;
    for (uint32_t i = 0; i < a->address.n; i++)
        if (strcmp(a->address.v[i], b->address.v[i]))
            return false;
    return true;
}

int snplp__records_add_training_body(snplp_training_body **out, snplp_records *records,
                                     const char *id, const char *name, snplp_text_origin origin,
                                     const char *fn)
{
    snplp_records *r = snplp__records_of(records);
    if (!r)
        return snplp__bad_arg(fn, "NULL or wrong object");
    SNPLP__RECORDS_UNFROZEN(r, fn);
    int rc;
    snplp_training_body *b = snplp__rec_new(r, sizeof *b, SNPLP_TRAINING_BODY_MAGIC, id, &rc, fn);
    if (!b)
        return rc;
    if ((rc = snplp__rec_set_text(r, &b->name, name, true, "name", origin, fn)))
        return snplp__rec_abandon(r, &b->head, snplp__training_body_free, rc);
    if ((rc = snplp__rec_commit(r, &r->bodies, &b->head, snplp__training_body_free)))
        return rc;
    if (out)
        *out = b;
    return SNPLP_OK;
}

int snplp_records_add_training_body(snplp_training_body **out, snplp_records *records,
                                    const char *id, const char *name)
{
    return snplp__records_add_training_body(out, records, id, name, SNPLP_TEXT_UNCHECKED, __func__);
}

SNPLP_DEFINE_GETTER(size_t, snplp_records_training_body_count, snplp_records, snplp__records_of,
                    bodies.n, 0)

snplp_training_body *snplp_records_training_body_at(const snplp_records *records, size_t index)
{
    const snplp_records *r = snplp__records_of(records);
    return r ? snplp__list_at(&r->bodies, index) : NULL;
}

snplp_training_body *snplp_records_training_body_find(const snplp_records *records, const char *id)
{
    const snplp_records *r = snplp__records_of(records);
    return snplp__rec_miss(r, snplp__records_body(r, id), id, "training body", __func__);
}

#define GETTER(R, name, field, dflt)                                                               \
    SNPLP_DEFINE_GETTER(R, name, snplp_training_body, snplp__training_body_of, field, dflt)
GETTER(const char *, snplp_training_body_id, head.id, NULL)
GETTER(const char *, snplp_training_body_name, name, NULL)
GETTER(const char *, snplp_training_body_legal_name, legal_name, NULL)
GETTER(const char *, snplp_training_body_siret, siret, NULL)
GETTER(const char *, snplp_training_body_declaration_number, declaration_number, NULL)
GETTER(size_t, snplp_training_body_address_line_count, address.n, 0)
GETTER(const char *, snplp_training_body_postal_code, postal_code, NULL)
GETTER(const char *, snplp_training_body_commune, commune, NULL)
GETTER(const char *, snplp_training_body_phone, phone, NULL)
GETTER(const char *, snplp_training_body_email, email, NULL)
#undef GETTER

const char *snplp_training_body_address_line_at(const snplp_training_body *body, size_t index)
{
    const snplp_training_body *b = snplp__training_body_of(body);
    return b ? snplp__list_at(&b->address, index) : NULL;
}

/* The live training body, or NULL with the error recorded for fn. */
static snplp_training_body *live(snplp_training_body *body, int *rc, const char *fn)
{
    snplp_training_body *b = snplp__training_body_of(body);
    if (!b)
        *rc = snplp__bad_arg(fn, "NULL or wrong object");
    else
        *rc = snplp__records_check_unfrozen(b->head.records, fn);
    return *rc ? NULL : b;
}

int snplp_training_body_set_name(snplp_training_body *body, const char *name)
{
    int rc;
    snplp_training_body *b = live(body, &rc, __func__);
    return b ? snplp__rec_set_text(b->head.records, &b->name, name, true, "name",
                                   SNPLP_TEXT_UNCHECKED, __func__)
             : rc;
}

int snplp__training_body_set_text(snplp_training_body *body, int which, const char *text,
                                  snplp_text_origin origin, const char *fn)
{
    int rc;
    snplp_training_body *b = live(body, &rc, fn);
    if (!b)
        return rc;
    if (which == 0)
        return snplp__rec_set_text(b->head.records, &b->legal_name, text, false, "legal name",
                                   origin, fn);
    if (which == 1)
        return snplp__rec_set_text(b->head.records, &b->commune, text, false, "commune", origin,
                                   fn);
    if (!text)
        return snplp__fail_in(fn, SNPLP_EINVAL, "the address line is NULL");
    char *line = NULL;
    if ((rc = snplp__rec_text_copy(&line, text, true, "address line", origin, fn)))
        return rc;
    if ((rc = snplp__list_reserve(&b->address))) {
        snplp__free(line);
        return rc;
    }
    snplp__list_push(&b->address, line);
    return SNPLP_OK;
}

int snplp_training_body_set_legal_name(snplp_training_body *body, const char *name)
{
    return snplp__training_body_set_text(body, 0, name, SNPLP_TEXT_UNCHECKED, __func__);
}

int snplp_training_body_set_commune(snplp_training_body *body, const char *commune)
{
    return snplp__training_body_set_text(body, 1, commune, SNPLP_TEXT_UNCHECKED, __func__);
}

int snplp_training_body_add_address_line(snplp_training_body *body, const char *line)
{
    return snplp__training_body_set_text(body, 2, line, SNPLP_TEXT_UNCHECKED, __func__);
}

int snplp_training_body_set_siret(snplp_training_body *body, const char *siret)
{
    int rc;
    snplp_training_body *b = live(body, &rc, __func__);
    if (!b)
        return rc;
    const char *problem = siret ? siret_problem(siret) : NULL;
    if (problem) {
        char q[80];
        return snplp__fail_in(__func__, SNPLP_EINVAL, "'%s' is not a valid SIRET: %s",
                              snplp__quote(q, sizeof q, siret), problem);
    }
    const char *in = NULL;
    if (siret && !(in = snplp__rec_intern(b->head.records, siret)))
        return snplp__oom();
    b->siret = in;
    return SNPLP_OK;
}

int snplp_training_body_set_declaration_number(snplp_training_body *body, const char *number)
{
    int rc;
    snplp_training_body *b = live(body, &rc, __func__);
    return b ? snplp__rec_set_code(b->head.records, &b->declaration_number, number, false,
                                   declaration_ok, "declaration number",
                                   "11 digits, the first two the code of the région that "
                                   "registered it",
                                   __func__)
             : rc;
}

int snplp_training_body_set_postal_code(snplp_training_body *body, const char *code)
{
    int rc;
    snplp_training_body *b = live(body, &rc, __func__);
    return b ? snplp__rec_set_code(b->head.records, &b->postal_code, code, false, postal_code_ok,
                                   "postal code", "5 digits", __func__)
             : rc;
}

int snplp_training_body_set_phone(snplp_training_body *body, const char *phone)
{
    int rc;
    snplp_training_body *b = live(body, &rc, __func__);
    return b ? snplp__rec_set_code(
                   b->head.records, &b->phone, phone, false, phone_ok, "phone number",
                   "digits, spaces, '+', '.', '-', '(' and ')', at least 4 digits", __func__)
             : rc;
}

int snplp_training_body_set_email(snplp_training_body *body, const char *email)
{
    int rc;
    snplp_training_body *b = live(body, &rc, __func__);
    return b ? snplp__rec_set_code(
                   b->head.records, &b->email, email, false, email_ok, "e-mail address",
                   "one '@', a local part, a domain with a dot, no space (ASCII)", __func__)
             : rc;
}
