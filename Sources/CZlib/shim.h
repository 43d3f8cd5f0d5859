#include <zlib.h>

/// Inflates the zlib stream `src` into `dst` (at most `capacity` bytes).
/// Returns the number of bytes written, or -1 when the stream is damaged. `*complete` is set
/// to 1 when the stream ended within `capacity`, 0 when the output was cut at `capacity`.
/// (A static function here because zlib's `inflateInit` is a macro Swift cannot call.)
static inline long imprint_inflate(const unsigned char *src, unsigned long srcLength,
                                   unsigned char *dst, unsigned long capacity, int *complete) {
    z_stream stream = {0};
    *complete = 0;
    if (inflateInit(&stream) != Z_OK) return -1;
    stream.next_in = (unsigned char *)src;
    stream.avail_in = (uInt)srcLength;
    stream.next_out = dst;
    stream.avail_out = (uInt)capacity;
    int status = inflate(&stream, Z_FINISH);
    long written = (long)(capacity - stream.avail_out);
    inflateEnd(&stream);
    if (status == Z_STREAM_END) { *complete = 1; return written; }
    if (status == Z_BUF_ERROR && stream.avail_out == 0) return written;
    return -1;
}
