package org.gridcase.workload;

import java.net.URI;
import org.gridcase.security.CurrentUser;
import org.gridcase.workload.Absences.Declaration;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/absences}: a person declares their own absence, or a supervisor or an administrator
 * declares it for them; the same people see and cancel it.
 */
@RestController
@RequestMapping("/api/absences")
class AbsenceController {

  private final Absences absences;
  private final CurrentUser currentUser;

  AbsenceController(Absences absences, CurrentUser currentUser) {
    this.absences = absences;
    this.currentUser = currentUser;
  }

  /** {@code from} and {@code until} are ISO-8601 with an offset, e.g. 2026-11-24T08:00:00+08:00. */
  record DeclarationJson(String userId, String from, String until, String reason) {
  }

  @PostMapping
  ResponseEntity<AbsenceView> declare(@RequestBody DeclarationJson body) {
    if (body.userId() != null && !body.userId().isBlank()) {
      requireMayManage(body.userId().strip());
    }
    AbsenceView absence = absences.declare(new Declaration(body.userId(), body.from(), body.until(), body.reason()),
        currentUser.id());
    return ResponseEntity.created(URI.create("/api/absences/" + absence.id())).body(absence);
  }

  /** Everyone's absences for supervisors and administrators, one's own for everyone else. */
  @GetMapping
  java.util.List<AbsenceView> list(@RequestParam(required = false) Boolean active) {
    return absences.list(active, managesEveryone() ? null : currentUser.id());
  }

  @GetMapping("/{id}")
  AbsenceView get(@PathVariable long id) {
    AbsenceView absence = absences.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到该请假 (unknown absence)"));
    requireMayManage(absence.userId());
    return absence;
  }

  /** Cancels the absence: ends it now, or drops it before it began. */
  @DeleteMapping("/{id}")
  AbsenceView cancel(@PathVariable long id) {
    AbsenceView absence = get(id);
    if (absence.status() == AbsenceStatus.OVER) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "请假已结束，无需撤销 (the absence is over)");
    }
    return absences.cancel(id);
  }

  @ExceptionHandler(InvalidAbsenceException.class)
  ProblemDetail invalid(InvalidAbsenceException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "请假信息有误，未登记 (the absence was not declared)");
    problem.setProperty("errors", e.errors());
    return problem;
  }

  private void requireMayManage(String userId) {
    if (!userId.equals(currentUser.id()) && !managesEveryone()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "只能办理本人的请假；督查员和管理员可为他人办理 (only your own absence, unless supervisor or administrator)");
    }
  }

  private boolean managesEveryone() {
    return currentUser.isSupervisor() || currentUser.isAdministrator();
  }
}
