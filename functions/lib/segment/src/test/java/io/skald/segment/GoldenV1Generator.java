package io.skald.segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Wrote {@code src/test/resources/segment/v1/*.seg} once. It refuses to overwrite: golden files are
 * never regenerated, because their whole point is to pin what old readers must still read. Not a
 * test; run by hand with the test classpath and the target directory as argument.
 */
final class GoldenV1Generator {
  private GoldenV1Generator() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/segment/v1");
    Files.createDirectories(dir);
    for (String file : GoldenV1Inputs.FILES) {
      Path target = dir.resolve(file);
      Files.write(target, GoldenV1Inputs.write(file), StandardOpenOption.CREATE_NEW);
      System.out.println("wrote " + target + " (" + Files.size(target) + " bytes)");
    }
  }
}
