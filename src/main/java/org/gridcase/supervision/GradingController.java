package org.gridcase.supervision;

import org.gridcase.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/gradings/{period}}: compute (POST) or read (GET) the 双月考评 of a period such as 2026-09. */
@RestController
class GradingController {

  private final Gradings gradings;
  private final CurrentUser currentUser;

  GradingController(Gradings gradings, CurrentUser currentUser) {
    this.gradings = gradings;
    this.currentUser = currentUser;
  }

  @PostMapping("/api/gradings/{period}")
  Gradings.Grading compute(@PathVariable String period) {
    return gradings.compute(checked(period), currentUser.requireSupervisor());
  }

  @GetMapping("/api/gradings/{period}")
  Gradings.Grading read(@PathVariable String period) {
    currentUser.requireSupervisor();
    return gradings.find(checked(period))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no grading for " + period));
  }

  private static String checked(String period) {
    try {
      return Gradings.period(period).toString();
    } catch (IllegalArgumentException e) {
      throw new BadParameter("period", "the first month of a two-month period, such as 2026-09");
    }
  }

}
