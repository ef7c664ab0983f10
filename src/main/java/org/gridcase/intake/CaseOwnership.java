package org.gridcase.intake;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Defence in depth behind the engine guard: a listener or delegate acts only on the case its process
 * instance owns. Every read of {@code requestId} inside the engine checks that gc_request.process_instance_id
 * is this instance, or (while the intake transaction that starts it is still open) that the row has no
 * instance yet and its tracking number is this instance's business key. A forged or stale id fails the
 * command before anything is recorded.
 */
final class CaseOwnership {

  /** Pairs of request id and instance already verified in a command (weak keys: gone with the command). */
  private static final Map<CommandContext, Set<String>> VERIFIED = Collections.synchronizedMap(new WeakHashMap<>());

  private CaseOwnership() {
  }

  static void verify(VariableScope scope, Long requestId) {
    if (Context.getCommandContext() == null) {
      return;
    }
    String processInstanceId;
    String businessKey;
    if (scope instanceof DelegateExecution execution) {
      processInstanceId = execution.getProcessInstanceId();
      businessKey = execution.getProcessBusinessKey();
    } else if (scope instanceof DelegateTask task && task.getExecution() != null) {
      processInstanceId = task.getProcessInstanceId();
      businessKey = task.getExecution().getProcessBusinessKey();
    } else {
      return;
    }
    // Checked once per command: listeners and expressions of one command read the id several times.
    Set<String> verified = VERIFIED.computeIfAbsent(Context.getCommandContext(), command -> new HashSet<>());
    String pair = requestId + " " + processInstanceId;
    if (verified.contains(pair)) {
      return;
    }
    // The engine's data source joins the command's transaction, so an intake not yet committed is seen.
    List<Map<String, Object>> rows = new JdbcTemplate(Context.getProcessEngineConfiguration().getDataSource())
        .queryForList("select process_instance_id, tracking_number from gc_request where id = ?", requestId);
    Object owner = rows.isEmpty() ? null : rows.get(0).get("process_instance_id");
    Object trackingNumber = rows.isEmpty() ? null : rows.get(0).get("tracking_number");
    boolean owned = !rows.isEmpty() && (owner != null ? owner.equals(processInstanceId)
        : trackingNumber != null && Objects.equals(trackingNumber, businessKey));
    if (!owned) {
      throw new IllegalStateException("requestId " + requestId + " is not the case of process instance "
          + processInstanceId + "; refused");
    }
    verified.add(pair);
  }
}
