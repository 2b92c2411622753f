package io.skald.logql.log;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code | regexp "(?P<name>re)"}: the first (leftmost) match of the unanchored RE2 regex sets one
 * label per named group; unmatched groups and non-matching lines add nothing.
 */
final class RegexpParser implements Stage {
  private final Pattern pattern;

  /** names[g] is the sanitised label name of group g, or null for unnamed groups. */
  private final String[] names;

  private final Matcher matcher;

  private RegexpParser(Pattern pattern, String[] names) {
    this.pattern = pattern;
    this.names = names;
    this.matcher = pattern.matcher("");
  }

  /**
   * @throws IllegalArgumentException for an invalid regex or one without named groups
   */
  static RegexpParser compile(String regex) {
    Pattern p;
    try {
      p = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    Map<String, Integer> named = p.namedGroups();
    if (named.isEmpty()) {
      throw new IllegalArgumentException("at least one named capture must be supplied");
    }
    String[] names = new String[p.groupCount() + 1];
    for (Map.Entry<String, Integer> e : named.entrySet()) {
      String n = LabelNames.sanitize(e.getKey());
      names[e.getValue()] = n.isEmpty() ? null : n;
    }
    return new RegexpParser(p, names);
  }

  @Override
  public boolean process(long timestampNanos, LineBuffer line, LabelsBuilder labels) {
    Matcher m = matcher;
    boolean whole = line.isWholeArray();
    if (whole) {
      m.reset(line.array()); // UTF-8 input: group offsets are byte offsets
    } else {
      m.reset(line.chars());
    }
    if (!m.find()) {
      return true;
    }
    for (int g = 1; g < names.length; g++) {
      if (names[g] == null || m.start(g) < 0) {
        continue;
      }
      String name = labels.parsedName(names[g]);
      if (labels.wasParsed(name)) {
        continue;
      }
      String v =
          whole
              ? new String(line.array(), m.start(g), m.end(g) - m.start(g), StandardCharsets.UTF_8)
              : m.group(g);
      labels.set(LabelCategory.PARSED, name, v);
    }
    return true;
  }

  @Override
  public Stage forStream() {
    return new RegexpParser(pattern, names);
  }
}
