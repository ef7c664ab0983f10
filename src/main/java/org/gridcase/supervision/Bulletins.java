package org.gridcase.supervision;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.common.PublicUrl;
import org.gridcase.calendar.WorkingTime;
import org.gridcase.notification.Notice;
import org.gridcase.notification.Notifications;
import org.gridcase.organization.CandidateGroups;
import org.gridcase.organization.OrganizationDirectory;
import org.gridcase.organization.Role;
import org.gridcase.organization.UnitView;
import org.gridcase.security.SystemAccess;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 月通报: for a month, one HTML bulletin for the district and one per street — the three rates, rankings of
 * the units below, overdue cases and satisfaction — stored and mailed to the leaders of that level.
 */
@Service
@Transactional
class Bulletins {

  record Bulletin(long id, String month, String areaCode, String areaName, String html) {
  }

  /** Leaders told of a bulletin: the district's supervisors; a street's party secretary and supervisors. */
  private static final List<Role> STREET_READERS = List.of(Role.STREET_PARTY_SECRETARY, Role.SUPERVISOR);

  private final Kpis kpis;
  private final Board board;
  private final OrganizationDirectory organization;
  private final Notifications notifications;
  private final SystemAccess system;
  private final JdbcClient jdbc;
  private final ZoneId zone;
  private final BulletinProperties properties;
  private final PublicUrl publicUrl;

  Bulletins(Kpis kpis, Board board, OrganizationDirectory organization, Notifications notifications,
      SystemAccess system, JdbcClient jdbc, WorkingTime workingTime, BulletinProperties properties,
      PublicUrl publicUrl) {
    this.kpis = kpis;
    this.board = board;
    this.organization = organization;
    this.notifications = notifications;
    this.system = system;
    this.jdbc = jdbc;
    this.zone = workingTime.zone();
    this.properties = properties;
    this.publicUrl = publicUrl;
  }

  /** Generates (again) every bulletin of the month and tells the leaders; returns them. */
  List<Bulletin> publish(YearMonth month, String actor) {
    LocalDate from = month.atDay(1);
    LocalDate to = month.atEndOfMonth();
    String district = organization.districtCode();
    List<Bulletin> published = new ArrayList<>();
    published.add(store(month, district, html(month, district, Level.DISTRICT, Level.STREET, from, to), actor,
        List.of(CandidateGroups.of(district, Role.SUPERVISOR))));
    for (Kpi street : kpis.of(Level.STREET, from, to, null)) {
      List<String> readers = STREET_READERS.stream().map(role -> CandidateGroups.of(street.unitCode(), role)).toList();
      published.add(store(month, street.unitCode(), html(month, street.unitCode(), Level.STREET, Level.COMMUNITY,
          from, to), actor, readers));
    }
    return published;
  }

  @Transactional(readOnly = true)
  List<Bulletin> ofMonth(YearMonth month) {
    return jdbc.sql("select id, report_month, area_code, html from gc_bulletin where report_month = ?"
            + " order by area_code")
        .param(month.toString()).query((rs, row) -> bulletin(rs)).list();
  }

  @Transactional(readOnly = true)
  Optional<Bulletin> find(long id) {
    return jdbc.sql("select id, report_month, area_code, html from gc_bulletin where id = ?").param(id)
        .query((rs, row) -> bulletin(rs)).optional();
  }

