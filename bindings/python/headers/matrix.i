/* matrix.h: follow-up matrices. snplp_convention_matrix(conv, threshold_percent) ->
 * (status, matrix or None), threshold_percent a (units, scale) tuple or None; the GIL is
 * released during the computation. snplp_matrix_target/actual -> (status, (units, scale));
 * snplp_matrix_rate -> (status, float). snplp_convention_matrix_at(conv, (year, month, day),
 * threshold_percent) -> (status, matrix or None) (1.3); snplp_indicator_derived_actual(indicator,
 * year) -> (status, (units, scale)).
 *
 * snplp_matrix_missing_at() returns the convention's id, not a status:
 *   snplp_matrix_missing_at(matrix, row, year, index) -> (id, what) when the index is in
 *   range, what being the snplp_missing flags as an int; (None, None) otherwise.
 */

%typemap(in, numinputs=0) unsigned *what (unsigned temp = 0) {
  $1 = &temp;
}
%typemap(argout) unsigned *what {
  SNPLP_PY_APPEND($result, result ? PyLong_FromUnsignedLong((unsigned long)*$1) : snplp_py_none());
}

%thread snplp_convention_matrix;
%thread snplp_convention_matrix_at;
%include <snplp/matrix.h>
