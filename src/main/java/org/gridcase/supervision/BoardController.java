package org.gridcase.supervision;

import java.util.List;
import org.gridcase.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/supervision/overdue} and {@code /api/supervision/escalations}, for supervisors. */
@RestController
class BoardController {

  private final Board board;
  private final CurrentUser currentUser;

  BoardController(Board board, CurrentUser currentUser) {
    this.board = board;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/supervision/overdue")
  List<Board.OverdueCase> overdue(@RequestParam(required = false) String area,
      @RequestParam(defaultValue = "100") int limit) {
    currentUser.requireSupervisor();
    return board.overdue(area, limit);
  }

  @GetMapping("/api/supervision/escalations")
  List<Board.Escalation> escalations(@RequestParam(defaultValue = "100") int limit) {
    currentUser.requireSupervisor();
    return board.escalations(limit);
  }

}
