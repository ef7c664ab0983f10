package org.gridcase.review;

import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REVIEW_NOTE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.SATISFACTION;
import static org.gridcase.intake.CitizenRequestProcess.Variables.UNSATISFIED_COUNT;

import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.gridcase.common.TaskInput;
import org.gridcase.common.TaskInput.InvalidInputException;
import org.gridcase.handling.HandlingDeadlines;
import org.gridcase.intake.CitizenRequestProcess.Values;
import org.gridcase.intake.Requests;
import org.springframework.stereotype.Component;

/**
 * A satisfaction review, whoever gives it: the community reviewer on the phone or the requester through
 * the survey link. An unsatisfied answer reopens the case (重办) the first time; {@code Gateway_Satisfaction}
 * sends the second to 督办. Reads {@code satisfaction} and {@code reviewNote} from the scope.
 */
@Component
class Reviews {

  static final Set<String> OUTCOMES = Set.of("satisfied", "basically-satisfied", Values.UNSATISFIED, "unreachable");
  /** What a requester may answer: reaching them is not in question. */
  static final Set<String> REQUESTER_OUTCOMES = Set.of("satisfied", "basically-satisfied", Values.UNSATISFIED);

  private final Requests requests;
  private final HandlingDeadlines deadlines;

  Reviews(Requests requests, HandlingDeadlines deadlines) {
    this.requests = requests;
    this.deadlines = deadlines;
  }

  /** @param reviewer the reviewer's user id, or null for the requester's own answer */
  void record(VariableScope scope, String reviewer) {
    String satisfaction = TaskInput.choice(scope, SATISFACTION, reviewer == null ? REQUESTER_OUTCOMES : OUTCOMES);
    String note = TaskInput.text(scope, REVIEW_NOTE, Values.UNSATISFIED.equals(satisfaction), 2000);
    long requestId = REQUEST_ID.get(scope);
    if (reviewer != null && Objects.equals(reviewer, requests.get(requestId).handledBy())) {
      throw new InvalidInputException(SATISFACTION.name(), "回访人不能是办理人 (the handler cannot review their own case)");
    }
    long unsatisfied = UNSATISFIED_COUNT.getOrNull(scope) == null ? 0 : UNSATISFIED_COUNT.get(scope);
    boolean reopened = false;
    if (Values.UNSATISFIED.equals(satisfaction)) {
      unsatisfied++;
      UNSATISFIED_COUNT.set(scope, unsatisfied);
      reopened = unsatisfied < 2;
    }
    requests.recordReview(requestId, reviewer == null ? "requester" : reviewer, satisfaction, reopened, note);
    if (reopened) {
      deadlines.restartHandling(scope);
    }
    REVIEW_NOTE.remove(scope);
  }
}
