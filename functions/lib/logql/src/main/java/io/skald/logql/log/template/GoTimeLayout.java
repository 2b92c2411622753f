package io.skald.logql.log.template;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Go reference-time layouts ({@code 2006-01-02T15:04:05.999999999Z07:00}): formatting and parsing
 * as {@code time.Format} / {@code time.ParseInLocation} do, for the elements Go defines (names,
 * numbers, padded forms, 12-hour clock, fractional seconds, zone offsets and abbreviations).
 * Layouts are tokenised once and cached.
 */
final class GoTimeLayout {
  enum Std {
    LONG_MONTH,
    MONTH,
    NUM_MONTH,
    ZERO_MONTH,
    LONG_WEEKDAY,
    WEEKDAY,
    DAY,
    UNDER_DAY,
    ZERO_DAY,
    UNDER_YEAR_DAY,
    ZERO_YEAR_DAY,
    HOUR,
    HOUR12,
    ZERO_HOUR12,
    MINUTE,
    ZERO_MINUTE,
    SECOND,
    ZERO_SECOND,
    LONG_YEAR,
    YEAR,
    PM_UPPER,
    PM_LOWER,
    TZ,
    ISO_TZ,
    ISO_SECONDS_TZ,
    ISO_SHORT_TZ,
    ISO_COLON_TZ,
    ISO_COLON_SECONDS_TZ,
    NUM_TZ,
    NUM_SECONDS_TZ,
    NUM_SHORT_TZ,
    NUM_COLON_TZ,
    NUM_COLON_SECONDS_TZ,
    FRAC0,
    FRAC9
  }

  /** A literal prefix followed by an element (null at the end); digits is the fraction width. */
  record Chunk(String literal, Std std, int digits, char separator) {}

  private static final Map<String, List<Chunk>> CACHE = new ConcurrentHashMap<>();
  private static final String[][] PREFIXES = {
    {"January", "LONG_MONTH"},
    {"Jan", "MONTH"},
    {"Monday", "LONG_WEEKDAY"},
    {"Mon", "WEEKDAY"},
    {"MST", "TZ"},
    {"002", "ZERO_YEAR_DAY"},
    {"01", "ZERO_MONTH"},
    {"02", "ZERO_DAY"},
    {"03", "ZERO_HOUR12"},
    {"04", "ZERO_MINUTE"},
    {"05", "ZERO_SECOND"},
    {"06", "YEAR"},
    {"15", "HOUR"},
    {"1", "NUM_MONTH"},
    {"2006", "LONG_YEAR"},
    {"2", "DAY"},
    {"__2", "UNDER_YEAR_DAY"},
    {"_2", "UNDER_DAY"},
    {"3", "HOUR12"},
    {"4", "MINUTE"},
    {"5", "SECOND"},
    {"PM", "PM_UPPER"},
    {"pm", "PM_LOWER"},
    {"-070000", "NUM_SECONDS_TZ"},
    {"-07:00:00", "NUM_COLON_SECONDS_TZ"},
    {"-0700", "NUM_TZ"},
    {"-07:00", "NUM_COLON_TZ"},
    {"-07", "NUM_SHORT_TZ"},
    {"Z070000", "ISO_SECONDS_TZ"},
    {"Z07:00:00", "ISO_COLON_SECONDS_TZ"},
    {"Z0700", "ISO_TZ"},
    {"Z07:00", "ISO_COLON_TZ"},
    {"Z07", "ISO_SHORT_TZ"}
  };

  private GoTimeLayout() {}

  private static List<Chunk> chunks(String layout) {
    List<Chunk> cached = CACHE.get(layout);
    if (cached != null) {
      return cached;
    }
    List<Chunk> out = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    while (i < layout.length()) {
      char c = layout.charAt(i);
      if ((c == '.' || c == ',')
          && i + 1 < layout.length()
          && (layout.charAt(i + 1) == '0' || layout.charAt(i + 1) == '9')) {
        char d = layout.charAt(i + 1);
        int j = i + 1;
        while (j < layout.length() && layout.charAt(j) == d) {
          j++;
        }
        if (j >= layout.length() || !Character.isDigit(layout.charAt(j))) {
          out.add(new Chunk(lit.toString(), d == '0' ? Std.FRAC0 : Std.FRAC9, j - i - 1, c));
          lit.setLength(0);
          i = j;
          continue;
        }
      }
      String matched = null;
      Std std = null;
      for (String[] p : PREFIXES) {
        if (layout.startsWith(p[0], i) && (matched == null || p[0].length() > matched.length())) {
          // "_2006" is a literal '_' then the year; "Jan"/"Mon" must not be followed by a
          // lower-case letter.
          if (p[0].equals("_2") && layout.startsWith("_2006", i)) {
            continue;
          }
          if ((p[0].equals("Jan") || p[0].equals("Mon"))
              && i + 3 < layout.length()
              && Character.isLowerCase(layout.charAt(i + 3))
              && !layout.startsWith("January", i)
              && !layout.startsWith("Monday", i)) {
            continue;
          }
          matched = p[0];
          std = Std.valueOf(p[1]);
        }
      }
      if (matched == null) {
        lit.append(c);
        i++;
        continue;
      }
      out.add(new Chunk(lit.toString(), std, 0, '.'));
      lit.setLength(0);
      i += matched.length();
    }
    out.add(new Chunk(lit.toString(), null, 0, '.'));
    if (CACHE.size() < 256) {
      CACHE.put(layout, out);
    }
    return out;
  }

