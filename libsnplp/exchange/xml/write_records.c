/* Writing training records as XML (root <records>, format 1.1): deterministic (the order of
 * the model, attributes in the order of the schema, fixed forms, two-space indentation), to a
 * buffer, a callback, or a file replaced atomically. docs/xml-format.md describes the
 * elements. */
#include <string.h>

#include <snplp/records.h>
#include <snplp/snplp.h>

#include "exchange/xml/writer.h"
#include "io/sink.h"
#include "model/records/records_model.h"

typedef snplp_sink sink;

static void put(sink *s, const char *text)
{
    snplp__out_put(s, text);
}

static void attr_date(sink *s, const char *name, snplp_date d)
{
    char buf[SNPLP_DATE_TEXT_SIZE];
    if (snplp_date_format(buf, sizeof buf, d) == SNPLP_OK)
        snplp__xml_attr(s, name, buf);
}

static void attr_decimal(sink *s, const char *name, snplp_decimal d)
{
    char buf[SNPLP_DECIMAL_MAX_TEXT];
    if (snplp_decimal_format(buf, sizeof buf, d) == SNPLP_OK)
        snplp__xml_attr(s, name, buf);
}

/* An optional attribute: nothing when value is NULL. */
static void attr_opt(sink *s, const char *name, const char *value)
{
    if (value)
        snplp__xml_attr(s, name, value);
}

/* Ends an element whose start tag is open and that has no child of the format: `/>`, or its
 * extension elements and its end tag. */
static void end_empty(sink *s, const char *name, const snplp_ext *e)
{
    if (!e || e->elements.n == 0) {
        put(s, "/>");
        return;
    }
    put(s, ">");
    snplp__xml_extensions(s, 2, e);
    snplp__xml_indent(s, 1);
    put(s, "</");
    put(s, name);
    put(s, ">");
}

/* Closes a record's element that has texts: its extension elements, then the end tag. */
static void close_record(sink *s, const char *name, const snplp_ext *e)
{
    snplp__xml_extensions(s, 2, e);
    snplp__xml_indent(s, 1);
    put(s, "</");
    put(s, name);
    put(s, ">");
}

static void start(sink *s, const char *name, const char *id)
{
    snplp__xml_indent(s, 1);
    put(s, "<");
    put(s, name);
    if (id)
        snplp__xml_attr(s, "id", id);
}

static void write_profession(sink *s, const snplp_record_profession *p)
{
    start(s, "profession", p->head.id);
    snplp__xml_attr(s, "category", snplp_category_name(p->category));
    snplp__xml_foreign_attrs(s, p->head.ext);
    put(s, ">");
    snplp__xml_text_element(s, 2, "title", p->title);
    close_record(s, "profession", p->head.ext);
}

static void write_employer(sink *s, const snplp_employer *e)
{
    start(s, "employer", e->head.id);
    snplp__xml_attr(s, "kind", snplp_employer_kind_name(e->kind));
    snplp__xml_attr(s, "territory", e->territory_code);
    snplp__xml_foreign_attrs(s, e->head.ext);
    put(s, ">");
    snplp__xml_text_element(s, 2, "name", e->name);
    close_record(s, "employer", e->head.ext);
}

static void write_worker(sink *s, const snplp_worker *w)
{
    start(s, "worker", w->head.id);
    snplp__xml_attr(s, "profession", w->profession_id);
    snplp__xml_attr(s, "employer", w->employer_id);
    snplp__xml_attr(s, "territory", w->territory_code);
    attr_opt(s, "unit", w->unit);
    if (w->has_level)
        snplp__xml_attr_int(s, "diploma-level", w->level);
    attr_date(s, "from", w->from);
    if (w->has_until)
        attr_date(s, "until", w->until);
    snplp__xml_foreign_attrs(s, w->head.ext);
    end_empty(s, "worker", w->head.ext);
}

