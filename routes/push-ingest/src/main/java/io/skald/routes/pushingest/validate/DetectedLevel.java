package io.skald.routes.pushingest.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.skald.labels.Label;
import io.skald.limits.Limits;
import io.skald.routes.pushingest.model.MetadataPair;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Loki's {@code detected_level} discovery ({@code pkg/distributor/field_detection.go}), in order:
 *
 * <ol>
 *   <li>a level field (default {@code level, LEVEL, Level, log.level, severity, ...}) among the
 *       stream labels, then among the structured metadata: its value, normalised;
 *   <li>structured metadata {@code severity_number} (OTLP): mapped by range;
 *   <li>a JSON line (first and last non-space chars are braces): the first string-valued level
 *       field, searched two object levels deep; a logfmt line (contains {@code =}): the level field
 *       with the highest priority;
 *   <li>otherwise, or when that value is not a known level: the earliest level keyword in the line
 *       that stands as a word; else {@code unknown}.
 * </ol>
 *
 * Known spellings map to {@code trace|debug|info|warn|error|critical|fatal}; a label or metadata
 * value that is not a known spelling is kept as is (Loki does the same).
 */
public final class DetectedLevel {
  public static final String LABEL = "detected_level";
  public static final String UNKNOWN = "unknown";
  static final String SEVERITY_NUMBER = "severity_number";

  private static final JsonFactory JSON = new JsonFactory();
  private static final String[][] KEYWORDS = {
    {"trace", "trace"},
    {"debug", "debug"},
    {"fatal", "fatal"},
    {"critical", "critical"},
    {"error", "error"},
    {"err", "error"},
    {"warning", "warn"},
    {"warn", "warn"},
    {"info", "info"},
  };

  private final List<String> fields;
  private final Set<String> fieldSet;
  private final int jsonMaxDepth;

  public DetectedLevel(List<String> fields, int jsonMaxDepth) {
    this.fields = fields.isEmpty() ? Limits.DEFAULT_LOG_LEVEL_FIELDS : List.copyOf(fields);
    this.fieldSet = new HashSet<>(this.fields);
    this.jsonMaxDepth = jsonMaxDepth;
  }

  /**
   * The level to record for an entry, or null when nothing should be added (a level field with an
   * empty value).
   */
  public String detect(List<Label> streamLabels, List<MetadataPair> metadata, String line) {
    for (String f : fields) {
      for (Label l : streamLabels) {
        if (l.name().equals(f)) {
          return emptyToNull(normalize(l.value()));
        }
      }
    }
    for (String f : fields) {
      for (MetadataPair p : metadata) {
        if (p.name().equals(f)) {
          return emptyToNull(normalize(p.value()));
        }
      }
    }
    for (MetadataPair p : metadata) {
      if (p.name().equals(SEVERITY_NUMBER)) {
        if (!p.value().isEmpty()) {
          return fromSeverityNumber(p.value());
        }
        break;
      }
    }
    return fromLine(line);
  }

  /**
   * Maps known spellings (case-insensitive) to Loki's level names; other values are returned
   * unchanged.
   */
  public static String normalize(String level) {
    String known = known(level);
    return known != null ? known : level;
  }

  private static String known(String v) {
    if (v == null) {
      return null;
    }
    if (eq(v, "trace") || eq(v, "trc")) {
      return "trace";
    }
    if (eq(v, "debug") || eq(v, "dbg")) {
      return "debug";
    }
    if (eq(v, "info") || eq(v, "inf") || eq(v, "information")) {
      return "info";
    }
    if (eq(v, "warn") || eq(v, "wrn") || eq(v, "warning")) {
      return "warn";
    }
    if (eq(v, "error") || eq(v, "err")) {
      return "error";
    }
    if (eq(v, "critical")) {
      return "critical";
    }
    if (eq(v, "fatal")) {
      return "fatal";
    }
    return null;
  }

