package org.gridcase.caseform;

import static org.gridcase.intake.CitizenRequestProcess.Variables.COLOUR;
import static org.gridcase.intake.CitizenRequestProcess.Variables.DEPARTMENT_CODE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.HANDLER_LEVEL;
import static org.gridcase.intake.CitizenRequestProcess.Variables.LEAD_DEPARTMENT;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.attachment.Attachments;
import org.gridcase.calendar.WorkingTime;
import org.gridcase.intake.CitizenRequestProcess;
import org.gridcase.intake.CitizenRequestProcess.Elements;
import org.gridcase.intake.CitizenRequestProcess.Values;
import org.gridcase.intake.DeclineReasons;
import org.gridcase.intake.RequestView;
import org.gridcase.intake.RequesterAccess;
import org.gridcase.intake.Requests;
import org.gridcase.intake.Requests.CaseEntry;
import org.gridcase.intake.Requests.CaseFile;
import org.gridcase.intake.Requests.DepartmentCall;
import org.gridcase.matters.Colour;
import org.gridcase.matters.Matter;
import org.gridcase.matters.MatterCatalogue;
import org.gridcase.organization.OrganizationDirectory;
import org.gridcase.organization.Role;
import org.gridcase.organization.UnitView;
import org.gridcase.security.SystemAccess;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What a task form of citizen-request shows of its case, read from gc_request when the form opens: names,
 * never login ids or codes; the requester as the viewer may see them. Plain text only (the forms show it in
 * disabled text fields), except the attachment links, which are built from ids.
 */
@Component
class CaseFormContent {

  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private static final Map<String, String> KINDS = Map.ofEntries(
      Map.entry("RECEIVED", "收到诉求"), Map.entry("TRIAGED", "研判受理"), Map.entry("DECLINED", "不予受理"),
      Map.entry("RETURNED", "退单"), Map.entry("EXTENSION_REQUESTED", "申请延期"),
      Map.entry("EXTENSION_APPROVED", "同意延期"), Map.entry("EXTENSION_REFUSED", "不同意延期"),
      Map.entry("WHISTLE", "网格吹哨"), Map.entry("DEPARTMENT_REPORT", "部门报到"), Map.entry("HANDLED", "办结"),
      Map.entry("FEEDBACK_MAIL", "邮件反馈"), Map.entry("FEEDBACK_CALL", "电话反馈"),
      Map.entry("REVIEWED", "满意度回访"), Map.entry("SUPERVISED", "督办"), Map.entry("SUPERVISED_OVERDUE", "超时督办"),
      Map.entry("REASSIGNED", "改派"), Map.entry("CLOSED", "办结归档"), Map.entry("MODE_EMERGENCY", "转入应急模式"),
      Map.entry("MODE_NORMAL", "恢复平时模式"), Map.entry("OVERDUE", "超过时限"), Map.entry("ESCALATED", "超时上报"),
      Map.entry("EMERGENCY_DISPATCHED", "应急派单"), Map.entry("EMERGENCY_REPORT", "应急处置报告"),
      Map.entry("MAIL_REPLY", "群众来信补充"), Map.entry("ATTACHMENT_REFUSED", "附件未接收"),
      Map.entry("URGENCY_HINT", "紧急程度提示"), Map.entry("OFFERED_TO_BACKUP", "转B角办理"));
  /** Kinds whose note is a code for the system, not words for a person. */
  private static final List<String> NO_NOTE = List.of("OVERDUE", "ESCALATED", "OFFERED_TO_BACKUP");
  private static final Map<String, String> CHOICES = Map.of("satisfied", "满意", "basically-satisfied", "基本满意",
      "unsatisfied", "不满意", "unreachable", "联系不上", Values.REHANDLE, "重办", "close", "办结",
      "community", "社区党委", "grid", "网格党组织");
  private static final List<String> FEEDBACK_TASKS = List.of(Elements.TASK_FEEDBACK_CALL,
      Elements.TASK_SATISFACTION_REVIEW, Elements.TASK_SUPERVISE);

