package org.gridcase.caseform;

/**
 * The names of the read-only values a task form gets from the case file. The forms bind them to disabled
 * fields (form-js submits no disabled field), so they are shown, never sent back.
 */
final class CaseFormValues {

  static final String PREFIX = "case";

  // Every form of citizen-request.
  static final String TRACKING_NUMBER = "caseTrackingNumber";
  static final String CATEGORY = "caseCategory";
  static final String COLOUR = "caseColour";
  static final String PLACE = "casePlace";
  static final String DESCRIPTION = "caseDescription";
  static final String TIMELINE = "caseTimeline";
  /** Markdown links built from attachment ids, filenames escaped; unset when the case has no files. */
  static final String ATTACHMENTS = "caseAttachments";
  /** Set only while the case's area is in emergency mode. */
  static final String EMERGENCY = "caseEmergency";

  // Feedback call and review.
  static final String REQUESTER_NAME = "caseRequesterName";
  static final String REQUESTER_PHONE = "caseRequesterPhone";
  static final String RESULT = "caseResult";
  static final String HANDLER = "caseHandler";

  // Department report.
  static final String DEPARTMENT = "caseDepartment";
  static final String LEAD_DEPARTMENT = "caseLeadDepartment";
  static final String WHISTLE_REASON = "caseWhistleReason";

  // Handling: what the departments reported.
  static final String DEPARTMENT_REPORTS = "caseDepartmentReports";

  // Triage: the proposal of triage.dmn in words.
  static final String PROPOSAL = "caseProposal";

  private CaseFormValues() {
  }
}
