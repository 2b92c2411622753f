package io.skald.routes.pushingest.decode;

import static io.skald.routes.pushingest.decode.PushBodies.deflate;
import static io.skald.routes.pushingest.decode.PushBodies.entry;
import static io.skald.routes.pushingest.decode.PushBodies.gzip;
import static io.skald.routes.pushingest.decode.PushBodies.request;
import static io.skald.routes.pushingest.decode.PushBodies.snappy;
import static io.skald.routes.pushingest.decode.PushBodies.utf8;
import static io.skald.routes.pushingest.decode.PushBodies.zlib;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.routes.pushingest.PushException;
import io.skald.routes.pushingest.PushRoute;
import io.skald.routes.pushingest.model.MetadataPair;
import io.skald.routes.pushingest.model.PushEntry;
import io.skald.routes.pushingest.model.PushRequest;
import io.skald.routes.pushingest.model.PushStream;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PushRequestDecoderTest {
  private static final String JSON_BODY =
      "{\"streams\": [{ \"stream\": { \"foo\": \"bar2\" }, \"values\": [ [ \"1570818238000000000\", \"fizzbuzz\" ] ] }]}";
  private static final PushRequest EXPECTED_JSON =
      new PushRequest(
          List.of(
              new PushStream(
                  "{foo=\"bar2\"}", List.of(new PushEntry(1570818238000000000L, "fizzbuzz")))));

  private final PushRequestDecoder decoder = new PushRequestDecoder();

  @Test
  void decodesSnappyProtobufBuiltWithTheGeneratedClasses() {
    byte[] body =
        snappy(
            request(
                    "{ \"foo\"=\"bar2\",      \"environment\"=\"prod\"   }",
                    entry(1570818238, 123, "fizzbuzz", "name1", "value1"),
                    entry(1570818239, 0, "second"))
                .toByteArray());

    PushRequest req = decoder.decode(body, "application/x-protobuf", null, PushRoute.V1);

    assertThat(req)
        .isEqualTo(
            new PushRequest(
                List.of(
                    new PushStream(
                        "{ \"foo\"=\"bar2\",      \"environment\"=\"prod\"   }",
                        List.of(
                            new PushEntry(
                                1570818238000000123L,
                                "fizzbuzz",
                                List.of(new MetadataPair("name1", "value1"))),
                            new PushEntry(1570818239000000000L, "second"))))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/x-protobuf",
        "application/octet-stream",
        "text/plain; charset=utf-8",
        "json",
        "application/jsonn; charset=utf-8"
      })
  void treatsEveryOtherMediaTypeAsProtobuf(String contentType) {
    byte[] body = snappy(request("{a=\"b\"}", entry(1, 0, "x")).toByteArray());

    assertThat(decoder.decode(body, contentType, "", PushRoute.V1).streams()).hasSize(1);
  }

  @Test
  void snappyContentEncodingIsAcceptedAndRedundant() {
    byte[] body = snappy(request("{a=\"b\"}", entry(1, 0, "x")).toByteArray());

    assertThat(decoder.decode(body, "application/x-protobuf", "snappy", PushRoute.V1).streams())
        .hasSize(1);
  }

  @Test
  void inflatesGzipAndDeflateBeforeSnappyForProtobuf() {
    byte[] snappyProto = snappy(request("{a=\"b\"}", entry(1, 0, "x")).toByteArray());

    assertThat(
            decoder
                .decode(gzip(snappyProto), "application/x-protobuf", "gzip", PushRoute.V1)
                .streams())
        .hasSize(1);
    assertThat(
            decoder
                .decode(deflate(snappyProto), "application/x-protobuf", "deflate", PushRoute.V1)
                .streams())
        .hasSize(1);
  }

  @Test
  void decodesJsonPlainGzipAndDeflate() {
    assertThat(decoder.decode(utf8(JSON_BODY), "application/json", null, PushRoute.V1))
        .isEqualTo(EXPECTED_JSON);
    assertThat(decoder.decode(gzip(utf8(JSON_BODY)), "application/json", "gzip", PushRoute.V1))
        .isEqualTo(EXPECTED_JSON);
    assertThat(
            decoder.decode(
                deflate(utf8(JSON_BODY)),
                "application/json; charset=utf-8",
                "deflate",
                PushRoute.V1))
        .isEqualTo(EXPECTED_JSON);
    assertThat(decoder.decode(utf8(JSON_BODY), "Application/JSON", null, PushRoute.V1))
        .isEqualTo(EXPECTED_JSON);
  }

  @Test
  void picksTheJsonDialectByRoute() {
    String legacy =
        "{\"streams\":[{\"labels\":\"{a=\\\"b\\\"}\",\"entries\":[{\"ts\":\"2018-12-18T08:28:06.801064-04:00\",\"line\":\"l\"}]}]}";

    PushRequest req = decoder.decode(utf8(legacy), "application/json", null, PushRoute.LEGACY);

    assertThat(req.streams().get(0).labelsText()).isEqualTo("{a=\"b\"}");
    assertThat(req.streams().get(0).entries().get(0).timestampNanos())
        .isEqualTo(1545136086801064000L);
  }

  static Stream<Arguments> refusedHeaders() {
    return Stream.of(
        Arguments.of(null, null, "mime: no media type"),
        Arguments.of("", null, "mime: no media type"),
        Arguments.of("   ", null, "mime: no media type"),
        Arguments.of("application/json; charsetutf-8", null, "mime: invalid media parameter"),
        Arguments.of("application/", null, "mime: expected token after slash"),
        Arguments.of("application json", null, "mime: expected slash after first token"),
        Arguments.of("application/json", "br", "Content-Encoding \"br\" not supported"),
        Arguments.of("application/json", "GZIP", "Content-Encoding \"GZIP\" not supported"),
        Arguments.of("application/x-protobuf", "zstd", "Content-Encoding \"zstd\" not supported"));
  }

  @ParameterizedTest
  @MethodSource("refusedHeaders")
  void refusesHeadersWithLokisTexts(String contentType, String contentEncoding, String message) {
    assertThatThrownBy(
            () -> decoder.decode(utf8(JSON_BODY), contentType, contentEncoding, PushRoute.V1))
        .isInstanceOfSatisfying(
            PushException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage()).isEqualTo(message);
              assertThat(e.httpBody()).isEqualTo(message + "\n");
            });
  }

  @Test
  void unsupportedEncodingIsReportedBeforeTheMediaType() {
    assertThatThrownBy(() -> decoder.decode(utf8(JSON_BODY), null, "br", PushRoute.V1))
        .hasMessage("Content-Encoding \"br\" not supported");
  }

  @Test
  void gzipHeaderErrorsComeBeforeTheMediaType() {
    assertThatThrownBy(() -> decoder.decode(utf8(JSON_BODY), null, "gzip", PushRoute.V1))
        .hasMessage("gzip: invalid header");
    assertThatThrownBy(() -> decoder.decode(new byte[0], "application/json", "gzip", PushRoute.V1))
        .hasMessage("EOF");
  }

  @Test
  void refusesJsonSentWithSnappyEncoding() {
    assertThatThrownBy(
            () -> decoder.decode(gzip(utf8(JSON_BODY)), "application/json", "snappy", PushRoute.V1))
        .isInstanceOfSatisfying(PushException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void refusesZlibWrappedDeflateLikeGo() {
    assertThatThrownBy(
            () ->
                decoder.decode(zlib(utf8(JSON_BODY)), "application/json", "deflate", PushRoute.V1))
        .isInstanceOfSatisfying(
            PushException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage()).startsWith("flate: corrupt input before offset ");
            });
  }

  @Test
  void emptyBodies() {
    assertThatThrownBy(() -> decoder.decode(new byte[0], "application/json", null, PushRoute.V1))
        .hasMessage("EOF");
    assertThatThrownBy(
            () -> decoder.decode(new byte[0], "application/x-protobuf", null, PushRoute.V1))
        .hasMessage("snappy: corrupt input");
    assertThat(
            decoder
                .decode(snappy(new byte[0]), "application/x-protobuf", null, PushRoute.V1)
                .streams())
        .isEmpty();
  }

  @Test
  void gzipBombIsCutAtTheDecompressedLimit() {
    PushRequestDecoder small =
        new PushRequestDecoder(DecoderConfig.DEFAULTS.withMaxDecompressedSize(1000));
    byte[] bomb = gzip(new byte[10_000_000]);

    assertThatThrownBy(() -> small.decode(bomb, "application/json", "gzip", PushRoute.V1))
        .isInstanceOfSatisfying(
            PushException.class,
            e -> {
              assertThat(e.status()).isEqualTo(413);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "request body too large: decompressed message size too large than max (1001 vs 1000)");
            });
    assertThatThrownBy(
            () ->
                small.decode(
                    deflate(new byte[10_000_000]),
                    "application/x-protobuf",
                    "deflate",
                    PushRoute.V1))
        .isInstanceOfSatisfying(PushException.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  @Test
  void snappyDeclaredLengthIsCheckedBeforeDecoding() {
    PushRequestDecoder small =
        new PushRequestDecoder(DecoderConfig.DEFAULTS.withMaxDecompressedSize(1000));
    byte[] body = snappy(new byte[5000]);

    assertThatThrownBy(() -> small.decode(body, "application/x-protobuf", null, PushRoute.V1))
        .isInstanceOfSatisfying(
            PushException.class,
            e -> {
              assertThat(e.status()).isEqualTo(413);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "request body too large: decompressed message size too large than max (5000 vs 1000)");
            });
  }

  @Test
  void compressedBodyOverMaxRecvMsgSizeIs413() {
    PushRequestDecoder small =
        new PushRequestDecoder(DecoderConfig.DEFAULTS.withMaxRecvMsgSize(10));

    assertThatThrownBy(() -> small.decode(utf8(JSON_BODY), "application/json", null, PushRoute.V1))
        .isInstanceOfSatisfying(
            PushException.class,
            e -> {
              assertThat(e.status()).isEqualTo(413);
              assertThat(e.getMessage())
                  .isEqualTo("request body too large: message size too large than max (11 vs 10)");
            });
    byte[] proto = snappy(request("{a=\"b\"}", entry(1, 0, "x")).toByteArray());
    assertThatThrownBy(() -> small.decode(proto, "application/x-protobuf", null, PushRoute.V1))
        .hasMessage(
            "request body too large: message size too large than max (" + proto.length + " vs 10)");
  }

  @Test
  void invalidUtf8InJsonIsReplacedLikeGoPassesItThrough() {
    byte[] body =
        utf8("{\"streams\":[{\"stream\":{\"a\":\"b\"},\"values\":[[\"1\",\"bad ~ byte\"]]}]}");
    for (int i = 0; i < body.length; i++) {
      if (body[i] == '~') {
        body[i] = (byte) 0xc3;
      }
    }

    assertThat(
            decoder
                .decode(body, "application/json", null, PushRoute.V1)
                .streams()
                .get(0)
                .entries()
                .get(0)
                .line())
        .isEqualTo("bad \uFFFD byte");
  }

  @Test
  void garbageNeverEscapesAsAnythingButA400() {
    Random random = new Random(42);
    byte[] valid = snappy(request("{a=\"b\"}", entry(1, 0, "line", "k", "v")).toByteArray());
    byte[] validJson = utf8(JSON_BODY);
    for (int i = 0; i < 3000; i++) {
      byte[] body =
          switch (i % 4) {
            case 0 -> randomBytes(random, random.nextInt(200));
            case 1 -> mutate(random, valid);
            case 2 -> mutate(random, validJson);
            default ->
                snappy(
                    mutate(
                        random, request("{a=\"b\"}", entry(1, 0, "line", "k", "v")).toByteArray()));
          };
      String type = i % 2 == 0 ? "application/json" : "application/x-protobuf";
      String encoding = i % 7 == 0 ? "gzip" : i % 11 == 0 ? "deflate" : "";
      PushRoute route = i % 3 == 0 ? PushRoute.LEGACY : PushRoute.V1;
      try {
        decoder.decode(body, type, encoding, route);
      } catch (PushException e) {
        // a mangled snappy header may legitimately declare a huge size: that is Loki's 413
        if (e.status() != 413 || !e.getMessage().startsWith("request body too large: ")) {
          assertThat(e.status()).as("status for body %d", i).isEqualTo(400);
        }
        assertThat(e.getMessage()).isNotBlank();
      }
    }
  }

  private static byte[] randomBytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  private static byte[] mutate(Random r, byte[] src) {
    byte[] b = src.clone();
    int flips = 1 + r.nextInt(4);
    for (int k = 0; k < flips && b.length > 0; k++) {
      b[r.nextInt(b.length)] = (byte) r.nextInt(256);
    }
    if (r.nextBoolean() && b.length > 1) {
      return java.util.Arrays.copyOf(b, r.nextInt(b.length));
    }
    return b;
  }
}
