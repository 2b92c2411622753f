package io.skald.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skald.gocompat.GoQuote;
import io.skald.labels.LabelSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The golden LogQL suite as data: loads {@code src/test/resources/logql/<area>/*.yaml} (schema in
 * {@code logql/README.md}), turns the streams into push bodies, runs each case over HTTP and
 * compares the answer with the hand-derived expectation. No knowledge of Skald's internals.
 */
final class LogqlGolden {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  static final String DEFAULT_START = "0s";
  static final String DEFAULT_END = "40m";

  private LogqlGolden() {}

  // ------------------------------------------------------------------ model

  record Entry(long offsetNs, String line, Map<String, String> metadata) {}

  record StreamDef(Map<String, String> labels, List<Entry> entries) {}

  record SuiteFile(
      String area,
      String name,
      Path path,
      String tenant,
      List<StreamDef> streams,
      List<JsonNode> cases) {
    String id() {
      return area + "/" + name;
    }
  }

  /** Loads every {@code *.yaml} under {@code root} (one folder per area). */
  static List<SuiteFile> load(Path root) throws IOException {
    List<SuiteFile> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
    }
    for (Path p : files) {
      JsonNode doc = readYaml(p);
      String area = root.relativize(p).getParent().toString().replace('\\', '/');
      String name = p.getFileName().toString().replaceFirst("\\.yaml$", "");
      List<StreamDef> streams = new ArrayList<>();
      for (JsonNode s : iter(doc.path("streams"))) {
        streams.add(parseStream(s, p));
      }
      List<JsonNode> cases = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (JsonNode c : iter(doc.path("cases"))) {
        require(c.hasNonNull("name"), p, "case without name");
        require(
            names.add(c.get("name").asText()), p, "duplicate case name " + c.get("name").asText());
        require(
            c.hasNonNull("query") || c.hasNonNull("path"),
            p,
            c.get("name").asText() + ": no query");
        require(c.hasNonNull("why"), p, c.get("name").asText() + ": no why");
        require(c.has("expect"), p, c.get("name").asText() + ": no expect");
        cases.add(c);
      }
      String tenant = ("golden." + area + "." + name).replaceAll("[^A-Za-z0-9_.-]", "_");
      out.add(new SuiteFile(area, name, p, tenant, streams, cases));
    }
    return out;
  }

  /**
   * YAML through SnakeYAML (which resolves anchors and aliases, unlike Jackson's YAML parser), then
   * as a Jackson tree. YAML 1.1 rules apply: quote values such as on/off/yes/no and dates.
   */
  static JsonNode readYaml(Path p) throws IOException {
    org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
    options.setMaxAliasesForCollections(1000);
    org.yaml.snakeyaml.Yaml yaml =
        new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(options));
    try (java.io.Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      return JSON.valueToTree(yaml.load(r));
    }
  }

  private static StreamDef parseStream(JsonNode s, Path p) {
    Map<String, String> labels = new TreeMap<>();
    s.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    require(!labels.isEmpty(), p, "stream without labels");
    List<Entry> entries = new ArrayList<>();
    for (JsonNode e : iter(s.path("entries"))) {
      if (e.isArray()) {
        Map<String, String> md = e.size() > 2 ? stringMap(e.get(2)) : Map.of();
        entries.add(new Entry(offsetNs(e.get(0)), e.get(1).asText(), md));
      } else if (e.has("repeat")) {
        // Generator: {repeat: N, from: <offset>, every: <duration>, line: "text with %d"}
        int n = e.get("repeat").asInt();
        long from = offsetNs(e.get("from"));
        long every = offsetNs(e.get("every"));
        String line = e.get("line").asText();
        for (int i = 0; i < n; i++) {
          entries.add(
              new Entry(from + i * every, line.replace("%d", Integer.toString(i)), Map.of()));
        }
      } else {
        entries.add(
            new Entry(
                offsetNs(e.get("ts")),
                e.get("line").asText(),
                e.has("metadata") ? stringMap(e.get("metadata")) : Map.of()));
      }
    }
    return new StreamDef(labels, entries);
  }

  // ------------------------------------------------------------------ time

  private static final Pattern DURATION_PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h|d)");

  /**
   * A Go-style duration ({@code 1m30s}, {@code -2h}, {@code 1.5s}, {@code 10s5ns}) or a YAML number
   * of seconds, in ns.
   */
  static long offsetNs(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      throw new IllegalArgumentException("missing offset");
    }
    if (n.isNumber()) {
      return n.decimalValue().multiply(BigDecimal.valueOf(1_000_000_000L)).longValueExact();
    }
    return durationNs(n.asText());
  }

  static long durationNs(String text) {
    String s = text.trim();
    boolean neg = s.startsWith("-");
    if (neg || s.startsWith("+")) {
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    Matcher m = DURATION_PART.matcher(s);
    int pos = 0;
    BigDecimal total = BigDecimal.ZERO;
    while (pos < s.length()) {
      if (!m.find(pos) || m.start() != pos) {
        throw new IllegalArgumentException("bad duration: " + text);
      }
      BigDecimal unit =
          switch (m.group(2)) {
            case "ns" -> BigDecimal.ONE;
            case "us", "µs" -> BigDecimal.valueOf(1_000L);
            case "ms" -> BigDecimal.valueOf(1_000_000L);
            case "s" -> BigDecimal.valueOf(1_000_000_000L);
            case "m" -> BigDecimal.valueOf(60_000_000_000L);
            case "h" -> BigDecimal.valueOf(3_600_000_000_000L);
            default -> BigDecimal.valueOf(86_400_000_000_000L);
          };
      total = total.add(new BigDecimal(m.group(1)).multiply(unit));
      pos = m.end();
    }
    long ns = total.longValueExact();
    return neg ? -ns : ns;
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(s|ms|ns|rfc3339):([^}]+)}");

  /**
   * Replaces {@code ${s:<offset>}}, {@code ${ms:...}}, {@code ${ns:...}}, {@code ${rfc3339:...}} by
   * base + offset.
   */
  static String substitute(String text, long baseNs) {
    if (text == null || !text.contains("${")) {
      return text;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      long t = baseNs + durationNs(m.group(2));
      String v =
          switch (m.group(1)) {
            case "s" -> Long.toString(Math.floorDiv(t, 1_000_000_000L));
            case "ms" -> Long.toString(Math.floorDiv(t, 1_000_000L));
            case "ns" -> Long.toString(t);
            default -> DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(0, t));
          };
      m.appendReplacement(b, Matcher.quoteReplacement(v));
    }
    m.appendTail(b);
    return b.toString();
  }

  /** A time parameter: an offset, or {@code {at: <offset>, as: ns|s|float|rfc3339}}. */
  static String timeParam(JsonNode n, String dflt, long baseNs) {
    JsonNode at = n == null || n.isMissingNode() || n.isNull() ? NODES.textNode(dflt) : n;
    String as = "ns";
    if (at.isObject()) {
      as = at.path("as").asText("ns");
      at = at.get("at");
    }
    long t = baseNs + offsetNs(at);
    return switch (as) {
      case "ns" -> Long.toString(t);
      case "s" -> Long.toString(Math.floorDiv(t, 1_000_000_000L));
      case "float" ->
          new BigDecimal(BigInteger.valueOf(t), 9)
              .setScale(3, java.math.RoundingMode.UNNECESSARY)
              .toPlainString();
      case "rfc3339" -> DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(0, t));
      default -> throw new IllegalArgumentException("unknown time format " + as);
    };
  }

  // ------------------------------------------------------------------ push

  /** One JSON push body holding every stream of a file (Loki's v1 JSON push format). */
  static String pushBody(SuiteFile f, long baseNs) {
    ObjectNode root = NODES.objectNode();
    ArrayNode streams = root.putArray("streams");
    for (StreamDef s : f.streams()) {
      ObjectNode so = streams.addObject();
      ObjectNode lo = so.putObject("stream");
      s.labels().forEach(lo::put);
      ArrayNode values = so.putArray("values");
      for (Entry e : s.entries()) {
        ArrayNode v = values.addArray();
        v.add(Long.toString(baseNs + e.offsetNs()));
        v.add(e.line());
        if (!e.metadata().isEmpty()) {
          ObjectNode md = v.addObject();
          e.metadata().forEach(md::put);
        }
      }
    }
    return root.toString();
  }

  static void push(String baseUrl, SuiteFile f, long baseNs)
      throws IOException, InterruptedException {
    if (f.streams().isEmpty()) {
      return;
    }
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/loki/api/v1/push"))
                .header("Content-Type", "application/json")
                .header("X-Scope-OrgID", f.tenant())
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(pushBody(f, baseNs)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 204) {
      throw new IllegalStateException(
          "push of " + f.id() + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  /** Distinct entries of a file (Loki drops exact duplicates: same stream, timestamp and line). */
  static int distinctEntries(SuiteFile f) {
    Set<String> keys = new HashSet<>();
    for (StreamDef s : f.streams()) {
      for (Entry e : s.entries()) {
        keys.add(s.labels() + "|" + e.offsetNs() + "|" + e.line());
      }
    }
    return keys.size();
  }

  /**
   * How many distinct entries of the file the server returns: one log query per stream with its
   * exact matchers, results deduplicated by (result labels, timestamp, line).
   */
  static int visibleEntries(String baseUrl, SuiteFile f, long baseNs)
      throws IOException, InterruptedException {
    Set<String> seen = new HashSet<>();
    for (StreamDef s : f.streams()) {
      StringJoiner sel = new StringJoiner(", ", "{", "}");
      s.labels().forEach((k, v) -> sel.add(k + "=" + GoQuote.quote(v)));
      Map<String, String> p = new LinkedHashMap<>();
      p.put("query", sel.toString());
      p.put("start", Long.toString(baseNs - 3 * 3_600_000_000_000L));
      p.put("end", Long.toString(baseNs + 3_600_000_000_000L));
      p.put("limit", "5000");
      p.put("direction", "forward");
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/loki/api/v1/query_range?" + form(p)))
                  .header("X-Scope-OrgID", f.tenant())
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return -1;
      }
      for (JsonNode st : JSON.readTree(r.body()).path("data").path("result")) {
        for (JsonNode v : st.path("values")) {
          seen.add(
              st.path("stream").toString() + "|" + v.get(0).asText() + "|" + v.get(1).asText());
        }
      }
    }
    return seen.size();
  }

  // ------------------------------------------------------------------ run a case

  record Exchange(
      String method,
      String url,
      String body,
      Map<String, String> headers,
      int status,
      String response,
      long millis) {
    String describe() {
      return method
          + " "
          + url
          + (body == null ? "" : "\n  body: " + body)
          + (headers.isEmpty() ? "" : "\n  headers: " + headers);
    }
  }

  static Exchange execute(String baseUrl, SuiteFile f, JsonNode c, long baseNs)
      throws IOException, InterruptedException {
    String kind = c.path("kind").asText("range");
    String path =
        c.hasNonNull("path")
            ? c.get("path").asText()
            : kind.equals("instant") ? "/loki/api/v1/query" : "/loki/api/v1/query_range";
    Map<String, String> p = new LinkedHashMap<>();
    if (c.hasNonNull("query")) {
      p.put("query", substitute(c.get("query").asText(), baseNs));
    }
    if (kind.equals("instant")) {
      p.put("time", timeParam(c.get("time"), DEFAULT_END, baseNs));
    } else {
      p.put("start", timeParam(c.get("start"), DEFAULT_START, baseNs));
      p.put("end", timeParam(c.get("end"), DEFAULT_END, baseNs));
      if (c.hasNonNull("step")) {
        p.put("step", c.get("step").asText());
      }
      if (c.hasNonNull("interval")) {
        p.put("interval", c.get("interval").asText());
      }
    }
    if (c.hasNonNull("limit")) {
      p.put("limit", c.get("limit").asText());
    }
    if (c.hasNonNull("direction")) {
      p.put("direction", c.get("direction").asText());
    }
    c.path("params")
        .properties()
        .forEach(
            e -> {
              if (e.getValue().isNull()) {
                p.remove(e.getKey());
              } else {
                p.put(e.getKey(), substitute(e.getValue().asText(), baseNs));
              }
            });
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Scope-OrgID", f.tenant());
    c.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));

    String method = c.path("method").asText("GET").toUpperCase();
    HttpRequest.Builder rb;
    String url;
    String body = null;
    if (method.equals("POST")) {
      url = baseUrl + path;
      body = form(p);
      rb =
          HttpRequest.newBuilder(URI.create(url))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body));
    } else {
      url = baseUrl + path + "?" + form(p);
      rb = HttpRequest.newBuilder(URI.create(url)).GET();
    }
    headers.forEach(rb::header);
    long t0 = System.nanoTime();
    HttpResponse<String> r =
        HTTP.send(rb.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    return new Exchange(
        method, url, body, headers, r.statusCode(), r.body(), (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * Checks one exchange against the case's {@code expect}; returns a list of differences (empty =
   * pass).
   */
  static List<String> check(JsonNode c, Exchange x, long baseNs) {
    List<String> diffs = new ArrayList<>();
    JsonNode exp = c.get("expect");
    int status = exp.path("status").asInt(200);
    if (x.status() != status) {
      diffs.add("status: expected " + status + " but was " + x.status());
      return diffs;
    }
    if (status != 200) {
      String body = stripTrailingNewline(x.response());
      if (exp.hasNonNull("error") && !body.equals(exp.get("error").asText())) {
        diffs.add(
            "error text:\n  expected: " + exp.get("error").asText() + "\n  actual:   " + body);
      }
      if (exp.hasNonNull("error_prefix") && !body.startsWith(exp.get("error_prefix").asText())) {
        diffs.add(
            "error prefix:\n  expected: "
                + exp.get("error_prefix").asText()
                + "...\n  actual:   "
                + body);
      }
      if (exp.hasNonNull("error_contains") && !body.contains(exp.get("error_contains").asText())) {
        diffs.add(
            "error text should contain:\n  expected: "
                + exp.get("error_contains").asText()
                + "\n  actual:   "
                + body);
      }
      return diffs;
    }
    JsonNode actual;
    try {
      actual = JSON.readTree(x.response());
    } catch (IOException e) {
      diffs.add("response is not JSON: " + x.response());
      return diffs;
    }
    if (!"success".equals(actual.path("status").asText())) {
      diffs.add("status field: " + actual.path("status"));
    }
    JsonNode data = actual.path("data");
    boolean absolute = c.path("absolute_times").asBoolean(false);
    long tsBase = absolute ? 0 : baseNs;
    if (exp.has("encoding_flags")) {
      JsonNode want = exp.get("encoding_flags");
      JsonNode got = data.path("encodingFlags");
      boolean wantAbsent = want.isArray() && want.isEmpty();
      if (wantAbsent ? !got.isMissingNode() : !want.equals(got)) {
        diffs.add(
            "encodingFlags: expected "
                + (wantAbsent ? "absent" : want)
                + " but was "
                + (got.isMissingNode() ? "absent" : got));
      }
    }
    if (exp.has("streams")) {
      expectType(data, "streams", diffs);
      compareStreams(exp.get("streams"), data.path("result"), tsBase, diffs);
    } else if (exp.has("matrix")) {
      expectType(data, "matrix", diffs);
      compareSeries(exp.get("matrix"), data.path("result"), true, false, tsBase, null, diffs);
    } else if (exp.has("vector")) {
      expectType(data, "vector", diffs);
      BigDecimal evalTs = evalTime(c, baseNs);
      compareSeries(
          exp.get("vector"),
          data.path("result"),
          false,
          exp.path("ordered").asBoolean(false),
          tsBase,
          evalTs,
          diffs);
    } else if (exp.has("scalar")) {
      expectType(data, "scalar", diffs);
      JsonNode want = exp.get("scalar");
      BigDecimal wantTs = want.isArray() ? tsSeconds(want.get(0), tsBase) : evalTime(c, baseNs);
      String wantV = want.isArray() ? want.get(1).asText() : want.asText();
      JsonNode got = data.path("result");
      if (!got.isArray()
          || got.size() != 2
          || !sameTs(wantTs, got.get(0))
          || !wantV.equals(got.get(1).asText())) {
        diffs.add(
            "scalar: expected [" + wantTs.toPlainString() + ",\"" + wantV + "\"] but was " + got);
      }
    } else {
      diffs.add("case has no expectation for a 200 answer");
    }
    return diffs;
  }

  private static BigDecimal evalTime(JsonNode c, long baseNs) {
    if (c.path("params").hasNonNull("time")) {
      String t = c.path("params").get("time").asText();
      return t.length() <= 10 ? new BigDecimal(t) : new BigDecimal(new BigInteger(t), 9);
    }
    long t =
        baseNs
            + offsetNs(
                c.hasNonNull("time")
                    ? (c.get("time").isObject() ? c.get("time").get("at") : c.get("time"))
                    : NODES.textNode(DEFAULT_END));
    return new BigDecimal(BigInteger.valueOf(t), 9);
  }

  private static void expectType(JsonNode data, String type, List<String> diffs) {
    if (!type.equals(data.path("resultType").asText())) {
      diffs.add("resultType: expected " + type + " but was " + data.path("resultType"));
    }
  }

  // streams: order defined by Loki — streams sorted by their label string, entries by direction.
  private static void compareStreams(JsonNode want, JsonNode got, long tsBase, List<String> diffs) {
    List<ObjectNode> expected = new ArrayList<>();
    for (JsonNode s : want) {
      ObjectNode o = NODES.objectNode();
      ObjectNode labels = o.putObject("stream");
      new TreeMap<>(stringMap(s.get("stream")))
          .forEach((k, v) -> labels.put(k, substitute(v, tsBase)));
      ArrayNode values = o.putArray("values");
      for (JsonNode v : s.get("values")) {
        ArrayNode e = values.addArray();
        e.add(Long.toString(tsBase + offsetNs(v.get(0))));
        e.add(substitute(v.get(1).asText(), tsBase));
        if (v.size() > 2) {
          e.add(v.get(2));
        }
      }
      expected.add(o);
    }
    expected.sort(Comparator.comparing(o -> labelString(o.get("stream"))));
    List<JsonNode> actual = new ArrayList<>();
    got.forEach(actual::add);
    if (!normalizeStreams(expected).equals(normalizeStreams(actual))) {
      diffs.add(
          "streams differ (order: streams by label string, entries by direction)\n  expected: "
              + render(expected)
              + "\n  actual:   "
              + render(actual));
    }
  }

  /** Streams as comparable JSON: label maps sorted, values verbatim. */
  private static List<JsonNode> normalizeStreams(List<? extends JsonNode> streams) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode s : streams) {
      ObjectNode o = NODES.objectNode();
      ObjectNode labels = o.putObject("stream");
      new TreeMap<>(stringMap(s.path("stream"))).forEach(labels::put);
      o.set("values", s.path("values"));
      out.add(o);
    }
    return out;
  }

  /**
   * matrix / vector: series compared as a set (Loki does not define their order) unless {@code
   * ordered}; within a series the points are oldest first. A value of {@code "*"} matches any
   * value, {@code values: "*"} any points.
   */
  private static void compareSeries(
      JsonNode want,
      JsonNode got,
      boolean matrix,
      boolean ordered,
      long tsBase,
      BigDecimal evalTs,
      List<String> diffs) {
    List<JsonNode> actual = new ArrayList<>();
    got.forEach(actual::add);
    List<JsonNode> expected = new ArrayList<>();
    want.forEach(expected::add);
    if (actual.size() != expected.size()) {
      diffs.add(
          (matrix ? "matrix" : "vector")
              + ": expected "
              + expected.size()
              + " series but got "
              + actual.size()
              + "\n  expected: "
              + render(expected)
              + "\n  actual:   "
              + render(actual));
      return;
    }
    List<JsonNode> unmatched = new ArrayList<>(actual);
    for (int i = 0; i < expected.size(); i++) {
      JsonNode e = expected.get(i);
      Map<String, String> metric = new TreeMap<>(stringMap(e.get("metric")));
      JsonNode match = null;
      if (ordered) {
        JsonNode a = actual.get(i);
        if (new TreeMap<>(stringMap(a.path("metric"))).equals(metric)) {
          match = a;
        }
      } else {
        for (JsonNode a : unmatched) {
          if (new TreeMap<>(stringMap(a.path("metric"))).equals(metric)) {
            match = a;
            break;
          }
        }
      }
      if (match == null) {
        diffs.add(
            "no series "
                + metric
                + (ordered ? " at position " + i : "")
                + "\n  expected: "
                + render(expected)
                + "\n  actual:   "
                + render(actual));
        return;
      }
      unmatched.remove(match);
      if (matrix) {
        JsonNode wv = e.get("values");
        if (wv.isTextual() && wv.asText().equals("*")) {
          continue;
        }
        JsonNode av = match.path("values");
        boolean same = av.size() == wv.size();
        for (int k = 0; same && k < wv.size(); k++) {
          same = samePoint(wv.get(k), av.get(k), tsBase, null);
        }
        if (!same) {
          diffs.add(
              "series "
                  + metric
                  + ": expected points "
                  + renderPoints(wv, tsBase)
                  + " but got "
                  + av);
        }
      } else if (!samePoint(e.get("value"), match.path("value"), tsBase, evalTs)) {
        diffs.add(
            "series "
                + metric
                + ": expected value "
                + e.get("value")
                + " (at "
                + (evalTs == null ? "?" : evalTs.toPlainString())
                + ") but got "
                + match.path("value"));
      }
    }
  }

  private static boolean samePoint(JsonNode want, JsonNode got, long tsBase, BigDecimal evalTs) {
    if (want.isTextual() && want.asText().equals("*")) {
      return got.isArray() && got.size() == 2;
    }
    if (!got.isArray() || got.size() != 2) {
      return false;
    }
    BigDecimal ts = want.isArray() ? tsSeconds(want.get(0), tsBase) : evalTs;
    String v = want.isArray() ? want.get(1).asText() : want.asText();
    return (ts == null || sameTs(ts, got.get(0)))
        && (v.equals("*") || v.equals(got.get(1).asText()));
  }

  private static boolean sameTs(BigDecimal want, JsonNode got) {
    try {
      return new BigDecimal(got.asText()).compareTo(want) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A point timestamp: offset (number of seconds or duration) from the base, in seconds. */
  private static BigDecimal tsSeconds(JsonNode n, long tsBase) {
    long ns = tsBase + offsetNs(n);
    return new BigDecimal(BigInteger.valueOf(ns), 9);
  }

  private static String renderPoints(JsonNode points, long tsBase) {
    StringJoiner j = new StringJoiner(",", "[", "]");
    for (JsonNode p : points) {
      j.add(
          "["
              + tsSeconds(p.get(0), tsBase).stripTrailingZeros().toPlainString()
              + ",\""
              + p.get(1).asText()
              + "\"]");
    }
    return j.toString();
  }

  // ------------------------------------------------------------------ helpers

  /** Prometheus' label-set string ({@code labels.Labels.String()}), which Loki sorts streams by. */
  static String labelString(JsonNode labels) {
    return LabelSet.of(stringMap(labels)).toString();
  }

  static Map<String, String> stringMap(JsonNode n) {
    Map<String, String> m = new LinkedHashMap<>();
    if (n != null) {
      n.properties().forEach(e -> m.put(e.getKey(), e.getValue().asText()));
    }
    return m;
  }

  static String form(Map<String, String> params) {
    StringJoiner j = new StringJoiner("&");
    params.forEach(
        (k, v) ->
            j.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return j.toString();
  }

  static Iterable<JsonNode> iter(JsonNode n) {
    return () ->
        n == null || !n.isArray() ? java.util.Collections.<JsonNode>emptyIterator() : n.elements();
  }

  private static String stripTrailingNewline(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  private static String render(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void require(boolean ok, Path p, String msg) {
    if (!ok) {
      throw new IllegalArgumentException(p + ": " + msg);
    }
  }
}
