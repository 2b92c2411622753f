package io.skald.querier.params;

import io.skald.logql.syntax.QueryText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Request parameters from the query string and, for POST, an {@code x-www-form-urlencoded} body,
 * merged the way Go's {@code Request.Form} does (body values first). Bytes that are not UTF-8 are
 * kept as {@link QueryText} escapes, so that the LogQL parser refuses them as Loki's lexer does.
 */
public final class Params {

  private final Map<String, List<String>> values = new LinkedHashMap<>();

  /**
   * @param query the query parameters as the server decoded them
   * @param rawQuery supplies the undecoded query string (may be null, or supply null); asked for
   *     only when the server replaced bytes that are not UTF-8
   * @param formBody the request body, or null
   */
  public static Params of(
      Map<String, List<String>> query, Supplier<String> rawQuery, byte[] formBody) {
    Params p = new Params();
    if (formBody != null && formBody.length > 0) {
      p.add(decodeBody(new String(formBody, StandardCharsets.ISO_8859_1)));
    }
    p.add(QueryText.queryParameters(query, rawQuery == null ? () -> null : rawQuery));
    return p;
  }

  private void add(Map<String, List<String>> more) {
    more.forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
  }

  private static Map<String, List<String>> decodeBody(String body) {
    try {
      return QueryText.decodeForm(body);
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
