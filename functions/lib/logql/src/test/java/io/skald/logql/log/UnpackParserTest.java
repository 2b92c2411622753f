package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases follow Loki's Test_unpackParser_Parse. */
class UnpackParserTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "should extract only map[string]string",
            "cluster=us-central1",
            null,
            "{\"bar\":1,\"app\":\"foo\",\"namespace\":\"prod\",\"_entry\":\"some message\",\"pod\":{\"uid\":\"1\"}}",
            "{app=\"foo\", cluster=\"us-central1\", namespace=\"prod\"}",
            "some message"),
        Arguments.of(
            "wrong json",
            "{}",
            null,
            "\"app\":\"foo\",\"namespace\":\"prod\",\"_entry\":\"some message\",\"pod\":{\"uid\":\"1\"}",
            "{__error__=\"JSONParserErr\", __error_details__=\"expecting json object(6), but it is not\"}",
            "\"app\":\"foo\",\"namespace\":\"prod\",\"_entry\":\"some message\",\"pod\":{\"uid\":\"1\"}"),
        Arguments.of(
            "empty line", "cluster=us-central1", null, "", "{cluster=\"us-central1\"}", ""),
        Arguments.of(
            "not a map",
            "cluster=us-central1",
            null,
            "[\"foo\",\"bar\"]",
            "{__error__=\"JSONParserErr\", __error_details__=\"expecting json object(6), but it is not\", "
                + "cluster=\"us-central1\"}",
            "[\"foo\",\"bar\"]"),
        Arguments.of(
            "should rename",
            "cluster=us-central1,app=bar",
            null,
            "{\"bar\":1,\"app\":\"foo\",\"namespace\":\"prod\",\"_entry\":\"some message\",\"pod\":{\"uid\":\"1\"}}",
            "{app=\"bar\", app_extracted=\"foo\", cluster=\"us-central1\", namespace=\"prod\"}",
            "some message"),
        Arguments.of(
            "should not change log and labels if no packed entry",
            "app=bar,cluster=us-central1",
            null,
            "{\"bar\":1,\"app\":\"foo\",\"namespace\":\"prod\",\"pod\":{\"uid\":\"1\"}}",
            "{app=\"bar\", cluster=\"us-central1\"}",
            "{\"bar\":1,\"app\":\"foo\",\"namespace\":\"prod\",\"pod\":{\"uid\":\"1\"}}"),
        Arguments.of(
            "non json with escaped quotes",
            "app=bar,cluster=us-central1",
            null,
            "{\"_entry\":\"I0303 17:49:45.976518    1526 kubelet_getters.go:178] \\\"Pod status updated\\\" "
                + "pod=\\\"openshift-etcd/etcd-ip-10-0-150-50.us-east-2.compute.internal\\\" status=Running\"}",
            "{app=\"bar\", cluster=\"us-central1\"}",
            "I0303 17:49:45.976518    1526 kubelet_getters.go:178] \"Pod status updated\" "
                + "pod=\"openshift-etcd/etcd-ip-10-0-150-50.us-east-2.compute.internal\" status=Running"),
        Arguments.of(
            "invalid key names",
            "foo=bar",
            null,
            "{\"foo.bar\":\"10ms\",\"test-dash\":\"foo\",\"_entry\":\"some message\"}",
            "{foo=\"bar\", foo_bar=\"10ms\", test_dash=\"foo\"}",
            "some message"),
        Arguments.of(
            "duplicate conflict with structured metadata",
            "{}",
            "app=foo_sm",
            "{\"app\":\"foo\",\"namespace\":\"prod\",\"_entry\":\"some message\"}",
            "{app=\"foo_sm\", app_extracted=\"foo\", namespace=\"prod\"}",
            "some message"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void unpacks(
      String name,
      String stream,
      String metadata,
      String line,
      String expectedLabels,
      String expectedLine) {
    PipelineFixture.Result r =
        PipelineFixture.run("| unpack", Fixtures.labels(stream), Fixtures.labels(metadata), line);
    assertThat(r.keep()).isTrue();
    assertThat(r.labelsText()).isEqualTo(expectedLabels);
    assertThat(r.line()).isEqualTo(expectedLine);
  }
}
