package io.skald.tenancy;

/**
 * Resolves the tenant of a request the way Loki does: with auth on, the {@code X-Scope-OrgID}
 * header is required and validated; with auth off the header is ignored and every request belongs
 * to the no-auth tenant ({@code fake} by default).
 */
public final class TenantResolver {

  public static final String HEADER = "X-Scope-OrgID";
  static final int MAX_LENGTH = 150;

  private final boolean authEnabled;
  private final String noAuthTenant;

  public TenantResolver(boolean authEnabled, String noAuthTenant) {
    this.authEnabled = authEnabled;
    this.noAuthTenant = validate(noAuthTenant);
  }

  /**
   * @param header the raw header value, or null when absent
   * @throws TenantException with status 401 {@code no org id} or 400 for an invalid ID
   */
  public String resolve(String header) throws TenantException {
    if (!authEnabled) {
      return noAuthTenant;
    }
    if (header == null || header.isEmpty()) {
      throw new TenantException(401, "no org id");
    }
    if (header.indexOf('|') >= 0) {
      // Cross-tenant queries need multi_tenant_queries_enabled, which Skald does not offer yet.
      throw new TenantException(400, "multiple org IDs present");
    }
    try {
      return validate(header);
    } catch (IllegalArgumentException e) {
      throw new TenantException(400, e.getMessage());
    }
  }

  public boolean authEnabled() {
    return authEnabled;
  }

  /** Letters, digits and {@code ! - _ . * ' ( )}, at most 150 characters, not "." or "..". */
  static String validate(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("tenant ID is empty");
    }
    if (id.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "tenant ID is too long: max " + MAX_LENGTH + " characters");
    }
    if (id.equals(".") || id.equals("..")) {
      throw new IllegalArgumentException("tenant ID is '.' or '..'");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!-_.*'()".indexOf(c) >= 0;
      if (!ok) {
        throw new IllegalArgumentException(
            "tenant ID '" + id + "' contains unsupported character '" + c + "'");
      }
    }
    return id;
  }
}
