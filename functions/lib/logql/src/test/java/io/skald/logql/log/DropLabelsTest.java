package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases follow Loki's Test_DropLabels; errors come from {@code | json} on a non-JSON line. */
class DropLabelsTest {
  private static final String STREAM = "app=foo,namespace=prod,pod_uuid=foo";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("drop by name", "| drop app, namespace", "x", "{pod_uuid=\"foo\"}"),
        Arguments.of(
            "drop by __error__",
            "| json | drop __error__=\"JSONParserErr\", __error_details__",
            "x",
            "{app=\"foo\", namespace=\"prod\", pod_uuid=\"foo\"}"),
        Arguments.of(
            "drop with wrong __error__ value",
            "| json | drop __error__=\"LogfmtParserErr\"",
            "x",
            "{__error__=\"JSONParserErr\", "
                + "__error_details__=\"Value looks like object, but can't find closing '}' symbol\", "
                + "app=\"foo\", namespace=\"prod\", pod_uuid=\"foo\"}"),
        Arguments.of(
            "drop by __error_details__",
            "| json | drop __error_details__=~\"Value looks.*\", __error__",
            "x",
            "{app=\"foo\", namespace=\"prod\", pod_uuid=\"foo\"}"),
        Arguments.of(
            "drop labels with names and matcher",
            "| json | drop __error__=\"JSONParserErr\", __error_details__, app, namespace",
            "x",
            "{pod_uuid=\"foo\"}"),
        Arguments.of(
            "drop by value",
            "| drop app=\"foo\", namespace=\"dev\"",
            "x",
            "{namespace=\"prod\", pod_uuid=\"foo\"}"),
        Arguments.of(
            "drop parsed label",
            "| logfmt | drop level",
            "level=info msg=hi",
            "{app=\"foo\", msg=\"hi\", namespace=\"prod\", pod_uuid=\"foo\"}"),
        Arguments.of(
            "drop missing label is a no-op",
            "| drop nope, nope2=~\".*\"",
            "x",
            "{app=\"foo\", namespace=\"prod\", pod_uuid=\"foo\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void drops(String name, String pipeline, String line, String expected) {
    PipelineFixture.Result r = PipelineFixture.run(pipeline, Fixtures.labels(STREAM), line);
    assertThat(r.keep()).isTrue();
    assertThat(r.labelsText()).isEqualTo(expected);
  }
}
