package org.gridcase.intake;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.net.URI;
import java.util.List;
import org.gridcase.intake.RequestIntake.Submission;
import org.gridcase.intake.RequestIntake.Submitted;
import org.gridcase.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Intake for hotline operators and connected systems: {@code POST /api/requests}. */
@RestController
@RequestMapping("/api/requests")
class RequestController {

  private final RequestIntake intake;
  private final Requests requests;
  private final CurrentUser currentUser;
  private final StatusCodes statusCodes;

  RequestController(RequestIntake intake, Requests requests, CurrentUser currentUser, StatusCodes statusCodes) {
    this.intake = intake;
    this.requests = requests;
    this.currentUser = currentUser;
    this.statusCodes = statusCodes;
  }

  /**
   * Body of the request: a location (grid code, building id {@code addressId}, point {@code latitude} +
   * {@code longitude} in WGS 84, or an address) and the description are required, the rest is optional.
   */
  record RequestBodyJson(String description, String categoryCode, String gridCode, String address,
      String requesterName, String requesterPhone, String requesterEmail, String channel, String clientRequestId,
      String addressId, Double latitude, Double longitude) {
  }

  /**
   * What the caller gets back; the tracking number is the process's business key (and what a citizen gives on
   * the phone), the status code what opens the public status page.
   */
  record Receipt(long requestId, String trackingNumber, String status, String statusLabel, String statusCode) {
  }

  @PostMapping
  ResponseEntity<Receipt> submit(@RequestBody RequestBodyJson body) {
    Submission submission = new Submission(body.description(), body.categoryCode(), body.gridCode(),
        body.address(), body.requesterName(), body.requesterPhone(), body.requesterEmail(), body.channel(),
        body.clientRequestId(), body.addressId(), body.latitude(), body.longitude());
    Submitted submitted;
    try {
      submitted = intake.submit(submission, currentUser.id());
    } catch (DuplicateKeyException raced) {
      // The same client request id committed concurrently: answer with that request.
      submitted = new Submitted(requests.findByClientRequestId(body.clientRequestId().strip()).orElseThrow(), false);
    }
    RequestView request = submitted.request();
    Receipt receipt = new Receipt(request.id(), request.trackingNumber(), request.status().name(),
        request.status().label(), statusCodes.of(request.trackingNumber()));
    return submitted.created()
        ? ResponseEntity.created(URI.create("/api/requests/" + request.trackingNumber())).body(receipt)
        : ResponseEntity.ok(receipt);
  }

  /** Where a request stands, without the requester's personal data. */
  record Status(String trackingNumber, String status, String statusLabel, String gridCode, String categoryCode,
      String colour, java.time.Instant receivedAt, java.time.Instant dueAt, java.time.Instant closedAt) {
  }

  @GetMapping("/{trackingNumber}")
  Status status(@PathVariable String trackingNumber) {
    RequestView request = requests.findByTrackingNumber(trackingNumber)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown tracking number"));
    return new Status(request.trackingNumber(), request.status().name(), request.status().label(),
        request.gridCode(), request.categoryCode(), request.colour(), request.receivedAt(), request.dueAt(),
        request.closedAt());
  }

  /** A value of the wrong type (a word where a number belongs) is named like any other bad field. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
        && mismatch.getPath().get(0).getFieldName() != null) {
      String field = mismatch.getPath().get(0).getFieldName();
      return invalid(new InvalidRequestException(field, "格式不正确 (wrong type of value)"));
    }
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON (the body is not valid JSON)");
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "诉求内容有误，未受理 (the request was not accepted)");
    List<InvalidRequestException.FieldError> errors = e.errors();
    problem.setProperty("errors", errors);
    return problem;
  }
}
