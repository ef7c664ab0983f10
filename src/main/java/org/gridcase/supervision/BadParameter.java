package org.gridcase.supervision;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A query parameter that cannot be used; answered with 400 naming it. */
class BadParameter extends RuntimeException {

  private final String field;
  private final String problem;

  BadParameter(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  @RestControllerAdvice(assignableTypes = {KpiController.class, GradingController.class, BulletinController.class,
      MapController.class})
  static class Handler {

    @ExceptionHandler(BadParameter.class)
    ProblemDetail bad(BadParameter e) {
      ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
      detail.setProperty("errors", List.of(Map.of("field", e.field, "message", e.problem)));
      return detail;
    }
  }
}
