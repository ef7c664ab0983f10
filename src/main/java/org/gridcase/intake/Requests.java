package org.gridcase.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.calendar.WorkingTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The case file of every request (gc_request and its events). Each lifecycle step records itself here,
 * in the transaction of that step, with the engine's clock so process tests can move time.
 */
@Service
@Transactional
public class Requests {

  /** Feedback channels of {@link #recordFedBack}. */
  public static final String BY_MAIL = "mail";
  public static final String BY_CALL = "call";
  private static final String SUMMARY_COLUMNS = "id, tracking_number, received_at, description, latitude, longitude,"
      + " channel";
  /** The key of this transaction's summaries, see {@link #summary}. */
  private static final Object SUMMARIES = new Object();

  private final JdbcClient jdbc;
  /** For JDBC batches, which JdbcClient does not offer. */
  private final org.springframework.jdbc.core.JdbcOperations batches;
  private final WorkingTime workingTime;

  Requests(JdbcClient jdbc, org.springframework.jdbc.core.JdbcOperations batches, WorkingTime workingTime) {
    this.jdbc = jdbc;
    this.batches = batches;
    this.workingTime = workingTime;
  }

  /** {@code gridCode} is where the location was routed; the location as given is kept beside it. */
  record NewRequest(String gridCode, String description, String channel, String categoryCode, String address,
      String requesterName, String requesterPhone, String requesterEmail, String clientRequestId,
      String reportedBy, String addressId, Double latitude, Double longitude) {
  }

  /** Inserts the request and gives it its tracking number, derived from the id: GC-2026-000042. */
  RequestView insert(NewRequest request) {
    Instant now = now();
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into gc_request (grid_code, description, channel, category_code, address, requester_name,"
            + " requester_phone, requester_email, client_request_id, reported_by, received_at, status, address_id,"
            + " latitude, longitude) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(request.gridCode(), request.description(), request.channel(), request.categoryCode(),
            request.address(), request.requesterName(), request.requesterPhone(), request.requesterEmail(),
            request.clientRequestId(), request.reportedBy(), ts(now), RequestStatus.RECEIVED.name(),
            request.addressId(), request.latitude(), request.longitude())
        .update(key, "id");
    long id = key.getKey().longValue();
    String trackingNumber = String.format("GC-%tY-%06d", java.util.Date.from(now), id);
    jdbc.sql("update gc_request set tracking_number = ? where id = ?").params(trackingNumber, id).update();
    event(id, "RECEIVED", request.reportedBy(), null);
    return find(id).orElseThrow();
  }

  void attachProcess(long id, String processInstanceId) {
    jdbc.sql("update gc_request set process_instance_id = ?, status = ? where id = ?")
        .params(processInstanceId, RequestStatus.TRIAGE.name(), id).update();
  }

  @Transactional(readOnly = true)
  public Optional<RequestView> find(long id) {
    return jdbc.sql("select * from gc_request where id = ?").param(id).query(Requests::view).optional();
  }

  @Transactional(readOnly = true)
  public Optional<RequestView> findByTrackingNumber(String trackingNumber) {
    return jdbc.sql("select * from gc_request where tracking_number = ?").param(trackingNumber)
        .query(Requests::view).optional();
  }

  @Transactional(readOnly = true)
  Optional<RequestView> findByClientRequestId(String clientRequestId) {
    return jdbc.sql("select * from gc_request where client_request_id = ?").param(clientRequestId)
        .query(Requests::view).optional();
  }

  public RequestView get(long id) {
    return find(id).orElseThrow(() -> new IllegalStateException("request " + id + " does not exist"));
  }

  /** Triage accepted the request: colour, category and grid are final for now, handling is due. */
  public void recordAccepted(long id, String actor, String gridCode, String categoryCode, String colour,
      Instant dueAt, String note) {
    jdbc.sql("update gc_request set grid_code = ?, category_code = ?, colour = ?, triaged_by = ?, status = ?,"
            + " accepted_at = coalesce(accepted_at, ?), dispatched_at = coalesce(dispatched_at, ?), due_at = ?"
            + " where id = ?")
        .params(gridCode, categoryCode, colour, actor, RequestStatus.IN_HANDLING.name(), ts(now()), ts(now()),
            ts(dueAt), id)
        .update();
    event(id, "TRIAGED", actor, note);
  }

