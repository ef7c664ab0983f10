package org.gridcase.supervision;

import java.time.LocalDate;
import org.gridcase.matters.Colour;
import org.gridcase.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The data of the Cockpit map 一张图, for supervisors and administrators only (403 to handlers):
 * {@code GET /api/map/grids?from=2026-01-01&to=2026-12-31[&layer=open][&category=C04][&colour=red][&channel=hotline]}
 * (GeoJSON with each grid's figures: open and overdue cases now, plus the period's rates for a rate layer), {@code /api/map/cases} (open cases as points), {@code /api/map/heat} (the period's
 * requests per 100 m cell) and {@code /api/map/grids/{code}} (one grid on click).
 */
@RestController
class MapController {

  private final DistrictMap map;
  private final CurrentUser currentUser;

  MapController(DistrictMap map, CurrentUser currentUser) {
    this.map = map;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/map/grids")
  DistrictMap.GridCollection grids(@RequestParam String from, @RequestParam String to,
      @RequestParam(required = false) String category, @RequestParam(required = false) String colour,
      @RequestParam(required = false) String channel, @RequestParam(defaultValue = "open") String layer) {
    currentUser.requireSupervisor();
    LocalDate[] period = period(from, to);
    DistrictMap.Layer wanted = DistrictMap.Layer.of(layer).orElseThrow(() -> new BadParameter("layer",
        "one of open, overdue, acceptanceRate, completionRate, satisfactionRate, none"));
    return map.grids(period[0], period[1], filter(category, colour, channel), wanted);
  }

  @GetMapping("/api/map/grids/{code}")
  DistrictMap.GridDetail grid(@PathVariable String code, @RequestParam String from, @RequestParam String to,
      @RequestParam(required = false) String category, @RequestParam(required = false) String colour,
      @RequestParam(required = false) String channel) {
    currentUser.requireSupervisor();
    LocalDate[] period = period(from, to);
    return map.grid(code, period[0], period[1], filter(category, colour, channel))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no active grid " + code));
  }

  @GetMapping("/api/map/cases")
  DistrictMap.Points cases(@RequestParam(required = false) String category,
      @RequestParam(required = false) String colour, @RequestParam(required = false) String channel) {
    currentUser.requireSupervisor();
    return map.points(filter(category, colour, channel));
  }

  @GetMapping("/api/map/heat")
  DistrictMap.Heat heat(@RequestParam String from, @RequestParam String to,
      @RequestParam(required = false) String category, @RequestParam(required = false) String colour,
      @RequestParam(required = false) String channel) {
    currentUser.requireSupervisor();
    LocalDate[] period = period(from, to);
    return map.heat(period[0], period[1], filter(category, colour, channel));
  }

  private static LocalDate[] period(String from, String to) {
    LocalDate start = KpiController.date("from", from);
    LocalDate end = KpiController.date("to", to);
    if (end.isBefore(start)) {
      throw new BadParameter("to", "must not be before from");
    }
    if (start.plusYears(5).isBefore(end)) {
      throw new BadParameter("to", "a period of at most five years");
    }
    return new LocalDate[] {start, end};
  }

  private static DistrictMap.Filter filter(String category, String colour, String channel) {
    String wantedColour = blankToNull(colour);
    if (wantedColour != null && Colour.ofKey(wantedColour).isEmpty()) {
      throw new BadParameter("colour", "one of red, yellow, green");
    }
    return new DistrictMap.Filter(code("category", category), wantedColour, code("channel", channel));
  }

  /** Codes are short and plain; anything else is refused before it reaches SQL (which binds it anyway). */
  private static String code(String field, String value) {
    String code = blankToNull(value);
    if (code != null && !code.matches("[A-Za-z0-9_-]{1,32}")) {
      throw new BadParameter(field, "a code of letters, digits, '-' or '_' (at most 32)");
    }
    return code;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
