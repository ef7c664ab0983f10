package org.gridcase.mailbox;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.gridcase.attachment.Attachments;
import org.gridcase.attachment.InvalidAttachmentException;
import org.gridcase.intake.RequestIntake;
import org.gridcase.intake.RequestIntake.Submission;
import org.gridcase.intake.RequestView;
import org.gridcase.intake.Requests;
import org.gridcase.mailbox.InboundMail.Attachment;
import org.gridcase.mailbox.InboundMails.Outcome;
import org.gridcase.notification.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What one message becomes, in the transaction the poller opens for it: nothing (seen before, or automatic
 * mail), a note on the case it answers, or a new request with its files and an acknowledgement to send.
 */
@Component
class InboundMailHandler {

  private static final Logger log = LoggerFactory.getLogger(InboundMailHandler.class);

  static final String CHANNEL = "email";
  static final String REPORTED_BY = "mailbox";
  /** The mail names no grid: the district's supervisors place it at triage. */
  static final String NO_ADDRESS = "（邮件未注明地址）";
  static final String NOTE_REPLY = "MAIL_REPLY";
  static final String NOTE_ATTACHMENT_REFUSED = "ATTACHMENT_REFUSED";
  static final String ATTACHMENT_SOURCE = "email";
  private static final Pattern TRACKING_NUMBER = Pattern.compile("GC-\\d{4}-\\d{6,}");
  private static final int MAX_NAME = 100;

  private final InboundMails mails;
  private final RequestIntake intake;
  private final Requests requests;
  private final Attachments attachments;
  private final Mailer mailer;
  private final RuntimeService runtimeService;
  private final TransactionTemplate savepoint;
  private final MailboxProperties properties;

  InboundMailHandler(InboundMails mails, RequestIntake intake, Requests requests, Attachments attachments,
      Mailer mailer, RuntimeService runtimeService, PlatformTransactionManager transactions,
      MailboxProperties properties) {
    this.mails = mails;
    this.intake = intake;
    this.requests = requests;
    this.attachments = attachments;
    this.mailer = mailer;
    this.runtimeService = runtimeService;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.properties = properties;
  }

  /** Must run in a transaction; an exception rolls back everything this message did. */
  Outcome handle(InboundMail mail) {
    if (mails.exists(mail.key())) {
      return Outcome.DUPLICATE;
    }
    if (mail.loopReason() != null) {
      mails.insert(mail.key(), Outcome.LOOP, null, mail.loopReason(), null);
      return Outcome.LOOP;
    }
    // Refusals foreseen here are recorded without an exception, which the engine would log as an error.
    if (mail.fromAddress() == null) {
      return refuse(mail.key(), "requesterEmail: 邮件缺少发件人 (the mail has no sender)");
    }
    Optional<Long> answered = answeredRequest(mail);
    if (answered.isPresent()) {
      long requestId = answered.get();
      String text = mail.text().isEmpty() ? MailText.withoutMarkup(mail.subject()) : mail.text();
      requests.recordNote(requestId, NOTE_REPLY, null, MailText.truncate(text, RequestIntake.MAX_DESCRIPTION));
      long id = mails.insert(mail.key(), Outcome.REPLY, requestId, null, null);
      mails.countAttachments(id, keep(requestId, mail.attachments()));
      return Outcome.REPLY;
    }
    String description = MailText.description(mail.subject(), mail.text(), RequestIntake.MAX_DESCRIPTION);
    if (description.isBlank()) {
      return refuse(mail.key(), "description: 邮件没有标题和正文 (the mail has no subject and no text)");
    }
    RequestView request = intake.submit(new Submission(description, null, null, NO_ADDRESS,
        MailText.truncate(MailText.withoutMarkup(blankToNull(mail.fromName())), MAX_NAME), null, mail.fromAddress(),
        CHANNEL, null), REPORTED_BY).request();
    long id = mails.insert(mail.key(), Outcome.CREATED, request.id(), null, mailer.newMessageId());
    mails.countAttachments(id, keep(request.id(), mail.attachments()));
    runtimeService.startProcessInstanceByKey(AcknowledgementProcess.KEY, request.trackingNumber(),
        AcknowledgementProcess.Variables.INBOUND_MAIL_ID.asMap(id));
    return Outcome.CREATED;
  }

  /**
   * Records a message that cannot be taken in, unless another poll recorded it meanwhile. Must run in a
   * transaction. The reason names fields and kinds of failure, never the sender or the text.
   */
  Outcome refuse(String key, String reason) {
    if (mails.exists(key)) {
      return Outcome.DUPLICATE;
    }
    mails.insert(key, Outcome.REFUSED, null, reason, null);
    log.warn("inbound mail refused: {}", reason);
    return Outcome.REFUSED;
  }

  /**
   * The case this mail answers: by the Message-ID of its acknowledgement (only its recipient knows it), or
   * by a tracking number in the subject when the sender is that case's requester.
   */
  private Optional<Long> answeredRequest(InboundMail mail) {
    Optional<Long> byReference = mails.requestAcknowledgedBy(mail.references());
    if (byReference.isPresent() || mail.subject() == null) {
      return byReference;
    }
    Matcher tracking = TRACKING_NUMBER.matcher(mail.subject());
    while (tracking.find()) {
      Optional<Long> bySubject = requests.findByTrackingNumber(tracking.group())
          .filter(request -> mail.fromAddress().equalsIgnoreCase(request.requesterEmail()))
          .map(RequestView::id);
      if (bySubject.isPresent()) {
        return bySubject;
      }
    }
    return Optional.empty();
  }

  /**
   * Keeps the files through the attachment module; a refused one is noted in the case and the mail goes
   * on. Each store runs in a savepoint, so a refusal inside the module's own transaction does not mark the
   * whole message for rollback.
   */
  private int keep(long requestId, List<Attachment> files) {
    int kept = 0;
    for (Attachment file : files) {
      if (file.tooLarge()) {
        refused(requestId, file, "超过 " + properties.maxAttachmentBytes() / 1024 + " KB 的大小限制");
        continue;
      }
      try {
        savepoint.executeWithoutResult(status -> attachments.store(requestId, file.filename(), file.contentType(),
            file.content(), ATTACHMENT_SOURCE));
        kept++;
      } catch (InvalidAttachmentException e) {
        refused(requestId, file, e.getMessage());
      }
    }
    return kept;
  }

  private void refused(long requestId, Attachment file, String why) {
    requests.recordNote(requestId, NOTE_ATTACHMENT_REFUSED, null,
        MailText.truncate("邮件附件“" + file.filename() + "”未保存：" + why, RequestIntake.MAX_DESCRIPTION));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