  private final TaskService tasks;
  private final IdentityService identity;
  private final SystemAccess system;
  private final Requests requests;
  private final RequesterAccess requesterAccess;
  private final Attachments attachments;
  private final OrganizationDirectory organization;
  private final MatterCatalogue matters;
  private final ZoneId zone;

  CaseFormContent(@Lazy TaskService tasks, @Lazy IdentityService identity, SystemAccess system, Requests requests,
      RequesterAccess requesterAccess, Attachments attachments, OrganizationDirectory organization,
      MatterCatalogue matters, WorkingTime workingTime) {
    this.tasks = tasks;
    this.identity = identity;
    this.system = system;
    this.requests = requests;
    this.requesterAccess = requesterAccess;
    this.attachments = attachments;
    this.organization = organization;
    this.matters = matters;
    this.zone = workingTime.zone();
  }

  /**
   * The case values for a task's form as {@code viewer} may see them; empty for a task that is not of a
   * citizen request. Call only after the engine let the viewer read the task's form variables.
   */
  Map<String, String> forTask(String taskId, String viewer) {
    return system.call(() -> {
      Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
      if (task == null || task.getProcessDefinitionId() == null
          || !task.getProcessDefinitionId().startsWith(CitizenRequestProcess.KEY + ":")) {
        return Map.of();
      }
      Map<String, Object> variables = tasks.getVariables(taskId, List.of(REQUEST_ID.name(), DEPARTMENT_CODE.name(),
          LEAD_DEPARTMENT.name(), COLOUR.name(), HANDLER_LEVEL.name()));
      if (!(variables.get(REQUEST_ID.name()) instanceof Number requestId)) {
        return Map.of();
      }
      return requests.caseFile(requestId.longValue())
          .map(file -> values(task.getTaskDefinitionKey(), variables, file, viewer)).orElse(Map.of());
    });
  }

  private Map<String, String> values(String taskKey, Map<String, Object> variables, CaseFile file, String viewer) {
    RequestView request = file.request();
    Names names = new Names();
    Map<String, String> values = new LinkedHashMap<>();
    values.put(CaseFormValues.TRACKING_NUMBER, request.trackingNumber());
    values.put(CaseFormValues.CATEGORY, Optional.ofNullable(request.categoryCode()).flatMap(matters::find)
        .map(Matter::name).orElse("未分类"));
    values.put(CaseFormValues.COLOUR, Colour.ofKey(request.colour()).map(colour -> colour.label() + "色")
        .orElse("待研判"));
    values.put(CaseFormValues.PLACE, place(file));
    values.put(CaseFormValues.DESCRIPTION, request.description());
    values.put(CaseFormValues.TIMELINE, timeline(request.id(), names));
    putIfPresent(values, CaseFormValues.ATTACHMENTS, attachments.markdownLinks(request.id(), request.trackingNumber()));
    if (Values.MODE_EMERGENCY.equals(file.slaMode())) {
      values.put(CaseFormValues.EMERGENCY, "应急");
    }
    if (FEEDBACK_TASKS.contains(taskKey)) {
      RequesterAccess.Requester requester = requesterAccess.requesterFor(viewer, request);
      values.put(CaseFormValues.REQUESTER_NAME, Optional.ofNullable(requester.name()).orElse("（未留姓名）"));
      values.put(CaseFormValues.REQUESTER_PHONE, Optional.ofNullable(requester.phone()).orElse("（未留电话）"));
      values.put(CaseFormValues.RESULT, result(request));
      values.put(CaseFormValues.HANDLER, request.handledBy() == null ? "—"
          : names.person(request.handledBy()) + (file.handledAt() == null ? "" : "　" + when(file.handledAt())));
    }
    List<DepartmentCall> calls = requests.departmentCalls(request.id());
    if (Elements.TASK_DEPARTMENT_REPORT.equals(taskKey)) {
      values.put(CaseFormValues.DEPARTMENT, names.unit((String) variables.get(DEPARTMENT_CODE.name())));
      String lead = (String) variables.get(LEAD_DEPARTMENT.name());
      values.put(CaseFormValues.LEAD_DEPARTMENT, lead == null ? "未指定牵头部门" : names.unit(lead));
      values.put(CaseFormValues.WHISTLE_REASON, whistleReason(request.id(), calls));
    }
    if (Elements.HANDLING_TASKS.contains(taskKey) || Elements.TASK_APPROVE_EXTENSION.equals(taskKey)) {
      putIfPresent(values, CaseFormValues.DEPARTMENT_REPORTS, departmentReports(calls, names));
    }
    if (Elements.TASK_TRIAGE.equals(taskKey)) {
      String colour = Colour.ofKey((String) variables.get(COLOUR.name())).map(c -> c.label() + "色").orElse("—");
      String level = Optional.ofNullable((String) variables.get(HANDLER_LEVEL.name())).flatMap(Role::ofKey)
          .map(Role::label).orElse("—");
      values.put(CaseFormValues.PROPOSAL, colour + "，由" + level + "办理");
    }
    return values;
  }

