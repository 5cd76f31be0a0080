/* synthesis.h: the synthesis of a set of conventions.
 *
 *   snplp_synthesis(conventions, threshold_percent, diags) -> (status, matrix or None)
 *   snplp_synthesis_at(conventions, (year, month, day), threshold_percent, diags) (1.3)
 *
 * conventions: a list (or tuple) of snplp_convention pointers (None items are NULL, refused
 * by the library with SNPLP_EINVAL), or None for no convention; threshold_percent a
 * (units, scale) tuple or None. The GIL is released during the synthesis. */

%typemap(in) (const snplp_convention *const *conventions, size_t count)
    (PyObject *seq = NULL, const snplp_convention **array = NULL) {
  if ($input == Py_None) {
    $1 = NULL;
    $2 = 0;
  } else {
    if (!PyList_Check($input) && !PyTuple_Check($input)) {
      PyErr_Format(PyExc_TypeError, "in method '%s', argument %d: expected a list of snplp_convention, not %.100s",
                   "$symname", $argnum, Py_TYPE($input)->tp_name);
      SWIG_fail;
    }
    seq = PySequence_Fast($input, "expected a list of snplp_convention");
    if (!seq) SWIG_fail;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    array = PyMem_Malloc(((size_t)n + 1) * sizeof *array);
    if (!array) { PyErr_NoMemory(); SWIG_fail; }
    for (Py_ssize_t i = 0; i < n; i++) {
      void *p = NULL;
      int res = SWIG_ConvertPtr(PySequence_Fast_GET_ITEM(seq, i), &p, $descriptor(snplp_convention *), 0);
      if (!SWIG_IsOK(res)) {
        PyErr_Format(PyExc_TypeError, "in method '%s', argument %d: item %zd is not a snplp_convention",
                     "$symname", $argnum, i);
        SWIG_fail;
      }
      array[i] = p;
    }
    $1 = ($1_ltype)array;
    $2 = (size_t)n;
  }
}
%typemap(freearg) (const snplp_convention *const *conventions, size_t count) {
  PyMem_Free(array$argnum);
  Py_XDECREF(seq$argnum);
}

%thread snplp_synthesis;
%thread snplp_synthesis_at;
%thread snplp_convention_list_synthesis_at;
%include <snplp/synthesis.h>
