package io.skald.it;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /ready} and {@code /metrics} of one Skald process. */
final class Probes {

  record Ready(int status, String body) {
    boolean ok() {
      return status == 200;
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Probes() {}

  static Ready ready(SkaldProcess p) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(p.uri().resolve("/ready"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Ready(r.statusCode(), r.body());
  }

  static String metrics(SkaldProcess p) throws IOException, InterruptedException {
    return HTTP.send(
            HttpRequest.newBuilder(p.uri().resolve("/metrics"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** The value of an unlabelled counter or gauge, 0 when absent. */
  static double metric(SkaldProcess p, String name) throws IOException, InterruptedException {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? (\\S+)$")
            .matcher(metrics(p));
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  static int status(SkaldProcess p, String method, String path)
      throws IOException, InterruptedException {
    return HTTP.send(
            HttpRequest.newBuilder(p.uri().resolve(path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
