package org.gridcase.notification;

import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridcase.intake.RequestView;
import org.gridcase.intake.Requests;
import org.gridcase.review.Surveys;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendFeedbackMail}: runs as its own job (async before and after), so the mail leaves only
 * after the handling step committed, and a failed send is retried without redoing anything else.
 *
 * <p>The requesters of duplicates merged into this case get its result too, each once: they are mailed
 * first, and each send is recorded in its own transaction, so a retry of this job skips them.
 */
@Component("feedbackMailDelegate")
class FeedbackMailDelegate implements JavaDelegate {

  private final Requests requests;
  private final Mailer mailer;
  private final Surveys surveys;

  FeedbackMailDelegate(Requests requests, Mailer mailer, Surveys surveys) {
    this.requests = requests;
    this.mailer = mailer;
    this.surveys = surveys;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RequestView request = requests.get(REQUEST_ID.get(execution));
    // A failure names the case, never the address: the job executor logs it and Cockpit shows it.
    if (FeedbackMail.hasResult(request)) {
      for (RequestView duplicate : requests.duplicatesAwaitingResult(request.id())) {
        mailer.send(duplicate.requesterEmail(), FeedbackMail.subject(duplicate),
            FeedbackMail.mergedResult(duplicate, request), "merged result mail for " + duplicate.trackingNumber());
        requests.recordDuplicateResultSent(duplicate.id());
      }
    }
    // A declined request gets no review, so no survey; the link is dropped with a failed send.
    String surveyLink = request.declineReason() == null ? surveys.issue(request.id()) : null;
    RequestView mergedInto = request.declineReason() == null ? null : requests.duplicateOf(request.id()).orElse(null);
    // Merged after the other case was handled: this mail is the one that carries its result.
    boolean withResult = mergedInto != null && FeedbackMail.hasResult(mergedInto)
        && !requests.duplicateResultSent(request.id());
    mailer.send(request.requesterEmail(), FeedbackMail.subject(request),
        FeedbackMail.body(request, surveyLink, mergedInto, withResult), "feedback mail for " + request.trackingNumber());
    if (withResult) {
      requests.recordDuplicateResultSent(request.id());
    }
    requests.recordFedBack(request.id(), null, Requests.BY_MAIL, null);
  }
}
