package io.skald.routes.pushingest.decode;

import static io.skald.routes.pushingest.decode.PushBodies.entry;
import static io.skald.routes.pushingest.decode.PushBodies.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import io.skald.routes.pushingest.PushException;
import io.skald.routes.pushingest.model.MetadataPair;
import io.skald.routes.pushingest.model.PushEntry;
import io.skald.routes.pushingest.proto.EntryAdapter;
import io.skald.routes.pushingest.proto.LabelPairAdapter;
import io.skald.routes.pushingest.proto.PushRequest;
import io.skald.routes.pushingest.proto.StreamAdapter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtobufPushParserTest {

  @Test
  void readsEveryFieldAndIgnoresInternalOnes() {
    PushRequest proto =
        PushRequest.newBuilder()
            .setFormat("loki")
            .addStreams(
                StreamAdapter.newBuilder()
                    .setLabels("{a=\"b\"}")
                    .setHash(42)
                    .addEntries(
                        EntryAdapter.newBuilder()
                            .setTimestamp(Timestamp.newBuilder().setSeconds(1700000000).setNanos(5))
                            .setLine("l")
                            .addStructuredMetadata(
                                LabelPairAdapter.newBuilder().setName("k").setValue("v"))
                            .addParsed(LabelPairAdapter.newBuilder().setName("p").setValue("q"))))
            .build();

    var req = ProtobufPushParser.parse(proto.toByteArray());

    assertThat(req.streams()).hasSize(1);
    assertThat(req.streams().get(0).labelsText()).isEqualTo("{a=\"b\"}");
    assertThat(req.streams().get(0).entries())
        .containsExactly(
            new PushEntry(1700000000000000005L, "l", List.of(new MetadataPair("k", "v"))));
  }

  @Test
  void invalidUtf8IsReplacedNotRefused() {
    // protobuf-java refuses to even build such a message, so patch the bytes: Loki accepts them
    byte[] body = request("{a=\"b\"}", entry(1, 0, "ok~!")).toByteArray();
    for (int i = 0; i < body.length; i++) {
      if (body[i] == '~') {
        body[i] = (byte) 0xff;
      }
    }

    assertThat(ProtobufPushParser.parse(body).streams().get(0).entries().get(0).line())
        .isEqualTo("ok\uFFFD!");
  }

  @Test
  void missingTimestampIsGosZeroTime() {
    PushRequest proto =
        PushRequest.newBuilder()
            .addStreams(
                StreamAdapter.newBuilder().addEntries(EntryAdapter.newBuilder().setLine("x")))
            .build();

    assertThat(
            ProtobufPushParser.parse(proto.toByteArray())
                .streams()
                .get(0)
                .entries()
                .get(0)
                .timestampNanos())
        .isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void unknownFieldsAreSkipped() {
    byte[] known = request("{a=\"b\"}", entry(1, 0, "x")).toByteArray();
    byte[] withUnknown = Arrays.copyOf(known, known.length + 3);
    withUnknown[known.length] = (byte) ((9 << 3) | 0); // field 9, varint
    withUnknown[known.length + 1] = (byte) 0x96;
    withUnknown[known.length + 2] = 0x01;

    assertThat(ProtobufPushParser.parse(withUnknown).streams()).hasSize(1);
  }

  @Test
  void wireErrorsUseGogoTexts() {
    byte[] valid = request("{a=\"b\"}", entry(1, 0, "x")).toByteArray();

    assertError(Arrays.copyOf(valid, valid.length - 1), "unexpected EOF");
    assertError(new byte[] {0x0c}, "proto: PushRequest: wiretype end group for non-group");
    assertError(new byte[] {0x00}, "proto: PushRequest: illegal tag 0 (wire type 0)");
    assertError(new byte[] {0x08, 0x01}, "proto: wrong wireType = 0 for field Streams");
    assertError(
        new byte[] {0x0a, 0x02, 0x08, 0x01},
        "proto: wrong wireType = 0 for field StructuredMetadata");
    assertError(new byte[] {0x0f}, "proto: wrong wireType = 7 for field Streams");
    assertError(new byte[] {0x4f}, "proto: illegal wireType 7");
    assertError(
        new byte[] {
          0x0a,
          (byte) 0xff,
          (byte) 0xff,
          (byte) 0xff,
          (byte) 0xff,
          (byte) 0xff,
          (byte) 0xff,
          (byte) 0xff,
          (byte) 0xff,
          (byte) 0xff,
          (byte) 0xff,
          0x01
        },
        "proto: integer overflow");
  }

  @Test
  void timestampsOutsideGosRangeAreRefused() {
    PushRequest proto =
        request(
            "{a=\"b\"}",
            EntryAdapter.newBuilder()
                .setTimestamp(Timestamp.newBuilder().setSeconds(1).setNanos(-1))
                .setLine("x")
                .build());

    assertError(
        proto.toByteArray(),
        "timestamp: &types.Timestamp{Seconds: 1,\nNanos: -1,\n}: nanos not in range [0, 1e9)");
  }

  private static void assertError(byte[] body, String message) {
    assertThatThrownBy(() -> ProtobufPushParser.parse(body))
        .isInstanceOfSatisfying(
            PushException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }
}
