package io.skald.routes.storageevents.notification;

/** A bus record that is not an S3 bucket notification Skald can read; the message says why. */
public final class MalformedNotificationException extends Exception {

  public MalformedNotificationException(String message) {
    super(message);
  }

  public MalformedNotificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
