package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases follow Loki's Test_KeepLabels. */
class KeepLabelsTest {
  private static final String STREAM = "app=foo,namespace=prod,env=prod,pod_uuid=foo";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "keep by name", "| keep app, namespace", "x", "{app=\"foo\", namespace=\"prod\"}"),
        Arguments.of(
            "keep labels with names and matcher",
            "| keep namespace=\"prod\", app, fizz",
            "x",
            "{app=\"foo\", namespace=\"prod\"}"),
        Arguments.of(
            "matcher that does not match", "| keep namespace=\"dev\", app", "x", "{app=\"foo\"}"),
        Arguments.of(
            "preserve error labels",
            "| json | keep app",
            "x",
            "{__error__=\"JSONParserErr\", "
                + "__error_details__=\"Value looks like object, but can't find closing '}' symbol\", "
                + "app=\"foo\"}"),
        Arguments.of(
            "parsed labels too", "| logfmt | keep level", "level=info msg=hi", "{level=\"info\"}"),
        Arguments.of("structured metadata too", "| keep trace", "x", "{trace=\"t1\"}"),
        // metadata named like a stream label is renamed, as Loki's LabelsBuilder.Add does
        Arguments.of(
            "metadata clashing with a stream label",
            "| keep app_extracted, app",
            "x",
            "{app=\"foo\", app_extracted=\"sm\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void keeps(String name, String pipeline, String line, String expected) {
    PipelineFixture.Result r =
        PipelineFixture.run(
            pipeline, Fixtures.labels(STREAM), Fixtures.labels("trace=t1,app=sm"), line);
    assertThat(r.keep()).isTrue();
    assertThat(r.labelsText()).isEqualTo(expected);
  }
}
