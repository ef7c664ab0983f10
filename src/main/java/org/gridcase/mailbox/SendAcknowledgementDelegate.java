package org.gridcase.mailbox;

import static org.gridcase.mailbox.AcknowledgementProcess.Variables.INBOUND_MAIL_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridcase.common.PublicUrl;
import org.gridcase.intake.RequestView;
import org.gridcase.intake.Requests;
import org.gridcase.intake.StatusCodes;
import org.gridcase.mailbox.InboundMails.Acknowledgement;
import org.gridcase.notification.Mailer;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendAcknowledgement}: its own job (async before), so it runs only once the message's
 * transaction committed. An acknowledgement already sent is left alone, so a second run mails nothing.
 */
@Component("sendAcknowledgementDelegate")
class SendAcknowledgementDelegate implements JavaDelegate {

  private final InboundMails mails;
  private final Requests requests;
  private final Mailer mailer;
  private final MailboxProperties properties;
  private final PublicUrl publicUrl;
  private final StatusCodes statusCodes;

  SendAcknowledgementDelegate(InboundMails mails, Requests requests, Mailer mailer, MailboxProperties properties,
      PublicUrl publicUrl, StatusCodes statusCodes) {
    this.mails = mails;
    this.requests = requests;
    this.mailer = mailer;
    this.properties = properties;
    this.publicUrl = publicUrl;
    this.statusCodes = statusCodes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = INBOUND_MAIL_ID.get(execution);
    Acknowledgement acknowledgement = mails.lockAcknowledgement(id)
        .orElseThrow(() -> new IllegalStateException("inbound mail " + id + " has no acknowledgement"));
    if (acknowledgement.sent()) {
      return;
    }
    RequestView request = requests.get(acknowledgement.requestId());
    // A failure names the case, never the address: the job executor logs it and Cockpit shows it.
    mailer.sendReply(request.requesterEmail(), AcknowledgementMail.subject(request),
        AcknowledgementMail.body(request, publicUrl.orDerived(properties.statusLinkBase(), "/status/")
            + statusCodes.of(request.trackingNumber())),
        acknowledgement.messageId(), acknowledgement.inReplyTo(), "acknowledgement of " + request.trackingNumber());
    mails.markAcknowledged(id);
  }
}
