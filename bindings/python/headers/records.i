/* records.h: training records (1.4).
 *
 *   snplp_records_new()                                   -> (status, records or None)
 *   snplp_records_add_worker(records, id, profession_id, employer_id, territory_code,
 *                            (year, month, day))          -> (status, worker or None)
 *   snplp_worker_diploma_level(worker)                    -> (status, int or None)
 *   snplp_worker_until(worker)                            -> (status, (y, m, d) or None)
 *   snplp_records_add_session(records, id, subject_id, body_id, start, end,
 *                             (units, scale), mode)       -> (status, session or None)
 *   snplp_session_capacity(session)                       -> (status, int or None)
 *   snplp_attendance_days(attendance)                     -> (status, (units, scale) or None)
 *   snplp_records_foreign_attribute(records, id, index)   -> (status, ns, prefix, name, value)
 *   snplp_attendance_foreign_attribute(attendance, index) -> (status, ns, prefix, name, value)
 *
 * Dates are (year, month, day) tuples (date.i), days (units, scale) tuples (decimal.i); the
 * `const char **` outputs are those of extension.i. */
/* xml.h declares `typedef struct snplp_records snplp_records` too (C11 allows the repetition):
 * SWIG -Wall reports it as warning 322 (redundant redeclaration), harmless; no pragma silences
 * it under -Wall. */
%include <snplp/records.h>
