package org.gridcase.workload;

import java.util.List;
import java.util.stream.Collectors;

/** An absence that cannot be declared as given; names every offending field. Nothing was stored. */
class InvalidAbsenceException extends RuntimeException {

  record FieldError(String field, String message) {
  }

  private final transient List<FieldError> errors;

  InvalidAbsenceException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  List<FieldError> errors() {
    return errors;
  }
}
