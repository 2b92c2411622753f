package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code addr = ip("...")} label filters (Loki's ip_test.go label cases). */
class IpLabelFilterStageTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("| addr = ip(\"10.0.0.0/8\")", "addr=10.1.2.3", true),
        Arguments.of("| addr = ip(\"10.0.0.0/8\")", "addr=192.168.0.1", false),
        Arguments.of("| addr != ip(\"10.0.0.0/8\")", "addr=192.168.0.1", true),
        Arguments.of("| addr = ip(\"192.168.0.1-192.168.0.10\")", "addr=192.168.0.5", true),
        Arguments.of("| addr = ip(\"::1\")", "addr=::1", true),
        Arguments.of(
            "| addr = ip(\"10.0.0.1\")", "addr=host 10.0.0.1:8080", true), // searched like a line
        Arguments.of("| addr = ip(\"10.0.0.1\")", "other=10.0.0.1", false), // missing label
        Arguments.of("| addr != ip(\"10.0.0.1\")", "other=10.0.0.1", false));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void matches(String pipeline, String labels, boolean keep) {
    assertThat(PipelineFixture.run(pipeline, Fixtures.labels(labels), "line").keep())
        .isEqualTo(keep);
  }

  @Test
  void entriesWithAnErrorAreKept() {
    assertThat(PipelineFixture.run("| json | addr = ip(\"10.0.0.1\")", "not json").keep()).isTrue();
  }

  @Test
  void invalidPatternIsRefused() {
    assertThat(PipelineFixture.compileError("| addr = ip(\"not-an-ip\")"))
        .startsWith("parse error : stage '| addr=ip(");
  }
}
