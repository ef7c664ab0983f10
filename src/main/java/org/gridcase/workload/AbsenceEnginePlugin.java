package org.gridcase.workload;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.gridcase.common.EveryUserTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts {@link AbsenceTaskListener} on the create and assignment events of every user task of every
 * deployed process, so no model has to remember it. It is a built-in listener: it runs before the
 * model's own listeners (they see the final assignee) and also when custom listeners are skipped.
 */
@Component
class AbsenceEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<AbsenceTaskListener> listener;

  /** The listener needs the engine's services, so it is looked up at the first task event, not now. */
  AbsenceEnginePlugin(ObjectProvider<AbsenceTaskListener> listener) {
    this.listener = listener;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener lookedUp = task -> listener.getObject().notify(task);
    EveryUserTask.configure(configuration, definition -> {
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, lookedUp);
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, lookedUp);
    });
  }
}