  static String format(GoTime t, String layout) {
    ZonedDateTime z = t.local();
    StringBuilder sb = new StringBuilder(layout.length() + 10);
    for (Chunk ch : chunks(layout)) {
      sb.append(ch.literal());
      if (ch.std() != null) {
        formatStd(sb, ch, z, t);
      }
    }
    return sb.toString();
  }

  private static void formatStd(StringBuilder sb, Chunk ch, ZonedDateTime z, GoTime t) {
    int hour = z.getHour();
    switch (ch.std()) {
      case LONG_YEAR -> pad(sb, z.getYear(), 4, '0');
      case YEAR -> pad(sb, Math.floorMod(z.getYear(), 100), 2, '0');
      case MONTH -> sb.append(GoTime.monthName(z.getMonthValue(), false));
      case LONG_MONTH -> sb.append(GoTime.monthName(z.getMonthValue(), true));
      case NUM_MONTH -> sb.append(z.getMonthValue());
      case ZERO_MONTH -> pad(sb, z.getMonthValue(), 2, '0');
      case WEEKDAY -> sb.append(z.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
      case LONG_WEEKDAY ->
          sb.append(z.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
      case DAY -> sb.append(z.getDayOfMonth());
      case UNDER_DAY -> pad(sb, z.getDayOfMonth(), 2, ' ');
      case ZERO_DAY -> pad(sb, z.getDayOfMonth(), 2, '0');
      case UNDER_YEAR_DAY -> pad(sb, z.getDayOfYear(), 3, ' ');
      case ZERO_YEAR_DAY -> pad(sb, z.getDayOfYear(), 3, '0');
      case HOUR -> pad(sb, hour, 2, '0');
      case HOUR12 -> sb.append(hour % 12 == 0 ? 12 : hour % 12);
      case ZERO_HOUR12 -> pad(sb, hour % 12 == 0 ? 12 : hour % 12, 2, '0');
      case MINUTE -> sb.append(z.getMinute());
      case ZERO_MINUTE -> pad(sb, z.getMinute(), 2, '0');
      case SECOND -> sb.append(z.getSecond());
      case ZERO_SECOND -> pad(sb, z.getSecond(), 2, '0');
      case PM_UPPER -> sb.append(hour >= 12 ? "PM" : "AM");
      case PM_LOWER -> sb.append(hour >= 12 ? "pm" : "am");
      case TZ -> {
        if (!t.name().isEmpty()) {
          sb.append(t.name());
        } else {
          offset(sb, t.offsetSeconds(), false, false, true);
        }
      }
      case ISO_TZ,
          ISO_SECONDS_TZ,
          ISO_SHORT_TZ,
          ISO_COLON_TZ,
          ISO_COLON_SECONDS_TZ,
          NUM_TZ,
          NUM_SECONDS_TZ,
          NUM_SHORT_TZ,
          NUM_COLON_TZ,
          NUM_COLON_SECONDS_TZ -> {
        String n = ch.std().name();
        if (n.startsWith("ISO") && t.offsetSeconds() == 0) {
          sb.append('Z');
        } else {
          offset(
              sb,
              t.offsetSeconds(),
              n.contains("COLON"),
              n.contains("SECONDS"),
              !n.contains("SHORT"));
        }
      }
      case FRAC0, FRAC9 -> {
        String nanos = String.format("%09d", z.getNano()).substring(0, Math.min(9, ch.digits()));
        if (ch.std() == Std.FRAC9) {
          nanos = nanos.replaceAll("0+$", "");
          if (nanos.isEmpty()) {
            return;
          }
        }
        sb.append(ch.separator()).append(nanos);
      }
    }
  }

  private static void offset(
      StringBuilder sb, int secs, boolean colon, boolean seconds, boolean minutes) {
    sb.append(secs < 0 ? '-' : '+');
    int a = Math.abs(secs);
    pad(sb, a / 3600, 2, '0');
    if (minutes) {
      if (colon) {
        sb.append(':');
      }
      pad(sb, a % 3600 / 60, 2, '0');
    }
    if (seconds) {
      if (colon) {
        sb.append(':');
      }
      pad(sb, a % 60, 2, '0');
    }
  }

  private static void pad(StringBuilder sb, int v, int width, char fill) {
    String s = Integer.toString(Math.abs(v));
    if (v < 0) {
      sb.append('-');
    }
    for (int i = s.length(); i < width; i++) {
      sb.append(fill);
    }
    sb.append(s);
  }

  /**
   * {@code time.ParseInLocation}: zone-less values are read in {@code loc}.
   *
   * @throws IllegalArgumentException when the value does not match the layout
   */
  static GoTime parse(String layout, String value, ZoneId loc) {
    return new GoTimeParser(chunks(layout), layout, value).parse(loc);
  }

  /** time.LoadLocation: "Local" is UTC here; null for an unknown zone. */
  static ZoneId zone(String name) {
    try {
      return name.equals("Local") ? GoTime.LOCAL : ZoneId.of(name.equals("") ? "UTC" : name);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }
}
