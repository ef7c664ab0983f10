package org.gridcase.attachment;

/** A file that cannot be accepted (type, size, empty); names the offending field. Nothing was stored. */
public class InvalidAttachmentException extends RuntimeException {

  private final String field;
  private final boolean tooLarge;

  InvalidAttachmentException(String field, String message, boolean tooLarge) {
    super(message);
    this.field = field;
    this.tooLarge = tooLarge;
  }

  public String field() {
    return field;
  }

  /** Refused for its size only: the API answers 413 instead of 400. */
  boolean tooLarge() {
    return tooLarge;
  }
}
