package org.gridcase.intake;

import org.gridcase.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/requests/{trackingNumber}/requester}: who to call back. In full for the roles that take
 * requests in and call back (grid workers) and for reviewers; masked for everyone else who handles cases
 * (see {@link RequesterAccess}).
 */
@RestController
class RequesterController {

  private final Requests requests;
  private final CurrentUser currentUser;
  private final RequesterAccess access;

  RequesterController(Requests requests, CurrentUser currentUser, RequesterAccess access) {
    this.requests = requests;
    this.currentUser = currentUser;
    this.access = access;
  }

  @GetMapping("/api/requests/{trackingNumber}/requester")
  RequesterAccess.Requester requester(@PathVariable String trackingNumber) {
    String user = currentUser.id();
    RequestView request = requests.findByTrackingNumber(trackingNumber)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown tracking number"));
    return access.requesterFor(user, request);
  }
}
