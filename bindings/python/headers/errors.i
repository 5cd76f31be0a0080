/* errors.h: status codes and the thread's last error. snplp_error_last_message() reads the message of the
 * last failure of the calling thread: only libsnplp calls set it, never the wrappers.
 * No typemap of its own: those of common.i apply. */
%include <snplp/errors.h>
