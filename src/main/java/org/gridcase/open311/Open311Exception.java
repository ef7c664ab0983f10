package org.gridcase.open311;

import java.util.List;
import java.util.stream.Collectors;
import org.gridcase.open311.GeoReport.Error;
import org.springframework.http.HttpStatus;

/**
 * A request that cannot be answered as asked, with the specification's status: 403 for a missing or wrong
 * api_key, 404 for what does not exist, 400 for anything else. Nothing was stored.
 */
class Open311Exception extends RuntimeException {

  private final HttpStatus status;
  private final transient List<Error> errors;

  Open311Exception(HttpStatus status, List<String> descriptions) {
    super(status.value() + " " + String.join("; ", descriptions));
    this.status = status;
    this.errors = descriptions.stream().map(description -> new Error(status.value(), description))
        .collect(Collectors.toList());
  }

  Open311Exception(HttpStatus status, String description) {
    this(status, List.of(description));
  }

  static Open311Exception badRequest(String field, String problem) {
    return new Open311Exception(HttpStatus.BAD_REQUEST, field + ": " + problem);
  }

  HttpStatus status() {
    return status;
  }

  List<Error> errors() {
    return errors;
  }
}
