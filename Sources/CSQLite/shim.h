#include <sqlite3.h>

/// `sqlite3_config` is variadic, which Swift cannot call. Turns off SQLite's allocation statistics:
/// with them on, every `sqlite3_malloc` and `sqlite3_free` takes one process-wide mutex, and
/// Debian's build has no lookaside allocator, so connections on different threads (the writers)
/// queue on that mutex. Must run before SQLite initialises (the first open); returns SQLITE_MISUSE after.
static inline int qawl_sqlite3_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
