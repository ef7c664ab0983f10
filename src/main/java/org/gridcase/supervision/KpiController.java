package org.gridcase.supervision;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gridcase.security.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/kpis?level=street&from=2026-01-01&to=2026-12-31[&parent=DC-01][&format=csv]}: the KPIs of
 * every unit of a level, for supervisors and administrators. CSV opens in Excel (UTF-8 with BOM).
 */
@RestController
class KpiController {

  private static final String CSV_HEADER = "单位编码,单位,层级,收到,受理,不予受理,受理率,办结,办结率,按期办结,按期办结率,"
      + "回访,满意,满意率,平均办理工时,办理工时P90,在办,超期,重办,督办";

  private final Kpis kpis;
  private final CurrentUser currentUser;

  KpiController(Kpis kpis, CurrentUser currentUser) {
    this.kpis = kpis;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/kpis")
  ResponseEntity<?> kpis(@RequestParam(defaultValue = "district") String level, @RequestParam String from,
      @RequestParam String to, @RequestParam(required = false) String parent,
      @RequestParam(defaultValue = "json") String format) {
    currentUser.requireSupervisor();
    Level wanted = Level.of(level).orElseThrow(() -> new BadParameter("level",
        "one of grid, community, street, district, department"));
    LocalDate start = date("from", from);
    LocalDate end = date("to", to);
    if (end.isBefore(start)) {
      throw new BadParameter("to", "must not be before from");
    }
    List<Kpi> result;
    try {
      result = kpis.of(wanted, start, end, parent);
    } catch (IllegalArgumentException e) {
      throw new BadParameter("parent", e.getMessage());
    }
    if ("csv".equalsIgnoreCase(format)) {
      String csv = "\uFEFF" + CSV_HEADER + "\n" + result.stream().map(KpiController::csv)
          .collect(Collectors.joining("\n")) + "\n";
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kpi-" + wanted.key() + "-" + start + "-"
              + end + ".csv\"")
          .body(csv);
    }
    return ResponseEntity.ok(result);
  }


  static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadParameter(field, "a date such as 2026-01-31");
    }
  }

  private static String csv(Kpi k) {
    return Stream.of(k.unitCode(), k.unitName(), k.level(), k.received(), k.accepted(), k.declined(),
            k.acceptanceRate(), k.closed(), k.completionRate(), k.closedOnTime(), k.onTimeRate(), k.reviewed(),
            k.satisfied(), k.satisfactionRate(), k.avgHandlingHours(), k.p90HandlingHours(), k.open(), k.overdue(),
            k.reopened(), k.escalations())
        .map(value -> value == null ? "" : cell(value.toString())).collect(Collectors.joining(","));
  }

  /** Quoted when needed; a leading = + - @ is defused so a spreadsheet does not run it as a formula. */
  private static String cell(String value) {
    String safe = value.matches("^[=+\\-@].*") && !value.matches("^-?[0-9.]+$") ? "'" + value : value;
    return safe.contains(",") || safe.contains("\"") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
