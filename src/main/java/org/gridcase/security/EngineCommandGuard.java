package org.gridcase.security;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.query.Query;

/**
 * The engine's own guard, on every command whichever door it came through (engine REST, the web apps'
 * engine API, Java): queries carry no expression but the shipped filters' few and a bounded number of
 * or-queries; a person (authenticated, authorization checks on, not camunda-admin) writes only the fields
 * of the form in front of them and no variable, job or modification else, and reads no statistics unless a
 * supervisor. The application's own work passes: delegates and listeners run with authorization checks
 * off, jobs without a user, {@link SystemAccess} without checks and the intake through
 * {@link TrustedEngineCalls}.
 */
class EngineCommandGuard extends CommandInterceptor {

  /** Writes of variables, tokens and messages that no form stands behind. */
  private static final List<Class<?>> DIRECT_WRITES = List.of(AbstractVariableCmd.class,
      AbstractPatchVariablesCmd.class, SetVariablesToProcessInstancesBatchCmd.class,
      AbstractProcessInstanceModificationCommand.class, ModifyProcessInstanceCmd.class,
      ModifyProcessInstanceAsyncCmd.class, ProcessInstanceModificationCmd.class,
      ProcessInstanceModificationBatchCmd.class, StartProcessInstanceAtActivitiesCmd.class,
      AbstractRestartProcessInstanceCmd.class, SignalCmd.class, SignalEventReceivedCmd.class,
      MessageEventReceivedCmd.class, AbstractCorrelateMessageCmd.class, CorrelateAllMessageBatchCmd.class);

  /** Running or rescheduling jobs: the system's business (history cleanup, timers), or a supervisor's. */
  private static final List<Class<?>> JOB_CONTROL = List.of(ExecuteJobsCmd.class, SetJobRetriesCmd.class,
      AbstractSetJobsRetriesBatchCmd.class, SetJobDuedateCmd.class, RecalculateJobDuedateCmd.class,
      SetJobPriorityCmd.class, SetJobDefinitionPriorityCmd.class, AbstractSetJobStateCmd.class,
      AbstractSetJobDefinitionStateCmd.class, DeleteJobCmd.class, UnlockJobCmd.class);

  private final QueryGuard queries;
  private final FormFields forms;

  EngineCommandGuard(QueryGuard queries, FormFields forms) {
    this.queries = queries;
    this.forms = forms;
  }

  @Override
  public <T> T execute(Command<T> command) {
    CommandContext context = Context.getCommandContext();
    checkQueries(command, context);
    Authentication caller = context == null ? null : context.getAuthentication();
    if (caller != null && caller.getUserId() != null && context.isAuthorizationCheckEnabled()
        && !TrustedEngineCalls.active() && !isMember(caller, AccessGroups.ADMINISTRATORS)) {
      checkPersonsCommand(command, context, caller);
      if (isOwnUnclaim(command, context, caller)) {
        // Handing one's own task back to the group: Camunda asks TASK_ASSIGN for it, which would also let a
        // handler assign any task of theirs to anyone; this one change needs no grant.
        context.disableAuthorizationCheck();
        try {
          return next.execute(command);
        } finally {
          context.enableAuthorizationCheck();
        }
      }
    }
    return next.execute(command);
  }

  private static boolean isOwnUnclaim(Command<?> command, CommandContext context, Authentication caller) {
    if (!(command instanceof AssignTaskCmd assign)
        || field(assign, AbstractAddIdentityLinkCmd.class, "userId", String.class) != null) {
      return false;
    }
    TaskEntity task = context.getTaskManager().findTaskById(field(assign, AbstractSetTaskPropertyCmd.class, "taskId",
        String.class));
    return task != null && caller.getUserId().equals(task.getAssignee());
  }

  private void checkQueries(Command<?> command, CommandContext context) {
    queries.check(command);
    if (command instanceof AbstractExecuteFilterCmd filterCommand) {
      queries.check(field(filterCommand, AbstractExecuteFilterCmd.class, "extendingQuery", Query.class));
      String filterId = field(filterCommand, AbstractExecuteFilterCmd.class, "filterId", String.class);
      FilterEntity filter = filterId == null || context == null ? null
          : context.getFilterManager().findFilterById(filterId);
      if (filter != null) {
        queries.check(filter.getQuery());
      }
    }
  }

