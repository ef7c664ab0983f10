package org.gridcase.mailbox;

import org.gridcase.intake.RequestView;

/** The Chinese text of the acknowledgement (受理回执) of a mail that became a request. */
final class AcknowledgementMail {

  private AcknowledgementMail() {
  }

  /** The tracking number in brackets: an answer keeping the subject reaches the case even without headers. */
  static String subject(RequestView request) {
    return "【网格诉求】您的来信已登记 [" + request.trackingNumber() + "]";
  }

  static String body(RequestView request, String statusLink) {
    String greeting = (request.requesterName() == null ? "" : request.requesterName()) + "您好：\n\n";
    return greeting
        + "您的来信已收到，并已登记为诉求，受理编号：" + request.trackingNumber() + "。\n"
        + "我们将尽快研判并安排办理，办理结果将通过电子邮件告知您。\n\n"
        + "查询办理进度：" + statusLink + "\n\n"
        + "如需补充情况，请直接回复本邮件（请保留标题中的受理编号），补充内容将记入该诉求。\n\n"
        + "此邮件由系统自动发送。\n网格化服务管理中心\n";
  }
}
