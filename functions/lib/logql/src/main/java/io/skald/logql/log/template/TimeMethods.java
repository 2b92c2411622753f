package io.skald.logql.log.template;

import static io.skald.logql.log.template.Func.Type.STRING;

/** The methods of Go's time.Time a template may call ({@code {{ __timestamp__.Unix }}}). */
final class TimeMethods {
  private TimeMethods() {}

  /** The method bound to t, or null when time.Time has no such method here. */
  static Func method(String name, GoTime t) {
    return switch (name) {
      case "Unix" -> Func.of(name, (c, a) -> t.unix());
      case "UnixMilli" -> Func.of(name, (c, a) -> t.unixMilli());
      case "UnixMicro" -> Func.of(name, (c, a) -> t.unixNano() / 1000);
      case "UnixNano" -> Func.of(name, (c, a) -> t.unixNano());
      case "Format" -> Func.of(name, (c, a) -> t.format((String) a.get(0)), STRING);
      case "String" -> Func.of(name, (c, a) -> t.toString());
      case "UTC" -> Func.of(name, (c, a) -> t.in(java.time.ZoneOffset.UTC));
      case "Local" -> Func.of(name, (c, a) -> t.in(GoTime.LOCAL));
      case "Year" -> Func.of(name, (c, a) -> (long) t.local().getYear());
      case "YearDay" -> Func.of(name, (c, a) -> (long) t.local().getDayOfYear());
      case "Day" -> Func.of(name, (c, a) -> (long) t.local().getDayOfMonth());
      case "Hour" -> Func.of(name, (c, a) -> (long) t.local().getHour());
      case "Minute" -> Func.of(name, (c, a) -> (long) t.local().getMinute());
      case "Second" -> Func.of(name, (c, a) -> (long) t.local().getSecond());
      case "Nanosecond" -> Func.of(name, (c, a) -> (long) t.local().getNano());
      case "Month" -> Func.of(name, (c, a) -> GoTime.monthName(t.local().getMonthValue(), true));
      case "Weekday" ->
          Func.of(
              name,
              (c, a) ->
                  t.local()
                      .getDayOfWeek()
                      .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
      case "IsZero" -> Func.of(name, (c, a) -> t.instant().equals(GoTime.ZERO.instant()));
      default -> null;
    };
  }
}
