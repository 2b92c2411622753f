package io.skald.routes.pushingest;

import java.util.Locale;

/** The two push routes; they share one handler and differ only in the JSON dialect. */
public enum PushRoute {
  /**
   * {@code POST /loki/api/v1/push}: JSON {@code
   * {"streams":[{"stream":{..},"values":[[ns,line]]}]}}.
   */
  V1("/loki/api/v1/push"),
  /**
   * {@code POST /api/prom/push}: JSON {@code
   * {"streams":[{"labels":"{..}","entries":[{"ts":..,"line":..}]}]}}.
   */
  LEGACY("/api/prom/push");

  private final String path;

  PushRoute(String path) {
    this.path = path;
  }

  public String path() {
    return path;
  }

  /** Loki's rule ({@code loghttp.GetVersion}): any URI containing {@code /loki/api/v1} is v1. */
  public static PushRoute fromRequestUri(String uri) {
    return uri != null && uri.toLowerCase(Locale.ROOT).contains("/loki/api/v1") ? V1 : LEGACY;
  }
}
