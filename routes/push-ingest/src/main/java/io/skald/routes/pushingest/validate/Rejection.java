package io.skald.routes.pushingest.validate;

/**
 * Data refused during validation: one stream (label errors) or one entry.
 *
 * @param reason the rejection reason (metric label {@code reason})
 * @param entries how many entries were dropped
 * @param bytes their size (line plus structured metadata bytes), as Loki counts discarded bytes
 * @param message the text that goes into the 400 body
 */
public record Rejection(IngestRejection reason, int entries, long bytes, String message) {}