  /** 08:30 on the first working day of the month, when the month's bulletins are published. */
  java.util.Date firstWorkingMorning(YearMonth month, WorkingTime workingTime) {
    LocalDate day = month.atDay(1);
    while (!workingTime.isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return java.util.Date.from(LocalDateTime.of(day, java.time.LocalTime.of(8, 30)).atZone(zone).toInstant());
  }

  private Bulletin store(YearMonth month, String area, String html, String actor, List<String> readerGroups) {
    jdbc.sql("delete from gc_bulletin where report_month = ? and area_code = ?").params(month.toString(), area).update();
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("insert into gc_bulletin (report_month, area_code, html, generated_at, generated_by)"
            + " values (?, ?, ?, ?, ?)")
        .params(month.toString(), area, html, Timestamp.from(ClockUtil.getCurrentTime().toInstant()), actor)
        .update(key, "id");
    long id = key.getKey().longValue();
    String name = organization.findUnit(area).map(UnitView::name).orElse(area);
    Map<String, String> values = Map.of("areaName", name, "month", label(month), "link",
        publicUrl.orDerived(properties.linkBase(), "/api/bulletins/") + id);
    for (String reader : system.membersOf(readerGroups)) {
      notifications.notify("bulletin:" + month + ":" + area, reader, Notice.MONTHLY_BULLETIN, values);
    }
    return new Bulletin(id, month.toString(), area, name, html);
  }

  private String html(YearMonth month, String area, Level level, Level below, LocalDate from, LocalDate to) {
    Kpi total = kpis.of(level, from, to, level == Level.DISTRICT ? null : organization.findUnit(area)
        .map(UnitView::parentCode).orElse(null)).stream().filter(k -> k.unitCode().equals(area)).findFirst()
        .orElseThrow();
    Document doc = Document.createShell("");
    doc.outputSettings().prettyPrint(false);
    doc.head().appendElement("meta").attr("charset", "utf-8");
    String title = total.unitName() + label(month) + "网格工作通报";
    doc.title(title);
    doc.head().appendElement("style").appendText("body{font-family:sans-serif;max-width:60rem;margin:2rem auto}"
        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:right}"
        + "td:first-child,th:first-child{text-align:left}");
    Element body = doc.body();
    body.appendElement("h1").text(title);
    body.appendElement("p").text("本月收到诉求 " + total.received() + " 件，受理 " + total.accepted() + " 件，办结 "
        + total.closed() + " 件；受理率 " + percent(total.acceptanceRate()) + "，办结率 " + percent(total.completionRate())
        + "，按期办结率 " + percent(total.onTimeRate()) + "，满意率 " + percent(total.satisfactionRate())
        + "。当前超期在办 " + total.overdue() + " 件。");
    body.appendElement("h2").text("排名（按满意率、办结率）");
    Element table = body.appendElement("table");
    Element head = table.appendElement("tr");
    for (String column : List.of("名次", "单位", "收到", "受理率", "办结率", "按期办结率", "满意率", "超期")) {
      head.appendElement("th").text(column);
    }
    List<Kpi> units = new ArrayList<>(kpis.of(below, from, to, area));
    units.sort(Comparator.comparing((Kpi k) -> k.satisfactionRate() == null ? -1 : k.satisfactionRate()).reversed()
        .thenComparing((Kpi k) -> k.completionRate() == null ? -1 : k.completionRate(), Comparator.reverseOrder())
        .thenComparing(Kpi::unitCode));
    int rank = 1;
    for (Kpi unit : units) {
      Element row = table.appendElement("tr");
      row.appendElement("td").text(String.valueOf(rank++));
      row.appendElement("td").text(unit.unitName());
      row.appendElement("td").text(String.valueOf(unit.received()));
      row.appendElement("td").text(percent(unit.acceptanceRate()));
      row.appendElement("td").text(percent(unit.completionRate()));
      row.appendElement("td").text(percent(unit.onTimeRate()));
      row.appendElement("td").text(percent(unit.satisfactionRate()));
      row.appendElement("td").text(String.valueOf(unit.overdue()));
    }
    body.appendElement("h2").text("超期诉求（截至通报生成时，最多 20 件）");
    Element list = body.appendElement("ol");
    board.overdue(level == Level.DISTRICT ? null : area, 20).forEach(overdue -> list.appendElement("li")
        .text(overdue.trackingNumber() + "　" + overdue.gridName() + "　超期 " + overdue.overdueHours() + " 小时"
            + (overdue.escalations() > 0 ? "　已督办 " + overdue.escalations() + " 次" : "")));
    if (list.children().isEmpty()) {
      body.appendElement("p").text("无超期诉求。");
    }
    return "<!DOCTYPE html>" + doc.outerHtml();
  }

  private static String label(YearMonth month) {
    return month.getYear() + "年" + month.getMonthValue() + "月";
  }

  private static String percent(Double rate) {
    return rate == null ? "—" : String.format("%.1f%%", rate * 100);
  }

  private Bulletin bulletin(java.sql.ResultSet rs) throws java.sql.SQLException {
    String area = rs.getString("area_code");
    return new Bulletin(rs.getLong("id"), rs.getString("report_month"), area,
        organization.findUnit(area).map(UnitView::name).orElse(area), rs.getString("html"));
  }
}
