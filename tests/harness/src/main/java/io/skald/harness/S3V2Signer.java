package io.skald.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Minimal AWS signature V2 for body-less admin calls (create bucket), so the harness needs no AWS
 * SDK and pushes no dependency onto the test classpath of its users.
 */
final class S3V2Signer {

  private S3V2Signer() {}

  static HttpResponse<String> send(
      HttpClient http, URI endpoint, String method, String path, String accessKey, String secretKey)
      throws IOException, InterruptedException {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
    // Verb, Content-MD5, Content-Type, Date (empty: x-amz-date is used instead), amz headers,
    // resource.
    String stringToSign = method + "\n\n\n\nx-amz-date:" + date + "\n" + path;
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.resolve(path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("x-amz-date", date)
            .header("Authorization", "AWS " + accessKey + ":" + hmacSha1(secretKey, stringToSign))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String hmacSha1(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
