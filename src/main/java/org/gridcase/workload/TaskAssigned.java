package org.gridcase.workload;

/**
 * A user task got an assignee (claimed, assigned, or handed over to a backup). Published inside the
 * engine's transaction; listen with {@code @TransactionalEventListener} to act only once it committed.
 *
 * @param assignee the final assignee, after any redirection to a backup
 * @param assignedBy the authenticated user who assigned it, or null when the system did
 */
public record TaskAssigned(String taskId, String taskName, String processInstanceId, String assignee,
    String assignedBy) {
}
