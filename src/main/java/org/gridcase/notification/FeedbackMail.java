package org.gridcase.notification;

import org.gridcase.intake.DeclineReasons;
import org.gridcase.intake.RequestView;

/**
 * The Chinese text of the feedback mail (反馈): the result, or why the request was not taken. A request that
 * triage merged into another case (duplicate) gets that case's result, in its decline mail when the result
 * is known already, else in a mail of its own when that case is fed back.
 */
final class FeedbackMail {

  private FeedbackMail() {
  }

  static String subject(RequestView request) {
    return "【网格诉求】" + request.trackingNumber() + " 办理结果反馈";
  }

  /** @param surveyLink the one-time link to rate the result; null for a declined request */
  static String body(RequestView request, String surveyLink) {
    return body(request, surveyLink, null, false);
  }

  /**
   * @param surveyLink the one-time link to rate the result; null for a declined request
   * @param mergedInto the case a declined duplicate was merged into, null when it was not
   * @param withResult whether this mail carries that case's result (it has one, not yet sent)
   */
  static String body(RequestView request, String surveyLink, RequestView mergedInto, boolean withResult) {
    String result;
    if (request.declineReason() != null) {
      result = "您反映的诉求（受理编号 " + request.trackingNumber() + "）经研判不予受理，原因："
          + DeclineReasons.label(request.declineReason(), request.declineReason()) + "。\n"
          + (request.declineNote() == null ? "" : request.declineNote() + "\n");
      if (mergedInto != null) {
        String original = "\n受理编号 " + mergedInto.trackingNumber() + " 的诉求";
        result += withResult ? original + "已办理完毕，办理情况：\n" + mergedInto.handlingNote() + "\n"
            : hasResult(mergedInto) ? original + "的办理结果已另行通过邮件告知您。\n"
            : original + "办理完毕后，我们将把办理结果通过邮件告知您。\n";
      }
    } else {
      result = "您反映的诉求（受理编号 " + request.trackingNumber() + "）已办理完毕。\n\n办理情况：\n"
          + request.handlingNote() + "\n\n请点击以下链接评价办理结果（仅可评价一次）：\n" + surveyLink
          + "\n如您未在线评价，社区回访员将与您联系，了解您对办理结果是否满意。\n";
    }
    return greeting(request) + result + footer(request);
  }

  /** The result of the case a duplicate was merged into, for the duplicate's requester. */
  static String mergedResult(RequestView duplicate, RequestView original) {
    return greeting(duplicate) + "您反映的诉求（受理编号 " + duplicate.trackingNumber() + "）与受理编号 "
        + original.trackingNumber() + " 的诉求重复，已合并办理。该诉求已办理完毕。\n\n办理情况：\n"
        + original.handlingNote() + "\n" + footer(duplicate);
  }

  /** Whether the case has a result to pass on: handled, and not declined itself. */
  static boolean hasResult(RequestView request) {
    return request.declineReason() == null && request.handlingNote() != null;
  }

  private static String greeting(RequestView request) {
    return (request.requesterName() == null ? "" : request.requesterName()) + "您好：\n\n";
  }

  private static String footer(RequestView request) {
    return "\n您反映的问题：\n" + request.description() + "\n\n此邮件由系统自动发送，请勿直接回复。\n网格化服务管理中心\n";
  }
}
