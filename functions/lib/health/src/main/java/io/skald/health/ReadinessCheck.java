package io.skald.health;

/**
 * Something a process needs to do its job: a dependency (the bus, the object store) or a worker
 * (the chunker's loop). {@code /ready} answers 200 only while every check of the process passes.
 * Checks live with what they check and need no framework; the application collects them.
 */
public interface ReadinessCheck {

  /** Short name shown in the {@code /ready} text, e.g. {@code bus} or {@code chunker}. */
  String name();

  /**
   * Returns normally when ready, otherwise throws with the reason as its message. May block on I/O:
   * {@link Readiness} bounds the wait and caches the answer briefly.
   */
  void check() throws Exception;

  /** A probe that passes when it returns and fails with what it throws. */
  @FunctionalInterface
  interface Probe {
    void run() throws Exception;
  }

  static ReadinessCheck of(String name, Probe probe) {
    return new ReadinessCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void check() throws Exception {
        probe.run();
      }

      @Override
      public String toString() {
        return "ReadinessCheck[" + name + "]";
      }
    };
  }
}
