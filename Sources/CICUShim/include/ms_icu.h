#ifndef MS_ICU_H
#define MS_ICU_H
// Plain-C view of the few ICU services Mindscope uses. ICU's own headers stay in ms_icu.c so
// that Swift, which also imports Foundation (with its private ICU copy), never sees them.
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Which boundaries to find.
typedef enum { MS_BREAK_WORD = 0, MS_BREAK_SENTENCE = 1 } ms_break_kind;

/// Segments `length` bytes of UTF-8 at `utf8` into words or sentences.
///
/// Writes up to `capacity` triples (start, end, rule status) into `out`, offsets in UTF-8 bytes.
/// Returns the number of triples, or, when `capacity` is too small, minus the number needed
/// (call again with a larger buffer). Returns INT32_MIN on an ICU error; `*error` holds its code.
/// The break iterator is opened once per thread and reused.
int32_t ms_segment(ms_break_kind kind, const char *utf8, int64_t length,
                   int32_t *out, int32_t capacity, int32_t *error);

/// NFKC normalization with case folding (`NFKC_Casefold`) of UTF-8 input into UTF-8 output.
///
/// Returns the output length in bytes, or, when `capacity` is too small, minus the length
/// needed. Returns INT32_MIN on an ICU error; `*error` holds its code.
int32_t ms_nfkc_casefold(const char *utf8, int32_t length, char *out, int32_t capacity,
                         int32_t *error);

/// A human-readable name for an ICU error code.
const char *ms_error_name(int32_t error);

#ifdef __cplusplus
}
#endif
#endif
