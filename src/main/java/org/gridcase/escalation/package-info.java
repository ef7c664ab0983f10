/**
 * 超时督办: reminders at the warning threshold, reports of breaches, the escalation ladder of an overdue
 * case (grid worker → grid leader → community party secretary → street party secretary → district liaison
 * leader, as far as the decision {@code escalation} says) and the offer of an unclaimed task to the backups
 * (AB角). The BPMN holds the timers; these beans do what each timer stands for.
 */
package org.gridcase.escalation;
