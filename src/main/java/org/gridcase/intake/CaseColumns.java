package org.gridcase.intake;

import static org.gridcase.intake.CitizenRequestProcess.Variables.CATEGORY_NAME;
import static org.gridcase.intake.CitizenRequestProcess.Variables.COLOUR;
import static org.gridcase.intake.CitizenRequestProcess.Variables.COLOUR_LABEL;
import static org.gridcase.intake.CitizenRequestProcess.Variables.TRACKING_NUMBER;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridcase.common.ProcessVariable;
import org.gridcase.matters.Colour;
import org.gridcase.security.TasklistColumn;

/**
 * The case columns of the Tasklist filters: tracking number, category and colour, copied onto each task of a
 * case as task-local variables when the task is created.
 *
 * <p>Why copies: Tasklist's list reads the columns with a variable-instance query, and the engine lets that
 * query return a process variable only to someone with READ on the process instance (or READ_INSTANCE on the
 * definition, i.e. every grid's cases). Handlers have neither, only READ on the tasks offered to them, so they
 * saw empty columns. A task-local variable is readable with the task itself: no new grant, no other grid's
 * data. The copies have their own names, so a listener's {@code task.setVariable(...)} still writes the
 * process variable and not the copy.
 *
 * <p>The task's priority follows the case's colour too ({@link Colour#taskPriority()}), like the colour column
 * as of the task's creation.
 */
final class CaseColumns implements TaskListener {

  static final ProcessVariable<String> LIST_TRACKING_NUMBER = ProcessVariable.stringVariable("listTrackingNumber");
  static final ProcessVariable<String> LIST_CATEGORY_NAME = ProcessVariable.stringVariable("listCategoryName");
  static final ProcessVariable<String> LIST_COLOUR_LABEL = ProcessVariable.stringVariable("listColourLabel");

  /** Each copy with the process variable it copies, in column order. */
  private static final List<Copy> COPIES = List.of(new Copy(TRACKING_NUMBER, LIST_TRACKING_NUMBER, "受理编号"),
      new Copy(CATEGORY_NAME, LIST_CATEGORY_NAME, "事项类别"), new Copy(COLOUR_LABEL, LIST_COLOUR_LABEL, "颜色"));

  /** The process variables copied. */
  static final List<String> SOURCES = COPIES.stream().map(copy -> copy.source().name()).toList();

  static List<TasklistColumn> columns() {
    return COPIES.stream().map(copy -> new TasklistColumn(copy.target().name(), copy.label())).toList();
  }

  /** Copies what the case has so far (a case in triage has no colour yet). */
  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> values = new HashMap<>();
    SOURCES.forEach(name -> values.put(name, task.getVariable(name)));
    task.setVariablesLocal(copies(values));
    Colour.ofKey(COLOUR.getOrNull(task)).ifPresent(colour -> task.setPriority(colour.taskPriority()));
  }

  /** The task-local copies of the given process variables; those not set yet are left out. */
  Map<String, Object> copies(Map<String, Object> processVariables) {
    Map<String, Object> copies = new HashMap<>();
    for (Copy copy : COPIES) {
      Object value = processVariables.get(copy.source().name());
      if (value != null && !value.toString().isBlank()) {
        copies.put(copy.target().name(), value.toString());
      }
    }
    return copies;
  }

  private record Copy(ProcessVariable<String> source, ProcessVariable<String> target, String label) {
  }
}
