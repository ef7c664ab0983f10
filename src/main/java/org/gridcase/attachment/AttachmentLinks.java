package org.gridcase.attachment;

import java.util.List;
import org.gridcase.attachment.AttachmentRepository.Attachment;

/**
 * Camunda Forms in Tasklist 7 have neither a file picker nor a gallery, so the task forms show the case's
 * files as markdown: links to {@code /api/attachments/{id}} labelled with the filename, nothing else about
 * the sender. Computed when a form opens (see the caseform module), never stored in the process.
 */
final class AttachmentLinks {

  /** The newest links shown. */
  static final int SHOWN = 10;
  static final int LABEL_LENGTH = 60;
  /** Characters that would end the label, format it or make markup (ASCII punctuation, so escapable). */
  private static final String MARKDOWN_SPECIAL = "\\`*_[]()<>&!~|";

  private AttachmentLinks() {
  }

  /** A list of the newest {@value #SHOWN} files, and a link to the whole list when there are more. */
  static String markdown(String trackingNumber, List<Attachment> attachments) {
    StringBuilder text = new StringBuilder();
    List<Attachment> shown = attachments.subList(Math.max(0, attachments.size() - SHOWN), attachments.size());
    for (Attachment attachment : shown) {
      text.append("- [").append(label(attachment.filename())).append("](/api/attachments/")
          .append(attachment.id()).append(")\n");
    }
    if (shown.size() < attachments.size()) {
      text.append("- [共 ").append(attachments.size()).append(" 个附件，查看全部](/api/requests/")
          .append(trackingNumber).append("/attachments)\n");
    }
    return text.toString().stripTrailing();
  }

  /** The filename, shortened, with markdown's special characters escaped so it stays a plain label. */
  private static String label(String filename) {
    String shortened = filename.codePointCount(0, filename.length()) <= LABEL_LENGTH ? filename
        : filename.substring(0, filename.offsetByCodePoints(0, LABEL_LENGTH - 1)) + "…";
    StringBuilder escaped = new StringBuilder();
    shortened.codePoints().forEach(c -> {
      if (MARKDOWN_SPECIAL.indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.appendCodePoint(c);
    });
    return escaped.toString();
  }
}
