package org.gridcase.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.GridcaseTest;
import org.gridcase.common.TaskInput.InvalidInputException;
import org.gridcase.intake.CitizenRequestProcess.Elements;
import org.gridcase.intake.RequestIntake;
import org.gridcase.intake.RequestIntake.Submission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Possible duplicates listed on the triage task, and the check of the case a duplicate is merged into. */
@GridcaseTest
class DuplicateCandidatesTest {

  /** A grid and categories no other test uses, so only this test's cases are open there. */
  static final String GRID = "DC-03-02-005";

  @Autowired RequestIntake intake;
  @Autowired TaskService taskService;

  @Test
  void openCasesOfTheSameCategoryInTheSameGridAndNearbyAreListed() {
    String first = submit("3号楼2单元电梯困人，已经停运两天了，物业一直没有派人来修理，老人上下楼非常不方便，请尽快处理", "F03",
        31.2275, 107.454);
    String farAway = submit("小区北门电梯故障", "F03", 31.2289, 107.4559); // about 240 m from the others
    String otherCategory = submit("3号楼物业费收取不合理", "F01", 31.2275, 107.454);
    String second = submit("3号楼电梯又坏了", "F03", 31.2276, 107.4541);
    String withoutPoint = submit("电梯坏了", "F03", null, null);

    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    assertThat(candidates(second)).isEqualTo("- " + first + "（" + today + " 收到）"
        + "3号楼2单元电梯困人，已经停运两天了，物业一直没有派人来修理，老人上下楼非常不方…");
    assertThat(candidates(otherCategory)).as("another category").isNull();
    assertThat(candidates(withoutPoint)).as("without a point, the whole grid counts")
        .contains(first, farAway, second).doesNotContain(otherCategory);
    assertThat(candidates(first)).as("nothing was open before it").isNull();
  }

  @Test
  void declinedCasesAreNotProposedAndCannotBeMergedInto() {
    String declined = submit("楼道噪音", "F04", null, null);
    complete(declined, Map.of("triageDecision", "decline", "declineReason", "not-actionable",
        "triageNote", "无法核实", "gridCode", GRID, "categoryCode", "F04"));
    String open = submit("楼道夜间噪音", "F04", null, null);
    assertThat(candidates(open)).isNull();

    assertThatThrownBy(() -> complete(open, Map.of("triageDecision", "decline", "declineReason", "duplicate",
        "duplicateOf", declined, "gridCode", GRID, "categoryCode", "F04")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("duplicateOf");
    assertThatThrownBy(() -> complete(open, Map.of("triageDecision", "decline", "declineReason", "duplicate",
        "duplicateOf", open, "gridCode", GRID, "categoryCode", "F04")))
        .as("not with itself").hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("duplicateOf");
    assertThat(triage(open)).as("the task stays open").isNotNull();
  }

  private String submit(String description, String category, Double latitude, Double longitude) {
    return intake.submit(new Submission(description, category, GRID, null, null, null, null, "patrol", null, null,
        latitude, longitude), "worker-03-02-005").request().trackingNumber();
  }

  private Task triage(String trackingNumber) {
    return taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber)
        .taskDefinitionKey(Elements.TASK_TRIAGE).singleResult();
  }

  private String candidates(String trackingNumber) {
    return (String) taskService.getVariableLocal(triage(trackingNumber).getId(), "duplicateCandidates");
  }

  private void complete(String trackingNumber, Map<String, Object> variables) {
    taskService.complete(triage(trackingNumber).getId(), variables);
  }
}
