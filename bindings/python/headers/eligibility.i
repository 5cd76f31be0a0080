/* eligibility.h: whether a worker may or should take a module (1.4).
 *   snplp_records_eligibility(records, ref, worker_id, module_id, (y, m, d))
 *                                                   -> (status, eligibility or None)
 *   snplp_records_next_modules(records, ref, worker_id, (y, m, d))
 *                                                   -> (status, list or None)
 * Release them with snplp_eligibility_free() and snplp_eligibility_list_free(); the answers of
 * snplp_eligibility_list_at() belong to the list. The GIL is released during both calls. */
%thread snplp_records_eligibility;
%thread snplp_records_next_modules;
%include <snplp/eligibility.h>
