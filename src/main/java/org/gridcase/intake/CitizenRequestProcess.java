package org.gridcase.intake;

import static org.gridcase.common.ProcessVariable.anyVariable;
import static org.gridcase.common.ProcessVariable.booleanVariable;
import static org.gridcase.common.ProcessVariable.dateVariable;
import static org.gridcase.common.ProcessVariable.longVariable;
import static org.gridcase.common.ProcessVariable.numberVariable;
import static org.gridcase.common.ProcessVariable.stringVariable;

import java.util.Date;
import org.gridcase.common.ProcessVariable;

/**
 * The process API of {@code processes/citizen-request.bpmn}: its key, element ids, decisions and
 * variables. Nothing else in Java spells these names.
 *
 * <p>The process carries ids and routing facts; what people write (descriptions, notes, reasons) is
 * stored in gc_request and gc_request_event by the listeners, which then drop those form inputs.
 */
public final class CitizenRequestProcess {

  public static final String KEY = "citizen-request";
  public static final String TRIAGE_DECISION_KEY = "triage";
  /** Service levels per stage, colour and mode (processes/sla.dmn). */
  public static final String SLA_DECISION_KEY = "sla";
  /** The escalation ladder of an overdue case (processes/sla.dmn). */
  public static final String ESCALATION_DECISION_KEY = "escalation";
  public static final String EMERGENCY_DISPATCH_DECISION_KEY = "emergency-dispatch";
  /** The requester answered the survey link of the feedback mail (网上评价). */
  public static final String MESSAGE_SURVEY_ANSWERED = "SurveyAnswered";

  /** Element ids, as in the BPMN. */
  public static final class Elements {
    public static final String START_EVENT = "StartEvent_RequestCollected";
    public static final String TASK_PROPOSE_TRIAGE = "Task_ProposeTriage";
    public static final String TASK_TRIAGE = "Task_Triage";
    public static final String GATEWAY_ADMITTED = "Gateway_Admitted";
    public static final String GATEWAY_DISPATCH_BY_COLOUR = "Gateway_DispatchByColour";
    public static final String TASK_HANDLE_GREEN = "Task_HandleGreen";
    public static final String TASK_HANDLE_YELLOW = "Task_HandleYellow";
    public static final String TASK_HANDLE_RED = "Task_HandleRed";
    public static final String SUBPROCESS_HANDLING = "SubProcess_Handling";
    public static final String START_EVENT_HANDLING_WARNING = "StartEvent_HandlingWarning";
    public static final String START_EVENT_HANDLING_UNCLAIMED = "StartEvent_HandlingUnclaimed";
    public static final String START_EVENT_HANDLING_OVERDUE = "StartEvent_HandlingOverdue";
    public static final String TASK_SUPERVISE_HANDLING_OVERDUE = "Task_SuperviseHandlingOverdue";
    public static final String BOUNDARY_EVENT_HANDLING_SUPERVISION_OVERDUE = "BoundaryEvent_HandlingSupervisionOverdue";
    public static final String GATEWAY_AREA_MODE = "Gateway_AreaMode";
    public static final String TASK_DECIDE_EMERGENCY_DISPATCH = "Task_DecideEmergencyDispatch";
    public static final String GATEWAY_EMERGENCY_DISPATCH = "Gateway_EmergencyDispatch";
    public static final String SUBPROCESS_EMERGENCY_RESPONSE = "SubProcess_EmergencyResponse";
    public static final String TASK_EMERGENCY_DISPATCH = "Task_EmergencyDispatch";
    public static final String BOUNDARY_EVENT_EMERGENCY_DISPATCH_OVERDUE = "BoundaryEvent_EmergencyDispatchOverdue";
    public static final String TASK_COMMUNITY_COMMITTEE_REPORT = "Task_CommunityCommitteeReport";
    public static final String TASK_GRID_PARTY_REPORT = "Task_GridPartyReport";
    public static final String START_EVENT_EMERGENCY_WARNING = "StartEvent_EmergencyWarning";
    public static final String START_EVENT_EMERGENCY_OVERDUE = "StartEvent_EmergencyOverdue";
    public static final String TASK_SUPERVISE_EMERGENCY_OVERDUE = "Task_SuperviseEmergencyOverdue";
    public static final String BOUNDARY_EVENT_TRIAGE_WARNING = "BoundaryEvent_TriageWarning";
    public static final String BOUNDARY_EVENT_TRIAGE_OVERDUE = "BoundaryEvent_TriageOverdue";
    /** The tasks where a case is handled: green, yellow and red, and the "2" of the emergency mode. */
    public static final java.util.List<String> HANDLING_TASKS = java.util.List.of(TASK_HANDLE_GREEN, TASK_HANDLE_YELLOW,
        TASK_HANDLE_RED, TASK_COMMUNITY_COMMITTEE_REPORT, TASK_GRID_PARTY_REPORT);
    public static final String GATEWAY_HANDLING_ACTION = "Gateway_HandlingAction";
    public static final String TASK_APPROVE_EXTENSION = "Task_ApproveExtension";
    public static final String TASK_DEPARTMENT_REPORT = "Task_DepartmentReport";
    public static final String GATEWAY_FEEDBACK_CHANNEL = "Gateway_FeedbackChannel";
    public static final String TASK_SEND_FEEDBACK_MAIL = "Task_SendFeedbackMail";
    public static final String TASK_FEEDBACK_CALL = "Task_FeedbackCall";
    public static final String GATEWAY_REVIEW_NEEDED = "Gateway_ReviewNeeded";
    public static final String TASK_SATISFACTION_REVIEW = "Task_SatisfactionReview";
    public static final String GATEWAY_SATISFACTION = "Gateway_Satisfaction";
    public static final String BOUNDARY_EVENT_SURVEY_ANSWERED = "BoundaryEvent_SurveyAnswered";
    public static final String TASK_SUPERVISE = "Task_Supervise";
    public static final String GATEWAY_SUPERVISION_DECISION = "Gateway_SupervisionDecision";
    public static final String END_EVENT_CLOSED = "EndEvent_RequestClosed";
    public static final String END_EVENT_DECLINED = "EndEvent_RequestDeclined";