  /** Triage declined the request (not admitted, duplicate, not actionable); it still gets feedback. */
  public void recordDeclined(long id, String actor, String gridCode, String categoryCode, String reason,
      String note) {
    jdbc.sql("update gc_request set grid_code = ?, category_code = ?, triaged_by = ?, status = ?,"
            + " decline_reason = ?, decline_note = ? where id = ?")
        .params(gridCode, categoryCode, actor, RequestStatus.FEEDBACK.name(), reason, note, id)
        .update();
    event(id, "DECLINED", actor, reason + (note == null ? "" : ": " + note));
  }

  /** A handler returned the case (退单): back to triage, with the reason. */
  public void recordReturned(long id, String actor, String reason) {
    jdbc.sql("update gc_request set status = ?, return_count = return_count + 1 where id = ?")
        .params(RequestStatus.TRIAGE.name(), id).update();
    event(id, "RETURNED", actor, reason);
  }

  public void recordExtensionRequested(long id, String actor, int days, String reason) {
    status(id, RequestStatus.EXTENSION);
    event(id, "EXTENSION_REQUESTED", actor, days + " 天: " + reason);
  }

  public void recordExtensionDecided(long id, String actor, boolean approved, Instant dueAt, String note) {
    jdbc.sql("update gc_request set status = ?, due_at = coalesce(?, due_at), extension_count = extension_count + ? where id = ?")
        .params(RequestStatus.IN_HANDLING.name(), ts(dueAt), approved ? 1 : 0, id).update();
    event(id, approved ? "EXTENSION_APPROVED" : "EXTENSION_REFUSED", actor, note);
  }

  /** 网格吹哨: the departments called in, one of them possibly the lead. */
  public void recordWhistle(long id, String actor, Collection<String> departments, String lead, String note) {
    Instant now = now();
    for (String department : departments) {
      jdbc.sql("insert into gc_department_report (request_id, department_code, lead, requested_at)"
              + " values (?, ?, ?, ?)")
          .params(id, department, department.equals(lead), ts(now)).update();
    }
    status(id, RequestStatus.WHISTLE);
    event(id, "WHISTLE", actor, String.join(",", departments) + (lead == null ? "" : " (牵头: " + lead + ")")
        + (note == null ? "" : ": " + note));
  }

  /** The departments a whistle on this request called in (网格吹哨), answered or not. */
  @Transactional(readOnly = true)
  public java.util.List<String> departmentsCalledIn(long id) {
    return jdbc.sql("select distinct department_code from gc_department_report where request_id = ?").param(id)
        .query(String.class).list();
  }

  /** 部门报到: a department's report on the open call of this request. */
  public void recordDepartmentReport(long id, String department, String actor, String note) {
    int updated = jdbc.sql("update gc_department_report set reported_by = ?, reported_at = ?, note = ?"
            + " where request_id = ? and department_code = ? and reported_at is null")
        .params(actor, ts(now()), note, id, department).update();
    if (updated == 0) {
      throw new IllegalStateException("department " + department + " has no open call on request " + id);
    }
    event(id, "DEPARTMENT_REPORT", actor, department + ": " + note);
  }

  /** The whistle round is over; the handler continues. */
  public void recordBackInHandling(long id) {
    status(id, RequestStatus.IN_HANDLING);
  }

  /** Handled: the result to feed back, and the handling time in working minutes since acceptance (KPIs). */
  public void recordHandled(long id, String actor, String note) {
    Instant now = now();
    Timestamp accepted = jdbc.sql("select accepted_at from gc_request where id = ?").param(id)
        .query(Timestamp.class).optional().orElse(null);
    Long minutes = accepted == null ? null : workingTime.workingTimeBetween(accepted.toInstant(), now).toMinutes();
    jdbc.sql("update gc_request set handled_by = ?, handling_note = ?, handled_at = ?, handling_minutes = ?,"
            + " status = ? where id = ?")
        .params(actor, note, ts(now), minutes, RequestStatus.FEEDBACK.name(), id).update();
    event(id, "HANDLED", actor, note);
  }

