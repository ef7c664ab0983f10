package org.gridcase.intake;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/requests/{trackingNumber}/requester}: who to call back. Only for the people of the case's
 * own units ({@link CaseAccess}), 403 for everyone else: in full for the grid workers of its grid, the
 * reviewers of its community and administrators, masked for the others.
 */
@RestController
class RequesterController {

  private final Requests requests;
  private final CaseAccess access;

  RequesterController(Requests requests, CaseAccess access) {
    this.requests = requests;
    this.access = access;
  }

  @GetMapping("/api/requests/{trackingNumber}/requester")
  RequesterAccess.Requester requester(@PathVariable String trackingNumber) {
    RequestView request = requests.findByTrackingNumber(trackingNumber)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown tracking number"));
    return RequesterAccess.Requester.of(request, access.require(request));
  }
}
