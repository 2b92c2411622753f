package io.skald.routes.pushingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogfmtScannerTest {

  private static List<String> pairs(String line) {
    LogfmtScanner s = new LogfmtScanner(line);
    List<String> out = new ArrayList<>();
    while (!s.eol() && s.scan()) {
      out.add(s.key() + "=" + s.value());
    }
    return out;
  }

  @Test
  void scansKeysValuesAndQuotedValues() {
    assertThat(pairs("a=1 b=\"two words\" c= d e=\"esc \\\"q\\\"\""))
        .containsExactly("a=1", "b=two words", "c=null", "d=null", "e=esc \"q\"");
  }

  @Test
  void stopsAtTheFirstSyntaxError() {
    assertThat(pairs("a=1 b=x=y c=3")).containsExactly("a=1");
    assertThat(pairs("a=1 \"b\"=2")).containsExactly("a=1");
    assertThat(pairs("a=\"open")).isEmpty();
  }
}