  /** The requester was told the result, by mail or by phone. */
  public void recordFedBack(long id, String actor, String channel, String note) {
    jdbc.sql("update gc_request set fed_back_at = ?, status = case when status = ? then ? else status end"
            + " where id = ?")
        .params(ts(now()), RequestStatus.FEEDBACK.name(), RequestStatus.REVIEW.name(), id).update();
    event(id, feedbackEvent(channel), actor, note);
  }

  /** The event kind {@link #recordFedBack} writes for a channel: FEEDBACK_MAIL, FEEDBACK_CALL. */
  public static String feedbackEvent(String channel) {
    return "FEEDBACK_" + channel.toUpperCase(java.util.Locale.ROOT);
  }

  /** 满意度回访. An unsatisfied review reopens the case (重办); not reachable is recorded as such. */
  public void recordReview(long id, String actor, String satisfaction, boolean reopened, String note) {
    jdbc.sql("update gc_request set reviewed_at = ?, satisfaction = ?, reopen_count = reopen_count + ?,"
            + " status = ? where id = ?")
        .params(ts(now()), satisfaction, reopened ? 1 : 0,
            (reopened ? RequestStatus.IN_HANDLING : RequestStatus.REVIEW).name(), id)
        .update();
    event(id, "REVIEWED", actor, satisfaction + (note == null ? "" : ": " + note));
  }

  public void recordSupervisionStarted(long id) {
    status(id, RequestStatus.SUPERVISION);
  }

  public void recordSupervised(long id, String actor, String decision, String note) {
    if (CitizenRequestProcess.Values.REHANDLE.equals(decision)) {
      jdbc.sql("update gc_request set status = ?, reopen_count = reopen_count + 1 where id = ?")
          .params(RequestStatus.IN_HANDLING.name(), id).update();
    }
    event(id, "SUPERVISED", actor, decision + (note == null ? "" : ": " + note));
  }

  /** A reopened case is due again from now. */
  public void recordDue(long id, Instant dueAt) {
    jdbc.sql("update gc_request set due_at = ? where id = ?").params(ts(dueAt), id).update();
  }

  /** 办结 / 销号: the end of the process; a declined request keeps its status. */
  public void recordClosed(long id) {
    jdbc.sql("update gc_request set closed_at = ?, status = case when decline_reason is null then ? else ? end"
            + " where id = ?")
        .params(ts(now()), RequestStatus.CLOSED.name(), RequestStatus.DECLINED.name(), id).update();
    event(id, "CLOSED", null, null);
  }

  /** The case's mode changed (平急转换): its service levels and, when handling, its due date follow. */
  public void recordMode(long id, String mode, Instant dueAt) {
    recordModes(java.util.List.of(new ModeChange(id, mode, dueAt)));
  }

  /** A case switched mode, and when its current work is due now (null: unchanged). */
  public record ModeChange(long id, String mode, Instant dueAt) {
  }

  /** {@link #recordMode} for many cases, in two batched statements. */
  public void recordModes(java.util.List<ModeChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    Timestamp at = ts(now());
    batches.batchUpdate("update gc_request set sla_mode = ?, due_at = coalesce(?, due_at) where id = ?",
        changes.stream().map(change -> new Object[] {change.mode(), ts(change.dueAt()), change.id()}).toList());
    // Typed, so the null actor and note need no look-up of the parameters' types.
    batches.batchUpdate(INSERT_EVENT, changes.stream().map(change -> new Object[] {change.id(),
        "MODE_" + change.mode().toUpperCase(java.util.Locale.ROOT), null, null, at}).toList(),
        new int[] {java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
            java.sql.Types.TIMESTAMP});
  }

