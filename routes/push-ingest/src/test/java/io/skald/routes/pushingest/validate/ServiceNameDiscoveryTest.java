package io.skald.routes.pushingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.labels.Label;
import io.skald.limits.Limits;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceNameDiscoveryTest {
  private final ServiceNameDiscovery discovery =
      new ServiceNameDiscovery(Limits.DEFAULT_DISCOVER_SERVICE_NAME);

  private static Label l(String n, String v) {
    return new Label(n, v);
  }

  @Test
  void takesTheFirstLabelOfTheListThatIsPresent() {
    assertThat(discovery.apply(List.of(l("app", "frontend"), l("job", "ns/frontend"))))
        .containsExactly(
            l("app", "frontend"), l("job", "ns/frontend"), l("service_name", "frontend"));
    assertThat(discovery.apply(List.of(l("container", "c"), l("zone", "z"))))
        .containsExactly(l("container", "c"), l("service_name", "c"), l("zone", "z"));
  }

  @Test
  void fallsBackToUnknownService() {
    assertThat(discovery.apply(List.of(l("env", "prod"))))
        .containsExactly(l("env", "prod"), l("service_name", "unknown_service"));
    assertThat(discovery.apply(List.of())).containsExactly(l("service_name", "unknown_service"));
  }

  @Test
  void keepsAnExistingServiceName() {
    List<Label> labels = List.of(l("app", "a"), l("service_name", "mine"));

    assertThat(discovery.apply(labels)).isSameAs(labels);
  }

  @Test
  void leavesInternalStreamsAndDisabledDiscoveryAlone() {
    List<Label> internal = List.of(l("__pattern__", "p"), l("app", "a"));

    assertThat(discovery.apply(internal)).isSameAs(internal);
    assertThat(new ServiceNameDiscovery(List.of()).apply(List.of(l("app", "a"))))
        .containsExactly(l("app", "a"));
  }
}
