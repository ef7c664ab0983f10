package org.gridcase.traffic;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.util.HtmlUtils;

/** A refused request's answer: a problem detail for the API, a short Chinese page for citizens; with Retry-After. */
@RestControllerAdvice
// Right after Open311's own advice, which answers its refusals in GeoReport's format.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class TrafficAdvice {

  @ExceptionHandler(TrafficRefused.class)
  ResponseEntity<?> refused(TrafficRefused refused, HttpServletRequest request) {
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(refused.status())
        .header(HttpHeaders.RETRY_AFTER, refused.retryAfter());
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(ProblemDetail.forStatusAndDetail(refused.status(), refused.getMessage()));
    }
    String text = HtmlUtils.htmlEscape(refused.getMessage());
    return answer.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .body("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>请稍后再试</title></head>"
            + "<body><h1>请稍后再试</h1><p>" + text + "</p><p>请于 " + refused.retryAfter() + " 秒后重试。</p></body></html>");
  }
}
