package org.gridcase.emergency;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.gridcase.common.UserTaskListeners;
import org.gridcase.intake.CitizenRequestProcess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts {@link EmergencyTaskNames} on the create event of every user task of citizen-request, so no task
 * of the model (and none a modeler adds) can forget it, and the model's task lines stay untouched.
 */
@Component
class EmergencyTaskNamePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<EmergencyTaskNames> names;

  EmergencyTaskNamePlugin(ObjectProvider<EmergencyTaskNames> names) {
    this.names = names;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener lookedUp = task -> names.getObject().notify(task);
    UserTaskListeners.onEveryUserTaskOf(configuration, CitizenRequestProcess.KEY,
        definition -> definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, lookedUp));
  }
}