static void write_body(sink *s, const snplp_training_body *b)
{
    start(s, "training-body", b->head.id);
    attr_opt(s, "siret", b->siret);
    attr_opt(s, "declaration-number", b->declaration_number);
    attr_opt(s, "postal-code", b->postal_code);
    attr_opt(s, "phone", b->phone);
    attr_opt(s, "email", b->email);
    snplp__xml_foreign_attrs(s, b->head.ext);
    put(s, ">");
    snplp__xml_text_element(s, 2, "name", b->name);
    snplp__xml_text_element(s, 2, "legal-name", b->legal_name);
    for (uint32_t i = 0; i < b->address.n; i++)
        snplp__xml_text_element(s, 2, "address-line", b->address.v[i]);
    snplp__xml_text_element(s, 2, "commune", b->commune);
    close_record(s, "training-body", b->head.ext);
}

static void write_session(sink *s, const snplp_session *x)
{
    start(s, "session", x->head.id);
    snplp__xml_attr(s, "subject", x->subject_id);
    snplp__xml_attr(s, "body", x->body_id);
    attr_date(s, "start", x->start);
    attr_date(s, "end", x->end);
    attr_decimal(s, "days", x->days);
    snplp__xml_attr(s, "mode", snplp_session_mode_name((snplp_session_mode)x->mode));
    attr_opt(s, "place", x->place);
    if (x->has_capacity)
        snplp__xml_attr_int(s, "capacity", x->capacity);
    snplp__xml_foreign_attrs(s, x->head.ext);
    end_empty(s, "session", x->head.ext);
}

static void write_attendance(sink *s, const snplp_attendance *a)
{
    start(s, "attendance", NULL);
    snplp__xml_attr(s, "worker", a->worker_id);
    snplp__xml_attr(s, "session", a->session_id);
    snplp__xml_attr(s, "status", snplp_attendance_status_name((snplp_attendance_status)a->status));
    if (a->has_days)
        attr_decimal(s, "days", snplp__attendance_days_of(a));
    snplp__xml_foreign_attrs(s, snplp__attendance_ext(a));
    end_empty(s, "attendance", snplp__attendance_ext(a));
}

static int write_document(const void *doc, sink *s)
{
    const snplp_records *r = doc;
    size_t n;
    put(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<records xmlns=\"");
    put(s, SNPLP_XML_NAMESPACE);
    put(s, "\"");
    snplp__xml_foreign_attrs(s, r->ext);
    put(s, ">");
    snplp_record_profession *const *professions = snplp__records_professions(r, &n);
    for (size_t i = 0; i < n; i++)
        write_profession(s, professions[i]);
    snplp_employer *const *employers = snplp__records_employers(r, &n);
    for (size_t i = 0; i < n; i++)
        write_employer(s, employers[i]);
    snplp_worker *const *workers = snplp__records_workers(r, &n);
    for (size_t i = 0; i < n; i++)
        write_worker(s, workers[i]);
    snplp_training_body *const *bodies = snplp__records_bodies(r, &n);
    for (size_t i = 0; i < n; i++)
        write_body(s, bodies[i]);
    snplp_session *const *sessions = snplp__records_sessions(r, &n);
    for (size_t i = 0; i < n; i++)
        write_session(s, sessions[i]);
    snplp_attendance *const *attendance = snplp__records_attendances(r, &n);
    for (size_t i = 0; i < n; i++)
        write_attendance(s, attendance[i]);
    snplp__xml_extensions(s, 1, r->ext);
    put(s, "\n</records>\n");
    snplp__out_flush(s);
    return s->rc;
}

static int check_records(const snplp_records *records, const char *fn)
{
    if (!snplp__records_of(records))
        return snplp__bad_arg(fn, "NULL or wrong records");
    return SNPLP_OK;
}

int snplp_records_export_callback(const snplp_records *records, snplp_write_fn write, void *user)
{
    int rc = check_records(records, __func__);
    if (rc)
        return rc;
    if (!write)
        return snplp__bad_arg(__func__, "NULL write");
    return snplp__out_callback(write_document, records, write, user, __func__);
}

int snplp_records_export_memory(char **out, size_t *size, const snplp_records *records)
{
    int rc = check_records(records, __func__);
    if (rc)
        return rc;
    if (!out)
        return snplp__bad_arg(__func__, "NULL out");
    return snplp__out_memory(write_document, records, out, size, __func__);
}

int snplp_records_export_file(const snplp_records *records, const char *path)
{
    int rc = check_records(records, __func__);
    if (rc)
        return rc;
    if (!path || !path[0])
        return snplp__bad_arg(__func__, "no path");
    return snplp__out_file(write_document, records, path, __func__);
}
