package org.gridcase.escalation;

import static org.gridcase.intake.CitizenRequestProcess.Variables.TRACKING_NUMBER;

import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.gridcase.calendar.WorkingTime;
import org.gridcase.notification.Notice;
import org.gridcase.notification.Notifications;
import org.springframework.stereotype.Component;

/** Notices about one case to the people concerned, once per event and person. */
@Component
class CaseNotices {

  private final Notifications notifications;
  private final WorkingTime workingTime;

  CaseNotices(Notifications notifications, WorkingTime workingTime) {
    this.notifications = notifications;
    this.workingTime = workingTime;
  }

  /** Returns whether this event was new, i.e. at least one person had not been told yet. */
  boolean send(String eventKey, Collection<String> people, Notice notice, VariableScope scope, String taskName,
      Date dueAt, String level) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("trackingNumber", TRACKING_NUMBER.get(scope));
    values.put("taskName", taskName == null ? "诉求办理" : taskName);
    values.put("dueAt", dueAt == null ? "—" : workingTime.display(dueAt.toInstant()));
    values.put("level", level == null ? "" : level);
    boolean fresh = false;
    for (String person : people) {
      fresh |= notifications.notify(eventKey, person, notice, values);
    }
    return fresh;
  }
}
