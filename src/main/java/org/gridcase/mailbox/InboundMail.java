package org.gridcase.mailbox;

import java.util.List;

/**
 * One message as read from the mailbox, before anything is stored. Contains personal data (sender, text):
 * never log it.
 *
 * @param key the Message-ID, or a stand-in for a message without one (see {@link InboundMails#key})
 * @param loopReason why this is automatic mail that must not be answered; null for a person's mail
 * @param references the Message-IDs this message answers (In-Reply-To and References)
 * @param text the body reduced to plain text, quotes and signature trimmed
 */
record InboundMail(String key, String fromAddress, String fromName, String subject,
    String loopReason, List<String> references, String text, List<Attachment> attachments) {

  /**
   * A file of the message, inline image or attachment.
   *
   * @param content the bytes; null when the file is larger than the mailbox's limit
   */
  record Attachment(String filename, String contentType, byte[] content) {

    boolean tooLarge() {
      return content == null;
    }
  }
}
