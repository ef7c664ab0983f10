package org.gridcase.handling;

import static org.gridcase.intake.CitizenRequestProcess.Variables.EXTENSION_DAYS;
import static org.gridcase.intake.CitizenRequestProcess.Variables.HANDLER;
import static org.gridcase.intake.CitizenRequestProcess.Variables.HANDLING_ACTION;
import static org.gridcase.intake.CitizenRequestProcess.Variables.HANDLING_NOTE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.LEAD_CONCLUDED;
import static org.gridcase.intake.CitizenRequestProcess.Variables.LEAD_DEPARTMENT;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;
import static org.gridcase.intake.CitizenRequestProcess.Variables.RETURN_REASON;
import static org.gridcase.intake.CitizenRequestProcess.Variables.WHISTLE_DEPARTMENTS;
import static org.gridcase.intake.CitizenRequestProcess.Variables.WHISTLE_DEPARTMENT_LIST;
import static org.gridcase.intake.CitizenRequestProcess.Variables.WHISTLE_STARTED_AT;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.json.SpinJsonNode;
import org.gridcase.common.TaskInput;
import org.gridcase.intake.CitizenRequestProcess.Values;
import org.gridcase.intake.Requests;
import org.gridcase.organization.OrganizationDirectory;
import org.gridcase.organization.UnitView;
import org.gridcase.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Completion of a handling task (green, yellow or red): done, returned (退单), an extension asked for,
 * or departments called in (网格吹哨). Records it; {@code Gateway_HandlingAction} routes on the action.
 */
@Component("handlingListener")
class HandlingListener implements TaskListener {

  private static final Set<String> ACTIONS = Set.of(Values.DONE, Values.RETURN, Values.EXTENSION, Values.WHISTLE);

  private final Requests requests;
  private final OrganizationDirectory organization;
  private final HandlingDeadlines deadlines;
  private final CurrentUser currentUser;

  HandlingListener(Requests requests, OrganizationDirectory organization, HandlingDeadlines deadlines,
      CurrentUser currentUser) {
    this.requests = requests;
    this.organization = organization;
    this.deadlines = deadlines;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    // Every problem of the form at once, before anything is written.
    TaskInput.Checks checks = new TaskInput.Checks(task);
    String action = checks.choice(HANDLING_ACTION, ACTIONS);
    String note = checks.text(HANDLING_NOTE, true, 4000);
    Number days = EXTENSION_DAYS.getOrNull(task);
    if (Values.EXTENSION.equals(action)
        && (days == null || days.intValue() < 1 || days.intValue() > deadlines.maxExtensionDays())) {
      checks.reject(EXTENSION_DAYS.name(), "延期天数应为 1 到 " + deadlines.maxExtensionDays() + " 天");
    }
    List<String> departments = departmentCodes(WHISTLE_DEPARTMENTS.getOrNull(task));
    String lead = LEAD_DEPARTMENT.text(task);
    if (Values.WHISTLE.equals(action)) {
      checkWhistle(checks, departments, lead);
    }
    checks.throwIfAny();
    String actor = currentUser.actorOf(task);
    long requestId = REQUEST_ID.get(task);
    switch (action) {
      case Values.DONE -> requests.recordHandled(requestId, actor, note);
      case Values.RETURN -> {
        requests.recordReturned(requestId, actor, note);
        RETURN_REASON.set(task, note);
      }
      case Values.EXTENSION -> {
        EXTENSION_DAYS.set(task, days.longValue());
        requests.recordExtensionRequested(requestId, actor, days.intValue(), note);
      }
      default -> whistle(task, requestId, actor, note, departments, lead);
    }
    if (Values.EXTENSION.equals(action) || Values.WHISTLE.equals(action)) {
      HANDLER.set(task, actor);
    }
    HANDLING_NOTE.remove(task);
  }

  private void checkWhistle(TaskInput.Checks checks, List<String> departments, String lead) {
    Set<String> known = organization.departments().stream().map(UnitView::code).collect(Collectors.toSet());
    if (departments.isEmpty()) {
      checks.reject(WHISTLE_DEPARTMENTS.name(), "请选择至少一个报到部门 (choose at least one department)");
    }
    for (String department : departments) {
      if (!known.contains(department)) {
        checks.reject(WHISTLE_DEPARTMENTS.name(), "未知部门 '" + department + "'");
      }
    }
    if (lead != null && !departments.isEmpty() && !departments.contains(lead)) {
      checks.reject(LEAD_DEPARTMENT.name(), "牵头部门须在报到部门之中 (the lead must be called in)");
    }
  }

  private void whistle(DelegateTask task, long requestId, String actor, String note, List<String> departments,
      String lead) {
    requests.recordWhistle(requestId, actor, departments, lead, note);
    WHISTLE_DEPARTMENT_LIST.set(task, new ArrayList<>(departments));
    WHISTLE_STARTED_AT.set(task, ClockUtil.getCurrentTime());
    LEAD_DEPARTMENT.set(task, lead);
    LEAD_CONCLUDED.set(task, false);
    WHISTLE_DEPARTMENTS.remove(task);
  }

  /** A Tasklist checklist arrives as a JSON array; REST clients may send a list or "D-CG,D-GA". */
  static List<String> departmentCodes(Object value) {
    Set<String> codes = new LinkedHashSet<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(element -> codes.add(element.stringValue().strip()));
    } else if (value instanceof Iterable<?> items) {
      items.forEach(item -> codes.add(String.valueOf(item).strip()));
    } else if (value != null) {
      for (String code : value.toString().replaceAll("[\\[\\]\"]", "").split(",")) {
        codes.add(code.strip());
      }
    }
    codes.remove("");
    return new ArrayList<>(codes);
  }
}