  private void checkPersonsCommand(Command<?> command, CommandContext context, Authentication caller) {
    if (isAny(command, DIRECT_WRITES)) {
      throw new AuthorizationException(caller.getUserId() + " may not set variables, correlate messages, signal"
          + " or modify process instances directly (" + command.getClass().getSimpleName() + ");"
          + " variables are set through the task's form");
    }
    boolean supervisor = isMember(caller, AccessGroups.SUPERVISORS);
    if (!supervisor && isAny(command, JOB_CONTROL)) {
      throw new AuthorizationException(caller.getUserId() + " may not execute or reschedule jobs ("
          + command.getClass().getSimpleName() + ")");
    }
    if (!supervisor && isStatistics(command)) {
      throw new AuthorizationException(caller.getUserId() + " may not read statistics or reports ("
          + command.getClass().getSimpleName() + "); they are for supervisors");
    }
    if (command instanceof CompleteTaskCmd complete) {
      checkTaskVariables(context, field(complete, CompleteTaskCmd.class, "taskId", String.class),
          field(complete, CompleteTaskCmd.class, "variables", Map.class));
    } else if (command instanceof SubmitTaskFormCmd submit) {
      checkTaskVariables(context, field(submit, SubmitTaskFormCmd.class, "taskId", String.class),
          field(submit, SubmitTaskFormCmd.class, "properties", Map.class));
    } else if (command instanceof SubmitStartFormCmd submit) {
      ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(field(submit, SubmitStartFormCmd.class, "processDefinitionId", String.class));
      Map<?, ?> variables = field(submit, SubmitStartFormCmd.class, "variables", Map.class);
      undeclared(variables, startFormOf(definition)).ifPresent(message -> {
        throw new FormFieldValidationException(message, message);
      });
    } else if (command instanceof StartProcessInstanceCmd start) {
      ProcessInstantiationBuilderImpl builder =
          field(start, StartProcessInstanceCmd.class, "instantiationBuilder", ProcessInstantiationBuilderImpl.class);
      if (builder.getModificationBuilder() != null
          && !builder.getModificationBuilder().getModificationOperations().isEmpty()) {
        throw new AuthorizationException(caller.getUserId() + " may not start a process at chosen activities");
      }
      var cache = context.getProcessEngineConfiguration().getDeploymentCache();
      ProcessDefinitionEntity definition = builder.getProcessDefinitionId() != null
          ? cache.findDeployedProcessDefinitionById(builder.getProcessDefinitionId())
          : cache.findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
      // Over POST .../start the REST layer turns anything but an authorization failure into 500.
      undeclared(builder.getVariables(), startFormOf(definition)).ifPresent(message -> {
        throw new AuthorizationException(caller.getUserId() + ": " + message);
      });
    }
  }

  private void checkTaskVariables(CommandContext context, String taskId, Map<?, ?> variables) {
    if (variables == null || variables.isEmpty() || taskId == null) {
      return;
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return;
    }
    TaskDefinition definition = task.getTaskDefinition();
    String formId = definition == null ? null : formIdOf(definition.getFormDefinition());
    undeclared(variables, formId).ifPresent(message -> {
      throw new FormFieldValidationException(message, message);
    });
  }

  private static String startFormOf(ProcessDefinitionEntity definition) {
    return definition == null ? null : formIdOf(definition.getStartFormDefinition());
  }

  private static String formIdOf(FormDefinition form) {
    Expression key = form == null ? null : form.getCamundaFormDefinitionKey();
    return key == null ? null : key.getExpressionText();
  }

  /** A message naming the variables that the form does not declare, if any. */
  private Optional<String> undeclared(Map<?, ?> variables, String formId) {
    if (variables == null || variables.isEmpty()) {
      return Optional.empty();
    }
    Set<String> writable = formId == null ? Set.of() : forms.writable(formId).orElse(Set.of());
    TreeSet<String> refused = new TreeSet<>();
    for (Object name : variables.keySet()) {
      if (!writable.contains(String.valueOf(name))) {
        refused.add(String.valueOf(name));
      }
    }
    if (refused.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("variable " + String.join(", ", refused) + ": not a field of "
        + (formId == null ? "any form here" : "form '" + formId + "'") + "; only the form's fields may be set");
  }

  private static boolean isStatistics(Command<?> command) {
    String name = command.getClass().getName();
    String simple = command.getClass().getSimpleName();
    return name.startsWith("org.camunda.bpm.engine.impl.")
        && (simple.contains("Statistics") || simple.endsWith("ReportImpl"));
  }

  private static boolean isAny(Object command, List<Class<?>> types) {
    return types.stream().anyMatch(type -> type.isInstance(command));
  }

  private static boolean isMember(Authentication caller, String group) {
    return caller.getGroupIds() != null && caller.getGroupIds().contains(group);
  }

  /** Camunda keeps a command's input in protected fields without getters; read them as they are. */
  private static <V> V field(Object target, Class<?> owner, String name, Class<V> type) {
    try {
      Field field = owner.getDeclaredField(name);
      field.setAccessible(true);
      return type.cast(field.get(target));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("engine guard cannot read " + owner.getSimpleName() + "." + name
          + "; Camunda changed, the guard must be reviewed", e);
    }
  }
}
