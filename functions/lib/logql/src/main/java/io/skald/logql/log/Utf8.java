package io.skald.logql.log;

import java.nio.charset.StandardCharsets;

/** UTF-8 helpers matching Go's view of invalid bytes (each one is a {@code RuneError}). */
final class Utf8 {
    private Utf8() {
    }

    /** Length of the valid sequence at i, or 1 for an invalid byte (Go decodes it as RuneError). */
    static int sequenceLength(byte[] b, int i, int end) {
        int c = b[i] & 0xff;
        int n;
        int min;
        if (c < 0x80) {
            return 1;
        } else if (c >= 0xc2 && c <= 0xdf) {
            n = 2;
            min = 0x80;
        } else if (c >= 0xe0 && c <= 0xef) {
            n = 3;
            min = 0x800;
        } else if (c >= 0xf0 && c <= 0xf4) {
            n = 4;
            min = 0x10000;
        } else {
            return 1;
        }
        if (i + n > end) {
            return 1;
        }
        int cp = c & (0xff >> (n + 1));
        for (int k = 1; k < n; k++) {
            int cc = b[i + k] & 0xff;
            if ((cc & 0xc0) != 0x80) {
                return 1;
            }
            cp = (cp << 6) | (cc & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return 1;
        }
        return n;
    }

    /** Whether the bytes hold U+FFFD or an invalid sequence, as Go's ContainsRune(RuneError) reports. */
    static boolean hasRuneError(byte[] b, int off, int len) {
        int end = off + len;
        for (int i = off; i < end; ) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int n = sequenceLength(b, i, end);
            if (n == 1) {
                return true;
            }
            if (n == 3 && (b[i] & 0xff) == 0xef && (b[i + 1] & 0xff) == 0xbf && (b[i + 2] & 0xff) == 0xbd) {
                return true;
            }
            i += n;
        }
        return false;
    }

    /**
     * Decodes bytes into a label value; invalid sequences and U+FFFD become spaces, one per
     * invalid byte, because Prometheus rejects the replacement rune (Loki does the same).
     */
    static String decodeValue(byte[] b, int off, int len) {
        boolean ascii = true;
        for (int i = off, end = off + len; i < end; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        if (!hasRuneError(b, off, len)) {
            return new String(b, off, len, StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder(len);
        int end = off + len;
        for (int i = off; i < end; ) {
            int n = sequenceLength(b, i, end);
            if (n == 1 && b[i] < 0) {
                sb.append(' ');
            } else {
                String s = new String(b, i, n, StandardCharsets.UTF_8);
                sb.append(s.equals("\uFFFD") ? " " : s);
            }
            i += n;
        }
        return sb.toString();
    }
}
