package io.skald.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.harness.S3Server;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Its own S3 server (not the shared one), because the test stops it. */
class S3OutageTest {

  private static S3Server s3;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3Server.start();
    s3.createBucket("outage");
  }

  @AfterAll
  static void stop() {
    s3.close();
  }

  @Test
  void serverDownIsRetriableAndRecoveryNeedsNoNewClient() throws Exception {
    try (S3ObjectStore store = new S3ObjectStore(S3ObjectStoreTest.config(s3, "outage"))) {
      store.put("before", ObjectStoreContractTest.utf8("kept"));

      s3.stop();
      List<ThrowingCall> calls =
          List.of(
              () -> store.put("k", new byte[1]),
              () -> store.get("before"),
              () -> store.getRange("before", 0, 1),
              () -> store.head("before"),
              () -> store.list(""),
              () -> store.delete("before"));
      for (ThrowingCall call : calls) {
        assertThatThrownBy(call::run)
            .isInstanceOf(RetriableStorageException.class)
            .hasMessageContaining("s3://outage/");
      }

      s3.restart();
      assertThat(store.get("before"))
          .hasValueSatisfying(v -> assertThat(v).isEqualTo(ObjectStoreContractTest.utf8("kept")));
      store.put("after", new byte[] {1});
      assertThat(store.list("")).extracting(ObjectInfo::key).containsExactly("after", "before");
    }
  }

  @Test
  void killedServerIsRetriableToo() throws Exception {
    try (S3ObjectStore store = new S3ObjectStore(S3ObjectStoreTest.config(s3, "outage"))) {
      s3.kill();
      assertThatThrownBy(() -> store.get("x")).isInstanceOf(RetriableStorageException.class);
      s3.restart();
      assertThat(store.get("x")).isEmpty();
    }
  }

  @FunctionalInterface
  private interface ThrowingCall {
    void run() throws Exception;
  }
}