  private static boolean eq(String a, String b) {
    return a.equalsIgnoreCase(b);
  }

  /**
   * OTLP severity numbers: 1-4 trace, 5-8 debug, 9-12 info, 13-16 warn, 17-20 error, 21-24 fatal.
   */
  static String fromSeverityNumber(String text) {
    long n;
    try {
      n = Long.parseLong(text);
    } catch (NumberFormatException e) {
      return "info";
    }
    if (n == 0) {
      return UNKNOWN;
    }
    if (n <= 4) {
      return "trace";
    }
    if (n <= 8) {
      return "debug";
    }
    if (n <= 12) {
      return "info";
    }
    if (n <= 16) {
      return "warn";
    }
    if (n <= 20) {
      return "error";
    }
    if (n <= 24) {
      return "fatal";
    }
    return UNKNOWN;
  }

  String fromLine(String line) {
    String v;
    if (isJson(line)) {
      v = jsonLevel(line);
    } else if (!line.isEmpty() && line.indexOf('=') >= 0) {
      v = logfmtLevel(line);
    } else {
      return keywordScan(line);
    }
    String known = known(v);
    return known != null ? known : keywordScan(line);
  }

  static boolean isJson(String line) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    int j = line.length() - 1;
    while (j >= 0 && Character.isWhitespace(line.charAt(j))) {
      j--;
    }
    return i < line.length() && line.charAt(i) == '{' && line.charAt(j) == '}';
  }

  private String jsonLevel(String line) {
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      return scanObject(p, 0);
    } catch (IOException | RuntimeException e) {
      return null; // malformed JSON: whatever was not found by now is not found
    }
  }

  /** Scans the object whose START_OBJECT is current; depth 0 is the line's top object. */
  private String scanObject(JsonParser p, int depth) throws IOException {
    if (jsonMaxDepth > 0 && depth >= jsonMaxDepth) {
      p.skipChildren();
      return null;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.VALUE_STRING) {
        if (fieldSet.contains(key)) {
          return p.getText();
        }
      } else if (v == JsonToken.START_OBJECT) {
        String found = scanObject(p, depth + 1);
        if (found != null) {
          return found;
        }
      } else {
        p.skipChildren();
      }
    }
    return null;
  }

  private String logfmtLevel(String line) {
    LogfmtScanner d = new LogfmtScanner(line);
    int best = fields.size();
    String result = null;
    while (!d.eol() && d.scan()) {
      String k = d.key();
      if (k == null) {
        continue;
      }
      for (int x = 0; x < best; x++) {
        if (k.equalsIgnoreCase(fields.get(x))) {
          result = d.value();
          best = x;
          if (x == 0) {
            return result;
          }
          break;
        }
      }
    }
    return result;
  }

  /** The earliest level keyword that stands as a word (ties: the order of Loki's pattern list). */
  static String keywordScan(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    int idx = lower.length();
    String best = UNKNOWN;
    for (String[] kw : KEYWORDS) {
      int pos = indexOfBounded(lower, kw[0]);
      if (pos == -1 || pos >= idx) {
        continue;
      }
      idx = pos;
      best = kw[1];
      if (idx == 0) {
        break;
      }
    }
    return best;
  }

  private static int indexOfBounded(String s, String word) {
    int offset = 0;
    while (true) {
      int abs = s.indexOf(word, offset);
      if (abs == -1) {
        return -1;
      }
      if (leftBoundary(s, abs - 1) && rightBoundary(s, abs + word.length())) {
        return abs;
      }
      offset = abs + 1;
    }
  }

  private static boolean leftBoundary(String s, int pos) {
    return pos < 0 || pos >= s.length() || " \t\n[({\"'=|".indexOf(s.charAt(pos)) >= 0;
  }

  private static boolean rightBoundary(String s, int pos) {
    return pos < 0 || pos >= s.length() || " \t\n[](){}:,!\"'=|".indexOf(s.charAt(pos)) >= 0;
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