    private Elements() {
    }
  }

  /** Values of the choice variables, as the forms and gateways write them. */
  public static final class Values {
    public static final String ACCEPT = "accept";
    public static final String DECLINE = "decline";
    public static final String NOT_ADMITTED = "not-admitted";
    /** Decline reason: the same matter as a case already open (重复诉求). */
    public static final String DUPLICATE = "duplicate";
    public static final String DONE = "done";
    public static final String RETURN = "return";
    public static final String EXTENSION = "extension";
    public static final String WHISTLE = "whistle";
    public static final String UNSATISFIED = "unsatisfied";
    public static final String REHANDLE = "rehandle";
    /** Modes of an area (平急转换). */
    public static final String MODE_NORMAL = "normal";
    public static final String MODE_EMERGENCY = "emergency";
    /** The stage whose service level counts from the start of handling, across extensions and whistles. */
    public static final String STAGE_HANDLE = "handle";
    /** The escalation decision's answer when the ladder ends. */
    public static final String LEVEL_NONE = "none";

    private Values() {
    }
  }

  /** Variables; "form" marks the inputs of a form that a listener stores and then removes. */
  public static final class Variables {
    // Set at intake.
    /** Checked on every read: the case must be the one this process instance owns (see CaseOwnership). */
    public static final ProcessVariable<Long> REQUEST_ID = longVariable("requestId").checkedBy(CaseOwnership::verify);
    public static final ProcessVariable<String> TRACKING_NUMBER = stringVariable("trackingNumber");
    /** Grid of the case; candidate groups are derived from it. Null while the location is unresolved. */
    public static final ProcessVariable<String> GRID_CODE = stringVariable("gridCode");
    public static final ProcessVariable<String> COMMUNITY_CODE = stringVariable("communityCode");
    /**
     * Who triages, fixed at intake: the grid leader of the grid, or the district's supervisors when it is unknown.
     * A case returned by its grid goes back to them, though triage may have placed it in another grid since.
     */
    public static final ProcessVariable<String> TRIAGE_GROUP = stringVariable("triageGroup");
    /**
     * Local input of the decisions only (Task_ProposeTriage, Task_DecideEmergencyDispatch): the start of the
     * description, read from gc_request by the {@code caseText} bean; never a process variable, kept out of history.
     */
    public static final ProcessVariable<String> SUMMARY = stringVariable("summary");
    public static final ProcessVariable<String> CATEGORY_CODE = stringVariable("categoryCode");
    /**
     * Local inputs of the triage decision only (Task_ProposeTriage), read through the {@code caseFacts} bean:
     * the intake channel and the matter's default colour.
     */
    public static final ProcessVariable<String> CHANNEL = stringVariable("channel");
    public static final ProcessVariable<String> DEFAULT_COLOUR = stringVariable("defaultColour");
    /** Start form only (patrol): the description, stored and then removed. */
    public static final ProcessVariable<String> DESCRIPTION = stringVariable("description");
    /** Start form only: the requester's phone, if the worker took it. */
    public static final ProcessVariable<String> REQUESTER_PHONE = stringVariable("requesterPhone");

