package io.skald.harness;

import io.skald.harness.internal.WatchdogMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One server JVM launched from a classpath resource written at build time. Output goes to a log
 * file (appended across restarts) so that server logs never reach the test output.
 */
final class ChildProcess {

  /** Decides readiness from the log text written since the last launch. */
  @FunctionalInterface
  interface ReadyCheck {
    boolean ready(String logSinceLaunch) throws Exception;
  }

  private static final Duration POLL = Duration.ofMillis(100);

  private final String name;
  private final List<String> command;
  private final Path workDir;
  private final Path logFile;
  private Process process;
  private long logOffset;

  ChildProcess(String name, List<String> command, Path workDir, Path logFile) {
    this.name = name;
    this.command = List.copyOf(command);
    this.workDir = workDir;
    this.logFile = logFile;
  }

  /** The {@code java} command line running {@code mainClass} under the orphan watchdog. */
  static List<String> javaCommand(
      String classpathResource, List<String> jvmOptions, String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(readClasspath(classpathResource) + java.io.File.pathSeparator + harnessLocation());
    cmd.add(WatchdogMain.class.getName());
    cmd.add(Long.toString(ProcessHandle.current().pid()));
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }

  synchronized void launch() throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    Files.createDirectories(logFile.getParent());
    logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
    process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
  }

  /**
   * Polls {@code check} until it passes; fails fast with the log tail if the process dies or time
   * runs out.
   */
  void awaitReady(Duration timeout, ReadyCheck check) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        if (check.ready(logSinceLaunch())) {
          return;
        }
      } catch (IOException | RuntimeException notYet) {
        // not answering yet; keep polling
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + name, e);
      } catch (Exception e) {
        throw new IOException(name + " readiness check failed", e);
      }
      if (waitForExit(POLL)) {
        throw failure(name + " exited with code " + process.exitValue() + " while starting");
      }
      if (System.nanoTime() > deadline) {
        throw failure(name + " was not ready within " + timeout.toSeconds() + " s");
      }
    }
  }

  /**
   * Runs a short-lived command (e.g. storage format) to completion; fails with the log tail on a
   * non-zero exit.
   */
  void runToCompletion(Duration timeout) throws IOException {
    launch();
    if (!waitForExit(timeout)) {
      process.destroyForcibly();
      throw failure(name + " did not finish within " + timeout.toSeconds() + " s");
    }
    if (process.exitValue() != 0) {
      throw failure(name + " exited with code " + process.exitValue());
    }
  }

  /** SIGTERM, then SIGKILL if the server has not exited within {@code grace}. Idempotent. */
  synchronized void stop(Duration grace) {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!waitForExit(grace)) {
      kill();
    }
  }

  /** SIGKILL, like a crash. Idempotent. */
  synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    waitForExit(Duration.ofSeconds(30));
  }

  boolean isAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  long pid() {
    return process.pid();
  }

  Path logFile() {
    return logFile;
  }

  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  private boolean waitForExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    }
  }

  private String logSinceLaunch() throws IOException {
    try (InputStream in = Files.newInputStream(logFile)) {
      in.skipNBytes(logOffset);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private IOException failure(String message) {
    return new IOException(message + " (log " + logFile + "):\n" + logTail(60));
  }

  private static String readClasspath(String resource) {
    try (InputStream in = ChildProcess.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing resource " + resource + ": build tests/harness with Maven");
      }
      String cp = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      for (String entry : cp.split(java.io.File.pathSeparator)) {
        if (!Files.exists(Path.of(entry))) {
          throw new IllegalStateException(
              entry
                  + " (from "
                  + resource
                  + ") is missing: "
                  + "re-run 'mvn -pl tests/harness install' to resolve the server jars again");
        }
      }
      return cp;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The harness's own jar or classes directory, so the child can run {@link WatchdogMain}. */
  private static String harnessLocation() {
    try {
      return Path.of(WatchdogMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
