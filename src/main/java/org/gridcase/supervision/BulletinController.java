package org.gridcase.supervision;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.gridcase.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/bulletins}: generate the bulletins of any month on demand (POST, supervisors), list them and
 * read one as HTML. Leaders reach a bulletin from their mail.
 */
@RestController
class BulletinController {

  record Summary(long id, String month, String areaCode, String areaName) {
  }

  private final Bulletins bulletins;
  private final CurrentUser currentUser;

  BulletinController(Bulletins bulletins, CurrentUser currentUser) {
    this.bulletins = bulletins;
    this.currentUser = currentUser;
  }

  @PostMapping("/api/bulletins")
  List<Summary> publish(@RequestParam String month) {
    String actor = currentUser.requireSupervisor();
    return bulletins.publish(month(month), actor).stream().map(BulletinController::summary).toList();
  }

  @GetMapping("/api/bulletins")
  List<Summary> list(@RequestParam String month) {
    currentUser.id();
    return bulletins.ofMonth(month(month)).stream().map(BulletinController::summary).toList();
  }

  @GetMapping("/api/bulletins/{id}")
  ResponseEntity<String> read(@PathVariable long id) {
    currentUser.id();
    return bulletins.find(id).map(bulletin -> ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
            .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
            .body(bulletin.html()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private static YearMonth month(String text) {
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadParameter("month", "a month such as 2026-10");
    }
  }

  private static Summary summary(Bulletins.Bulletin bulletin) {
    return new Summary(bulletin.id(), bulletin.month(), bulletin.areaCode(), bulletin.areaName());
  }
}
