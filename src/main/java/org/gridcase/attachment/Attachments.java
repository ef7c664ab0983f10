package org.gridcase.attachment;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.attachment.AttachmentRepository.Attachment;
import org.gridcase.attachment.AttachmentRepository.Content;
import org.gridcase.attachment.AttachmentRepository.NewAttachment;
import org.gridcase.common.Checksums;
import org.gridcase.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Files of requests from every channel: the upload API ({@code upload}), inbound e-mail ({@code email}) and
 * Open311 ({@code open311}). Each is checked against {@code gridcase.attachments}, stored in gc_attachment
 * and linked from the case's task forms while the case runs.
 */
@Service
public class Attachments {

  static final String FIELD = "file";

  private final AttachmentRepository repository;
  private final AttachmentProperties properties;
  private final CurrentUser currentUser;

  Attachments(AttachmentRepository repository, AttachmentProperties properties, CurrentUser currentUser) {
    this.repository = repository;
    this.properties = properties;
    this.currentUser = currentUser;
  }

  /**
   * Stores a file of a request; throws InvalidAttachmentException (field "file") when type or size is refused.
   *
   * <p>The type is recognised from the content; {@code contentType} and the filename's extension are the
   * sender's claims and are not used for it. The filename is sanitised. Whoever is authenticated is kept as
   * the uploader (none for a mailbox poll).
   *
   * @param source {@code upload}, {@code email} or {@code open311}: decides the accepted types
   * @return the attachment's id, readable at {@code /api/attachments/{id}}
   * @throws IllegalArgumentException for an unknown source or request
   */
  @Transactional
  public long store(long requestId, String filename, String contentType, byte[] content, String source) {
    FileType type = check(content, properties.allowedFor(source));
    if (!repository.lockRequest(requestId)) {
      throw new IllegalArgumentException("request " + requestId + " does not exist");
    }
    return repository.insert(new NewAttachment(requestId, Filenames.sanitise(filename, type), type.mediaType(),
        Checksums.sha256(content), content, source, currentUser.idIfAuthenticated().orElse(null),
        ClockUtil.getCurrentTime().toInstant()));
  }

  /**
   * The case's files as markdown links for a task form (see {@link AttachmentLinks}): built from ids, labels
   * escaped, so nothing of a filename becomes markup. Null when the case has none.
   */
  @Transactional(readOnly = true)
  public String markdownLinks(long requestId, String trackingNumber) {
    List<Attachment> attachments = repository.ofRequest(requestId);
    return attachments.isEmpty() ? null : AttachmentLinks.markdown(trackingNumber, attachments);
  }

  @Transactional(readOnly = true)
  List<Attachment> ofRequest(long requestId) {
    return repository.ofRequest(requestId);
  }

  @Transactional(readOnly = true)
  Optional<Attachment> find(long id) {
    return repository.find(id);
  }

  @Transactional(readOnly = true)
  Optional<Content> content(long id) {
    return repository.content(id);
  }

  private FileType check(byte[] content, Set<FileType> allowed) {
    if (content == null || content.length == 0) {
      throw new InvalidAttachmentException(FIELD, "文件为空 (the file is empty)", false);
    }
    long max = properties.maxSize().toBytes();
    if (content.length > max) {
      throw new InvalidAttachmentException(FIELD, "文件过大，最大 " + readable(max) + " (the file is larger than "
          + readable(max) + ")", true);
    }
    return FileType.detect(content).filter(allowed::contains).orElseThrow(() -> new InvalidAttachmentException(
        FIELD, "文件类型不支持，仅接受 " + allowed.stream().map(FileType::label).collect(Collectors.joining("、"))
            + " 文件 (accepted: " + allowed.stream().map(FileType::mediaType).collect(Collectors.joining(", "))
            + ")", false));
  }

  private static String readable(long bytes) {
    long megabyte = DataSize.ofMegabytes(1).toBytes();
    long kilobyte = DataSize.ofKilobytes(1).toBytes();
    return bytes % megabyte == 0 ? bytes / megabyte + " MB"
        : bytes % kilobyte == 0 ? bytes / kilobyte + " KB" : bytes + " B";
  }
}
