package org.gridcase.intake;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.common.UserTaskListeners;
import org.gridcase.security.TasklistColumn;
import org.gridcase.security.TasklistColumns;
import org.springframework.stereotype.Component;

/**
 * Puts {@link CaseColumns} on the create event of every user task, after the model's own create listeners (so
 * it copies what they set), and fills the copies in on tasks created before this existed, once at start-up.
 */
@Component
class CaseColumnsPlugin extends AbstractProcessEnginePlugin implements TasklistColumns {

  private final CaseColumns copier = new CaseColumns();

  @Override
  public List<TasklistColumn> columns() {
    return CaseColumns.columns();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskListeners.onEveryUserTask(configuration,
        definition -> definition.addTaskListener(TaskListener.EVENTNAME_CREATE, copier));
  }

  /** Open case tasks without the tracking number copy (created by an older version) get their copies now. */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    List<Task> open = engine.getTaskService().createTaskQuery()
        .processDefinitionKey(CitizenRequestProcess.KEY).list();
    if (open.isEmpty()) {
      return;
    }
    Set<String> copied = new HashSet<>();
    engine.getRuntimeService().createVariableInstanceQuery()
        .variableName(CaseColumns.LIST_TRACKING_NUMBER.name()).list()
        .forEach((VariableInstance variable) -> copied.add(variable.getTaskId()));
    for (Task task : open) {
      if (!copied.contains(task.getId())) {
        engine.getTaskService().setVariablesLocal(task.getId(), copier.copies(
            engine.getRuntimeService().getVariables(task.getExecutionId(), CaseColumns.SOURCES)));
      }
    }
  }
}
