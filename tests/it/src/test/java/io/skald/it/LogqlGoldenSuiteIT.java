package io.skald.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.skald.it.LogqlGolden.Exchange;
import io.skald.it.LogqlGolden.SuiteFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden LogQL suite (cases under {@code src/test/resources/logql}, schema in its README): one
 * Skald with auth on, each YAML file pushed once under its own tenant, then every case as a dynamic
 * test comparing the HTTP answer with the expectation derived from Loki's documented semantics.
 */
class LogqlGoldenSuiteIT {

  /**
   * Base time: a multiple of 10 minutes, 45 to 55 minutes ago, so every offset in [0, 40m) is in
   * the last hour.
   */
  private static final long TEN_MINUTES = 600_000_000_000L;

  private static final long BASE_NS =
      Math.floorDiv(System.currentTimeMillis() * 1_000_000L - 45 * 60_000_000_000L, TEN_MINUTES)
          * TEN_MINUTES;

  private static SkaldProcess skald;
  private static List<SuiteFile> files;

  @BeforeAll
  static void startAndPush() throws Exception {
    files =
        LogqlGolden.load(
            Path.of(URI.create(LogqlGoldenSuiteIT.class.getResource("/logql").toString())));
    Path dir =
        Files.createDirectories(Path.of(System.getProperty("it.work.dir", "target/it-work")))
            .resolve("logql-golden-" + System.nanoTime());
    skald = SkaldProcess.start(dir, Map.of("auth.enabled", "true"));
    for (SuiteFile f : files) {
      LogqlGolden.push(skald.url(), f, BASE_NS);
    }
    Map<String, Integer> pending = new LinkedHashMap<>();
    for (SuiteFile f : files) {
      pending.put(f.id(), LogqlGolden.distinctEntries(f));
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              for (SuiteFile f : files) {
                Integer want = pending.get(f.id());
                if (want != null && LogqlGolden.visibleEntries(skald.url(), f, BASE_NS) >= want) {
                  pending.remove(f.id());
                }
              }
              return pending.isEmpty();
            });
  }

  @AfterAll
  static void stop() throws Exception {
    if (skald != null) {
      skald.close();
    }
  }

  @TestFactory
  Stream<DynamicNode> goldenCases() {
    Map<String, List<DynamicNode>> byArea = new LinkedHashMap<>();
    for (SuiteFile f : files) {
      List<DynamicNode> tests = new ArrayList<>();
      for (JsonNode c : f.cases()) {
        String name = c.get("name").asText();
        tests.add(DynamicTest.dynamicTest(name, f.path().toUri(), () -> run(f, c)));
      }
      byArea
          .computeIfAbsent(f.area(), a -> new ArrayList<>())
          .add(DynamicContainer.dynamicContainer(f.name(), f.path().toUri(), tests.stream()));
    }
    return byArea.entrySet().stream()
        .map(e -> DynamicContainer.dynamicContainer(e.getKey(), e.getValue().stream()));
  }

  private static void run(SuiteFile f, JsonNode c) throws Exception {
    Exchange x = LogqlGolden.execute(skald.url(), f, c, BASE_NS);
    List<String> diffs = LogqlGolden.check(c, x, BASE_NS);
    if (x.millis() > 10_000) {
      diffs.add("answer took " + x.millis() + " ms");
    }
    if (!diffs.isEmpty()) {
      fail(
          f.id()
              + " :: "
              + c.get("name").asText()
              + "\n  why: "
              + c.get("why").asText()
              + "\n  query: "
              + c.path("query").asText()
              + "\n  request: "
              + x.describe()
              + "\n  base: "
              + BASE_NS
              + "\n  "
              + String.join("\n  ", diffs)
              + "\n  raw answer ("
              + x.status()
              + "): "
              + abbreviate(x.response()));
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 4000 ? s.substring(0, 4000) + "..." : s;
  }
}
