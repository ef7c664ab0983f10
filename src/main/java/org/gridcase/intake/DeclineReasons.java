package org.gridcase.intake;

import java.util.Map;

/** Why triage declined a request, as the requester reads it (mail, status page, Open311). */
public final class DeclineReasons {

  private static final Map<String, String> LABELS = Map.of(
      CitizenRequestProcess.Values.NOT_ADMITTED, "不属于网格办理事项",
      "duplicate", "与已受理的诉求重复",
      "not-actionable", "暂无法办理");

  private DeclineReasons() {
  }

  /** The Chinese label of a decline reason, or {@code otherwise} for an unknown one. */
  public static String label(String reason, String otherwise) {
    return reason == null ? otherwise : LABELS.getOrDefault(reason, otherwise);
  }
}
