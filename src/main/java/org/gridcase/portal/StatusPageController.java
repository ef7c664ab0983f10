package org.gridcase.portal;

import java.time.Instant;
import java.util.Map;
import org.gridcase.calendar.WorkingTime;
import org.gridcase.intake.DeclineReasons;
import org.gridcase.intake.RequestStatus;
import org.gridcase.intake.RequestView;
import org.gridcase.intake.Requests;
import org.gridcase.intake.StatusCodes;
import org.gridcase.matters.Matter;
import org.gridcase.matters.MatterCatalogue;
import org.jsoup.nodes.Element;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 查询办理进度: {@code /status/{statusCode}} shows where a request stands, its public steps and the
 * expected date, for anyone holding its status code (the tracking number with its check code, see
 * {@link StatusCodes}); a tracking number alone finds nothing. Never the requester, the description or notes.
 */
@RestController
class StatusPageController {

  /** The steps a requester may see, by event kind; everything else stays internal. */
  private static final Map<String, String> PUBLIC_STEPS = Map.ofEntries(
      Map.entry("RECEIVED", "诉求已收到"),
      Map.entry("TRIAGED", "已受理，已派单办理"),
      Map.entry("EMERGENCY_DISPATCHED", "应急处置，已派单"),
      Map.entry("DECLINED", "经研判不予受理"),
      Map.entry("EXTENSION_APPROVED", "办理时限已延长"),
      Map.entry("WHISTLE", "已协调相关部门共同办理"),
      Map.entry("HANDLED", "已办理完毕"),
      // The kinds the feedback steps write (mail job, feedback call), not spelled out twice.
      Map.entry(Requests.feedbackEvent(Requests.BY_MAIL), "办理结果已邮件告知"),
      Map.entry(Requests.feedbackEvent(Requests.BY_CALL), "办理结果已电话告知"),
      Map.entry("REVIEWED", "已满意度回访"),
      Map.entry("CLOSED", "已办结"));

  private final Requests requests;
  private final StatusCodes statusCodes;
  private final MatterCatalogue matters;
  private final WorkingTime workingTime;

  StatusPageController(Requests requests, StatusCodes statusCodes, MatterCatalogue matters, WorkingTime workingTime) {
    this.requests = requests;
    this.statusCodes = statusCodes;
    this.matters = matters;
    this.workingTime = workingTime;
  }

  @GetMapping("/status")
  ResponseEntity<String> lookup(@RequestParam(required = false) String code) {
    if (code != null && !code.isBlank()) {
      return status(code.strip());
    }
    Page page = new Page("查询办理进度");
    Element form = page.main().appendElement("form").attr("method", "get").attr("action", "/status");
    form.appendElement("label").attr("for", "code").text("查询码（见受理回执）");
    form.appendElement("input").attr("id", "code").attr("name", "code")
        .attr("placeholder", "GC-2026-000042-7KQ3XPAB").attr("required", "required");
    form.appendElement("button").attr("type", "submit").text("查询");
    return page.respond(HttpStatus.OK);
  }

  @GetMapping("/status/{statusCode}")
  ResponseEntity<String> status(@PathVariable String statusCode) {
    RequestView request = statusCodes.trackingNumberOf(statusCode).flatMap(requests::findByTrackingNumber)
        .orElse(null);
    if (request == null) {
      // The same answer for a wrong check code and an unknown case: the page tells a guesser nothing.
      return new Page("未找到该诉求").paragraph("没有查询码为“" + statusCode + "”的诉求，请核对受理回执中的查询码"
          + "（受理编号后另有 8 位校验码）。电话查询请拨打服务热线并提供受理编号。").respond(HttpStatus.NOT_FOUND);
    }
    Page page = new Page("诉求 " + request.trackingNumber());
    Element table = page.main().appendElement("table");
    row(table, "当前状态", request.status().label());
    row(table, "事项类别", request.categoryCode() == null ? "待研判"
        : matters.find(request.categoryCode()).map(Matter::name).orElse(request.categoryCode()));
    row(table, "收到时间", shown(request.receivedAt()));
    if (request.closedAt() != null) {
      row(table, "办结时间", shown(request.closedAt()));
    } else if (request.dueAt() != null) {
      row(table, "预计办结", shown(request.dueAt()));
    }
    if (request.status() == RequestStatus.DECLINED || request.declineReason() != null) {
      row(table, "不予受理原因", DeclineReasons.label(request.declineReason(), "详见反馈"));
    }
    page.main().appendElement("h2").text("办理过程");
    Element steps = page.main().appendElement("ol");
    requests.events(request.id()).stream().filter(event -> PUBLIC_STEPS.containsKey(event.kind()))
        .forEach(event -> steps.appendElement("li").text(shown(event.at()) + "　" + PUBLIC_STEPS.get(event.kind())));
    return page.respond(HttpStatus.OK);
  }

  private static void row(Element table, String label, String value) {
    Element row = table.appendElement("tr");
    row.appendElement("th").text(label);
    row.appendElement("td").text(value);
  }

  private String shown(Instant at) {
    return workingTime.display(at);
  }
}
