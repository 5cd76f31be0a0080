/* xml.h: XML import and export.
 *
 *   snplp_referential_import_file(diags, path, options)              -> (status, ref or None)
 *   snplp_referential_import_memory(diags, data, name, options)      -> (status, ref or None)
 *       data: a bytes-like object
 *   snplp_referential_import_callback(diags, read, name, options)    -> (status, ref or None)
 *       read(size) -> bytes, b"" at the end (common.i)
 *   snplp_referential_export_memory(ref)                             -> (status, bytes or None)
 *   snplp_referential_export_callback(ref, write)                    -> status
 *       write(data: bytes), its return value ignored (common.i)
 *   snplp_conventions_*: the same with lists of conventions.
 *   snplp_records_*: the same with training records (1.4).
 *   snplp_import_options_set_progress(options, progress)             -> status
 *       progress(done, total) -> bool: True or None go on, False cancels the import
 *       (SNPLP_EIO); None removes the callback.
 *
 * The GIL is released during every import and export; the trampolines take it back to call
 * Python. An exception raised by a callable (read, write or progress) makes the trampoline
 * return the error value to the library (-1, non-zero, non-zero) and propagates out of the
 * import or export that ran it, once the C call has returned.
 *
 * The progress callable must outlive the C options that point to it: the wrapper of
 * snplp_import_options_set_progress keeps a strong reference in the module-level dict
 * _core._progress_callbacks, keyed by the options' address (int), replaced by the next call,
 * dropped by set_progress(options, None) and by the wrapper of snplp_import_options_free.
 * So options must be freed through _core.snplp_import_options_free (anything else leaks the
 * callable, never crashes).
 */

%{
/* {options address: progress callable}, created at module initialisation. */
static PyObject *snplp_py_progress_refs;

/* user is the callable, held by snplp_py_progress_refs. */
static int snplp_py_progress(void *user, uint64_t done, uint64_t total)
{
    PyGILState_STATE gil = PyGILState_Ensure();
    int rc = 1;
    if (!snplp_py_pending()) {
        PyObject *res = PyObject_CallFunction((PyObject *)user, "KK", (unsigned long long)done,
                                              (unsigned long long)total);
        if (res) {
            int go_on = res == Py_None ? 1 : PyObject_IsTrue(res);
            if (go_on >= 0)
                rc = go_on ? 0 : 1;
            Py_DECREF(res);
        }
        if (PyErr_Occurred())
            snplp_py_pending_keep();
    }
    PyGILState_Release(gil);
    return rc;
}
%}

%init %{
  snplp_py_progress_refs = PyDict_New();
  if (!snplp_py_progress_refs)
    return NULL;
  Py_INCREF(snplp_py_progress_refs);
  if (PyModule_AddObject(m, "_progress_callbacks", snplp_py_progress_refs) < 0) {
    Py_DECREF(snplp_py_progress_refs);
    return NULL;
  }
%}

%typemap(in) (snplp_progress_fn progress, void *user) {
  if (snplp_py_check_callable($input, "progress(done, total) -> bool", "$symname", $argnum) < 0) SWIG_fail;
  $1 = $input == Py_None ? NULL : snplp_py_progress;
  $2 = $input == Py_None ? NULL : (void *)$input;
}

/* Keeps the callable alive while the options point to it (arg1: options, arg2: the C
 * function, arg3: the callable). */
%exception snplp_import_options_set_progress {
  PyObject *key = NULL, *old = NULL;
  if (arg1) {
    key = PyLong_FromVoidPtr(arg1);
    if (!key) SWIG_fail;
    old = PyDict_GetItemWithError(snplp_py_progress_refs, key);
    if (!old && PyErr_Occurred()) { Py_DECREF(key); SWIG_fail; }
    Py_XINCREF(old); /* the options may point to it until the call returns */
    if (arg2 && PyDict_SetItem(snplp_py_progress_refs, key, (PyObject *)arg3) < 0) {
      Py_DECREF(key);
      Py_XDECREF(old);
      SWIG_fail;
    }
  }
  $action
  if (key && !arg2 && result == SNPLP_OK && old && PyDict_DelItem(snplp_py_progress_refs, key) < 0)
    PyErr_Clear();
  Py_XDECREF(key);
  Py_XDECREF(old);
}

%exception snplp_import_options_free {
  $action
  if (arg1) {
    PyObject *key = PyLong_FromVoidPtr(arg1);
    if (!key || (PyDict_Contains(snplp_py_progress_refs, key) == 1 &&
                 PyDict_DelItem(snplp_py_progress_refs, key) < 0))
      PyErr_Clear();
    Py_XDECREF(key);
  }
}

/* The imports taking options run the progress callback: clear the thread's kept exception
 * before the call, raise it after. */
%typemap(in) const snplp_import_options *options (void *argp = 0, int res = 0) {
  res = SWIG_ConvertPtr($input, &argp, $descriptor, 0);
  if (!SWIG_IsOK(res)) {
    SWIG_exception_fail(SWIG_ArgError(res), "in method '" "$symname" "', argument " "$argnum" " of type '" "$type" "'");
  }
  $1 = ($ltype)argp;
  snplp_py_pending_clear();
}
%typemap(argout) const snplp_import_options *options {
  if (snplp_py_pending_raise()) { Py_XDECREF($result); $result = NULL; SWIG_fail; }
}

%thread snplp_referential_import_file;
%thread snplp_referential_import_memory;
%thread snplp_referential_import_callback;
%thread snplp_referential_export_file;
%thread snplp_referential_export_memory;
%thread snplp_referential_export_callback;
%thread snplp_conventions_import_file;
%thread snplp_conventions_import_memory;
%thread snplp_conventions_import_callback;
%thread snplp_conventions_export_file;
%thread snplp_conventions_export_memory;
%thread snplp_conventions_export_callback;
%thread snplp_records_import_file;
%thread snplp_records_import_memory;
%thread snplp_records_import_callback;
%thread snplp_records_export_file;
%thread snplp_records_export_memory;
%thread snplp_records_export_callback;

%include <snplp/xml.h>