  /** A service level was breached; the first breach is kept for supervision. */
  public void recordOverdue(long id, String stage) {
    jdbc.sql("update gc_request set overdue_at = coalesce(overdue_at, ?) where id = ?").params(ts(now()), id).update();
    event(id, "OVERDUE", null, stage);
  }

  /** 超时督办: the case climbed one level of the ladder; that level's group supervises it now. */
  public void recordEscalated(long id, String level, String group) {
    jdbc.sql("update gc_request set escalation_count = escalation_count + 1 where id = ?").params(id).update();
    event(id, "ESCALATED", null, level + " " + group);
  }

  /** Something worth keeping in the case's history that changes none of its figures. */
  public void recordNote(long id, String kind, String actor, String note) {
    event(id, kind, actor, note);
  }

  /** 应急直派: the district liaison leader dispatched the "2"; like an acceptance at triage. */
  public void recordEmergencyDispatched(long id, String actor, String colour, Instant dueAt, String note) {
    jdbc.sql("update gc_request set colour = coalesce(colour, ?), triaged_by = ?, status = ?,"
            + " accepted_at = coalesce(accepted_at, ?), dispatched_at = coalesce(dispatched_at, ?), due_at = ?"
            + " where id = ?")
        .params(colour, actor, RequestStatus.IN_HANDLING.name(), ts(now()), ts(now()), ts(dueAt), id)
        .update();
    event(id, "EMERGENCY_DISPATCHED", actor, note);
  }

  /** A report of one of the "2" (community party committee, grid party organisation). */
  public void recordEmergencyReport(long id, String part, String actor, String note) {
    event(id, "EMERGENCY_REPORT", actor, part + ": " + note);
  }

  /** Both reports are in: the case is handled, its reports are the result fed back to the requester. */
  public void recordEmergencyHandled(long id, String actor) {
    String reports = String.join("\n", jdbc.sql("select note from gc_request_event where request_id = ?"
        + " and kind = 'EMERGENCY_REPORT' order by id").param(id).query(String.class).list());
    recordHandled(id, actor, reports);
  }

  /** An open case of some grids, for work done in batches (such as a mode switch). */
  public record OpenCase(long id, String processInstanceId, String gridCode, String slaMode) {
  }

  /**
   * Open cases after the given id, oldest first, in the given grids (all grids when null), at most
   * {@code limit}: a keyset page, so a batch does not slow down as it goes.
   */
  @Transactional(readOnly = true)
  public java.util.List<OpenCase> openCases(long afterId, Collection<String> gridCodes, int limit) {
    if (gridCodes != null && gridCodes.isEmpty()) {
      return java.util.List.of();
    }
    String grids = gridCodes == null ? "" : " and grid_code in (:grids)";
    var query = jdbc.sql("select id, process_instance_id, grid_code, sla_mode from gc_request"
            + " where closed_at is null and process_instance_id is not null and id > :after" + grids
            + " order by id fetch first " + limit + " rows only")
        .param("after", afterId);
    if (gridCodes != null) {
      query = query.param("grids", gridCodes);
    }
    return query.query((rs, row) -> new OpenCase(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /**
   * The ids that split the open cases of the given grids (all grids when null) into pages of {@code size},
   * oldest first: the id of every {@code size}-th case. Lets a mode switch work on its pages in parallel.
   */
  @Transactional(readOnly = true)
  public java.util.List<Long> openCaseBoundaries(Collection<String> gridCodes, int size) {
    if (gridCodes != null && gridCodes.isEmpty()) {
      return java.util.List.of();
    }
    String grids = gridCodes == null ? "" : " and grid_code in (:grids)";
    var query = jdbc.sql("select id from (select id, row_number() over (order by id) as n from gc_request"
            + " where closed_at is null and process_instance_id is not null" + grids + ") p where mod(n, :size) = 0"
            + " order by id")
        .param("size", size);
    if (gridCodes != null) {
      query = query.param("grids", gridCodes);
    }
    return query.query(Long.class).list();
  }

  /**
   * What triage is shown of a possibly same case, where it is and how it came in: no personal data, and nothing
   * that changes once the request is stored.
   */
  public record CaseSummary(long id, String trackingNumber, Instant receivedAt, String description, Double latitude,
      Double longitude, String channel) {
  }

  /**
   * Read once per transaction: a case's start asks three times (the triage decision's summary and channel, the
   * duplicate check), and a summary does not change.
   */
  @Transactional(readOnly = true)
  public Optional<CaseSummary> summary(long id) {
    Map<Long, CaseSummary> known = TransactionSynchronizationManager.isSynchronizationActive()
        ? summariesOfThisTransaction() : new HashMap<>();
    CaseSummary summary = known.get(id);
    if (summary == null) {
      summary = jdbc.sql("select " + SUMMARY_COLUMNS + " from gc_request where id = ?").param(id)
          .query(Requests::summary).optional().orElse(null);
      if (summary != null) {
        known.put(id, summary);
      }
    }
    return Optional.ofNullable(summary);
  }

  @SuppressWarnings("unchecked")
  private static Map<Long, CaseSummary> summariesOfThisTransaction() {
    Map<Long, CaseSummary> known = (Map<Long, CaseSummary>) TransactionSynchronizationManager.getResource(SUMMARIES);
    if (known == null) {
      known = new HashMap<>();
      TransactionSynchronizationManager.bindResource(SUMMARIES, known);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(SUMMARIES);
        }
      });
    }
    return known;
  }

