package io.skald.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ObjectStore} must share. Each test works under its own random key
 * namespace, so implementations may share one bucket across tests.
 */
abstract class ObjectStoreContractTest {

  /** Listing page size the S3 store should use in these tests, so pagination is exercised. */
  static final int SMALL_PAGE = 7;

  protected ObjectStore store;
  protected String ns;

  protected abstract ObjectStore createStore() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = createStore();
    ns = "t-" + UUID.randomUUID().toString().substring(0, 8) + "/";
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void putThenGetReturnsTheSameBinaryData() throws Exception {
    byte[] every = new byte[256];
    for (int i = 0; i < every.length; i++) {
      every[i] = (byte) i;
    }
    byte[] large = randomBytes(300_000);
    store.put(ns + "every-byte", every);
    store.put(ns + "large.bin", large);

    assertThat(store.get(ns + "every-byte"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(every));
    assertThat(store.get(ns + "large.bin")).hasValueSatisfying(v -> assertThat(v).isEqualTo(large));
  }

  @Test
  void missingKeysReadAsAbsent() throws Exception {
    assertThat(store.get(ns + "nope")).isEmpty();
    assertThat(store.head(ns + "nope")).isEmpty();
    assertThat(store.list(ns)).isEmpty();
    assertThatThrownBy(() -> store.getRange(ns + "nope", 0, 10))
        .isInstanceOf(NoSuchObjectException.class)
        .hasMessageContaining(ns + "nope");
    assertThatThrownBy(() -> store.getRange(ns + "nope", 0, 0))
        .isInstanceOf(NoSuchObjectException.class);
  }

  @Test
  void overwriteReplacesContentAndVersion() throws Exception {
    store.put(ns + "k", utf8("first"));
    ObjectInfo before = store.head(ns + "k").orElseThrow();

    store.put(ns + "k", utf8("other")); // same size, different bytes
    ObjectInfo after = store.head(ns + "k").orElseThrow();

    assertThat(store.get(ns + "k")).hasValueSatisfying(v -> assertThat(v).isEqualTo(utf8("other")));
    assertThat(after.size()).isEqualTo(before.size());
    assertThat(after.eTag()).isNotEqualTo(before.eTag());
  }

  @Test
  void emptyObjectIsAnObject() throws Exception {
    store.put(ns + "empty", new byte[0]);

    assertThat(store.get(ns + "empty")).hasValueSatisfying(v -> assertThat(v).isEmpty());
    assertThat(store.head(ns + "empty")).hasValueSatisfying(i -> assertThat(i.size()).isZero());
    assertThat(store.getRange(ns + "empty", 0, 10)).isEmpty();
    assertThat(store.list(ns)).extracting(ObjectInfo::key).containsExactly(ns + "empty");
  }

  @Test
  void rangesAreCutAtTheEnd() throws Exception {
    byte[] data = randomBytes(1000);
    store.put(ns + "r", data);

    assertThat(store.getRange(ns + "r", 0, 10)).isEqualTo(Arrays.copyOfRange(data, 0, 10));
    assertThat(store.getRange(ns + "r", 500, 250)).isEqualTo(Arrays.copyOfRange(data, 500, 750));
    assertThat(store.getRange(ns + "r", 990, 100)).isEqualTo(Arrays.copyOfRange(data, 990, 1000));
    assertThat(store.getRange(ns + "r", 0, 1000)).isEqualTo(data);
    assertThat(store.getRange(ns + "r", 999, 1)).containsExactly(data[999]);
    assertThat(store.getRange(ns + "r", 1000, 10)).isEmpty();
    assertThat(store.getRange(ns + "r", 5000, 10)).isEmpty();
    assertThat(store.getRange(ns + "r", 10, 0)).isEmpty();
    assertThatThrownBy(() -> store.getRange(ns + "r", -1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.getRange(ns + "r", 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void headDescribesTheObject() throws Exception {
    Instant start = Instant.now();
    store.put(ns + "h", randomBytes(1234));

    ObjectInfo info = store.head(ns + "h").orElseThrow();

    assertThat(info.key()).isEqualTo(ns + "h");
    assertThat(info.size()).isEqualTo(1234);
    assertThat(info.eTag()).isNotBlank().doesNotContain("\"");
    // S3 reports whole seconds; allow for that and for clock skew between client and server.
    assertThat(info.lastModified())
        .isBetween(start.minus(Duration.ofMinutes(1)), Instant.now().plus(Duration.ofMinutes(1)));
    assertThat(store.list(ns + "h")).containsExactly(info);
  }

  @Test
  void listReturnsKeysWithThePrefixSorted() throws Exception {
    for (String k : List.of("b/1", "a/2", "ab", "a/b/3", "a/1", "a-", "c")) {
      store.put(ns + k, utf8(k));
    }

    assertThat(keys(ns + "a/")).containsExactly(ns + "a/1", ns + "a/2", ns + "a/b/3");
    assertThat(keys(ns + "a"))
        .containsExactly(ns + "a-", ns + "a/1", ns + "a/2", ns + "a/b/3", ns + "ab");
    assertThat(keys(ns + "a/b")).containsExactly(ns + "a/b/3");
    assertThat(keys(ns + "a/b/3")).containsExactly(ns + "a/b/3");
    assertThat(keys(ns))
        .containsExactly(
            ns + "a-", ns + "a/1", ns + "a/2", ns + "a/b/3", ns + "ab", ns + "b/1", ns + "c");
    assertThat(keys(ns + "zz")).isEmpty();
    assertThat(keys(ns + "zz/")).isEmpty();
    assertThat(store.list(ns + "b/"))
        .singleElement()
        .satisfies(i -> assertThat(i).isEqualTo(store.head(ns + "b/1").orElseThrow()));
  }

  @Test
  void listPaginatesOverManyKeys() throws Exception {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 4 * SMALL_PAGE + 3; i++) {
      String key = ns + "p/" + String.format("%03d", i);
      store.put(key, utf8(key));
      expected.add(key);
    }

    assertThat(keys(ns + "p/")).containsExactlyElementsOf(expected);
    assertThat(keys(ns + "p/01")).containsExactlyElementsOf(expected.subList(10, 20));
  }

  @Test
  void nonAsciiKeysSortInUtf8ByteOrder() throws Exception {
    // UTF-16 order would put the emoji (surrogates D83D..) before U+FFFD; UTF-8/code point order
    // after.
    List<String> keys =
        List.of(ns + "u/z", ns + "u/é", ns + "u/\uFFFD", ns + "u/😀", ns + "u/100%");
    for (String k : keys) {
      store.put(k, utf8(k));
    }

    assertThat(keys(ns + "u/"))
        .containsExactly(ns + "u/100%", ns + "u/z", ns + "u/é", ns + "u/\uFFFD", ns + "u/😀");
    assertThat(store.get(ns + "u/😀"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(utf8(ns + "u/😀")));
  }

  @Test
  void deleteRemovesAndIsIdempotent() throws Exception {
    store.put(ns + "d/1", utf8("x"));
    store.put(ns + "d/2", utf8("y"));

    store.delete(ns + "d/1");
    store.delete(ns + "d/1");
    store.delete(ns + "never-existed");

    assertThat(store.get(ns + "d/1")).isEmpty();
    assertThat(store.head(ns + "d/1")).isEmpty();
    assertThat(keys(ns)).containsExactly(ns + "d/2");

    store.delete(ns + "d/2");
    assertThat(keys(ns)).isEmpty();
    store.put(ns + "d/3", utf8("again")); // the prefix is usable after it became empty
    assertThat(keys(ns)).containsExactly(ns + "d/3");
  }

  @Test
  void invalidKeysAreRejectedTheSameEverywhere() {
    for (String bad :
        List.of(
            "", "/abs", "a//b", "a/", "../x", "a/../b", "a/./b", "a\\b", ".skald-tmp-x", "a/\0")) {
      assertThatThrownBy(() -> store.put(bad, new byte[1]))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.get(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> store.list("/x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.list("a/../")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bucketIsNamed() {
    assertThat(store.bucket()).isNotBlank();
  }

  private List<String> keys(String prefix) throws Exception {
    return store.list(prefix).stream().map(ObjectInfo::key).toList();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }
}
