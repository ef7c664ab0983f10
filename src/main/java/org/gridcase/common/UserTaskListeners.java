package org.gridcase.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Task listeners an engine plugin puts on every user task of every deployed process, so no model forgets them. */
public final class UserTaskListeners {

  private UserTaskListeners() {
  }

  /** Calls {@code addListeners} with each user task's definition as it is parsed (after the model's own listeners). */
  public static void onEveryUserTask(ProcessEngineConfigurationImpl configuration, Consumer<TaskDefinition> addListeners) {
    onEveryUserTaskOf(configuration, null, addListeners);
  }

  /** The same, for the user tasks of one process only ({@code processKey}; null: every process). */
  public static void onEveryUserTaskOf(ProcessEngineConfigurationImpl configuration, String processKey,
      Consumer<TaskDefinition> addListeners) {
    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners();
    if (parseListeners == null) {
      parseListeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(parseListeners);
    }
    parseListeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask && (processKey == null
            || activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
            && processKey.equals(definition.getKey()))) {
          addListeners.accept(userTask.getTaskDefinition());
        }
      }
    });
  }
}
