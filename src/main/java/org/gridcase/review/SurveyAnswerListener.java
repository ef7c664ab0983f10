package org.gridcase.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** 网上评价: the requester's answer arrived with the message; it counts as the review. */
@Component("surveyAnswerListener")
class SurveyAnswerListener implements ExecutionListener {

  private final Reviews reviews;

  SurveyAnswerListener(Reviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateExecution execution) {
    reviews.record(execution, null);
  }
}
