package org.gridcase.mailbox;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.common.Checksums;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** gc_inbound_mail: what became of each message taken from the mailbox, with the engine's clock. */
@Component
class InboundMails {

  enum Outcome {
    /** A new request. */
    CREATED,
    /** A note on the request whose acknowledgement it answers. */
    REPLY,
    /** Automatic mail: nothing created, nothing answered. */
    LOOP,
    /** Could not be taken in; the reason says why. */
    REFUSED,
    /** Seen before: nothing new, and no row. */
    DUPLICATE
  }

  /** An acknowledgement to send: for which request, with which Message-ID, in answer to which mail. */
  record Acknowledgement(long requestId, String messageId, String inReplyTo, boolean sent) {
  }

  private static final int MAX_KEY = 255;
  private static final int MAX_REASON = 500;

  private final JdbcClient jdbc;

  InboundMails(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The key of a message: its Message-ID as sent ({@code <…>}), a hash of it when longer than the column,
   * and for a message without one a stand-in made of the folder's UIDVALIDITY and the message's UID, which
   * IMAP keeps stable.
   */
  static String key(String messageId, long uidValidity, long uid) {
    if (messageId == null || messageId.isBlank()) {
      return "uid:" + uidValidity + ":" + uid;
    }
    String id = messageId.strip();
    return id.length() <= MAX_KEY ? id
        : "sha256:" + Checksums.sha256(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  boolean exists(String key) {
    return jdbc.sql("select count(*) from gc_inbound_mail where message_id = ?").param(key).query(Long.class)
        .single() > 0;
  }

  /** Records a message; a second record of the same key fails on the unique constraint. */
  long insert(String key, Outcome outcome, Long requestId, String reason, String ackMessageId) {
    KeyHolder id = new GeneratedKeyHolder();
    jdbc.sql("insert into gc_inbound_mail (message_id, received_at, outcome, request_id, reason, ack_message_id)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(key, now(), outcome.name(), requestId, MailText.truncate(reason, MAX_REASON), ackMessageId)
        .update(id, "id");
    return id.getKey().longValue();
  }

  void countAttachments(long id, int kept) {
    jdbc.sql("update gc_inbound_mail set attachments = ? where id = ?").params(kept, id).update();
  }

  /** The request whose acknowledgement is one of these Message-IDs. */
  Optional<Long> requestAcknowledgedBy(Collection<String> messageIds) {
    if (messageIds.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql("select request_id from gc_inbound_mail where ack_message_id in (:ids) order by id"
            + " fetch first 1 rows only")
        .param("ids", messageIds).query(Long.class).optional();
  }

  /** Reads and locks the acknowledgement, so that a second send job waits and then sees it sent. */
  Optional<Acknowledgement> lockAcknowledgement(long id) {
    return jdbc.sql("select request_id, message_id, ack_message_id, acknowledged_at from gc_inbound_mail"
            + " where id = ? and ack_message_id is not null for update")
        .param(id)
        .query((rs, row) -> {
          String key = rs.getString("message_id");
          return new Acknowledgement(rs.getLong("request_id"), rs.getString("ack_message_id"),
              key.startsWith("<") ? key : null, rs.getTimestamp("acknowledged_at") != null);
        })
        .optional();
  }

  void markAcknowledged(long id) {
    jdbc.sql("update gc_inbound_mail set acknowledged_at = ? where id = ?").params(now(), id).update();
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }
}
