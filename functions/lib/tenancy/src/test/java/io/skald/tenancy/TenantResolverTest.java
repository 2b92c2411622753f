package io.skald.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantResolverTest {

  @Test
  void authOffIgnoresTheHeader() throws TenantException {
    TenantResolver r = new TenantResolver(false, "fake");
    assertThat(r.resolve(null)).isEqualTo("fake");
    assertThat(r.resolve("team-a")).isEqualTo("fake");
  }

  @Test
  void authOnRequiresTheHeader() {
    TenantResolver r = new TenantResolver(true, "fake");
    assertThatThrownBy(() -> r.resolve(null))
        .isInstanceOfSatisfying(TenantException.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessage("no org id");
    assertThatThrownBy(() -> r.resolve(""))
        .isInstanceOfSatisfying(TenantException.class, e -> assertThat(e.status()).isEqualTo(401));
  }

  @ParameterizedTest
  @ValueSource(strings = {"team-a", "A_b.c", "x!*'()", "0"})
  void acceptsValidIds(String id) throws TenantException {
    assertThat(new TenantResolver(true, "fake").resolve(id)).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "..", "a/b", "a b", "a|b", "é"})
  void rejectsInvalidIds(String id) {
    assertThatThrownBy(() -> new TenantResolver(true, "fake").resolve(id))
        .isInstanceOfSatisfying(TenantException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void rejectsOverlongIds() {
    assertThatThrownBy(() -> new TenantResolver(true, "fake").resolve("a".repeat(151)))
        .isInstanceOf(TenantException.class);
    assertThat(TenantResolver.validate("a".repeat(150))).hasSize(150);
  }
}
