package org.reelflow.api;

/**
 * One byte range of an HTTP {@code Range} header (RFC 9110 §14). Several ranges in one request are answered
 * with the whole file, which the RFC allows.
 */
record ByteRange(long start, long end, long size, boolean partial, boolean unsatisfiable) {

    static ByteRange whole(long size) {
        return new ByteRange(0, size - 1, size, false, false);
    }

    long length() {
        return unsatisfiable ? 0 : end - start + 1;
    }

    static ByteRange parse(String header, long size) {
        String h = header.trim();
        if (!h.startsWith("bytes=") || h.contains(",")) {
            return whole(size);
        }
        String spec = h.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return whole(size);
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (a.isEmpty()) {                       // bytes=-N: the last N bytes
                long n = Long.parseLong(b);
                if (n <= 0 || size == 0) {
                    return unsatisfiable(size);
                }
                return new ByteRange(Math.max(0, size - n), size - 1, size, true, false);
            }
            long start = Long.parseLong(a);
            long end = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            if (start >= size || end < start) {
                return unsatisfiable(size);
            }
            return new ByteRange(start, end, size, true, false);
        } catch (NumberFormatException e) {
            return whole(size);                      // a malformed Range is ignored (RFC 9110)
        }
    }

    private static ByteRange unsatisfiable(long size) {
        return new ByteRange(0, -1, size, false, true);
    }
}
