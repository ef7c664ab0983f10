package org.gridcase.supervision;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.gridcase.intake.CitizenRequestProcess.Elements;
import org.gridcase.security.SystemAccess;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The overdue board (超期督办榜) and the escalations in progress, for the supervisors' dashboard. */
@Service
@Transactional(readOnly = true)
class Board {

  /** An open case past its due date; no personal data. */
  record OverdueCase(String trackingNumber, String gridCode, String gridName, String communityCode, String streetCode,
      String colour, String categoryCode, String status, Instant dueAt, long overdueHours, int escalations,
      String processInstanceId) {
  }

  /** A supervision task (超时督办) that is open now. */
  record Escalation(String trackingNumber, String taskName, String supervisingGroup, Instant since, Instant dueAt,
      String processInstanceId) {
  }

  private final JdbcClient jdbc;
  private final TaskService tasks;
  private final SystemAccess system;

  Board(JdbcClient jdbc, @Lazy TaskService tasks, SystemAccess system) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.system = system;
  }

  /** Oldest due first; {@code area} is a street, community or grid code, or null for the district. */
  List<OverdueCase> overdue(String area, int limit) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    String where = area == null || area.isBlank() ? ""
        : " and (r.grid_code = :area or g.parent_code = :area or c.parent_code = :area)";
    var query = jdbc.sql("select r.tracking_number, r.grid_code, g.name as grid_name, g.parent_code as community,"
            + " c.parent_code as street, r.colour, r.category_code, r.status, r.due_at, r.escalation_count,"
            + " r.process_instance_id from gc_request r left join gc_unit g on g.code = r.grid_code"
            + " left join gc_unit c on c.code = g.parent_code"
            + " where r.closed_at is null and r.due_at < :now" + where
            + " order by r.due_at fetch first " + Math.max(1, Math.min(limit, 500)) + " rows only")
        .param("now", Timestamp.from(now));
    if (!where.isEmpty()) {
      query = query.param("area", area);
    }
    return query.query((rs, row) -> {
      Instant due = rs.getTimestamp("due_at").toInstant();
      return new OverdueCase(rs.getString("tracking_number"), rs.getString("grid_code"), rs.getString("grid_name"),
          rs.getString("community"), rs.getString("street"), rs.getString("colour"), rs.getString("category_code"),
          rs.getString("status"), due, Duration.between(due, now).toHours(), rs.getInt("escalation_count"),
          rs.getString("process_instance_id"));
    }).list();
  }

  List<Escalation> escalations(int limit) {
    return system.call(() -> tasks.createTaskQuery()
        .taskDefinitionKeyIn(Elements.TASK_SUPERVISE_HANDLING_OVERDUE, Elements.TASK_SUPERVISE_EMERGENCY_OVERDUE)
        .orderByTaskCreateTime().asc().listPage(0, Math.max(1, Math.min(limit, 500))).stream()
        .map(task -> new Escalation(task.getName().replaceAll(".* ", ""), task.getName(), groupOf(task.getId()),
            task.getCreateTime().toInstant(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
            task.getProcessInstanceId()))
        .toList());
  }

  private String groupOf(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElse(null);
  }

}
