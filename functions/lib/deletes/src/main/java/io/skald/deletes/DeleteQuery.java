package io.skald.deletes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The query of a delete request: a stream selector followed by zero or more line filters, e.g.
 * {@code {app="api"} |= "password" !~ "debug.*"}. Anything else (parsers, label filters,
 * formatting stages) is rejected. A line is selected when its stream matches every matcher and
 * the line passes every filter.
 */
public record DeleteQuery(List<LabelMatcher> matchers, List<LineFilter> filters) {

  static final String INVALID = "invalid query expression";

  public DeleteQuery {
    matchers = List.copyOf(matchers);
    filters = List.copyOf(filters);
  }

  /** @throws DeleteApiException 400 {@code invalid query expression} */
  public static DeleteQuery parse(String query) throws DeleteApiException {
    try {
      SelectorParser p = new SelectorParser(query);
      List<LabelMatcher> matchers = p.selector();
      List<LineFilter> filters = new ArrayList<>();
      while (!p.atEnd()) {
        LineFilter.Op op = op(p);
        List<String> values = new ArrayList<>();
        values.add(p.string());
        while (p.consumeWord("or")) {
          values.add(p.string());
        }
        filters.add(new LineFilter(op, values));
      }
      return new DeleteQuery(matchers, filters);
    } catch (IllegalArgumentException e) {
      throw DeleteApiException.badRequest(INVALID);
    }
  }

  private static LineFilter.Op op(SelectorParser p) {
    for (LineFilter.Op op : LineFilter.Op.values()) {
      if (p.consume(op.token())) {
        return op;
      }
    }
    throw p.error("expected a line filter");
  }

  public boolean hasFilter() {
    return !filters.isEmpty();
  }

  public boolean matchesStream(Map<String, String> labels) {
    return LabelMatcher.allMatch(matchers, labels);
  }

  /** Whether the line passes every line filter (true when there are none). */
  public boolean selectsLine(String line) {
    for (LineFilter f : filters) {
      if (!f.test(line)) {
        return false;
      }
    }
    return true;
  }
}
