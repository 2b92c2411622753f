package io.skald.compactor.api;

import io.skald.deletes.DeleteApiException;
import io.skald.deletes.DeleteRequestJson;
import io.skald.deletes.DeleteRequestParams;
import io.skald.deletes.DeleteRequestStore;
import io.skald.deletes.DeletionConfig;
import io.skald.deletes.DeletionMode;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/**
 * The delete API of contract §3.14 without HTTP: each call returns the body to send with 200, or
 * null for 204, and throws {@link DeleteApiException} with Loki's status and text otherwise.
 */
public final class DeleteRequestApi {

  private final DeleteRequestStore store;
  private final DeletionConfig config;
  private final DeletionMode mode;
  private final Clock clock;

  public DeleteRequestApi(
      DeleteRequestStore store, DeletionConfig config, DeletionMode mode, Clock clock) {
    this.store = store;
    this.config = config;
    this.mode = mode;
    this.clock = clock;
  }

  /** {@code POST|PUT}: validates and stores a request. */
  public void add(String tenant, Map<String, String> params)
      throws DeleteApiException, IOException {
    checkEnabled();
    store.add(tenant, DeleteRequestParams.parse(params, clock.instant(), config));
  }

  /** {@code GET}: the tenant's requests, filtered by {@code start}/{@code end} when given. */
  public String list(String tenant, Map<String, String> params)
      throws DeleteApiException, IOException {
    checkEnabled();
    String start = params.getOrDefault("start", "");
    String end = params.getOrDefault("end", "");
    if (start.isEmpty() && end.isEmpty()) {
      return DeleteRequestJson.encode(store.list(tenant), true);
    }
    long now = clock.millis();
    long startMillis;
    long endMillis;
    try {
      startMillis = start.isEmpty() ? 0 : DeleteRequestParams.parseTime(start, now);
    } catch (IllegalArgumentException e) {
      throw new DeleteApiException(
          400, "invalid start time: require unix seconds or RFC3339 format");
    }
    try {
      endMillis = DeleteRequestParams.parseTime(end, now);
    } catch (IllegalArgumentException e) {
      throw new DeleteApiException(400, "invalid end time: require unix seconds or RFC3339 format");
    }
    return DeleteRequestJson.encode(
        store.list(tenant, startMillis * 1_000_000L, endMillis * 1_000_000L), false);
  }

  /** {@code DELETE}: cancels a request. */
  public void cancel(String tenant, Map<String, String> params)
      throws DeleteApiException, IOException {
    checkEnabled();
    store.cancel(
        tenant,
        params.getOrDefault("request_id", ""),
        Boolean.parseBoolean(params.getOrDefault("force", "false")));
  }

  private void checkEnabled() throws DeleteApiException {
    if (!mode.apiEnabled()) {
      throw new DeleteApiException(403, DeletionMode.NOT_AVAILABLE);
    }
  }
}