    /** normal or emergency: which service levels and clock apply (see processes/sla.dmn). */
    public static final ProcessVariable<String> SLA_MODE = stringVariable("slaMode");
    /** Local to a waiting task or sub-process: its stage in the SLA table and when it started. */
    public static final ProcessVariable<String> SLA_STAGE = stringVariable("slaStage");
    public static final ProcessVariable<Date> SLA_STARTED_AT = dateVariable("slaStartedAt");
    /** The emergency-dispatch decision: skip triage and go to the district liaison leader. */
    public static final ProcessVariable<Boolean> EMERGENCY_DISPATCH = booleanVariable("emergencyDispatch");

    // Triage.
    public static final ProcessVariable<String> COLOUR = stringVariable("colour");
    public static final ProcessVariable<String> COLOUR_LABEL = stringVariable("colourLabel");
    public static final ProcessVariable<String> CATEGORY_NAME = stringVariable("categoryName");
    public static final ProcessVariable<String> HANDLER_LEVEL = stringVariable("handlerLevel");
    /** Local to Task_ProposeTriage: the decision's result, which its output mapping splits into the two above. */
    public static final ProcessVariable<Object> TRIAGE_PROPOSAL = anyVariable("triageProposal");
    public static final ProcessVariable<String> TRIAGE_DECISION = stringVariable("triageDecision");
    public static final ProcessVariable<String> DECLINE_REASON = stringVariable("declineReason");
    /** Form. */
    public static final ProcessVariable<String> TRIAGE_NOTE = stringVariable("triageNote");
    public static final ProcessVariable<Boolean> ADMITTED = booleanVariable("admitted");
    /**
     * Local to the triage task: open cases of the same category in the same grid (and near the same point),
     * one line each (tracking number, received date, start of the summary); unset when there is none.
     */
    public static final ProcessVariable<String> DUPLICATE_CANDIDATES = stringVariable("duplicateCandidates");
    /** Form: the tracking number of the open case a declined duplicate is merged into. */
    public static final ProcessVariable<String> DUPLICATE_OF = stringVariable("duplicateOf");
    /** Why the last handler returned the case (退单), shown at triage. */
    public static final ProcessVariable<String> RETURN_REASON = stringVariable("returnReason");

