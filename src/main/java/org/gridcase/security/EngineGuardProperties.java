package org.gridcase.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.history.JobState;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the engine guards ({@link EngineGuardPlugin}).
 *
 * @param maxOrQueries how many or-queries a task query may carry, REST and filters alike (default 10)
 * @param maxEngineRequestSize the largest request body /engine-rest and the web apps' engine API accept
 *     (default 1MB); larger ones get 413 before anything parses them
 * @param personalVariables variables that never reach the engine's history (ACT_HI_*), whatever the
 *     channel: the requester's name, phone and e-mail, the description and its start (the decisions' input
 *     {@code summary}), which live in gc_request
 * @param unrecordedVariables technical variables kept out of the engine's history too, though not personal:
 *     copies and working values nobody audits (the triage decision's raw result, a task's SLA stage and start,
 *     the duplicate hints, the Tasklist column copies) and the routing facts copied from gc_request at intake
 *     (ids, grid and community, triage group, mode) and the triage decision's inputs; supervision and audit read
 *     gc_request, gc_request_event and the instance, activity, task and decision history, which stay, as do
 *     the variables that record a decision (category, colour, handler level, the handler's choices)
 * @param unrecordedActivityTypes BPMN element types kept out of the activity history (default: exclusive,
 *     inclusive and parallel gateways): a gateway decides nothing a person did, and the path it chose is the
 *     next activity's row; at two to six gateways a case this is several rows per case for nothing
 * @param unrecordedJobLogStates job log rows not written (default: {@code created}, {@code deleted}; of
 *     created, failed, successful, deleted): every timer wrote a row when set and another when its task
 *     ended first; the runs that did something, and the failures, stay
 * @param unrecordedProcesses processes that leave no history but their incidents and failed job runs
 *     (default: {@code notification}, whose record is gc_notification's sent or skipped mark); a case
 *     wrote eight history rows per notice batch for nothing
 * @param variableDetails write ACT_HI_DETAIL, a row per variable change (default false): the current value of
 *     each variable stays in ACT_HI_VARINST, and what people decided is in gc_request_event; the per-change
 *     rows tripled the variable rows of every case (issue 12)
 */
@ConfigurationProperties("gridcase.security")
public record EngineGuardProperties(@DefaultValue("10") int maxOrQueries,
    @DefaultValue("1MB") DataSize maxEngineRequestSize,
    @DefaultValue({"requesterName", "requesterPhone", "requesterEmail", "description", "summary"})
    List<String> personalVariables,
    @DefaultValue({"triageProposal", "slaStage", "slaStartedAt", "duplicateCandidates", "listTrackingNumber",
        "listCategoryName", "listColourLabel", "requestId", "trackingNumber", "gridCode", "communityCode",
        "triageGroup", "channel", "defaultColour", "slaMode", "emergencyDispatch", "noticeBatch"})
    List<String> unrecordedVariables,
    @DefaultValue({"exclusiveGateway", "inclusiveGateway", "parallelGateway"}) List<String> unrecordedActivityTypes,
    @DefaultValue({"created", "deleted"}) List<String> unrecordedJobLogStates,
    @DefaultValue("notification") List<String> unrecordedProcesses,
    @DefaultValue("false") boolean variableDetails) {

  public EngineGuardProperties {
    if (maxOrQueries < 0) {
      throw new IllegalArgumentException("gridcase.security.max-or-queries must not be negative");
    }
    if (maxEngineRequestSize.toBytes() < 1024) {
      throw new IllegalArgumentException("gridcase.security.max-engine-request-size must be at least 1KB");
    }
    personalVariables = List.copyOf(personalVariables);
    unrecordedVariables = List.copyOf(unrecordedVariables);
    unrecordedActivityTypes = List.copyOf(unrecordedActivityTypes);
    unrecordedProcesses = List.copyOf(unrecordedProcesses);
    unrecordedJobLogStates = List.copyOf(unrecordedJobLogStates);
    stateCodes(unrecordedJobLogStates); // fails at start-up, naming the property, on an unknown state
  }

  /** The job log states not written, as ACT_HI_JOB_LOG.JOB_STATE_ codes. */
  Set<Integer> unrecordedJobLogStateCodes() {
    return stateCodes(unrecordedJobLogStates);
  }

  private static Set<Integer> stateCodes(List<String> states) {
    Set<Integer> codes = new java.util.HashSet<>();
    for (String state : states) {
      codes.add(switch (state.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "created" -> JobState.CREATED.getStateCode();
        case "failed" -> JobState.FAILED.getStateCode();
        case "successful" -> JobState.SUCCESSFUL.getStateCode();
        case "deleted" -> JobState.DELETED.getStateCode();
        default -> throw new IllegalArgumentException("gridcase.security.unrecorded-job-log-states: unknown state '"
            + state + "' (created, failed, successful, deleted)");
      });
    }
    return Set.copyOf(codes);
  }

  Set<String> personalVariableNames() {
    return Set.copyOf(personalVariables);
  }

  /** The personal and the unrecorded variables: none of them reaches ACT_HI_VARINST or ACT_HI_DETAIL. */
  Set<String> unhistoricVariableNames() {
    Set<String> names = new java.util.HashSet<>(personalVariables);
    names.addAll(unrecordedVariables);
    return Set.copyOf(names);
  }
}
