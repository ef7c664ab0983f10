package org.gridcase.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridcase.security.CurrentUser;
import org.springframework.stereotype.Component;

/** 满意度回访 by the community reviewer, who must not be the person who handled the case. */
@Component("reviewListener")
class ReviewListener implements TaskListener {

  private final Reviews reviews;
  private final CurrentUser currentUser;

  ReviewListener(Reviews reviews, CurrentUser currentUser) {
    this.reviews = reviews;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    reviews.record(task, currentUser.actorOf(task));
  }
}