    // Handling.
    /** When handling started (accepted, or reopened); the handling service level counts from here. */
    public static final ProcessVariable<Date> HANDLING_STARTED_AT = dateVariable("handlingStartedAt");
    /** Days granted by approved extensions since handling started, counted on the case's clock. */
    public static final ProcessVariable<Long> HANDLING_EXTENSION_DAYS = longVariable("handlingExtensionDays");
    public static final ProcessVariable<String> HANDLING_ACTION = stringVariable("handlingAction");
    /**
     * Who asked for the extension or blew the whistle: the handling task goes back to them (a user id, a
     * routing fact), and the variable is removed when it does.
     */
    public static final ProcessVariable<String> HANDLER = stringVariable("handler");
    /** Form. */
    public static final ProcessVariable<String> HANDLING_NOTE = stringVariable("handlingNote");
    public static final ProcessVariable<Number> EXTENSION_DAYS = numberVariable("extensionDays");
    public static final ProcessVariable<Boolean> EXTENSION_APPROVED = booleanVariable("extensionApproved");
    /** Form. */
    public static final ProcessVariable<String> APPROVAL_NOTE = stringVariable("approvalNote");
    /** Form: department codes, a checklist (JSON array) or a comma-separated text. */
    public static final ProcessVariable<Object> WHISTLE_DEPARTMENTS = anyVariable("whistleDepartments");
    /** The departments called in, as a list for the multi-instance report task. */
    public static final ProcessVariable<Object> WHISTLE_DEPARTMENT_LIST = anyVariable("whistleDepartmentList");
    public static final ProcessVariable<String> LEAD_DEPARTMENT = stringVariable("leadDepartment");
    /** When the departments were called in: the report deadline counts from here. */
    public static final ProcessVariable<Date> WHISTLE_STARTED_AT = dateVariable("whistleStartedAt");
    /** Multi-instance element variable of the report task. */
    public static final ProcessVariable<String> DEPARTMENT_CODE = stringVariable("departmentCode");
    public static final ProcessVariable<Boolean> LEAD_CONCLUDED = booleanVariable("leadConcluded");
    /** Form of the report task. */
    public static final ProcessVariable<String> REPORT_NOTE = stringVariable("reportNote");
    public static final ProcessVariable<Boolean> LEAD_CONCLUDES = booleanVariable("leadConcludes");

    // Escalation (超时督办).
    /** Result of the escalation decision: the next level, or "none". */
    public static final ProcessVariable<String> NEXT_LEVEL = stringVariable("nextLevel");
    /** Local to one escalation: the level and group that supervise now. */
    public static final ProcessVariable<String> ESCALATION_LEVEL = stringVariable("escalationLevel");
    public static final ProcessVariable<String> ESCALATION_GROUP = stringVariable("escalationGroup");
    /** Form of the supervision task: what the leader told the handler, and optionally a new handler. */
    public static final ProcessVariable<String> URGE_NOTE = stringVariable("urgeNote");
    public static final ProcessVariable<String> REASSIGN_TO = stringVariable("reassignTo");

    // Emergency "1+2".
    /** Form of the liaison leader's dispatch. */
    public static final ProcessVariable<String> DISPATCH_NOTE = stringVariable("dispatchNote");
    /** Local to a report task of the "2": community or grid. */
    public static final ProcessVariable<String> EMERGENCY_PART = stringVariable("emergencyPart");
    /** Form of a report of the "2". */
    public static final ProcessVariable<String> EMERGENCY_REPORT_NOTE = stringVariable("emergencyReportNote");

    // Feedback and review.
    /** Form. */
    public static final ProcessVariable<String> FEEDBACK_NOTE = stringVariable("feedbackNote");
    public static final ProcessVariable<String> SATISFACTION = stringVariable("satisfaction");
    /** Form. */
    public static final ProcessVariable<String> REVIEW_NOTE = stringVariable("reviewNote");
    public static final ProcessVariable<Long> UNSATISFIED_COUNT = longVariable("unsatisfiedCount");
    public static final ProcessVariable<String> SUPERVISION_DECISION = stringVariable("supervisionDecision");
    /** Form. */
    public static final ProcessVariable<String> SUPERVISION_NOTE = stringVariable("supervisionNote");

    private Variables() {
    }
  }

  private CitizenRequestProcess() {
  }
}
