package org.gridcase.workload;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
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
    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners();
    if (parseListeners == null) {
      parseListeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(parseListeners);
    }
    TaskListener lookedUp = task -> listener.getObject().notify(task);
    parseListeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask)) {
          return;
        }
        TaskDefinition definition = userTask.getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, lookedUp);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, lookedUp);
      }
    });
  }
}
