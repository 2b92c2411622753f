package io.skald.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemObjectStoreTest extends ObjectStoreContractTest {

  @TempDir Path root;

  @Override
  protected ObjectStore createStore() throws Exception {
    return new FileSystemObjectStore(root, "local");
  }

  @Test
  void keysMapToFilesUnderTheRoot() throws Exception {
    store.put("segments/fake/2026-11-25/obj-1", utf8("x"));

    assertThat(root.resolve("segments/fake/2026-11-25/obj-1")).hasContent("x");
    assertThat(store.bucket()).isEqualTo("local");
  }

  @Test
  void nonAsciiSegmentsArePercentEncodedOnDisk() throws Exception {
    store.put("é/100%", utf8("x"));

    // Safe under any sun.jnu.encoding (an ASCII locale would turn 'é' into '?').
    assertThat(root.resolve("%C3%A9/100%25")).hasContent("x");
    assertThat(store.list("")).extracting(ObjectInfo::key).containsExactly("é/100%");
  }

  @Test
  void leftoverTempFilesFromACrashAreInvisible() throws Exception {
    store.put("a/real", utf8("x"));
    // What a crash between temp-file write and rename leaves behind.
    Files.write(root.resolve("a/.skald-tmp-0b4d1c2e"), utf8("torn"));

    assertThat(store.list("")).extracting(ObjectInfo::key).containsExactly("a/real");
    assertThat(store.list("a/.skald")).isEmpty();
  }

  @Test
  void putsLeaveNoTempFilesBehind() throws Exception {
    for (int i = 0; i < 20; i++) {
      store.put("x/k" + (i % 3), ObjectStoreContractTest.randomBytes(1000 + i));
    }
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("k0", "k1", "k2");
    }
  }

  @Test
  void concurrentOverwritesAreNeverTorn() throws Exception {
    byte[] a = new byte[200_000];
    byte[] b = new byte[100_000];
    java.util.Arrays.fill(a, (byte) 'a');
    java.util.Arrays.fill(b, (byte) 'b');
    store.put("c/k", a);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> writer =
          pool.submit(
              () -> {
                for (int i = 0; i < 200; i++) {
                  store.put("c/k", i % 2 == 0 ? b : a);
                }
                return null;
              });
      while (!writer.isDone()) {
        byte[] seen = store.get("c/k").orElseThrow();
        assertThat(seen)
            .satisfiesAnyOf(s -> assertThat(s).isEqualTo(a), s -> assertThat(s).isEqualTo(b));
      }
      writer.get();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void emptyDirectoriesAreRemovedOnDelete() throws Exception {
    store.put("tenant/day/obj", utf8("x"));
    store.put("tenant/other", utf8("y"));

    store.delete("tenant/day/obj");

    assertThat(root.resolve("tenant/day")).doesNotExist();
    assertThat(root.resolve("tenant")).isDirectory();
    assertThat(root).isDirectory();
  }

  @Test
  void aKeyCannotBeBothObjectAndPrefix() throws Exception {
    store.put("a/b", utf8("object"));
    store.put("x/y/z", utf8("deeper"));

    assertThatThrownBy(() -> store.put("a/b/c", utf8("under an object")))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("a/b");
    assertThatThrownBy(() -> store.put("x/y", utf8("over a prefix")))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("x/y");
    // The prefix directory reads as "no object" and cannot be deleted as one.
    assertThat(store.get("x/y")).isEmpty();
    assertThat(store.head("x/y")).isEmpty();
    assertThatThrownBy(() -> store.getRange("x/y", 0, 1)).isInstanceOf(NoSuchObjectException.class);
    store.delete("x/y");
    assertThat(store.get("x/y/z")).isPresent();
    assertThat(store.get("a/b/c")).isEmpty();
  }

  @Test
  void constructorValidates() {
    assertThatThrownBy(() -> new FileSystemObjectStore(root, " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FileSystemObjectStore(null, "b"))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void listWithEmptyPrefixSeesEverything() throws Exception {
    for (String k : List.of("z", "m/n", "a")) {
      store.put(k, utf8(k));
    }
    assertThat(store.list("")).extracting(ObjectInfo::key).containsExactly("a", "m/n", "z");
  }
}
