package io.skald.querier;

import java.util.Locale;

/**
 * What a query request says besides its parameters.
 *
 * @param tenant the resolved tenant
 * @param queryTags {@code X-Query-Tags} (Grafana and Logs Drilldown mark their requests there)
 * @param encodingFlags {@code X-Loki-Response-Encoding-Flags}
 */
public record QueryContext(String tenant, String queryTags, String encodingFlags) {

  public static QueryContext of(String tenant) {
    return new QueryContext(tenant, null, null);
  }

  /** {@code categorize-labels}: stream labels only, metadata and parsed labels per entry. */
  public boolean categorizeLabels() {
    if (encodingFlags == null) {
      return false;
    }
    for (String flag : encodingFlags.split(",")) {
      if (flag.trim().toLowerCase(Locale.ROOT).equals("categorize-labels")) {
        return true;
      }
    }
    return false;
  }
}
