package io.skald.logql.engine;

import io.skald.logql.log.Label;
import io.skald.logql.log.Labels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Label-set helpers with Prometheus semantics. */
final class LabelOrder {
    private LabelOrder() {
    }

    /**
     * Prometheus' {@code labels.Compare}: pairwise by name then value, a prefix first. Strings
     * compare as Go does, by UTF-8 bytes, which is code point order.
     */
    static int compare(Labels a, Labels b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            Label x = a.get(i);
            Label y = b.get(i);
            int c = compareStrings(x.name(), y.name());
            if (c != 0) {
                return c;
            }
            c = compareStrings(x.value(), y.value());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    static int compareStrings(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // Surrogates (supplementary code points) sort after every BMP char in UTF-8.
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                if (sx != sy) {
                    return sx ? 1 : -1;
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** The labels for which the predicate holds, in order. */
    static Labels filter(Labels labels, Predicate<String> keepName) {
        List<Label> out = null;
        for (int i = 0; i < labels.size(); i++) {
            if (!keepName.test(labels.get(i).name())) {
                if (out == null) {
                    out = new ArrayList<>(labels.size());
                    for (int j = 0; j < i; j++) {
                        out.add(labels.get(j));
                    }
                }
            } else if (out != null) {
                out.add(labels.get(i));
            }
        }
        return out == null ? labels : Labels.of(out);
    }

    /** Sets (or with a null value removes) one label. */
    static Labels with(Labels labels, String name, String value) {
        List<Label> out = new ArrayList<>(labels.size() + 1);
        for (int i = 0; i < labels.size(); i++) {
            if (!labels.get(i).name().equals(name)) {
                out.add(labels.get(i));
            }
        }
        if (value != null) {
            out.add(new Label(name, value));
        }
        return Labels.of(out);
    }

    /** An unmodifiable map in label-name order. */
    static Map<String, String> toMap(Labels labels) {
        if (labels.isEmpty()) {
            return Map.of();
        }
        Map<String, String> m = new LinkedHashMap<>(labels.size() * 2);
        for (int i = 0; i < labels.size(); i++) {
            m.put(labels.get(i).name(), labels.get(i).value());
        }
        return Collections.unmodifiableMap(m);
    }
}
