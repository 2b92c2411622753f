package io.skald.logql.log;

import io.skald.logql.syntax.Strings;

/** One label pair. Ordered by name, then value, as Prometheus label sets are. */
public record Label(String name, String value) implements Comparable<Label> {
    @Override
    public int compareTo(Label o) {
        int c = name.compareTo(o.name);
        return c != 0 ? c : value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return name + "=" + Strings.quote(value);
    }
}
