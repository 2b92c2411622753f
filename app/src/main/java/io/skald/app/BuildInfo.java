package io.skald.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Loki's build-info document. Clients use {@code version} to detect features, so it carries the
 * Loki API level Skald implements, with Skald's own version as semver build metadata (which version
 * comparisons ignore).
 */
@Singleton
public class BuildInfo {

  static final String LOKI_API_LEVEL = "3.5.0";

  private final byte[] json;

  public BuildInfo() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/skald-build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String skaldVersion = p.getProperty("version", "dev");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField(
          "version", LOKI_API_LEVEL + "+skald." + skaldVersion.replace("-SNAPSHOT", ".snapshot"));
      g.writeStringField("revision", p.getProperty("revision", "unknown"));
      g.writeStringField("branch", p.getProperty("branch", "main"));
      g.writeStringField("buildUser", p.getProperty("buildUser", "skald"));
      g.writeStringField("buildDate", p.getProperty("buildDate", "unknown"));
      g.writeStringField("goVersion", "java" + Runtime.version().feature());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.json = out.toByteArray();
  }

  public byte[] json() {
    return json.clone();
  }
}
