package org.gridcase.notification;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** gc_notification: the queued notices, written in the caller's transaction, with the engine's clock. */
@Repository
class NoticeOutbox {

  private final JdbcClient jdbc;

  NoticeOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A queued notice as the send job reads it. */
  record QueuedNotice(long id, String userId, Notice notice, String subject, String body, boolean sent,
      String skippedReason) {

    /** Sent or skipped: nothing left to do. */
    boolean settled() {
      return sent || skippedReason != null;
    }
  }

  /** A notice of a batch still to be sent: whom it is for, so the address is looked up before sending. */
  record Pending(long id, String userId) {
  }

  /**
   * Inserts the notice unless one with the same (eventKey, userId) exists; returns its id, or empty when
   * it was already there. {@code batch} is the id of the first notice its transaction queued, or null when
   * this is the first (it heads its own batch). Portable "insert ... select ... where not exists" (H2 and
   * PostgreSQL), with typed parameters because PostgreSQL does not infer them in a select list. Two
   * transactions queuing the same key at once both pass the check; the second then fails on the unique
   * constraint and its whole transaction rolls back, to be retried (a job retries by itself) and then find
   * the first row.
   */
  OptionalLong queue(String eventKey, String userId, Notice notice, String subject, String body, Long batch) {
    int inserted = jdbc.sql("insert into gc_notification"
            + " (event_key, user_id, notice, subject, body, created_at, batch_id)"
            + " select cast(:eventKey as varchar(200)), cast(:userId as varchar(64)), cast(:notice as varchar(32)),"
            + " cast(:subject as varchar(300)), cast(:body as varchar(8000)), cast(:createdAt as timestamp),"
            + " cast(:batch as bigint)"
            + " where not exists (select 1 from gc_notification where event_key = :eventKey and user_id = :userId)")
        .param("eventKey", eventKey).param("userId", userId).param("notice", notice.name())
        .param("subject", subject).param("body", body).param("createdAt", now()).param("batch", batch)
        .update();
    if (inserted == 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(jdbc.sql("select id from gc_notification where event_key = ? and user_id = ?")
        .params(eventKey, userId).query(Long.class).single());
  }

  /** The batch's notices neither sent nor skipped, in the order they were queued. */
  List<Pending> unsettledIn(long batch) {
    return jdbc.sql("select id, user_id from gc_notification where (id = :batch or batch_id = :batch)"
            + " and sent_at is null and skipped_reason is null order by id")
        .param("batch", batch)
        .query((rs, row) -> new Pending(rs.getLong("id"), rs.getString("user_id")))
        .list();
  }

  /** Reads and locks the notice, so that a second job for it waits and then sees it settled. */
  Optional<QueuedNotice> lock(long id) {
    return jdbc.sql("select id, user_id, notice, subject, body, sent_at, skipped_reason from gc_notification"
            + " where id = ? for update")
        .param(id)
        .query((rs, row) -> new QueuedNotice(rs.getLong("id"), rs.getString("user_id"),
            Notice.valueOf(rs.getString("notice")), rs.getString("subject"), rs.getString("body"),
            rs.getTimestamp("sent_at") != null, rs.getString("skipped_reason")))
        .optional();
  }

  void markSent(long id) {
    jdbc.sql("update gc_notification set sent_at = ? where id = ?").params(now(), id).update();
  }

  void markSkipped(long id, String reason) {
    jdbc.sql("update gc_notification set skipped_reason = ? where id = ?").params(reason, id).update();
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }
}
