package org.gridcase.intake;

/** Where a request stands; the citizen status page shows the Chinese label. */
public enum RequestStatus {
  RECEIVED("已受理待研判"),
  TRIAGE("研判中"),
  IN_HANDLING("办理中"),
  EXTENSION("延期审批中"),
  WHISTLE("部门协同办理中"),
  FEEDBACK("待反馈"),
  REVIEW("待回访"),
  SUPERVISION("督办中"),
  CLOSED("已办结"),
  DECLINED("不予受理");

  private final String label;

  RequestStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
