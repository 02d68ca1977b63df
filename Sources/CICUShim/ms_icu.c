#include "ms_icu.h"
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <stdlib.h>
#include <string.h>

// One break iterator of each kind per thread: opening one costs far more than iterating.
static _Thread_local UBreakIterator *cached[2];

static UBreakIterator *iterator(ms_break_kind kind, UErrorCode *status) {
    if (cached[kind] == NULL) {
        cached[kind] = ubrk_open(kind == MS_BREAK_WORD ? UBRK_WORD : UBRK_SENTENCE,
                                 "en", NULL, 0, status);
    }
    return cached[kind];
}

int32_t ms_segment(ms_break_kind kind, const char *utf8, int64_t length,
                   int32_t *out, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = iterator(kind, &status);
    if (U_FAILURE(status)) { *error = status; return INT32_MIN; }
    UText text = UTEXT_INITIALIZER;
    utext_openUTF8(&text, utf8, length, &status);
    if (U_FAILURE(status)) { *error = status; return INT32_MIN; }
    ubrk_setUText(bi, &text, &status);
    if (U_FAILURE(status)) { utext_close(&text); *error = status; return INT32_MIN; }
    int32_t count = 0;
    int32_t start = ubrk_first(bi);
    for (int32_t end = ubrk_next(bi); end != UBRK_DONE; start = end, end = ubrk_next(bi)) {
        if (count < capacity) {
            out[3 * count] = start;
            out[3 * count + 1] = end;
            out[3 * count + 2] = ubrk_getRuleStatus(bi);
        }
        count++;
    }
    // Detach the iterator from the caller's buffer before it goes away.
    UText empty = UTEXT_INITIALIZER;
    utext_openUTF8(&empty, "", 0, &status);
    ubrk_setUText(bi, &empty, &status);
    utext_close(&empty);
    utext_close(&text);
    *error = U_ZERO_ERROR;
    return count <= capacity ? count : -count;
}

int32_t ms_nfkc_casefold(const char *utf8, int32_t length, char *out, int32_t capacity,
                         int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *norm = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) { *error = status; return INT32_MIN; }

    UChar stackIn[256], stackOut[512];
    UChar *in = stackIn, *normalized = stackOut;
    int32_t inLength = 0;
    u_strFromUTF8WithSub(in, 256, &inLength, utf8, length, 0xFFFD, NULL, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        status = U_ZERO_ERROR;
        in = malloc(sizeof(UChar) * (size_t)(inLength + 1));
        if (in == NULL) { *error = U_MEMORY_ALLOCATION_ERROR; return INT32_MIN; }
        u_strFromUTF8WithSub(in, inLength + 1, &inLength, utf8, length, 0xFFFD, NULL, &status);
    }
    int32_t outLength = 0;
    if (U_SUCCESS(status)) {
        outLength = unorm2_normalize(norm, in, inLength, normalized, 512, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            status = U_ZERO_ERROR;
            normalized = malloc(sizeof(UChar) * (size_t)(outLength + 1));
            if (normalized == NULL) status = U_MEMORY_ALLOCATION_ERROR;
            else outLength = unorm2_normalize(norm, in, inLength, normalized, outLength + 1, &status);
        }
    }
    int32_t result = INT32_MIN;
    if (U_SUCCESS(status)) {
        int32_t bytes = 0;
        u_strToUTF8WithSub(out, capacity, &bytes, normalized, outLength, 0xFFFD, NULL, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) {
            result = status == U_BUFFER_OVERFLOW_ERROR ? -bytes : bytes;
            status = U_ZERO_ERROR;
        } else if (U_SUCCESS(status)) {
            result = bytes;
        }
    }
    if (in != stackIn) free(in);
    if (normalized != stackOut) free(normalized);
    *error = U_SUCCESS(status) ? U_ZERO_ERROR : status;
    return U_SUCCESS(status) ? result : INT32_MIN;
}

const char *ms_error_name(int32_t error) { return u_errorName((UErrorCode)error); }
