package org.gridcase.open311;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.gridcase.open311.ApiKeys.InvalidKeyRequest;
import org.gridcase.open311.ApiKeys.IssuedKey;
import org.gridcase.open311.ApiKeys.KeyView;
import org.gridcase.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/open311/keys}: administrators issue, list and revoke the Open311 clients' API keys. */
@RestController
@RequestMapping("/api/open311/keys")
class ApiKeyController {

  private final ApiKeys keys;
  private final CurrentUser currentUser;

  ApiKeyController(ApiKeys keys, CurrentUser currentUser) {
    this.keys = keys;
    this.currentUser = currentUser;
  }

  record NewKey(String clientName) {
  }

  /** 201 with the key: it is shown this once and cannot be read again. */
  @PostMapping
  ResponseEntity<IssuedKey> issue(@RequestBody NewKey body) {
    currentUser.requireAdministrator();
    IssuedKey issued = keys.issue(body.clientName(), currentUser.id());
    return ResponseEntity.created(URI.create("/api/open311/keys/" + issued.id())).body(issued);
  }

  @GetMapping
  List<KeyView> list() {
    currentUser.requireAdministrator();
    return keys.list();
  }

  /** 204; the key stops working at once. */
  @DeleteMapping("/{id}")
  ResponseEntity<Void> revoke(@PathVariable long id) {
    currentUser.requireAdministrator();
    return keys.revoke(id, currentUser.id()) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
  }

  @ExceptionHandler(InvalidKeyRequest.class)
  ProblemDetail invalid(InvalidKeyRequest e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.field() + ": " + e.getMessage());
    problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
    return problem;
  }
}
