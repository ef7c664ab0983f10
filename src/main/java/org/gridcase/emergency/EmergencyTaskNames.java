package org.gridcase.emergency;

import static org.gridcase.intake.CitizenRequestProcess.Variables.SLA_MODE;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.gridcase.intake.CitizenRequestProcess.Values;
import org.springframework.stereotype.Component;

/**
 * A task of a case in emergency mode says so in its name (【应急】…), in every inbox, so a handler sees at a
 * glance that its clock runs round the clock. Put on every user task of citizen-request at creation by
 * {@link EmergencyTaskNamePlugin}; {@link ModeSwitcher} renames the open tasks when an area switches.
 */
@Component
class EmergencyTaskNames implements TaskListener {

  static final String PREFIX = "【应急】";

  @Override
  public void notify(DelegateTask task) {
    if (Values.MODE_EMERGENCY.equals(SLA_MODE.getOrNull(task)) && task.getName() != null
        && !task.getName().startsWith(PREFIX)) {
      task.setName(PREFIX + task.getName());
    }
  }

  /**
   * The task's name for the mode: the model's name (re-evaluated, so the tracking number stays), prefixed
   * in emergency mode. Returns whether it changed.
   */
  static boolean rename(TaskEntity task, String mode) {
    Expression modelled = task.getTaskDefinition() == null ? null : task.getTaskDefinition().getNameExpression();
    String name = modelled == null || task.getExecution() == null ? task.getName()
        : String.valueOf(modelled.getValue(task.getExecution()));
    if (name == null) {
      return false;
    }
    if (Values.MODE_EMERGENCY.equals(mode) && !name.startsWith(PREFIX)) {
      name = PREFIX + name;
    } else if (!Values.MODE_EMERGENCY.equals(mode) && modelled == null && name.startsWith(PREFIX)) {
      name = name.substring(PREFIX.length());
    }
    if (Objects.equals(name, task.getName())) {
      return false;
    }
    task.setName(name);
    return true;
  }
}
