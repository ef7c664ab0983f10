package org.gridcase.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Plain-text UTF-8 mail marked as automatic, so auto-responders and our own inbox do not answer it. Used
 * by the feedback mail and the notices alike, always from a job.
 */
@Component
class Mailer {

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
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(properties.from(), properties.fromName());
      helper.setTo(to);
      helper.setSubject(subject);
      helper.setText(text, false);
      message.setHeader(AUTO_SUBMITTED, "auto-generated");
      sender.send(message);
    } catch (MailException | MessagingException | UnsupportedEncodingException e) {
      throw new IllegalStateException(what + " not sent: " + e.getClass().getSimpleName());
    }
  }
}
