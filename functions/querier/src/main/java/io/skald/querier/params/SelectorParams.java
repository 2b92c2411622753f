package io.skald.querier.params;

import io.skald.labels.Matcher;
import io.skald.logql.syntax.LogQL;
import io.skald.logql.syntax.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The selector-only parameters of the query API, read as Loki reads each (all through Loki's {@code
 * syntax.ParseMatchers}, so a pipeline or a metric query is 400 {@code only label matchers are
 * supported}):
 *
 * <ul>
 *   <li>series {@code match[]} / {@code match}: without the non-empty-matcher rule, and a single
 *       {@code {}} means every series ({@code loghttp.ParseSeriesQuery});
 *   <li>the {@code query} of labels, label values and detected labels: optional, validated;
 *   <li>the {@code query} of index stats, volume, volume range and patterns: required, validated.
 * </ul>
 */
public final class SelectorParams {

  private SelectorParams() {}

  /** The matcher groups of a series request; empty means every series. */
  public static List<List<Matcher>> seriesGroups(Params p) {
    // Loki takes the union of both names, without duplicates, sorted.
    TreeSet<String> selectors = new TreeSet<>(p.all("match"));
    selectors.addAll(p.all("match[]"));
    if (selectors.size() == 1 && selectors.first().replace(" ", "").equals("{}")) {
      return List.of();
    }
    List<List<Matcher>> groups = new ArrayList<>();
    for (String s : selectors) {
      List<Matcher> group = matchers(s, false);
      if (group.isEmpty()) {
        throw new BadRequestException("0 matchers in group: " + s);
      }
      groups.add(group);
    }
    return groups;
  }

  /** A {@code query} that may be left out (labels, label values, detected labels). */
  public static List<Matcher> optional(String query) {
    return query.isEmpty() ? List.of() : matchers(query, true);
  }

  /** A {@code query} that must be given (index stats, volume, patterns). */
  public static List<Matcher> required(String query) {
    return matchers(query, true);
  }

  private static List<Matcher> matchers(String selector, boolean validate) {
    try {
      return LogQL.parseMatchers(selector, validate);
    } catch (ParseException e) {
      throw new BadRequestException(e.getMessage());
    }
  }
}
