/**
 * 工作量: A/B backups (AB角) and absence (请假/外出). An absent person gets no new tasks: their assigned
 * tasks go to their backup when the absence begins, tasks assigned to them while away go to the backup,
 * and groups whose members are all away are joined by their backups' groups. Publishes
 * {@link org.gridcase.workload.TaskAssigned} and {@link org.gridcase.workload.TaskHandedOver}.
 */
package org.gridcase.workload;
