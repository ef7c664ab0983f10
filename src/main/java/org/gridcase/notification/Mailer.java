package org.gridcase.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Plain-text UTF-8 mail marked as automatic, so auto-responders and our own inbox do not answer it. Used
 * by the feedback mail, the notices and the mailbox's acknowledgements alike, always from a job.
 */
@Component
public class Mailer {

  static final String AUTO_SUBMITTED = "Auto-Submitted";

  private final JavaMailSender sender;
  private final MailProperties properties;

  Mailer(JavaMailSender sender, MailProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  /**
   * Sends the mail, or throws an exception naming {@code what} (e.g. "notice 42 (ESCALATED)") and the kind
   * of failure. The SMTP error is dropped on purpose: it may quote the address, and the job executor logs
   * this message and Cockpit shows it.
   */
  void send(String to, String subject, String text, String what) {
    send(to, subject, text, what, message -> message.setHeader(AUTO_SUBMITTED, "auto-generated"));
  }

  /**
   * An automatic answer to a citizen's own mail: marked {@code Auto-Submitted: auto-replied} (RFC 3834),
   * threaded under that mail and carrying the given Message-ID, which the caller keeps to recognise
   * answers to it. Fails like {@link #send(String, String, String, String)}, naming only {@code what}.
   *
   * @param messageId the Message-ID of this mail, from {@link #newMessageId()}
   * @param inReplyTo the Message-ID of the mail answered; null when unknown
   */
  public void sendReply(String to, String subject, String text, String messageId, String inReplyTo, String what) {
    send(to, subject, text, what, message -> {
      message.setHeader(AUTO_SUBMITTED, "auto-replied");
      // JavaMailSender keeps a Message-ID set before sending instead of generating its own.
      message.setHeader("Message-ID", messageId);
      if (inReplyTo != null) {
        message.setHeader("In-Reply-To", inReplyTo);
        message.setHeader("References", inReplyTo);
      }
    });
  }

  /** A new Message-ID in the sender's domain, such as {@code <0f8e…@gridcase.local>}. */
  public String newMessageId() {
    String from = properties.from();
    return "<" + UUID.randomUUID() + "@" + from.substring(from.indexOf('@') + 1) + ">";
  }

  private interface Headers {
    void set(MimeMessage message) throws MessagingException;
  }

  private void send(String to, String subject, String text, String what, Headers headers) {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(properties.from(), properties.fromName());
      helper.setTo(to);
      helper.setSubject(subject);
      helper.setText(text, false);
      headers.set(message);
      sender.send(message);
    } catch (MailException | MessagingException | UnsupportedEncodingException e) {
      throw new IllegalStateException(what + " not sent: " + e.getClass().getSimpleName());
    }
  }
}
