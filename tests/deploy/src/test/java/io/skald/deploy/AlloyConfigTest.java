package io.skald.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Alloy syntax reader the compose test relies on. */
class AlloyConfigTest {

  @Test
  void readsBlocksLabelsAttributesAndNestedBlocks() {
    List<AlloyConfig.Block> blocks =
        AlloyConfig.parse(
            """
        // comment { not a block }
        loki.write "skald" {
          endpoint {
            url = "http://skald-ingest:3100/loki/api/v1/push" // trailing comment
            headers = {"X-Scope-OrgID" = "team-a"}
          }
          /* block
             comment */
          external_labels = {
            cluster = "local",
          }
        }
        loki.source.file "f" {
          targets    = [{__path__ = "/var/log/*.log"}]
          forward_to = [loki.write.skald.receiver]
        }
        """);
    assertThat(blocks)
        .extracting(AlloyConfig.Block::reference)
        .containsExactly("loki.write.skald", "loki.source.file.f");
    AlloyConfig.Block writer = blocks.get(0);
    assertThat(writer.blocks("endpoint")).hasSize(1);
    assertThat(writer.blocks("endpoint").get(0).attribute("url"))
        .hasValue("http://skald-ingest:3100/loki/api/v1/push");
    assertThat(writer.blocks("endpoint").get(0).attribute("headers"))
        .hasValue("{\"X-Scope-OrgID\" = \"team-a\"}");
    assertThat(writer.attribute("external_labels").orElseThrow()).contains("cluster = \"local\"");
    assertThat(blocks.get(1).attribute("forward_to")).hasValue("[loki.write.skald.receiver]");
    assertThat(blocks.get(1).attribute("targets")).hasValue("[{__path__ = \"/var/log/*.log\"}]");
  }

  @Test
  void rejectsBrokenConfigurations() {
    assertThatThrownBy(() -> AlloyConfig.parse("loki.write \"x\" {\n  endpoint {\n"))
        .hasMessageContaining("unterminated");
    assertThatThrownBy(() -> AlloyConfig.parse("url = \"x\"\n")).hasMessageContaining("top level");
    assertThatThrownBy(() -> AlloyConfig.parse("a {\n  b = 1\n  b = 2\n}\n"))
        .hasMessageContaining("set twice");
  }
}
