package io.skald.routes.pushingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.labels.Label;
import io.skald.limits.Limits;
import io.skald.routes.pushingest.model.MetadataPair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectedLevelTest {
  private final DetectedLevel levels = new DetectedLevel(Limits.DEFAULT_LOG_LEVEL_FIELDS, 2);

  private String fromLine(String line) {
    return levels.detect(List.of(), List.of(), line);
  }

  @Test
  void levelFieldInLabelsWinsOverMetadataAndLine() {
    assertThat(
            levels.detect(
                List.of(new Label("level", "WARN")),
                List.of(new MetadataPair("level", "error")),
                "fatal"))
        .isEqualTo("warn");
    assertThat(levels.detect(List.of(), List.of(new MetadataPair("lvl", "dbg")), "fatal"))
        .isEqualTo("debug");
  }

  @Test
  void fieldPriorityFollowsTheConfiguredOrder() {
    assertThat(
            levels.detect(
                List.of(),
                List.of(new MetadataPair("lvl", "info"), new MetadataPair("severity", "error")),
                ""))
        .isEqualTo("error");
  }

  @Test
  void unknownSpellingsFromFieldsAreKeptAsIs() {
    assertThat(levels.detect(List.of(new Label("level", "Notice")), List.of(), "x"))
        .isEqualTo("Notice");
    assertThat(levels.detect(List.of(), List.of(new MetadataPair("level", "")), "error")).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "0,unknown",
    "1,trace",
    "4,trace",
    "5,debug",
    "9,info",
    "12,info",
    "13,warn",
    "17,error",
    "21,fatal",
    "24,fatal",
    "25,unknown",
    "abc,info",
    "-3,trace"
  })
  void otlpSeverityNumbers(String number, String level) {
    assertThat(
            levels.detect(List.of(), List.of(new MetadataPair("severity_number", number)), "error"))
        .isEqualTo(level);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"level\":\"error\",\"msg\":\"x\"}|error",
        "  {\"msg\":\"x\",\"a\":{\"severity\":\"WARNING\"}}  |warn",
        "{\"a\":{\"b\":{\"level\":\"E\"}}}|unknown",
        "{\"level\":3,\"msg\":\"an error\"}|error",
        "{\"level\":\"notice\",\"msg\":\"an error\"}|error",
        "{\"level\":\"inf\"|unknown",
        "ts=1 level=info msg=x|info",
        "lvl=warn level=error|error",
        "LEVEL=dbg msg=hi|debug",
        "level=\"warning\" msg=hi|warn",
        "msg=hi x=\"un|unknown",
        "this is an ERROR message|error",
        "[WARN] disk full|warn",
        "misc:error happened|unknown",
        "debug: message|debug",
        "information only|unknown",
        "errors happened|unknown",
        "error then warning|error",
        "then warning and error|warn",
        "CRITICAL: boom|critical",
        "hello|unknown",
        "''|unknown",
      })
  void fromTheLine(String line, String level) {
    assertThat(fromLine(line)).isEqualTo(level);
  }

  @Test
  void normalizesKnownSpellings() {
    assertThat(List.of("TRC", "Debug", "information", "wrn", "ERR", "critical", "FATAL", "other"))
        .extracting(DetectedLevel::normalize)
        .containsExactly("trace", "debug", "info", "warn", "error", "critical", "fatal", "other");
  }

  @Test
  void unlimitedJsonDepth() {
    DetectedLevel deep = new DetectedLevel(List.of(), 0);

    assertThat(deep.detect(List.of(), List.of(), "{\"a\":{\"b\":{\"level\":\"trace\"}}}"))
        .isEqualTo("trace");
  }
}