  private String place(CaseFile file) {
    List<String> parts = new ArrayList<>();
    if (file.address() != null) {
      parts.add(file.address());
    } else if (file.latitude() != null && file.longitude() != null) {
      parts.add("经纬度 " + file.latitude() + ", " + file.longitude());
    }
    String gridCode = file.request().gridCode();
    if (gridCode != null) {
      // Grid names carry their community's (朝阳社区第1网格); the street completes the place.
      organization.findUnit(gridCode).ifPresent(grid -> parts.add(street(grid) + grid.name()));
    } else {
      parts.add("网格待定");
    }
    return String.join("　·　", parts);
  }

  private String street(UnitView grid) {
    return Optional.ofNullable(grid.parentCode()).flatMap(organization::findUnit).map(UnitView::parentCode)
        .flatMap(organization::findUnit).map(UnitView::name).orElse("");
  }

  private static String result(RequestView request) {
    if (request.declineReason() != null) {
      return "不予受理：" + DeclineReasons.label(request.declineReason(), request.declineReason())
          + (request.declineNote() == null ? "" : "。" + request.declineNote());
    }
    return request.handlingNote() == null ? "（尚未办结）" : request.handlingNote();
  }

  /** Who did what, when, with their notes: one line per step, oldest first. */
  private String timeline(long requestId, Names names) {
    StringBuilder text = new StringBuilder();
    for (CaseEntry entry : requests.history(requestId)) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append(when(entry.at())).append('　')
          .append(KINDS.getOrDefault(entry.kind(), entry.kind().startsWith("FEEDBACK_") ? "反馈" : entry.kind()));
      if (entry.actor() != null) {
        text.append('　').append(names.person(entry.actor()));
      }
      String note = NO_NOTE.contains(entry.kind()) ? null : note(entry, names);
      if (note != null && !note.isBlank()) {
        text.append('：').append(note);
      }
    }
    return text.toString();
  }

  /** A note in words: codes of departments, decline reasons and choices replaced by their names. */
  private String note(CaseEntry entry, Names names) {
    String note = entry.note();
    if (note == null) {
      return null;
    }
    switch (entry.kind()) {
      case "DECLINED", "REVIEWED", "SUPERVISED", "EMERGENCY_REPORT" -> {
        int colon = note.indexOf(": ");
        String code = colon < 0 ? note : note.substring(0, colon);
        String rest = colon < 0 ? "" : "，" + note.substring(colon + 2);
        String label = "DECLINED".equals(entry.kind()) ? DeclineReasons.label(code, code)
            : CHOICES.getOrDefault(code, code);
        return label + rest;
      }
      case "WHISTLE" -> {
        // "D-CG,D-GA (牵头: D-CG): reason", or without a lead "D-CG: reason".
        String named = names.departmentsIn(note).replace(",", "、");
        return note.contains(" (牵头: ") ? named : named.replaceFirst(": ", "：");
      }
      case "DEPARTMENT_REPORT" -> {
        return names.departmentsIn(note.replaceFirst(": ", "："));
      }
      case "REASSIGNED" -> {
        return names.person(note);
      }
      default -> {
        return names.departmentsIn(note);
      }
    }
  }

  /** The reason the handler gave for the latest whistle: the note of its event, after the departments. */
  private String whistleReason(long requestId, List<DepartmentCall> calls) {
    List<CaseEntry> whistles = requests.history(requestId).stream().filter(e -> "WHISTLE".equals(e.kind())).toList();
    if (whistles.isEmpty() || whistles.get(whistles.size() - 1).note() == null) {
      return "（未说明）";
    }
    String note = whistles.get(whistles.size() - 1).note();
    Instant round = calls.stream().map(DepartmentCall::requestedAt).max(Comparator.naturalOrder()).orElse(null);
    List<DepartmentCall> latest = calls.stream().filter(call -> call.requestedAt().equals(round)).toList();
    String lead = latest.stream().filter(DepartmentCall::lead).map(DepartmentCall::departmentCode).findFirst()
        .orElse(null);
    // As Requests.recordWhistle writes it: "D-CG,D-GA (牵头: D-CG): reason".
    String prefix = String.join(",", latest.stream().map(DepartmentCall::departmentCode).toList())
        + (lead == null ? "" : " (牵头: " + lead + ")") + ": ";
    return note.startsWith(prefix) ? note.substring(prefix.length()) : new Names().departmentsIn(note);
  }

  /** Each department's report, newest round first; null before any report. */
  private String departmentReports(List<DepartmentCall> calls, Names names) {
    List<DepartmentCall> reported = calls.stream().filter(call -> call.reportedAt() != null)
        .sorted(Comparator.comparing(DepartmentCall::reportedAt).reversed()).toList();
    if (reported.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (DepartmentCall call : reported) {
      if (!text.isEmpty()) {
        text.append("\n\n");
      }
      text.append(names.unit(call.departmentCode())).append(call.lead() ? "（牵头）" : "").append('　')
          .append(names.person(call.reportedBy())).append('　').append(when(call.reportedAt())).append('\n')
          .append(call.note() == null ? "" : call.note());
    }
    List<String> waiting = calls.stream().filter(call -> call.reportedAt() == null)
        .map(call -> names.unit(call.departmentCode())).toList();
    if (!waiting.isEmpty()) {
      text.append("\n\n尚未报到：").append(String.join("、", waiting));
    }
    return text.toString();
  }

  private String when(Instant at) {
    return WHEN.format(at.atZone(zone));
  }

  private static void putIfPresent(Map<String, String> values, String key, String value) {
    if (value != null) {
      values.put(key, value);
    }
  }

  /** Names of people and units, looked up once per form. */
  private final class Names {

    private final Map<String, String> people = new HashMap<>();
    private Map<String, String> departments;

    String person(String userId) {
      if (userId == null) {
        return "系统";
      }
      return people.computeIfAbsent(userId, id -> {
        User user = identity.createUserQuery().userId(id).singleResult();
        String name = user == null ? null
            : ((user.getFirstName() == null ? "" : user.getFirstName())
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        // Not a person of the organisation: a connected system or channel, named by its id.
        return name == null || name.isEmpty() ? id : name;
      });
    }

    String unit(String code) {
      return code == null ? "—" : organization.findUnit(code).map(UnitView::name).orElse(code);
    }

    /** The text with every department code replaced by the department's name. */
    String departmentsIn(String text) {
      if (departments == null) {
        departments = new LinkedHashMap<>();
        organization.departments().stream().sorted(Comparator.comparing((UnitView unit) -> unit.code().length())
            .reversed()).forEach(unit -> departments.put(unit.code(), unit.name()));
      }
      String named = text;
      for (Map.Entry<String, String> department : departments.entrySet()) {
        named = named.replace(department.getKey(), department.getValue());
      }
      return named.replace(" (牵头: ", "（牵头：").replace("): ", "）：");
    }
  }
}
