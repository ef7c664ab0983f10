package org.gridcase.intake;

import java.util.List;
import java.util.stream.Collectors;

/** Input that cannot be accepted as given; names every offending field. Nothing was stored. */
public class InvalidRequestException extends RuntimeException {

  public record FieldError(String field, String message) {
  }

  private final transient List<FieldError> errors;

  public InvalidRequestException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
