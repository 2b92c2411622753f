package io.skald.querier.engine;

import io.skald.labels.LabelSet;
import io.skald.labels.Matcher;
import io.skald.querier.params.TimeRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/** Label names, label values and series, answered from the index alone. */
public final class MetadataQueries {

  private final StoreReader reader;

  public MetadataQueries(StoreReader reader) {
    this.reader = reader;
  }

  public Set<String> labelNames(String tenant, TimeRange range, List<Matcher> matchers) {
    Set<String> names = new TreeSet<>();
    for (SortedMap<String, String> labels : matching(tenant, range, List.of(matchers))) {
      names.addAll(labels.keySet());
    }
    return names;
  }

  public Set<String> labelValues(
      String tenant, String name, TimeRange range, List<Matcher> matchers) {
    Set<String> values = new TreeSet<>();
    for (SortedMap<String, String> labels : matching(tenant, range, List.of(matchers))) {
      String v = labels.get(name);
      if (v != null) {
        values.add(v);
      }
    }
    return values;
  }

  /** Distinct label sets matching any of the selectors; an empty list selects every series. */
  public List<SortedMap<String, String>> series(
      String tenant, TimeRange range, List<List<Matcher>> selectors) {
    List<SortedMap<String, String>> out = new ArrayList<>(matching(tenant, range, selectors));
    out.sort(Comparator.comparing(labels -> LabelSet.of(labels).toString()));
    return out;
  }

  private Set<SortedMap<String, String>> matching(
      String tenant, TimeRange range, List<List<Matcher>> selectors) {
    Set<SortedMap<String, String>> out = new LinkedHashSet<>();
    Selection selection =
        reader.select(
            tenant,
            range,
            labels ->
                selectors.isEmpty()
                    || selectors.stream().anyMatch(m -> StoreReader.matches(m, labels)));
    for (Selection.Stream s : selection.streams()) {
      out.add(s.labels());
    }
    return out;
  }
}