  /**
   * Open cases (neither closed nor declined) of a category in a grid, newest first, at most {@code limit}:
   * the candidates for a duplicate.
   */
  @Transactional(readOnly = true)
  public java.util.List<CaseSummary> openCasesOf(String gridCode, String categoryCode, int limit) {
    return jdbc.sql("select " + SUMMARY_COLUMNS + " from gc_request"
            + " where grid_code = ? and category_code = ? and closed_at is null and decline_reason is null"
            + " and process_instance_id is not null order by received_at desc, id desc fetch first " + limit
            + " rows only")
        .params(gridCode, categoryCode).query(Requests::summary).list();
  }

  /** Triage merged this request into an open case: its requester is to get that case's result. */
  public void recordDuplicateOf(long id, long originalId, String actor) {
    jdbc.sql("update gc_request set duplicate_of = ? where id = ?").params(originalId, id).update();
    String original = jdbc.sql("select tracking_number from gc_request where id = ?").param(originalId)
        .query(String.class).single();
    event(id, "MERGED", actor, original);
  }

  /** The case this request was merged into as a duplicate, if any. */
  @Transactional(readOnly = true)
  public Optional<RequestView> duplicateOf(long id) {
    return jdbc.sql("select o.* from gc_request d join gc_request o on o.id = d.duplicate_of where d.id = ?")
        .param(id).query(Requests::view).optional();
  }

  /** Requests merged into this case whose requester has an e-mail and has not been sent its result yet. */
  @Transactional(readOnly = true)
  public java.util.List<RequestView> duplicatesAwaitingResult(long originalId) {
    return jdbc.sql("select * from gc_request where duplicate_of = ? and requester_email is not null"
        + " and duplicate_result_sent_at is null order by id").param(originalId).query(Requests::view).list();
  }

  @Transactional(readOnly = true)
  public boolean duplicateResultSent(long id) {
    return jdbc.sql("select count(*) from gc_request where id = ? and duplicate_result_sent_at is not null")
        .param(id).query(Integer.class).single() > 0;
  }

  /**
   * The merged request's requester was sent the original's result. Committed on its own, right after the
   * send, so a later failure of the same job (and its retry) does not send it again.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
  public void recordDuplicateResultSent(long id) {
    jdbc.sql("update gc_request set duplicate_result_sent_at = ? where id = ?").params(ts(now()), id).update();
    event(id, "DUPLICATE_RESULT_SENT", null, null);
  }

  /** One step in a case's history: what happened and when, without who or the text. */
  public record CaseEvent(String kind, Instant at) {
  }

