package org.gridcase.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** gc_attachment. The content is read only when someone opens the file, never with a list. */
@Repository
class AttachmentRepository {

  /** What a list shows of a file. */
  record Attachment(long id, long requestId, String filename, String contentType, long size, String source,
      Instant createdAt) {
  }

  /** A file to send back. */
  record Content(String filename, String contentType, byte[] bytes) {
  }

  record NewAttachment(long requestId, String filename, String contentType, String sha256, byte[] content,
      String source, String uploadedBy, Instant createdAt) {
  }

  private static final String COLUMNS = "id, request_id, filename, content_type, size_bytes, source, created_at";

  private final JdbcClient jdbc;

  AttachmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Locks the request's row until the transaction ends, so attachments added to one case at the same time
   * update its list of links one after the other. False when the request does not exist.
   */
  boolean lockRequest(long requestId) {
    return jdbc.sql("select id from gc_request where id = ? for update").param(requestId).query(Long.class)
        .optional().isPresent();
  }

  long insert(NewAttachment attachment) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into gc_attachment (request_id, filename, content_type, size_bytes, sha256, content, source,"
            + " uploaded_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(attachment.requestId(), attachment.filename(), attachment.contentType(),
            (long) attachment.content().length, attachment.sha256(), attachment.content(), attachment.source(),
            attachment.uploadedBy(), Timestamp.from(attachment.createdAt()))
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** The request's attachments, oldest first. */
  List<Attachment> ofRequest(long requestId) {
    return jdbc.sql("select " + COLUMNS + " from gc_attachment where request_id = ? order by id").param(requestId)
        .query(AttachmentRepository::attachment).list();
  }

  Optional<Attachment> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from gc_attachment where id = ?").param(id)
        .query(AttachmentRepository::attachment).optional();
  }

  Optional<Content> content(long id) {
    return jdbc.sql("select filename, content_type, content from gc_attachment where id = ?").param(id)
        .query((rs, row) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
  }

  private static Attachment attachment(ResultSet rs, int row) throws SQLException {
    return new Attachment(rs.getLong("id"), rs.getLong("request_id"), rs.getString("filename"),
        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("source"),
        rs.getTimestamp("created_at").toInstant());
  }
}
