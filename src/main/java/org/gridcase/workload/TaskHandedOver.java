package org.gridcase.workload;

/**
 * A task moved from an absent person to their backup (AB角). Published inside the engine's transaction,
 * like {@link TaskAssigned}, which follows for the new assignee.
 */
public record TaskHandedOver(String taskId, String taskName, String fromUserId, String toUserId) {
}
