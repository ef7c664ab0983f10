package org.gridcase.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gridcase.attachment.AttachmentRepository.Attachment;
import org.gridcase.attachment.AttachmentRepository.Content;
import org.gridcase.intake.CaseAccess;
import org.gridcase.intake.RequestView;
import org.gridcase.intake.Requests;
import org.gridcase.security.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Upload a photo or file to a case (multipart field {@code file}), list a case's files, read one: only the
 * people of the case's own units ({@link CaseAccess}), 403 for every other login, 401 without one. A file over the size limit is answered with 413, any other refusal with 400, both naming
 * {@code file}.
 */
@RestController
class AttachmentController {

  record Stored(long id, String filename, String contentType, long size) {
  }

  record Listed(long id, String filename, String contentType, long size, String source, Instant createdAt,
      String href) {
  }

  private final Attachments attachments;
  private final Requests requests;
  private final CurrentUser currentUser;
  private final CaseAccess access;

  AttachmentController(Attachments attachments, Requests requests, CurrentUser currentUser, CaseAccess access) {
    this.attachments = attachments;
    this.requests = requests;
    this.currentUser = currentUser;
    this.access = access;
  }

  @PostMapping(path = "/api/requests/{trackingNumber}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Stored> upload(@PathVariable String trackingNumber,
      @RequestPart(name = Attachments.FIELD, required = false) MultipartFile file) {
    currentUser.id();
    RequestView request = request(trackingNumber);
    access.require(request);
    if (file == null) {
      throw new InvalidAttachmentException(Attachments.FIELD, "请选择要上传的文件 (the part 'file' is missing)", false);
    }
    long id = attachments.store(request.id(), file.getOriginalFilename(), file.getContentType(), bytes(file),
        AttachmentProperties.UPLOAD);
    Attachment stored = attachments.find(id).orElseThrow();
    return ResponseEntity.created(URI.create(href(id)))
        .body(new Stored(id, stored.filename(), stored.contentType(), stored.size()));
  }

  @GetMapping("/api/requests/{trackingNumber}/attachments")
  List<Listed> list(@PathVariable String trackingNumber) {
    currentUser.id();
    RequestView request = request(trackingNumber);
    access.require(request);
    return attachments.ofRequest(request.id()).stream()
        .map(a -> new Listed(a.id(), a.filename(), a.contentType(), a.size(), a.source(), a.createdAt(), href(a.id())))
        .toList();
  }

  /** The file as stored; nosniff keeps a browser to the recognised type, private keeps it out of shared caches. */
  @GetMapping("/api/attachments/{id}")
  ResponseEntity<byte[]> read(@PathVariable long id) {
    currentUser.id();
    Attachment attachment = attachments.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "附件不存在 (unknown attachment)"));
    access.require(requests.get(attachment.requestId()));
    Content content = attachments.content(id).orElseThrow();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(content.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(content.filename(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.empty().cachePrivate())
        .body(content.bytes());
  }

  @ExceptionHandler(InvalidAttachmentException.class)
  ProblemDetail invalid(InvalidAttachmentException e) {
    return problem(e.tooLarge() ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST, e.field(), e.getMessage());
  }

  /** The refusal in the intake API's shape: {@code errors: [{field, message}]}. */
  static ProblemDetail problem(HttpStatus status, String field, String message) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "附件未保存 (the file was not stored)");
    problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
    return problem;
  }

  private RequestView request(String trackingNumber) {
    return requests.findByTrackingNumber(trackingNumber)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown tracking number"));
  }

  private static String href(long id) {
    return "/api/attachments/" + id;
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("upload could not be read", e);
    }
  }
}
