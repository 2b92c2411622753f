package io.skald.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A deterministic, seeded corpus of log lines packed into one array (ASCII only, so a byte is a
 * character and the corpus also reads as a Latin-1 {@link String}). Line {@code i} is {@code
 * data[offsets[i], offsets[i + 1])}, without a trailing newline.
 *
 * <p>Lines are 75–600 bytes with a mean of about 150 bytes (BENCHMARKS.md's mix); every shape
 * carries unique IDs drawn from the seeded RNG (request, trace, block IDs) so repeats do not
 * inflate compression. The same {@code (shape, bytes, seed)} always yields the same bytes.
 */
public final class Corpus {
  /** Minimum and maximum line length in bytes. */
  public static final int MIN_LINE = 75;

  public static final int MAX_LINE = 600;
  public static final long DEFAULT_SEED = 0x5ca1d_2024L;

  /** The line shapes; {@link #PLAIN} mixes several plain-text application log formats. */
  public enum Shape {
    /**
     * syslog-like, Java application logs with stack traces, HDFS-like, Spark-like and nginx text
     * lines.
     */
    PLAIN,
    /** nginx "combined" access log lines, the input of the {@code | pattern} benchmark. */
    ACCESS,
    /** nginx-style JSON access logs (one object per line, a nested object included). */
    JSON,
    /** logfmt service logs (Loki/Go style). */
    LOGFMT
  }

  private final Shape shape;
  private final byte[] data;
  private final int[] offsets;
  private final int lines;

  private Corpus(Shape shape, byte[] data, int[] offsets, int lines) {
    this.shape = shape;
    this.data = data;
    this.offsets = offsets;
    this.lines = lines;
  }

  public Shape shape() {
    return shape;
  }

  /** The packed lines; do not modify. */
  public byte[] data() {
    return data;
  }

  /** Line start offsets, {@code lines() + 1} of them (the last is {@link #bytes()}). */
  public int[] offsets() {
    return offsets;
  }

  public int lines() {
    return lines;
  }

  /** Total line bytes (newlines are not stored). */
  public int bytes() {
    return offsets[lines];
  }

  public String line(int i) {
    return new String(data, offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.US_ASCII);
  }

  /** The whole corpus as one Latin-1 string (compact strings: one byte per character). */
  public String asLatin1String() {
    return new String(data, 0, bytes(), StandardCharsets.ISO_8859_1);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s corpus: %d lines, %d bytes, mean %d B",
        shape,
        lines,
        bytes(),
        lines == 0 ? 0 : bytes() / lines);
  }

  /** Generates about {@code megabytes × 1 000 000} bytes of {@code shape} lines. */
  public static Corpus generate(Shape shape, int megabytes) {
    return generate(shape, megabytes * 1_000_000L, DEFAULT_SEED);
  }

  public static Corpus generate(Shape shape, long targetBytes, long seed) {
    if (targetBytes <= 0 || targetBytes > Integer.MAX_VALUE - MAX_LINE) {
      throw new IllegalArgumentException("targetBytes out of range: " + targetBytes);
    }
    // Each shape gets its own stream of random numbers, so shapes do not share IDs.
    SplittableRandom rnd = new SplittableRandom(seed * 31 + shape.ordinal());
    Gen gen = new Gen(rnd);
    byte[] data = new byte[(int) targetBytes + MAX_LINE];
    int[] offsets = new int[(int) (targetBytes / 100) + 16];
    int pos = 0;
    int n = 0;
    StringBuilder sb = new StringBuilder(MAX_LINE);
    while (pos < targetBytes) {
      sb.setLength(0);
      gen.line(shape, sb);
      int len = sb.length();
      if (n + 1 >= offsets.length) {
        offsets = Arrays.copyOf(offsets, offsets.length * 2);
      }
      offsets[n++] = pos;
      for (int i = 0; i < len; i++) {
        data[pos + i] = (byte) sb.charAt(i);
      }
      pos += len;
    }
    offsets[n] = pos;
    return new Corpus(shape, Arrays.copyOf(data, pos), Arrays.copyOf(offsets, n + 1), n);
  }

  /** The line generators. Everything is ASCII. */
  private static final class Gen {
    private static final String[] WORDS = {
      "request",
      "handled",
      "user",
      "session",
      "cache",
      "miss",
      "hit",
      "loaded",
      "config",
      "from",
      "disk",
      "retry",
      "after",
      "backend",
      "upstream",
      "returned",
      "queue",
      "depth",
      "worker",
      "started",
      "stopped",
      "flushed",
      "segment",
      "tenant",
      "shard",
      "replica",
      "leader",
      "elected",
      "snapshot",
      "compaction",
      "finished",
      "in",
      "the",
      "for",
      "with",
      "of",
      "to",
      "and",
      "ok",
      "payload",
      "validated",
      "token",
      "refreshed",
      "scheduler",
      "tick",
      "lease",
      "renewed",
      "bytes",
      "written",
      "read",
      "index",
      "rebuilt",
      "pool",
      "exhausted",
      "waiting",
      "slow",
      "query",
      "plan",
      "executed",
      "rows",
      "scanned",
      "commit",
      "offset",
      "partition",
      "rebalance"
    };
    private static final String[] SYSLOG_PROCS = {
      "sshd", "kernel", "CRON", "systemd", "dhclient", "postfix/smtpd", "sudo", "containerd"
    };
    private static final String[] JAVA_CLASSES = {
      "com.acme.orders.OrderService",
      "com.acme.billing.InvoiceJob",
      "io.netty.channel.DefaultChannelPipeline",
      "org.hibernate.engine.jdbc.spi.SqlExceptionHelper",
      "com.acme.gateway.RateLimiter",
      "org.apache.kafka.clients.NetworkClient",
      "com.zaxxer.hikari.pool.HikariPool"
    };
    private static final String[] LEVELS = {
      "INFO", "INFO", "INFO", "INFO", "DEBUG", "DEBUG", "WARN", "ERROR"
    };
    private static final String[] LEVELS_LOWER = {
      "info", "info", "info", "info", "debug", "debug", "warn", "error"
    };
    private static final String[] METHODS = {
      "GET", "GET", "GET", "GET", "GET", "POST", "POST", "PUT", "DELETE", "HEAD"
    };
    private static final String[] PATHS = {
      "/api/v1/orders",
      "/api/v1/users",
      "/loki/api/v1/push",
      "/loki/api/v1/query_range",
      "/metrics",
      "/ready",
      "/static/js/app.js",
      "/static/img/logo.png",
      "/api/v2/search",
      "/healthz",
      "/checkout/cart",
      "/api/v1/invoices"
    };
    private static final String[] AGENTS = {
      "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0 Safari/537.36",
      "curl/8.4.0",
      "Go-http-client/2.0",
      "Prometheus/2.48.0",
      "kube-probe/1.28",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
    };
    private static final String[] CALLERS = {
      "metrics.go",
      "engine.go",
      "ingester.go",
      "flush.go",
      "retry.go",
      "client.go",
      "server.go",
      "compactor.go"
    };
    private static final String[] TIMEOUT_MSGS = {
      "Timeout waiting for connection from pool",
      "read timeout after 30000 ms",
      "upstream TIMEOUT while reading response header",
      "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"
    };

    private final SplittableRandom r;
    private long seconds = 1_714_521_600L; // 2024-05-01T00:00:00Z

    Gen(SplittableRandom r) {
      this.r = r;
    }

    void line(Shape shape, StringBuilder sb) {
      seconds += r.nextInt(2);
      // Length target: 75 + an exponential tail, capped at 600. Lines overshoot their
      // target (fixed prefixes, IDs), so the tail is short; the mean is ≈ 150–200 B per shape.
      double tail = shape == Shape.JSON ? 30 : 45;
      int target = (int) Math.min(MAX_LINE, MIN_LINE - tail * Math.log(1 - r.nextDouble()) + 0.5);
      target = Math.max(MIN_LINE, target);
      switch (shape) {
        case PLAIN -> plain(sb, target);
        case ACCESS -> nginxText(sb, target);
        case JSON -> nginxJson(sb, target);
        case LOGFMT -> logfmt(sb, target);
        default -> throw new IllegalArgumentException(String.valueOf(shape));
      }
      if (sb.length() > MAX_LINE) {
        sb.setLength(MAX_LINE);
      }
    }

    private void plain(StringBuilder sb, int target) {
      int kind = r.nextInt(100);
      if (kind < 25) {
        syslog(sb, target);
      } else if (kind < 55) {
        java(sb, target);
      } else if (kind < 70) {
        hdfs(sb, target);
      } else if (kind < 85) {
        spark(sb, target);
      } else {
        nginxText(sb, target);
      }
    }

    private void syslog(StringBuilder sb, int target) {
      String proc = SYSLOG_PROCS[r.nextInt(SYSLOG_PROCS.length)];
      sb.append("May  1 ")
          .append(clock())
          .append(" host-")
          .append(r.nextInt(40))
          .append(' ')
          .append(proc)
          .append('[')
          .append(r.nextInt(1, 65_000))
          .append("]: ");
      if (proc.equals("sshd")) {
        sb.append(
                r.nextInt(4) == 0 ? "Failed password for invalid user " : "Accepted publickey for ")
            .append("u")
            .append(hex(r.nextInt()))
            .append(" from ")
            .append(ip())
            .append(" port ")
            .append(r.nextInt(1024, 65_536))
            .append(" ssh2: RSA SHA256:")
            .append(hex(r.nextLong()));
      } else {
        message(sb, target);
      }
      fill(sb, target);
    }

    private void java(StringBuilder sb, int target) {
      if (r.nextInt(6) == 0) { // a stack trace frame line
        sb.append("\tat ")
            .append(JAVA_CLASSES[r.nextInt(JAVA_CLASSES.length)])
            .append('.')
            .append(WORDS[r.nextInt(WORDS.length)])
            .append('(')
            .append(WORDS[r.nextInt(WORDS.length)])
            .append(".java:")
            .append(r.nextInt(20, 900))
            .append(')');
        fill(sb, target);
        return;
      }
      String level = LEVELS[r.nextInt(LEVELS.length)];
      sb.append("2024-05-01 ")
          .append(clock())
          .append('.')
          .append(pad3(r.nextInt(1000)))
          .append(' ')
          .append(level)
          .append(" [pool-")
          .append(r.nextInt(8))
          .append("-thread-")
          .append(r.nextInt(64))
          .append("] ")
          .append(JAVA_CLASSES[r.nextInt(JAVA_CLASSES.length)])
          .append(" - ");
      if (level.equals("ERROR") && r.nextInt(2) == 0) {
        sb.append("java.net.ConnectException: Connection refused: db-")
            .append(r.nextInt(6))
            .append(".internal:5432 (requestId=")
            .append(uuid())
            .append(')');
      } else {
        message(sb, target);
        sb.append(" requestId=").append(uuid());
      }
      fill(sb, target);
    }

    private void hdfs(StringBuilder sb, int target) {
      sb.append("0811")
          .append(pad2(r.nextInt(1, 31)))
          .append(' ')
          .append(clock().replace(":", ""))
          .append(' ')
          .append(r.nextInt(10, 4000))
          .append(" INFO dfs.DataNode$PacketResponder: ")
          .append("PacketResponder ")
          .append(r.nextInt(3))
          .append(" for block blk_")
          .append(r.nextLong())
          .append(r.nextInt(3) == 0 ? " terminating" : " received from /10.")
          .append(r.nextInt(256))
          .append('.')
          .append(r.nextInt(256))
          .append('.')
          .append(r.nextInt(256))
          .append(':')
          .append(r.nextInt(50_000, 51_000));
      fill(sb, target);
    }

    private void spark(StringBuilder sb, int target) {
      sb.append("24/05/01 ")
          .append(clock())
          .append(' ')
          .append(LEVELS[r.nextInt(LEVELS.length)])
          .append(" scheduler.TaskSetManager: ");
      if (r.nextInt(3) == 0) {
        sb.append("Finished task ")
            .append(r.nextInt(2000))
            .append(".0 in stage ")
            .append(r.nextInt(90))
            .append(".0 (TID ")
            .append(r.nextInt(1_000_000))
            .append(") in ")
            .append(r.nextInt(20_000))
            .append(" ms on executor-")
            .append(hex(r.nextInt()))
            .append(" (")
            .append(r.nextInt(2000))
            .append('/')
            .append(2000)
            .append(')');
      } else {
        message(sb, target);
        sb.append(" app-").append(hex(r.nextLong()));
      }
      fill(sb, target);
    }

    private void nginxText(StringBuilder sb, int target) {
      String method = METHODS[r.nextInt(METHODS.length)];
      sb.append(ip())
          .append(" - - [01/May/2024:")
          .append(clock())
          .append(" +0000] \"")
          .append(method)
          .append(' ')
          .append(PATHS[r.nextInt(PATHS.length)])
          .append("?id=")
          .append(hex(r.nextLong()));
      int queryTarget = target - 60 - sb.length();
      while (sb.length() < queryTarget) {
        sb.append('&').append(WORDS[r.nextInt(WORDS.length)]).append('=').append(r.nextInt(10_000));
      }
      sb.append(" HTTP/1.1\" ")
          .append(status())
          .append(' ')
          .append(r.nextInt(100_000))
          .append(" \"-\" \"")
          .append(AGENTS[r.nextInt(AGENTS.length)])
          .append('"');
    }

    private void nginxJson(StringBuilder sb, int target) {
      sb.append("{\"ts\":\"2024-05-01T")
          .append(clock())
          .append('.')
          .append(pad3(r.nextInt(1000)))
          .append("Z\",\"remote_addr\":\"")
          .append(ip())
          .append("\",\"id\":\"")
          .append(hex(r.nextLong()))
          .append("\",\"req\":{\"method\":\"")
          .append(METHODS[r.nextInt(METHODS.length)])
          .append("\",\"uri\":\"")
          .append(PATHS[r.nextInt(PATHS.length)]);
      boolean agent = target > 230;
      int queryTarget = target - (agent ? 110 : 50);
      char sep = '?';
      while (sb.length() < queryTarget) {
        sb.append(sep).append(WORDS[r.nextInt(WORDS.length)]).append('=').append(r.nextInt(10_000));
        sep = '&';
      }
      sb.append("\"},\"status\":")
          .append(status())
          .append(",\"bytes\":")
          .append(r.nextInt(200_000))
          .append(",\"request_time\":")
          .append(r.nextInt(3000) / 1000.0);
      if (agent) {
        sb.append(",\"user_agent\":\"").append(AGENTS[r.nextInt(AGENTS.length)]).append('"');
      }
      sb.append('}');
    }

    private void logfmt(StringBuilder sb, int target) {
      sb.append("level=")
          .append(LEVELS_LOWER[r.nextInt(LEVELS_LOWER.length)])
          .append(" ts=2024-05-01T")
          .append(clock())
          .append('.')
          .append(r.nextInt(100_000, 1_000_000))
          .append("Z caller=")
          .append(CALLERS[r.nextInt(CALLERS.length)])
          .append(':')
          .append(r.nextInt(10, 400))
          .append(" traceID=")
          .append(hex(r.nextLong()))
          .append(" org_id=")
          .append(r.nextInt(100))
          .append(" msg=\"");
      message(sb, Math.min(target - 60, 200));
      sb.append("\" duration=").append(duration()).append(" status=").append(status());
      while (sb.length() < target - 8) {
        String w = WORDS[r.nextInt(WORDS.length)];
        sb.append(' ')
            .append(w)
            .append('_')
            .append(WORDS[r.nextInt(WORDS.length)])
            .append('=')
            .append(r.nextInt(100_000));
      }
    }

    /** A free-text message; about 3 % of them mention a timeout (mixed case), 2 % a refusal. */
    private void message(StringBuilder sb, int target) {
      int k = r.nextInt(100);
      if (k < 3) {
        sb.append(TIMEOUT_MSGS[r.nextInt(TIMEOUT_MSGS.length)]).append(' ');
      } else if (k < 5) {
        sb.append("dial tcp ").append(ip()).append(":443: connect: Connection refused ");
      }
      int words = 3 + r.nextInt(5);
      for (int i = 0; i < words && sb.length() < target; i++) {
        sb.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
      }
      sb.append("id=").append(hex(r.nextLong()));
    }

    /** Pads with words up to the target length. */
    private void fill(StringBuilder sb, int target) {
      while (sb.length() < target) {
        sb.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
      }
    }

    private String duration() {
      int k = r.nextInt(10);
      if (k < 6) {
        return r.nextInt(1, 250) + "ms";
      } else if (k < 9) {
        return r.nextInt(250, 1000) + "ms";
      }
      return r.nextInt(1, 30) + "." + r.nextInt(10) + "s";
    }

    private int status() {
      int k = r.nextInt(100);
      if (k < 80) {
        return 200;
      } else if (k < 88) {
        return r.nextInt(2) == 0 ? 301 : 304;
      } else if (k < 95) {
        return r.nextInt(3) == 0 ? 429 : 404;
      }
      return r.nextInt(3) == 0 ? 503 : 500;
    }

    private String clock() {
      long s = seconds % 86_400;
      return pad2((int) (s / 3600)) + ":" + pad2((int) (s / 60 % 60)) + ":" + pad2((int) (s % 60));
    }

    private String ip() {
      return r.nextInt(1, 224)
          + "."
          + r.nextInt(256)
          + "."
          + r.nextInt(256)
          + "."
          + r.nextInt(1, 255);
    }

    private String uuid() {
      String h = hex(r.nextLong()) + hex(r.nextLong());
      return h.substring(0, 8)
          + "-"
          + h.substring(8, 12)
          + "-"
          + h.substring(12, 16)
          + "-"
          + h.substring(16, 20)
          + "-"
          + h.substring(20);
    }

    private static String hex(long v) {
      String s = Long.toHexString(v);
      return s.length() == 16 ? s : "0".repeat(16 - s.length()) + s;
    }

    private static String hex(int v) {
      String s = Integer.toHexString(v);
      return s.length() == 8 ? s : "0".repeat(8 - s.length()) + s;
    }

    private static String pad2(int v) {
      return v < 10 ? "0" + v : Integer.toString(v);
    }

    private static String pad3(int v) {
      return v < 10 ? "00" + v : v < 100 ? "0" + v : Integer.toString(v);
    }
  }
}
