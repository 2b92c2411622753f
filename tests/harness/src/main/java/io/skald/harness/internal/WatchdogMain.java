package io.skald.harness.internal;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Entry point of every server child process: {@code WatchdogMain <parentPid> <realMainClass>
 * <args...>}.
 *
 * <p>Shutdown hooks of the test JVM stop the servers on a normal exit, but a test JVM that is
 * killed (surefire timeout, kill -9, IDE stop button) would leave orphaned brokers holding ports
 * and memory. So the child watches its parent and exits when the parent is gone. Internal to the
 * harness.
 */
public final class WatchdogMain {

  private WatchdogMain() {}

  public static void main(String[] args) throws Throwable {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: WatchdogMain <parentPid> <mainClass> [args...]");
    }
    long parentPid = Long.parseLong(args[0]);
    ProcessHandle.of(parentPid)
        .ifPresentOrElse(
            parent -> parent.onExit().thenRun(WatchdogMain::exitBecauseOrphaned),
            WatchdogMain::exitBecauseOrphaned);

    Method main = Class.forName(args[1]).getMethod("main", String[].class);
    main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
  }

  private static void exitBecauseOrphaned() {
    // A graceful exit lets the server flush; halt if its shutdown hooks hang.
    CompletableFuture.delayedExecutor(15, TimeUnit.SECONDS)
        .execute(() -> Runtime.getRuntime().halt(3));
    System.err.println("[skald-harness] parent process is gone, exiting");
    System.exit(3);
  }
}
