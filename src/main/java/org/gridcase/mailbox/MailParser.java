package org.gridcase.mailbox;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridcase.mailbox.InboundMail.Attachment;

/** Reads a MIME message into an {@link InboundMail}: sender, loop markers, the text and the files. */
final class MailParser {

  private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list");
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

  private final long maxAttachmentBytes;

  MailParser(long maxAttachmentBytes) {
    this.maxAttachmentBytes = maxAttachmentBytes;
  }

  /** @param key the message's key in gc_inbound_mail (see {@link InboundMails#key}) */
  InboundMail parse(MimeMessage message, String key) throws MessagingException, IOException {
    Address[] from = message.getFrom();
    InternetAddress sender = from != null && from.length > 0 && from[0] instanceof InternetAddress address
        ? address : null;
    Body body = new Body();
    collect(message, body);
    String text = body.html.isEmpty() ? String.join("\n\n", body.plain)
        : MailText.fromHtml(String.join("\n", body.html));
    return new InboundMail(key, sender == null ? null : sender.getAddress(),
        sender == null ? null : sender.getPersonal(), message.getSubject(), loopReason(message),
        references(message), MailText.withoutQuotesAndSignature(text), body.attachments);
  }

  /**
   * RFC 3834 and common practice: Auto-Submitted other than "no", Precedence bulk/junk/list, X-Loop, and
   * delivery reports (bounces) are machines talking; answering them could start a mail loop.
   */
  static String loopReason(MimeMessage message) throws MessagingException {
    String autoSubmitted = first(message, "Auto-Submitted");
    if (autoSubmitted != null) {
      String value = autoSubmitted.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      if (!value.equals("no")) {
        return "Auto-Submitted: " + MailText.truncate(value, 40);
      }
    }
    String precedence = first(message, "Precedence");
    if (precedence != null && BULK_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
      return "Precedence: " + precedence.strip().toLowerCase(Locale.ROOT);
    }
    if (message.getHeader("X-Loop") != null) {
      return "X-Loop";
    }
    if (message.isMimeType("multipart/report")) {
      return "delivery report";
    }
    String returnPath = first(message, "Return-Path");
    if (returnPath != null && returnPath.strip().equals("<>")) {
      return "Return-Path: <>";
    }
    return null;
  }

  private static List<String> references(MimeMessage message) throws MessagingException {
    List<String> ids = new ArrayList<>();
    for (String header : List.of("In-Reply-To", "References")) {
      String[] values = message.getHeader(header);
      if (values != null) {
        for (String value : values) {
          Matcher matcher = MESSAGE_ID.matcher(value);
          while (matcher.find() && ids.size() < 100) {
            ids.add(matcher.group());
          }
        }
      }
    }
    return ids;
  }

  private static String first(MimeMessage message, String header) throws MessagingException {
    String[] values = message.getHeader(header);
    return values == null || values.length == 0 ? null : values[0];
  }

  private static final class Body {
    final List<String> plain = new ArrayList<>();
    final List<String> html = new ArrayList<>();
    final List<Attachment> attachments = new ArrayList<>();
  }

  /**
   * Text parts without a file name are the body; of alternatives, the HTML one (its quotes are marked
   * up, so they are trimmed more reliably). Every other part is a file, inline images included.
   */
  private void collect(Part part, Body body) throws MessagingException, IOException {
    if (part.isMimeType("multipart/alternative")) {
      Multipart alternatives = (Multipart) part.getContent();
      Part chosen = null;
      for (int i = 0; i < alternatives.getCount(); i++) {
        Part candidate = alternatives.getBodyPart(i);
        if (chosen == null || !chosen.isMimeType("text/html") && !chosen.isMimeType("multipart/*")) {
          chosen = candidate;
        }
      }
      if (chosen != null) {
        collect(chosen, body);
      }
    } else if (part.isMimeType("multipart/*")) {
      Multipart parts = (Multipart) part.getContent();
      for (int i = 0; i < parts.getCount(); i++) {
        collect(parts.getBodyPart(i), body);
      }
    } else if (isBodyText(part, "text/html")) {
      body.html.add(part.getContent().toString());
    } else if (isBodyText(part, "text/plain")) {
      body.plain.add(part.getContent().toString());
    } else {
      body.attachments.add(attachment(part, body.attachments.size() + 1));
    }
  }

  private static boolean isBodyText(Part part, String type) throws MessagingException {
    return part.isMimeType(type) && part.getFileName() == null && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
  }

  private Attachment attachment(Part part, int number) throws MessagingException, IOException {
    String contentType = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
    String filename = part.getFileName();
    if (filename != null) {
      try {
        filename = MimeUtility.decodeText(filename);
      } catch (UnsupportedEncodingException e) {
        // Keep the name as sent.
      }
    }
    if (filename == null || filename.isBlank()) {
      filename = "附件" + number + extension(contentType);
    }
    try (InputStream in = part.getInputStream()) {
      byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxAttachmentBytes + 1));
      return new Attachment(filename.strip(), contentType, content.length > maxAttachmentBytes ? null : content);
    }
  }

  private static String extension(String contentType) {
    int slash = contentType.indexOf('/');
    String subtype = slash < 0 ? "" : contentType.substring(slash + 1);
    return subtype.matches("[a-z0-9]{1,8}") ? "." + subtype : "";
  }
}
