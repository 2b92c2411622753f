package io.skald.routes.pushingest.decode;

import static io.skald.routes.pushingest.decode.PushBodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.routes.pushingest.PushException;
import io.skald.routes.pushingest.model.MetadataPair;
import io.skald.routes.pushingest.model.PushEntry;
import io.skald.routes.pushingest.model.PushRequest;
import io.skald.routes.pushingest.model.PushStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonPushParserTest {
  private static final String PREFIX =
      "loghttp.PushRequest.Streams: []loghttp.LogProtoStream: unmarshalerDecoder: ";

  private static PushRequest parse(String body) {
    return JsonPushParser.parse(utf8(body), false);
  }

  private static String error(String body) {
    try {
      JsonPushParser.parse(utf8(body), false);
    } catch (PushException e) {
      assertThat(e.status()).isEqualTo(400);
      return e.getMessage();
    }
    throw new AssertionError("expected a decode error for " + body);
  }

  @Test
  void parsesStreamsValuesAndStructuredMetadata() {
    PushRequest req =
        parse(
            "{\"streams\":[{\"stream\":{\"b\":\"2\",\"a\":\"x\\\"y\"},\"values\":["
                + "[\"1\",\"line one\"],"
                + "[\"-5\",\"two\",{\"trace_id\":\"abc\",\"user\":\"multi\\nline\"}]]},"
                + "{\"stream\":{\"c\":\"3\"},\"values\":null}]}");

    assertThat(req.streams())
        .containsExactly(
            new PushStream(
                "{a=\"x\\\"y\", b=\"2\"}",
                List.of(
                    new PushEntry(1, "line one"),
                    new PushEntry(
                        -5,
                        "two",
                        List.of(
                            new MetadataPair("trace_id", "abc"),
                            new MetadataPair("user", "multi\nline"))))),
            new PushStream("{c=\"3\"}", List.of()));
  }

  @Test
  void takesNonStringLabelValuesAsTheirRawJsonText() {
    PushRequest req =
        parse(
            "{\"streams\":[{\"stream\":{\"test\":\"test\",\"number\":123,\"text\":{ \"a\": \"b\" },"
                + "\"flag\":true,\"nothing\":null},\"values\":[[\"123456789012345\",\"super line\"]]}]}");

    assertThat(req.streams().get(0).labelsText())
        .isEqualTo(
            "{flag=\"true\", nothing=\"null\", number=\"123\", test=\"test\", text=\"{ \\\"a\\\": \\\"b\\\" }\"}");
  }

  @Test
  void labelKeysArePrintedAsTheyAreSoInvalidNamesFailLater() {
    assertThat(
            parse("{\"streams\":[{\"stream\":{\"service.name\":\"x\"},\"values\":[]}]}")
                .streams()
                .get(0)
                .labelsText())
        .isEqualTo("{service.name=\"x\"}");
  }

  @Test
  void missingStreamMeansEmptyLabelTextAndEmptyStreamMeansBraces() {
    assertThat(parse("{\"streams\":[{\"values\":[[\"1\",\"a\"]]},{\"stream\":{}}]}").streams())
        .extracting(PushStream::labelsText)
        .containsExactly("", "{}");
  }

  @Test
  void streamsKeyMatchesCaseInsensitivelyAndUnknownKeysAreIgnored() {
    assertThat(
            parse(
                    "{\"other\":[1,{\"x\":2}],\"Streams\":[{\"stream\":{\"a\":\"b\"},\"extra\":1,\"values\":[[\"1\",\"l\"]]}]}")
                .streams())
        .hasSize(1);
  }

  @Test
  void nullBodyAndNullStreamsAreEmptyRequests() {
    assertThat(parse("null").streams()).isEmpty();
    assertThat(parse(" {\"streams\":null}").streams()).isEmpty();
    assertThat(parse("{}").streams()).isEmpty();
  }

  @Test
  void extraArrayElementsAndNullValuesAreIgnored() {
    assertThat(
            parse(
                    "{\"streams\":[{\"stream\":{\"a\":\"b\"},\"values\":[null,[\"7\",\"l\",{},\"extra\",5]]}]}")
                .streams()
                .get(0)
                .entries())
        .containsExactly(new PushEntry(7, "l"));
  }

  @Test
  void numericTimestampIsRefusedWithLokisText() {
    assertThat(
            error(
                "{\"streams\":[{\"stream\":{\"app\":\"api\"},\"values\":[[1000000000,\"non-string push timestamp\"]]}]}"))
        .isEqualTo(
            PREFIX
                + "Value looks like Number/Boolean/None, but can't find its end: ',' or '}' symbol, "
                + "error found in #10 byte of ...|estamp\"]]}]}|..., bigger context "
                + "...|alues\":[[1000000000,\"non-string push timestamp\"]]}]}|...");
  }

  @Test
  void objectAndArrayTimestampsAreRefusedWithLokisText() {
    assertThat(
            error(
                "{\"streams\":[{\"stream\":{\"app\":\"api\"},\"values\":[[{\"ts\":\"1000000000\"},\"object push timestamp\"]]}]}"))
        .isEqualTo(
            PREFIX
                + "Value looks like Number/Boolean/None, but can't find its end: ',' or '}' symbol, "
                + "error found in #10 byte of ...|estamp\"]]}]}|..., bigger context "
                + "...|\":[[{\"ts\":\"1000000000\"},\"object push timestamp\"]]}]}|...");
    assertThat(
            error(
                "{\"streams\":[{\"stream\":{\"app\":\"api\"},\"values\":[[[\"1000000000\"],\"array push timestamp\"]]}]}"))
        .isEqualTo(
            PREFIX
                + "Value looks like Number/Boolean/None, but can't find its end: ',' or '}' symbol, "
                + "error found in #10 byte of ...|estamp\"]]}]}|..., bigger context "
                + "...|values\":[[[\"1000000000\"],\"array push timestamp\"]]}]}|...");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[\"abc\",\"l\"]            | Value looks like Number/Boolean/None, but can't find its end: ',' or '}' symbol",
        "[\"1.5\",\"l\"]            | Value looks like Number/Boolean/None, but can't find its end: ',' or '}' symbol",
        "[\"01\",\"l\"]             | Value looks like Number/Boolean/None, but can't find its end: ',' or '}' symbol",
        "[\"\",\"l\"]               | Value looks like Number/Boolean/None, but can't find its end: ',' or '}' symbol",
        "[\"99999999999999999999\",\"l\"] | Value looks like Number/Boolean/None, but can't find its end: ',' or '}' symbol",
        "[\"99999999999999999999\",\"5\"] | Value is number, but overflowed while parsing",
        "[\"1\",2]                  | Value is string, but can't find closing '\"' symbol",
        "[\"1\",\"l\",\"sm\"]       | Value looks like object, but can't find closing '}' symbol",
        "[\"1\",\"l\",{\"a\":1}]    | Value is string, but can't find closing '\"' symbol",
        "[\"1\",\"l\",{\"structuredMetadata\":{\"a\":\"b\"}}] | Value is string, but can't find closing '\"' symbol",
      })
  void refusesBadEntriesWithJsonparserTexts(String value, String message) {
    assertThat(error("{\"streams\":[{\"stream\":{\"a\":\"b\"},\"values\":[" + value + "]}]}"))
        .startsWith(PREFIX + message + ", error found in #10 byte of ...|");
  }

  @Test
  void badStreamShapes() {
    assertThat(error("{\"streams\":[{\"stream\":\"a=b\",\"values\":[]}]}"))
        .startsWith(
            PREFIX + "Value looks like object, but can't find closing '}' symbol, error found in");
    assertThat(error("{\"streams\":[{\"stream\":{},\"values\":{}}]}"))
        .startsWith(PREFIX + "Value is array, but can't find closing ']' symbol, error found in");
    assertThat(error("{\"streams\":[5]}"))
        .isEqualTo(
            PREFIX
                + "Value looks like object, but can't find closing '}' symbol, error found in #10 byte of "
                + "...|treams\":[5]}|..., bigger context ...|{\"streams\":[5]}|...");
    assertThat(error("{\"streams\":{\"a\":1}}"))
        .isEqualTo(
            "loghttp.PushRequest.Streams: []loghttp.LogProtoStream: decode slice: expect [ or n, but found {, "
                + "error found in #10 byte of ...|streams\":{\"a\":1}}|..., bigger context ...|{\"streams\":{\"a\":1}}|...");
  }

  @Test
  void rootErrorsFollowJsonIterator() {
    assertThat(error("")).isEqualTo("EOF");
    assertThat(error("  \n")).isEqualTo("EOF");
    assertThat(error("[]"))
        .isEqualTo(
            "readObjectStart: expect { or n, but found [, error found in #1 byte of ...|[]|..., "
                + "bigger context ...|[]|...");
    assertThat(error("nope"))
        .isEqualTo(
            "skipThreeBytes: expect ull, error found in #2 byte of ...|nope|..., "
                + "bigger context ...|nope|...");
  }

  @Test
  void firstBadStreamWinsAndLaterSyntaxIsNotLookedAt() {
    assertThat(error("{\"streams\":[{\"stream\":{\"a\":\"b\"},\"values\":[[\"1\",2]]}, garbage"))
        .startsWith(PREFIX + "Value is string, but can't find closing '\"' symbol");
  }

  @Test
  void syntaxErrorsAre400WithThePath() {
    assertThat(error("{\"streams\":[{\"stream\":{\"a\":None}}]}"))
        .startsWith("loghttp.PushRequest.");
    assertThat(error("{\"streams\":[")).startsWith("loghttp.PushRequest.");
  }

  @Test
  void queryStyleMetadataIsRefusedByDefaultAndAcceptedWhenEnabled() {
    String body =
        "{\"streams\":[{\"stream\":{\"a\":\"b\"},\"values\":[[\"1\",\"l\","
            + "{\"structuredMetadata\":{\"z\":\"1\",\"trace_id\":\"t\"},\"parsed\":{\"p\":\"q\"}}]]}]}";

    assertThatThrownBy(() -> JsonPushParser.parse(utf8(body), false))
        .isInstanceOf(PushException.class);
    assertThat(
            JsonPushParser.parse(utf8(body), true)
                .streams()
                .get(0)
                .entries()
                .get(0)
                .structuredMetadata())
        .containsExactly(new MetadataPair("trace_id", "t"), new MetadataPair("z", "1"));
  }

  @Test
  void contextIsTakenFromTheCurrent512ByteWindow() {
    // the '5' sits at offset 515, just after json-iterator's first 512-byte read
    String body = "{\"pad\":\"" + "x".repeat(494) + "\",\"streams\":[5]}";

    assertThat(error(body))
        .endsWith("error found in #4 byte of ...|\":[5]}|..., bigger context ...|\":[5]}|...");
  }

  @Test
  void anInvalidTimestampCanBeOverwrittenByTheLineTakingItsSlot() {
    // Loki's decoder does not advance its index after a bad element, so "5" becomes the timestamp
    // while the earlier error is kept: the request still fails
    assertThat(error("{\"streams\":[{\"stream\":{\"a\":\"b\"},\"values\":[[1,\"5\"]]}]}"))
        .startsWith(PREFIX + "Value is string, but can't find closing '\"' symbol");
  }

  @Test
  void timestampRules() {
    assertThat(JsonPushParser.parseTimestampError("0")).isNull();
    assertThat(JsonPushParser.parseTimestampError("-")).isNull();
    assertThat(JsonPushParser.parseTimestampError("-9223372036854775808")).isNull();
    assertThat(JsonPushParser.parseTimestampError("9223372036854775807")).isNull();
    assertThat(JsonPushParser.parseTimestampError("9223372036854775808"))
        .isEqualTo(JsoniterText.OVERFLOW_INTEGER);
    assertThat(JsonPushParser.parseTimestampError("+1")).isEqualTo(JsoniterText.MALFORMED_VALUE);
  }
}
