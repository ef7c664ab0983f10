/**
 * 服务时限: the service level of every waiting task, read from the decision {@code sla}
 * (processes/sla.dmn) and counted on the working-day calendar in normal mode or on the wall clock in
 * emergency mode. BPMN timers and task due dates call the {@code sla} bean.
 */
package org.gridcase.sla;
