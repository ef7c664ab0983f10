package org.gridcase.portal;

import java.util.List;
import java.util.Map;
import org.gridcase.intake.InvalidRequestException;
import org.gridcase.review.Surveys;
import org.gridcase.review.Surveys.Outcome;
import org.gridcase.review.Surveys.Survey;
import org.jsoup.nodes.Element;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 网上评价: the page behind the one-time link of a feedback mail. The link itself is the requester's
 * credential; it works once and expires.
 */
@RestController
class SurveyPageController {

  private static final Map<String, String> CHOICES = Map.of(
      "satisfied", "满意", "basically-satisfied", "基本满意", "unsatisfied", "不满意");
  private static final List<String> ORDER = List.of("satisfied", "basically-satisfied", "unsatisfied");

  private final Surveys surveys;

  SurveyPageController(Surveys surveys) {
    this.surveys = surveys;
  }

  @GetMapping("/survey/{token}")
  ResponseEntity<String> form(@PathVariable String token) {
    return surveys.open(token).map(survey -> form(token, survey, null, null, HttpStatus.OK))
        .orElseGet(() -> gone());
  }

  @PostMapping("/survey/{token}")
  ResponseEntity<String> answer(@PathVariable String token, @RequestParam(required = false) String satisfaction,
      @RequestParam(required = false) String reviewNote) {
    Outcome outcome;
    try {
      outcome = surveys.answer(token, satisfaction, reviewNote);
    } catch (InvalidRequestException e) {
      return surveys.open(token).map(survey -> form(token, survey, e.errors().get(0).message(), satisfaction,
          HttpStatus.BAD_REQUEST)).orElseGet(() -> gone());
    }
    return switch (outcome) {
      case RECORDED -> new Page("感谢您的评价").paragraph("您的评价已记录。"
          + ("unsatisfied".equals(satisfaction) ? "我们将根据您的意见重新办理，并再次向您反馈。" : "感谢您对网格工作的支持！"))
          .respond(HttpStatus.OK);
      case NOT_YET_OPEN -> new Page("请稍后再评价").paragraph("办理结果正在登记，请几分钟后再打开此链接。")
          .respond(HttpStatus.CONFLICT);
      case REVIEW_DONE -> new Page("回访已完成").paragraph("社区回访员已就本诉求与您联系并完成回访，感谢您的支持。")
          .respond(HttpStatus.OK);
      case UNKNOWN, ALREADY_ANSWERED, EXPIRED -> gone();
    };
  }

  private ResponseEntity<String> form(String token, Survey survey, String error, String chosen, HttpStatus status) {
    Page page = new Page("评价诉求 " + survey.trackingNumber() + " 的办理结果");
    if (error != null) {
      page.main().appendElement("p").addClass("error").text(error);
    }
    Element form = page.main().appendElement("form").attr("method", "post").attr("action", "/survey/" + token);
    Element choices = form.appendElement("fieldset");
    choices.appendElement("legend").text("您对办理结果是否满意？");
    for (String choice : ORDER) {
      Element label = choices.appendElement("label");
      Element radio = label.appendElement("input").attr("type", "radio").attr("name", "satisfaction")
          .attr("value", choice);
      if (choice.equals(chosen)) {
        radio.attr("checked", "checked");
      }
      label.appendText(" " + CHOICES.get(choice) + "　");
    }
    form.appendElement("p").appendElement("label").attr("for", "reviewNote").text("意见（不满意时必填，最多 500 字）");
    form.appendElement("textarea").attr("id", "reviewNote").attr("name", "reviewNote").attr("maxlength", "500");
    form.appendElement("p").appendElement("button").attr("type", "submit").text("提交评价");
    return page.respond(status);
  }

  private static ResponseEntity<String> gone() {
    return new Page("链接已失效").paragraph("此评价链接无效、已使用或已过期。如需反映问题，请联系所在社区。")
        .respond(HttpStatus.GONE);
  }
}
