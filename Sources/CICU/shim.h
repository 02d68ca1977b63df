// Only the C target CICUShim includes this; Swift never imports CICU directly.
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
