package org.gridcase.intake;

import java.util.List;
import org.gridcase.common.InvalidFieldsException;

/**
 * Input that cannot be accepted as given; names every offending field. Nothing was stored. Thrown inside
 * the engine (a start over the engine REST API), it answers 400 like every {@link InvalidFieldsException}.
 */
public class InvalidRequestException extends InvalidFieldsException {

  public record FieldError(String field, String message) {
  }

  private final transient List<FieldError> errors;

  public InvalidRequestException(List<FieldError> errors) {
    super(errors.stream().map(e -> new Field(e.field(), e.message())).toList());
    this.errors = List.copyOf(errors);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
