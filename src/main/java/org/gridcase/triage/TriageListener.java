package org.gridcase.triage;

import static org.gridcase.intake.CitizenRequestProcess.Variables.ADMITTED;
import static org.gridcase.intake.CitizenRequestProcess.Variables.CATEGORY_CODE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.CATEGORY_NAME;
import static org.gridcase.intake.CitizenRequestProcess.Variables.COLOUR;
import static org.gridcase.intake.CitizenRequestProcess.Variables.COLOUR_LABEL;
import static org.gridcase.intake.CitizenRequestProcess.Variables.COMMUNITY_CODE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.DECLINE_REASON;
import static org.gridcase.intake.CitizenRequestProcess.Variables.DUPLICATE_OF;
import static org.gridcase.intake.CitizenRequestProcess.Variables.GRID_CODE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;
import static org.gridcase.intake.CitizenRequestProcess.Variables.RETURN_REASON;
import static org.gridcase.intake.CitizenRequestProcess.Variables.TRIAGE_DECISION;
import static org.gridcase.intake.CitizenRequestProcess.Variables.TRIAGE_NOTE;

import java.time.Instant;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridcase.common.TaskInput;
import org.gridcase.handling.HandlingDeadlines;
import org.gridcase.intake.CitizenRequestProcess.Values;
import org.gridcase.intake.RequestView;
import org.gridcase.intake.Requests;
import org.gridcase.matters.Colour;
import org.gridcase.matters.Matter;
import org.gridcase.matters.MatterCatalogue;
import org.gridcase.organization.OrganizationDirectory;
import org.gridcase.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Completion of 研判: the confirmed (or corrected) category, colour and grid, or a decline with its
 * reason. A matter the grid does not take (禁入) is declined whatever was chosen, pointing to the
 * competent body. A duplicate may name the open case it is merged into ({@code duplicateOf}); its
 * requester is then sent that case's result. The gateways after the task read {@code admitted} and
 * {@code colour}.
 */
@Component("triageListener")
class TriageListener implements TaskListener {

  private static final Set<String> DECISIONS = Set.of(Values.ACCEPT, Values.DECLINE);
  private static final Set<String> DECLINE_REASONS = Set.of(Values.NOT_ADMITTED, Values.DUPLICATE, "not-actionable");

  private final Requests requests;
  private final MatterCatalogue matters;
  private final OrganizationDirectory organization;
  private final HandlingDeadlines deadlines;
  private final CurrentUser currentUser;

  TriageListener(Requests requests, MatterCatalogue matters, OrganizationDirectory organization,
      HandlingDeadlines deadlines, CurrentUser currentUser) {
    this.requests = requests;
    this.matters = matters;
    this.organization = organization;
    this.deadlines = deadlines;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    // Every problem of the form at once, before anything is written.
    TaskInput.Checks checks = new TaskInput.Checks(task);
    String decision = checks.choice(TRIAGE_DECISION, DECISIONS);
    String gridCode = GRID_CODE.text(task);
    if (gridCode == null || organization.findActiveGrid(gridCode).isEmpty()) {
      checks.reject(GRID_CODE.name(), "请填写有效的网格编码 (an active grid code is required)");
    }
    String categoryCode = CATEGORY_CODE.text(task);
    Matter matter = categoryCode == null ? null : matters.findActive(categoryCode).orElse(null);
    if (categoryCode != null && matter == null) {
      checks.reject(CATEGORY_CODE.name(), "未知事项类别 '" + categoryCode + "'");
    }
    String note = checks.text(TRIAGE_NOTE, false, 1000);
    if (Values.ACCEPT.equals(decision) && categoryCode == null) {
      checks.reject(CATEGORY_CODE.name(), "受理时请选择事项类别 (a category is required to accept)");
    }
    if (Values.ACCEPT.equals(decision) && matter != null && matter.admitted()
        && Colour.ofKey(COLOUR.text(task)).isEmpty()) {
      checks.reject(COLOUR.name(), "请选择颜色 red / yellow / green");
    }
    boolean declined = Values.DECLINE.equals(decision) || (matter != null && !matter.admitted());
    String declineReason = null;
    RequestView original = null;
    if (declined && (matter == null || matter.admitted())) {
      declineReason = checks.choice(DECLINE_REASON, DECLINE_REASONS);
      original = Values.DUPLICATE.equals(declineReason) ? mergeTarget(task, REQUEST_ID.get(task), checks) : null;
      boolean merging = Values.DUPLICATE.equals(declineReason) && DUPLICATE_OF.text(task) != null;
      if (!merging && note == null) {
        checks.reject(TRIAGE_NOTE.name(), "不予受理时请写明理由，将反馈给群众 (reason required)");
      }
    }
    checks.throwIfAny();
    String actor = currentUser.actorOf(task);
    long requestId = REQUEST_ID.get(task);

    GRID_CODE.set(task, gridCode);
    COMMUNITY_CODE.set(task, organization.communityOf(gridCode));
    CATEGORY_NAME.set(task, matter == null ? "未分类" : matter.name());
    if (!declined) {
      Colour colour = Colour.ofKey(COLOUR.text(task)).orElseThrow();
      ADMITTED.set(task, true);
      COLOUR.set(task, colour.key());
      COLOUR_LABEL.set(task, colour.label());
      Instant due = deadlines.startHandling(task);
      requests.recordAccepted(requestId, actor, gridCode, categoryCode, colour.key(), due, note);
    } else {
      String reason = declineReason;
      String declineNote = note;
      if (matter != null && !matter.admitted()) {
        reason = Values.NOT_ADMITTED;
        declineNote = "本事项（" + matter.name() + "）不属于网格办理范围，请向" + matter.competentBody() + "反映。"
            + (note == null ? "" : note);
      } else if (original != null) {
        declineNote = "已与受理编号 " + original.trackingNumber() + " 的诉求合并办理。" + (note == null ? "" : note);
      }
      requests.recordDeclined(requestId, actor, gridCode, categoryCode, reason, declineNote);
      if (original != null) {
        requests.recordDuplicateOf(requestId, original.id(), actor);
      }
      ADMITTED.set(task, false);
      DECLINE_REASON.set(task, reason);
    }
    TRIAGE_NOTE.remove(task);
    RETURN_REASON.remove(task);
    DUPLICATE_OF.remove(task);
  }

  /**
   * The open case (neither closed nor declined) named in {@code duplicateOf} that a duplicate is merged into;
   * null when none is named, which declines the duplicate as before, without a link, or when the one named
   * is no such case (noted as an error).
   */
  private RequestView mergeTarget(DelegateTask task, long requestId, TaskInput.Checks checks) {
    String trackingNumber = DUPLICATE_OF.text(task);
    if (trackingNumber == null) {
      return null;
    }
    RequestView original = requests.findByTrackingNumber(trackingNumber)
        .filter(open -> open.id() != requestId && open.closedAt() == null && open.declineReason() == null)
        .orElse(null);
    if (original == null) {
      checks.reject(DUPLICATE_OF.name(),
          "请填写一件未办结诉求的受理编号 (duplicateOf must be the tracking number of another open case)");
    }
    return original;
  }
}