  @Transactional(readOnly = true)
  public java.util.List<CaseEvent> events(long id) {
    return jdbc.sql("select kind, at from gc_request_event where request_id = ? order by id").param(id)
        .query((rs, row) -> new CaseEvent(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
  }

  /**
   * What a task form shows of a case besides {@link RequestView}: where, in which mode, when it was handled.
   * Contains personal data (the requester is in the view): never log it.
   */
  public record CaseFile(RequestView request, String address, Double latitude, Double longitude, String slaMode,
      Instant handledAt, String satisfaction) {
  }

  @Transactional(readOnly = true)
  public Optional<CaseFile> caseFile(long id) {
    return jdbc.sql("select * from gc_request where id = ?").param(id)
        .query((rs, row) -> new CaseFile(view(rs, row), rs.getString("address"), number(rs, "latitude"),
            number(rs, "longitude"), rs.getString("sla_mode"), instant(rs, "handled_at"),
            rs.getString("satisfaction")))
        .optional();
  }

  /** One entry of a case's history as the people who handle it read it: what, who (a login id), the note. */
  public record CaseEntry(String kind, String actor, String note, Instant at) {
  }

  @Transactional(readOnly = true)
  public java.util.List<CaseEntry> history(long id) {
    return jdbc.sql("select kind, actor, note, at from gc_request_event where request_id = ? order by id").param(id)
        .query((rs, row) -> new CaseEntry(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant()))
        .list();
  }

  /** A department called in by a whistle, and its report once given (reportedAt null until then). */
  public record DepartmentCall(String departmentCode, boolean lead, Instant requestedAt, String reportedBy,
      Instant reportedAt, String note) {
  }

  /** Every department call of the case, oldest round first. */
  @Transactional(readOnly = true)
  public java.util.List<DepartmentCall> departmentCalls(long id) {
    return jdbc.sql("select department_code, lead, requested_at, reported_by, reported_at, note"
            + " from gc_department_report where request_id = ? order by requested_at, id").param(id)
        .query((rs, row) -> new DepartmentCall(rs.getString(1), rs.getBoolean(2), instant(rs, "requested_at"),
            rs.getString(4), instant(rs, "reported_at"), rs.getString(6)))
        .list();
  }

  private void status(long id, RequestStatus status) {
    jdbc.sql("update gc_request set status = ? where id = ?").params(status.name(), id).update();
  }

  private static final String INSERT_EVENT =
      "insert into gc_request_event (request_id, kind, actor, note, at) values (?, ?, ?, ?, ?)";

  private void event(long id, String kind, String actor, String note) {
    jdbc.sql(INSERT_EVENT)
        .params(id, kind, actor, note, ts(now())).update();
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static RequestView view(ResultSet rs, int row) throws SQLException {
    return new RequestView(rs.getLong("id"), rs.getString("tracking_number"),
        RequestStatus.valueOf(rs.getString("status")), rs.getString("grid_code"), rs.getString("category_code"),
        rs.getString("colour"), rs.getString("description"), rs.getString("channel"),
        rs.getString("requester_name"), rs.getString("requester_email"), rs.getString("requester_phone"),
        rs.getString("decline_reason"), rs.getString("decline_note"), rs.getString("handled_by"),
        rs.getString("handling_note"), instant(rs, "received_at"), instant(rs, "due_at"), instant(rs, "closed_at"));
  }

  private static CaseSummary summary(ResultSet rs, int row) throws SQLException {
    return new CaseSummary(rs.getLong("id"), rs.getString("tracking_number"), instant(rs, "received_at"),
        rs.getString("description"), number(rs, "latitude"), number(rs, "longitude"), rs.getString("channel"));
  }

  private static Double number(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** A public link to a photo or other media of the request, as a channel (Open311) hands it in. */
  public void recordMedia(long id, String mediaUrl) {
    jdbc.sql("update gc_request set media_url = ? where id = ?").params(mediaUrl, id).update();
  }
}
