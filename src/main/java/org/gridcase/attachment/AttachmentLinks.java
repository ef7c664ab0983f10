package org.gridcase.attachment;

import static org.gridcase.intake.CitizenRequestProcess.Variables.ATTACHMENT_LINKS;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.attachment.AttachmentRepository.Attachment;
import org.gridcase.intake.CitizenRequestProcess;
import org.gridcase.security.SystemAccess;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Camunda Forms in Tasklist 7 have neither a file picker nor a gallery, so the task forms show the case's
 * files as the markdown variable {@code attachmentLinks}: links to {@code /api/attachments/{id}} labelled
 * with the filename, nothing else about the sender.
 */
@Component
class AttachmentLinks {

  /** The newest links shown; the variable is a short text (Camunda keeps strings up to 4,000 characters). */
  static final int SHOWN = 10;
  static final int LABEL_LENGTH = 60;
  /** Characters that would end the label, format it or make markup (ASCII punctuation, so escapable). */
  private static final String MARKDOWN_SPECIAL = "\\`*_[]()<>&!~|";

  private final RuntimeService runtime;
  private final SystemAccess system;

  AttachmentLinks(@Lazy RuntimeService runtime, SystemAccess system) {
    this.runtime = runtime;
    this.system = system;
  }

  /**
   * Sets the links on the case's running process; an ended case keeps none. Whoever uploaded, updating the
   * case is the system's work: a handler may add a photo to a case they cannot update in Camunda.
   */
  void refresh(String trackingNumber, List<Attachment> attachments) {
    system.run(() -> {
      ProcessInstance instance = runtime.createProcessInstanceQuery()
          .processDefinitionKey(CitizenRequestProcess.KEY).processInstanceBusinessKey(trackingNumber)
          .singleResult();
      if (instance != null) {
        runtime.setVariable(instance.getId(), ATTACHMENT_LINKS.name(), markdown(trackingNumber, attachments));
      }
    });
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
