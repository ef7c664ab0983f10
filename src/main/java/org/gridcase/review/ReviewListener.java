package org.gridcase.review;

import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REVIEW_NOTE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.SATISFACTION;
import static org.gridcase.intake.CitizenRequestProcess.Variables.UNSATISFIED_COUNT;

import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridcase.common.TaskInput;
import org.gridcase.common.TaskInput.InvalidInputException;
import org.gridcase.handling.HandlingDeadlines;
import org.gridcase.intake.CitizenRequestProcess.Values;
import org.gridcase.intake.Requests;
import org.gridcase.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * 满意度回访 by the community reviewer, who must not be the person who handled the case. An unsatisfied
 * review reopens the case (重办) the first time; {@code Gateway_Satisfaction} sends the second to 督办.
 */
@Component("reviewListener")
class ReviewListener implements TaskListener {

  static final Set<String> OUTCOMES = Set.of("satisfied", "basically-satisfied", Values.UNSATISFIED, "unreachable");

  private final Requests requests;
  private final HandlingDeadlines deadlines;
  private final CurrentUser currentUser;

  ReviewListener(Requests requests, HandlingDeadlines deadlines, CurrentUser currentUser) {
    this.requests = requests;
    this.deadlines = deadlines;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    String satisfaction = TaskInput.choice(task, SATISFACTION, OUTCOMES);
    String note = TaskInput.text(task, REVIEW_NOTE, Values.UNSATISFIED.equals(satisfaction), 2000);
    String reviewer = currentUser.actorOf(task);
    long requestId = REQUEST_ID.get(task);
    if (reviewer != null && Objects.equals(reviewer, requests.get(requestId).handledBy())) {
      throw new InvalidInputException(SATISFACTION.name(), "回访人不能是办理人 (the handler cannot review their own case)");
    }
    long unsatisfied = UNSATISFIED_COUNT.getOrNull(task) == null ? 0 : UNSATISFIED_COUNT.get(task);
    boolean reopened = false;
    if (Values.UNSATISFIED.equals(satisfaction)) {
      unsatisfied++;
      UNSATISFIED_COUNT.set(task, unsatisfied);
      reopened = unsatisfied < 2;
    }
    requests.recordReview(requestId, reviewer, satisfaction, reopened, note);
    if (reopened) {
      deadlines.restartHandling(task);
    }
    REVIEW_NOTE.remove(task);
  }
}
