package io.skald.logql.log;

import io.skald.logql.syntax.LogQL;
import io.skald.logql.syntax.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Single-thread pipeline throughput over a generated, seeded corpus (default 100 MB per line
 * shape): a literal filter, {@code | json}, {@code | logfmt} and {@code | pattern}, each also
 * compared with a plain byte scan of the same corpus in the same run. Not a test; run with
 * {@code java -cp target/classes:target/test-classes:<dependencies> io.skald.logql.log.PipelineThroughputMeasure
 * [MB] [case-name-filter]}.
 */
public final class PipelineThroughputMeasure {
    private static final String[] LEVELS = {"info", "info", "info", "debug", "warn", "error"};
    private static final String[] PATHS = {"/api/v1/push", "/loki/api/v1/query_range", "/metrics", "/ready",
        "/api/plugins/versioncheck", "/static/img/about/bob.jpg"};

    private PipelineThroughputMeasure() {
    }

    /** A corpus packed into one array; lines are delimited by offsets. */
    record Corpus(byte[] data, int[] offsets, int lines) {
        long bytes() {
            return offsets[lines];
        }
    }

    public static void main(String[] args) throws ParseException {
        int mb = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        String only = args.length > 1 ? args[1] : ""; // run only the cases whose name contains this
        Corpus nginx = generate(mb, PipelineThroughputMeasure::nginxLine);
        Corpus json = generate(mb, PipelineThroughputMeasure::jsonLine);
        Corpus logfmt = generate(mb, PipelineThroughputMeasure::logfmtLine);
        System.out.printf(Locale.ROOT, "corpus: %d MB per shape, mean line %d B (nginx) %d B (json) %d B (logfmt)%n", mb,
                nginx.bytes() / nginx.lines(), json.bytes() / json.lines(), logfmt.bytes() / logfmt.lines());
        Labels stream = Labels.of("app", "gateway", "env", "prod", "host", "host-7");
        String[][] cases = {
            {"byte scan (bound)", null, "nginx"},
            {"|= \"GET /metrics\"", "{app=\"x\"} |= \"GET /metrics\"", "nginx"},
            {"| json", "{app=\"x\"} | json", "json"},
            {"| json | status >= 500", "{app=\"x\"} | json | status >= 500", "json"},
            {"| logfmt", "{app=\"x\"} | logfmt", "logfmt"},
            {"| logfmt | duration > 250ms", "{app=\"x\"} | logfmt | duration > 250ms", "logfmt"},
            {"| pattern", "{app=\"x\"} | pattern \"<ip> - - [<_>] \\\"<method> <path> <_>\\\" <status> <size> <_>\"",
                "nginx"},
            {"| line_format", "{app=\"x\"} | logfmt | line_format \"{{.level | upper}} {{.msg}}\"", "logfmt"},
        };
        for (String[] c : cases) {
            if (!c[0].contains(only)) {
                continue;
            }
            Corpus corpus = c[2].equals("json") ? json : c[2].equals("logfmt") ? logfmt : nginx;
            double best = 0;
            long kept = 0;
            for (int run = 0; run < 4; run++) { // run 0 warms up
                long t0 = System.nanoTime();
                kept = c[1] == null ? scan(corpus) : run(c[1], stream, corpus);
                double secs = (System.nanoTime() - t0) / 1e9;
                if (run > 0) {
                    best = Math.max(best, corpus.bytes() / 1e6 / secs);
                }
            }
            System.out.printf(Locale.ROOT, "%-34s %8.0f MB/s per core  (kept %d of %d lines)%n", c[0], best, kept,
                    corpus.lines());
        }
    }

    private static long run(String query, Labels stream, Corpus corpus) throws ParseException {
        StreamPipeline p = Pipeline.compile(LogQL.parseLogSelector(query).pipeline()).forStream(stream);
        long kept = 0;
        byte[] d = corpus.data();
        int[] off = corpus.offsets();
        for (int i = 0; i < corpus.lines(); i++) {
            PipelineResult r = p.process(i, d, off[i], off[i + 1] - off[i], List.of());
            if (r.keep()) {
                kept++;
                r.labels(); // what a querier reads for every kept entry
            }
        }
        return kept;
    }

    /** The memory-bandwidth bound: a byte search that touches every byte once. */
    private static long scan(Corpus corpus) {
        long hits = 0;
        byte[] d = corpus.data();
        for (int i = 0, n = (int) corpus.bytes(); i < n; i++) {
            if (d[i] == '\u0007') {
                hits++;
            }
        }
        return corpus.lines() - hits;
    }

    private interface LineGen {
        String line(SplittableRandom rnd, long i);
    }

    private static Corpus generate(int mb, LineGen gen) {
        long target = mb * 1_000_000L;
        byte[] data = new byte[(int) target + 4096];
        int[] offsets = new int[(int) (target / 60)];
        SplittableRandom rnd = new SplittableRandom(42);
        int pos = 0;
        int n = 0;
        while (pos < target && n < offsets.length - 1) {
            byte[] b = gen.line(rnd, n).getBytes(StandardCharsets.UTF_8);
            if (pos + b.length > data.length) {
                break;
            }
            offsets[n++] = pos;
            System.arraycopy(b, 0, data, pos, b.length);
            pos += b.length;
        }
        offsets[n] = pos;
        return new Corpus(data, offsets, n);
    }

    private static String ip(SplittableRandom r) {
        return r.nextInt(1, 255) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private static String nginxLine(SplittableRandom r, long i) {
        return ip(r) + " - - [14/Dec/2020:22:56:" + (10 + r.nextInt(50)) + " +0000] \""
                + (r.nextInt(4) == 0 ? "POST " : "GET ") + PATHS[r.nextInt(PATHS.length)] + "?id=" + Long.toHexString(r.nextLong())
                + " HTTP/1.1\" " + (r.nextInt(20) == 0 ? 500 : 200) + " " + r.nextInt(100_000)
                + " \"-\" \"Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/" + r.nextInt(60, 120) + ".0\"";
    }

    private static String jsonLine(SplittableRandom r, long i) {
        return "{\"ts\":\"2024-05-01T12:00:" + (10 + r.nextInt(50)) + "." + r.nextInt(1_000_000) + "Z\",\"level\":\""
                + LEVELS[r.nextInt(LEVELS.length)] + "\",\"remote_addr\":\"" + ip(r) + "\",\"request\":{\"method\":\""
                + (r.nextInt(4) == 0 ? "POST" : "GET") + "\",\"uri\":\"" + PATHS[r.nextInt(PATHS.length)]
                + "\",\"id\":\"" + Long.toHexString(r.nextLong()) + "\"},\"status\":" + (r.nextInt(20) == 0 ? 503 : 200)
                + ",\"bytes_sent\":" + r.nextInt(100_000) + ",\"latency_seconds\":" + r.nextInt(2000) / 1000.0
                + ",\"user_agent\":\"Go-http-client/2.0\"}";
    }

    private static String logfmtLine(SplittableRandom r, long i) {
        return "level=" + LEVELS[r.nextInt(LEVELS.length)] + " ts=2024-05-01T12:00:" + (10 + r.nextInt(50))
                + ".123456Z caller=metrics.go:" + r.nextInt(300) + " org_id=" + r.nextInt(100) + " traceID="
                + Long.toHexString(r.nextLong()) + " msg=\"query " + (r.nextBoolean() ? "finished" : "started")
                + "\" duration=" + r.nextInt(1000) + "ms status=" + (r.nextInt(20) == 0 ? 500 : 200)
                + " query=\"sum(rate({app=\\\"x\\\"}[5m]))\"";
    }
}
