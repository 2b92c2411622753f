package io.skald.labels;

import io.skald.gocompat.GoQuote;
import io.skald.gocompat.Utf8;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An immutable label set with unique names, sorted by name as Go compares strings (by UTF-8 bytes).
 * Its text is Prometheus' {@code Labels.String()}: {@code {a="b", "c.d"="e"}} with values quoted as
 * {@code strconv.Quote} and names quoted only when they are not classic names. That text is how
 * Skald stores a stream's identity; {@link #parse} reads it back.
 */
public final class LabelSet implements Iterable<Label> {
  public static final LabelSet EMPTY = new LabelSet(new Label[0]);

  private final Label[] labels;
  private int hash;

  private LabelSet(Label[] sortedUnique) {
    this.labels = sortedUnique;
  }

  /** A set of {@code labels}; for a name given more than once the last one wins. */
  public static LabelSet of(Collection<Label> labels) {
    if (labels.isEmpty()) {
      return EMPTY;
    }
    Label[] arr = labels.toArray(new Label[0]);
    Arrays.sort(arr, (a, b) -> Utf8.compare(a.name(), b.name())); // stable: last stays last
    int n = 0;
    for (Label l : arr) {
      if (n > 0 && arr[n - 1].name().equals(l.name())) {
        arr[n - 1] = l;
      } else {
        arr[n++] = l;
      }
    }
    return new LabelSet(n == arr.length ? arr : Arrays.copyOf(arr, n));
  }

  public static LabelSet of(Label... labels) {
    return of(Arrays.asList(labels));
  }

  /** {@code LabelSet.of("a", "1", "b", "2")}. */
  public static LabelSet of(String... nameValues) {
    if (nameValues.length % 2 != 0) {
      throw new IllegalArgumentException("odd number of name/value strings");
    }
    List<Label> list = new ArrayList<>(nameValues.length / 2);
    for (int i = 0; i < nameValues.length; i += 2) {
      list.add(new Label(nameValues[i], nameValues[i + 1]));
    }
    return of(list);
  }

  public static LabelSet of(Map<String, String> map) {
    List<Label> list = new ArrayList<>(map.size());
    map.forEach((k, v) -> list.add(new Label(k, v)));
    return of(list);
  }

  /**
   * Reads label text: what {@link #toString()} writes, and any Prometheus series description
   * ({@link SeriesParser}; U+FFFD is taken too, since {@code strconv.Quote} prints it unescaped).
   * Empty values are kept, so that the text reads back exactly.
   *
   * @throws LabelSyntaxException when the text is not a series description or repeats a name
   */
  public static LabelSet parse(String text) {
    List<Label> parsed = SeriesParser.parsePrinted(text);
    LabelSet set = of(parsed);
    if (set.size() != parsed.size()) {
      Set<String> seen = new HashSet<>();
      for (Label l : parsed) {
        if (!seen.add(l.name())) {
          throw new LabelSyntaxException("duplicate label name " + GoQuote.quote(l.name()));
        }
      }
    }
    return set;
  }

  /** The value of {@code name}, or null when the set does not have it. */
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
      int c = Utf8.compare(labels[mid].name(), name);
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

  /** The {@code i}-th label in name order. */
  public Label get(int i) {
    return labels[i];
  }

  public List<Label> asList() {
    return Collections.unmodifiableList(Arrays.asList(labels));
  }

  /** The names in order. */
  public List<String> names() {
    List<String> out = new ArrayList<>(labels.length);
    for (Label l : labels) {
      out.add(l.name());
    }
    return Collections.unmodifiableList(out);
  }

  /** An unmodifiable map in label order. */
  public Map<String, String> asMap() {
    if (labels.length == 0) {
      return Map.of();
    }
    Map<String, String> m = new LinkedHashMap<>(labels.length * 2);
    for (Label l : labels) {
      m.put(l.name(), l.value());
    }
    return Collections.unmodifiableMap(m);
  }

  @Override
  public Iterator<Label> iterator() {
    return asList().iterator();
  }

  /** This set with {@code name} set to {@code value}, or removed when {@code value} is null. */
  public LabelSet with(String name, String value) {
    List<Label> out = new ArrayList<>(labels.length + 1);
    for (Label l : labels) {
      if (!l.name().equals(name)) {
        out.add(l);
      }
    }
    if (value != null) {
      out.add(new Label(name, value));
    }
    return of(out);
  }

  /** This set without the given names. */
  public LabelSet without(String... names) {
    List<String> drop = Arrays.asList(names);
    return keep(name -> !drop.contains(name));
  }

  /** The labels whose names pass {@code keepName}; this very instance when all do. */
  public LabelSet keep(Predicate<String> keepName) {
    List<Label> out = null;
    for (int i = 0; i < labels.length; i++) {
      if (!keepName.test(labels[i].name())) {
        if (out == null) {
          out = new ArrayList<>(labels.length);
          out.addAll(Arrays.asList(labels).subList(0, i));
        }
      } else if (out != null) {
        out.add(labels[i]);
      }
    }
    return out == null ? this : new LabelSet(out.toArray(new Label[0]));
  }

  /** A builder that starts from this set. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  public static Builder builder() {
    return new Builder(EMPTY);
  }

  /**
   * Prometheus' {@code labels.Compare}: label by label, name then value, a prefix first. (Not
   * {@code Comparable}: a set is already {@code Iterable}, and both would make it ambiguous.)
   */
  public static int compare(LabelSet a, LabelSet b) {
    int n = Math.min(a.labels.length, b.labels.length);
    for (int i = 0; i < n; i++) {
      int c = a.labels[i].compareTo(b.labels[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.labels.length, b.labels.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelSet l && Arrays.equals(labels, l.labels);
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

  /** Prometheus' {@code Labels.String()}, e.g. {@code {a="1", "b.c"="2"}}. */
  @Override
  public String toString() {
    return format(Arrays.asList(labels));
  }

  /**
   * {@link #toString()} of labels in the given order, duplicates included: the push prints a
   * stream's labels this way before it refuses duplicates.
   */
  public static String format(List<Label> labels) {
    StringBuilder b = new StringBuilder(16 * labels.size() + 2).append('{');
    for (int i = 0; i < labels.size(); i++) {
      Label l = labels.get(i);
      if (i > 0) {
        b.append(", ");
      }
      if (isClassicName(l.name())) {
        b.append(l.name());
      } else {
        GoQuote.appendQuoted(b, l.name());
      }
      b.append('=');
      GoQuote.appendQuoted(b, l.value());
    }
    return b.append('}').toString();
  }

  /** {@code [a-zA-Z_][a-zA-Z0-9_]*}: a name Prometheus prints without quotes. */
  public static boolean isClassicName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          c == '_'
              || (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Sets and removes labels, then builds a set; the last value set for a name wins. */
  public static final class Builder {
    private final Map<String, String> values = new LinkedHashMap<>();

    private Builder(LabelSet from) {
      for (Label l : from.labels) {
        values.put(l.name(), l.value());
      }
    }

    public Builder set(String name, String value) {
      values.remove(name);
      values.put(name, value);
      return this;
    }

    public Builder delete(String name) {
      values.remove(name);
      return this;
    }

    public LabelSet build() {
      return of(values);
    }
  }
}
