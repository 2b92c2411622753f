package io.skald.tenancy;

/** A request whose tenant cannot be established; carries the HTTP status Loki answers with. */
public class TenantException extends Exception {

  private final int status;

  public TenantException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
