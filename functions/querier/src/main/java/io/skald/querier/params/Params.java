package io.skald.querier.params;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request parameters from the query string and, for POST, an {@code x-www-form-urlencoded} body,
 * merged the way Go's {@code Request.Form} does (body values first).
 */
public final class Params {

  private final Map<String, List<String>> values = new LinkedHashMap<>();

  public static Params of(Map<String, List<String>> query, String formBody) {
    Params p = new Params();
    if (formBody != null && !formBody.isEmpty()) {
      p.addEncoded(formBody);
    }
    query.forEach((k, v) -> p.values.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    return p;
  }

  private void addEncoded(String encoded) {
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      values.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("invalid URL escape in form body: " + e.getMessage());
    }
  }

  /** First value, or "" like Go's {@code Form.Get}. */
  public String get(String name) {
    List<String> v = values.get(name);
    return v == null || v.isEmpty() ? "" : v.get(0);
  }

  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }
}
