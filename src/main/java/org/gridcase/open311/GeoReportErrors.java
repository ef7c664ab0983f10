package org.gridcase.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.gridcase.open311.GeoReport.Error;
import org.gridcase.traffic.TrafficRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure under {@code /open311/v2/}, the server's own included, as the specification's error list, in the
 * format the resource was asked in ({@code .json} or {@code .xml}; XML, the required format, for anything else).
 * A path GeoReport does not define gets a 404 in that format too, not Spring's JSON.
 */
@RestControllerAdvice(assignableTypes = {GeoReportController.class, GeoReportErrors.UnknownResource.class})
// Before the application's other advice (the rate limits' answer among them): under /open311 every error,
// a refused rate included, speaks GeoReport.
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class GeoReportErrors {

  private static final Logger LOG = LoggerFactory.getLogger(GeoReportErrors.class);

  private final ObjectMapper json;

  GeoReportErrors(ObjectMapper objectMapper) {
    this.json = objectMapper;
  }

  /** Below every GeoReport resource: what is left is a path the specification does not have. */
  @RestController
  static class UnknownResource {

    @RequestMapping("/open311/v2/**")
    void unknown(HttpServletRequest request) {
      throw new Open311Exception(HttpStatus.NOT_FOUND, "path: 没有此资源，资源须以 .xml 或 .json 结尾 (no such"
          + " resource: GeoReport v2 has discovery, services, services/{code}, requests and requests/{id}, each"
          + " ending in .xml or .json)");
    }
  }

  @ExceptionHandler(Open311Exception.class)
  ResponseEntity<byte[]> refused(Open311Exception e, HttpServletRequest request) {
    return render(request, e.status(), e.errors());
  }

  /** Over the API key's rate limit (429) or still starting (503): the specification's format, and when to retry. */
  @ExceptionHandler(TrafficRefused.class)
  ResponseEntity<byte[]> refused(TrafficRefused refused, HttpServletRequest request) {
    ResponseEntity<byte[]> answer = render(request, refused.status(),
        List.of(new Error(refused.status().value(), refused.getMessage())));
    return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
        .header(org.springframework.http.HttpHeaders.RETRY_AFTER, refused.retryAfter()).body(answer.getBody());
  }

  /** Spring's own refusals (a wrong method, an unreadable body) keep their status; the rest is a 500. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<byte[]> failed(Exception e, HttpServletRequest request) {
    HttpStatusCode status = e instanceof ErrorResponse refusal ? refusal.getStatusCode()
        : HttpStatus.INTERNAL_SERVER_ERROR;
    String description;
    if (status.is5xxServerError()) {
      LOG.error("Open311 {} {} failed", request.getMethod(), request.getRequestURI(), e);
      description = "server: 服务器内部错误，请稍后重试 (internal server error; retry later)";
    } else {
      description = "request: " + (e instanceof ErrorResponse refusal && refusal.getBody().getDetail() != null
          ? refusal.getBody().getDetail() : HttpStatus.valueOf(status.value()).getReasonPhrase());
    }
    return render(request, status, List.of(new Error(status.value(), description)));
  }

  private ResponseEntity<byte[]> render(HttpServletRequest request, HttpStatusCode status, List<Error> errors) {
    Format format = formatOf(request);
    return ResponseEntity.status(status).contentType(format.mediaType()).body(body(json, format, errors));
  }

  /** The format the resource was asked in; XML, the required format, when the path does not say. */
  static Format formatOf(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return Format.ofSuffix(uri.substring(uri.lastIndexOf('.') + 1)).orElse(Format.XML);
  }

  static byte[] body(ObjectMapper json, Format format, List<Error> errors) {
    try {
      return format == Format.JSON ? json.writeValueAsBytes(errors) : SparkXml.write("errors", json.valueToTree(errors));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the error list", e);
    }
  }
}
