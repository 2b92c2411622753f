package io.skald.logql.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An immutable label set sorted by name, with unique names. Printed as
 * {@code {a="1", b="2"}}, the form Loki uses for stream keys.
 */
public final class Labels {
    public static final Labels EMPTY = new Labels(new Label[0]);

    private final Label[] labels;
    private int hash;

    private Labels(Label[] sortedUnique) {
        this.labels = sortedUnique;
    }

    /** Builds a set; for duplicate names the last one wins. */
    public static Labels of(Collection<Label> labels) {
        Label[] arr = labels.toArray(new Label[0]);
        Arrays.sort(arr, (a, b) -> a.name().compareTo(b.name()));
        List<Label> out = new ArrayList<>(arr.length);
        for (Label l : arr) {
            if (!out.isEmpty() && out.get(out.size() - 1).name().equals(l.name())) {
                out.set(out.size() - 1, l);
            } else {
                out.add(l);
            }
        }
        return new Labels(out.toArray(new Label[0]));
    }

    public static Labels of(Label... labels) {
        return of(Arrays.asList(labels));
    }

    /** {@code Labels.of("a", "1", "b", "2")}. */
    public static Labels of(String... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("odd number of name/value strings");
        }
        List<Label> list = new ArrayList<>(nameValues.length / 2);
        for (int i = 0; i < nameValues.length; i += 2) {
            list.add(new Label(nameValues[i], nameValues[i + 1]));
        }
        return of(list);
    }

    public static Labels of(Map<String, String> map) {
        List<Label> list = new ArrayList<>(map.size());
        map.forEach((k, v) -> list.add(new Label(k, v)));
        return of(list);
    }

    /** The value, or null when absent. */
    public String get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : labels[i].value();
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    private int indexOf(String name) {
        int lo = 0;
        int hi = labels.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = labels[mid].name().compareTo(name);
            if (c == 0) {
                return mid;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    public int size() {
        return labels.length;
    }

    public boolean isEmpty() {
        return labels.length == 0;
    }

    public Label get(int i) {
        return labels[i];
    }

    public List<Label> asList() {
        return Collections.unmodifiableList(Arrays.asList(labels));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Labels l && Arrays.equals(labels, l.labels);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(labels);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < labels.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(labels[i]);
        }
        return sb.append('}').toString();
    }
}
