package org.gridcase.emergency;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
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
    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners();
    if (parseListeners == null) {
      parseListeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(parseListeners);
    }
    TaskListener lookedUp = task -> names.getObject().notify(task);
    parseListeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask
            && activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
            && CitizenRequestProcess.KEY.equals(definition.getKey())) {
          userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, lookedUp);
        }
      }
    });
  }
}
