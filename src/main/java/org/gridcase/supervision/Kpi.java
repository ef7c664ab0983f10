package org.gridcase.supervision;

/**
 * The KPIs of one unit for one period; definitions in the README ("Supervision"). A rate is null when
 * nothing was there to count.
 *
 * @param received requests received in the period
 * @param accepted of those, accepted at triage (or dispatched in an emergency)
 * @param declined of those, declined at triage for a reason other than 禁入 (not the grid's matter)
 * @param acceptanceRate 受理率: accepted ÷ (accepted + declined)
 * @param closed accepted requests that are closed (办结)
 * @param completionRate 办结率: closed ÷ accepted
 * @param closedOnTime closed requests handled by their (possibly extended) due date
 * @param onTimeRate closedOnTime ÷ closed
 * @param reviewed closed requests whose requester was reached at the review (not 联系不上)
 * @param satisfied reviewed as 满意 or 基本满意
 * @param satisfactionRate 满意率: satisfied ÷ reviewed
 * @param avgHandlingHours mean working hours from acceptance to handling, of closed requests
 * @param p90HandlingHours 90th percentile of the same
 * @param open received in the period and not closed now
 * @param overdue open and past their due date now
 * @param reopened reopenings (重办) of the period's requests
 * @param escalations escalation steps (超时督办) of the period's requests
 */
record Kpi(String unitCode, String unitName, String level, long received, long accepted, long declined,
    Double acceptanceRate, long closed, Double completionRate, long closedOnTime, Double onTimeRate, long reviewed,
    long satisfied, Double satisfactionRate, Double avgHandlingHours, Double p90HandlingHours, long open,
    long overdue, long reopened, long escalations) {
}
