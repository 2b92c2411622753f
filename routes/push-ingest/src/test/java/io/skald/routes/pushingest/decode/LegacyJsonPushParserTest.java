package io.skald.routes.pushingest.decode;

import static io.skald.routes.pushingest.decode.PushBodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.skald.routes.pushingest.PushException;
import io.skald.routes.pushingest.model.MetadataPair;
import io.skald.routes.pushingest.model.PushEntry;
import io.skald.routes.pushingest.model.PushRequest;
import io.skald.routes.pushingest.model.PushStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegacyJsonPushParserTest {
  private static final String ENTRY_PATH =
      "push.PushRequest.Streams: []push.Stream: push.Stream.Entries: []push.Entry: ";

  private static String error(String body) {
    try {
      LegacyJsonPushParser.parse(utf8(body));
    } catch (PushException e) {
      assertThat(e.status()).isEqualTo(400);
      return e.getMessage();
    }
    throw new AssertionError("expected a decode error");
  }

  @Test
  void parsesTheProtobufShapedJson() {
    PushRequest req =
        LegacyJsonPushParser.parse(
            utf8(
                "{\"streams\":[{\"labels\":\"{a=\\\"b\\\"}\",\"entries\":["
                    + "{\"ts\":\"2018-12-18T08:28:06.801064-04:00\",\"line\":\"one\"},"
                    + "{\"TS\":\"2018-12-18T12:28:06Z\",\"Line\":\"two\",\"structuredMetadata\":{\"z\":\"1\",\"a\":\"2\"}}]}]}"));

    assertThat(req)
        .isEqualTo(
            new PushRequest(
                List.of(
                    new PushStream(
                        "{a=\"b\"}",
                        List.of(
                            new PushEntry(1545136086801064000L, "one"),
                            new PushEntry(
                                1545136086000000000L,
                                "two",
                                List.of(
                                    new MetadataPair("a", "2"), new MetadataPair("z", "1"))))))));
  }

  @Test
  void nullsAreZeroValues() {
    PushRequest req =
        LegacyJsonPushParser.parse(
            utf8(
                "{\"streams\":[null,{\"labels\":null,\"entries\":[null,{\"ts\":null,\"line\":null}]}]}"));

    assertThat(req.streams())
        .containsExactly(
            new PushStream("", List.of()),
            new PushStream(
                "", List.of(new PushEntry(Long.MIN_VALUE, ""), new PushEntry(Long.MIN_VALUE, ""))));
  }

  @Test
  void badTimestampsCarryGosParseError() {
    assertThat(
            error(
                "{\"streams\":[{\"labels\":\"{}\",\"entries\":[{\"ts\":\"yesterday\",\"line\":\"l\"}]}]}"))
        .startsWith(
            ENTRY_PATH
                + "push.Entry.Timestamp: unmarshalerDecoder: parsing time \"yesterday\" as "
                + "\"2006-01-02T15:04:05Z07:00\": cannot parse \"yesterday\" as \"2006\", error found in #10 byte of ...|");
    assertThat(
            error(
                "{\"streams\":[{\"labels\":\"{}\",\"entries\":[{\"ts\":1545136086,\"line\":\"l\"}]}]}"))
        .startsWith(
            ENTRY_PATH
                + "push.Entry.Timestamp: unmarshalerDecoder: Time.UnmarshalJSON: input is not a JSON string");
  }

  @Test
  void wrongTypesFollowJsonIterator() {
    assertThat(error("{\"streams\":[{\"labels\":5}]}"))
        .startsWith(
            "push.PushRequest.Streams: []push.Stream: push.Stream.Labels: ReadString: expects \" or n, but found 5, error found in");
    assertThat(error("{\"streams\":[5]}"))
        .startsWith(
            "push.PushRequest.Streams: []push.Stream: readObjectStart: expect { or n, but found 5, error found in");
    assertThat(error("{\"streams\":{}}"))
        .startsWith(
            "push.PushRequest.Streams: []push.Stream: decode slice: expect [ or n, but found {, error found in");
    assertThat(error("{\"streams\":[{\"entries\":[{\"structuredMetadata\":{\"a\":1}}]}]}"))
        .startsWith(
            ENTRY_PATH
                + "push.Entry.StructuredMetadata: unmarshalerDecoder: json: cannot unmarshal number into Go value of type string");
  }
}
