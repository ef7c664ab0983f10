package org.gridcase.notification;

import java.util.Map;
import org.gridcase.intake.RequestView;

/** The Chinese text of the feedback mail (反馈): the result, or why the request was not taken. */
final class FeedbackMail {

  private static final Map<String, String> DECLINE_REASONS = Map.of(
      "not-admitted", "不属于网格办理事项",
      "duplicate", "与已受理的诉求重复",
      "not-actionable", "暂无法办理");

  private FeedbackMail() {
  }

  static String subject(RequestView request) {
    return "【网格诉求】" + request.trackingNumber() + " 办理结果反馈";
  }

  /** @param surveyLink the one-time link to rate the result; null for a declined request */
  static String body(RequestView request, String surveyLink) {
    String greeting = (request.requesterName() == null ? "" : request.requesterName()) + "您好：\n\n";
    String result;
    if (request.declineReason() != null) {
      result = "您反映的诉求（受理编号 " + request.trackingNumber() + "）经研判不予受理，原因："
          + DECLINE_REASONS.getOrDefault(request.declineReason(), request.declineReason()) + "。\n"
          + (request.declineNote() == null ? "" : request.declineNote() + "\n");
    } else {
      result = "您反映的诉求（受理编号 " + request.trackingNumber() + "）已办理完毕。\n\n办理情况：\n"
          + request.handlingNote() + "\n\n请点击以下链接评价办理结果（仅可评价一次）：\n" + surveyLink
          + "\n如您未在线评价，社区回访员将与您联系，了解您对办理结果是否满意。\n";
    }
    return greeting + result + "\n您反映的问题：\n" + request.description()
        + "\n\n此邮件由系统自动发送，请勿直接回复。\n网格化服务管理中心\n";
  }
}
