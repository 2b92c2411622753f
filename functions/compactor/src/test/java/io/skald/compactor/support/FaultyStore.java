package io.skald.compactor.support;

import io.skald.storage.ObjectInfo;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Wraps a store and simulates a crash: the Nth mutating call (put or delete, counted from 1) throws
 * instead of happening, and so does every mutating call after it, as a dead process would do
 * nothing more. Records the mutating calls it let through.
 */
public final class FaultyStore implements ObjectStore {

  /** Thrown for the simulated crash. */
  public static final class Crash extends IOException {
    Crash(String what) {
      super("simulated crash before " + what);
    }
  }

  private final ObjectStore delegate;
  private int failAt = Integer.MAX_VALUE;
  private int calls;
  private final List<String> log = new ArrayList<>();

  public FaultyStore(ObjectStore delegate) {
    this.delegate = delegate;
  }

  /** Crash at the {@code n}th mutating call from now on (1 = the next one). */
  public void crashAt(int n) {
    calls = 0;
    failAt = n;
    log.clear();
  }

  public void heal() {
    failAt = Integer.MAX_VALUE;
    calls = 0;
  }

  /** Mutating calls that went through since the last {@link #crashAt}/{@link #heal}. */
  public List<String> log() {
    return log;
  }

  public int calls() {
    return calls;
  }

  private void mutate(String what) throws IOException {
    calls++;
    if (calls >= failAt) {
      throw new Crash(what);
    }
    log.add(what);
  }

  @Override
  public String bucket() {
    return delegate.bucket();
  }

  @Override
  public void put(String key, byte[] data) throws IOException {
    mutate("put " + key);
    delegate.put(key, data);
  }

  @Override
  public Optional<byte[]> get(String key) throws IOException {
    return delegate.get(key);
  }

  @Override
  public byte[] getRange(String key, long offset, int length) throws IOException {
    return delegate.getRange(key, offset, length);
  }

  @Override
  public Optional<ObjectInfo> head(String key) throws IOException {
    return delegate.head(key);
  }

  @Override
  public List<ObjectInfo> list(String prefix) throws IOException {
    return delegate.list(prefix);
  }

  @Override
  public void delete(String key) throws IOException {
    mutate("delete " + key);
    delegate.delete(key);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
