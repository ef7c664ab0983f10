package org.gridcase.workload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The gc_absence and gc_task_handover tables. "Absent at t" means: not cancelled, {@code absent_from <= t
 * < absent_until}; every "now" is passed in by the caller, who reads the engine's clock.
 */
@Repository
class AbsenceRepository {

  private static final String ABSENT_AT = " cancelled_at is null and absent_from <= ? and absent_until > ?";

  private final JdbcClient jdbc;

  AbsenceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Absence(long id, String personId, Instant from, Instant until, String reason, String declaredBy,
      Instant declaredAt, Instant cancelledAt, String processInstanceId) {
  }

  record HandOver(String taskId, String taskName, String fromUserId, String toUserId, Instant handedOverAt) {
  }

  long insert(String personId, Instant from, Instant until, String reason, String declaredBy, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into gc_absence (person_id, absent_from, absent_until, reason, declared_by, declared_at)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(personId, ts(from), ts(until), reason, declaredBy, ts(now))
        .update(key, "id");
    return key.getKey().longValue();
  }

  void attachProcess(long id, String processInstanceId) {
    jdbc.sql("update gc_absence set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
  }

  /** Marks the absence cancelled unless it already was; false when nothing changed. */
  boolean cancel(long id, Instant now) {
    return jdbc.sql("update gc_absence set cancelled_at = ? where id = ? and cancelled_at is null")
        .params(ts(now), id).update() == 1;
  }

  Optional<Absence> find(long id) {
    return jdbc.sql("select * from gc_absence where id = ?").param(id).query(AbsenceRepository::absence).optional();
  }

  /**
   * Absences, newest first; {@code active} true: not cancelled and not yet over, false: cancelled or over,
   * null: all. {@code personId} null: everyone's.
   */
  List<Absence> list(Boolean active, String personId, Instant now) {
    StringBuilder sql = new StringBuilder("select * from gc_absence where 1 = 1");
    List<Object> params = new java.util.ArrayList<>();
    if (active != null) {
      sql.append(active ? " and cancelled_at is null and absent_until > ?"
          : " and (cancelled_at is not null or absent_until <= ?)");
      params.add(ts(now));
    }
    if (personId != null) {
      sql.append(" and person_id = ?");
      params.add(personId);
    }
    sql.append(" order by absent_from desc, id desc");
    return jdbc.sql(sql.toString()).params(params).query(AbsenceRepository::absence).list();
  }

  /** Whether a not cancelled absence of the person overlaps [from, until). */
  boolean overlaps(String personId, Instant from, Instant until) {
    return jdbc.sql("select count(*) from gc_absence where person_id = ? and cancelled_at is null"
            + " and absent_from < ? and absent_until > ?")
        .params(personId, ts(until), ts(from)).query(Integer.class).single() > 0;
  }

  /** The absence that makes the person absent at that time, if any. */
  Optional<Long> absenceOf(String personId, Instant at) {
    return jdbc.sql("select id from gc_absence where person_id = ? and" + ABSENT_AT
            + " order by absent_from fetch first 1 rows only")
        .params(personId, ts(at), ts(at)).query(Long.class).optional();
  }

  /** Which of these people are absent at that time. */
  Set<String> absentAmong(Collection<String> personIds, Instant at) {
    if (personIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(jdbc.sql("select distinct person_id from gc_absence where person_id in (:ids) and"
            + ABSENT_AT.replace("?", ":at"))
        .param("ids", personIds).param("at", ts(at))
        .query(String.class).list());
  }

  /** Whether anyone at all is absent at that time: lets every task creation skip the rest cheaply. */
  boolean anyoneAbsent(Instant at) {
    return jdbc.sql("select count(*) from gc_absence where" + ABSENT_AT)
        .params(ts(at), ts(at)).query(Integer.class).single() > 0;
  }

  void recordHandOver(long absenceId, HandOver handOver) {
    jdbc.sql("insert into gc_task_handover (absence_id, task_id, task_name, from_user_id, to_user_id, handed_over_at)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(absenceId, handOver.taskId(), handOver.taskName(), handOver.fromUserId(), handOver.toUserId(),
            ts(handOver.handedOverAt()))
        .update();
  }

  List<HandOver> handOvers(long absenceId) {
    return jdbc.sql("select * from gc_task_handover where absence_id = ? order by id").param(absenceId)
        .query((rs, row) -> new HandOver(rs.getString("task_id"), rs.getString("task_name"),
            rs.getString("from_user_id"), rs.getString("to_user_id"), instant(rs, "handed_over_at")))
        .list();
  }

  private static Absence absence(ResultSet rs, int row) throws SQLException {
    return new Absence(rs.getLong("id"), rs.getString("person_id"), instant(rs, "absent_from"),
        instant(rs, "absent_until"), rs.getString("reason"), rs.getString("declared_by"),
        instant(rs, "declared_at"), instant(rs, "cancelled_at"), rs.getString("process_instance_id"));
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
