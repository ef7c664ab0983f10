package org.gridcase.open311;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.common.PublicUrl;
import org.gridcase.calendar.WorkingTime;
import org.gridcase.common.UserText;
import org.gridcase.matters.MatterCatalogue;
import org.gridcase.open311.GeoReport.Discovery;
import org.gridcase.open311.GeoReport.Endpoint;
import org.gridcase.open311.ServiceRequests.Query;
import org.gridcase.traffic.TrafficRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.util.MultiValueMap;

/**
 * GeoReport v2 under {@code /open311/v2/}: {@code discovery}, {@code services}, {@code services/{code}},
 * {@code requests} (GET and POST) and {@code requests/{id}}, each as {@code .xml} or {@code .json}. Open to
 * everyone (the REST authentication covers {@code /api} and {@code /engine-rest} only); posting needs an
 * API key.
 */
@RestController
@RequestMapping("/open311/v2")
class GeoReportController {

  private static final DateTimeFormatter CHANGESET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Services services;
  private final ServiceRequests serviceRequests;
  private final Open311Intake intake;
  private final MatterCatalogue matters;
  private final WorkingTime workingTime;
  private final Open311Properties properties;
  private final PublicUrl publicUrl;
  private final ObjectMapper json;

  GeoReportController(Services services, ServiceRequests serviceRequests, Open311Intake intake,
      MatterCatalogue matters, WorkingTime workingTime, Open311Properties properties, ObjectMapper objectMapper,
      PublicUrl publicUrl) {
    this.services = services;
    this.serviceRequests = serviceRequests;
    this.intake = intake;
    this.matters = matters;
    this.workingTime = workingTime;
    this.properties = properties;
    this.publicUrl = publicUrl;
    // The specification shows absent values as null (JSON) and empty elements (XML): keep them.
    this.json = objectMapper.copy().setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS);
  }

  /** The changeset follows the catalogue's last import: clients refresh their cached services when it moves. */
  @GetMapping("/discovery.{format}")
  ResponseEntity<byte[]> discovery(@PathVariable String format, HttpServletRequest request) {
    String changeset = matters.importedAt().map(at -> CHANGESET.format(at.atZone(workingTime.zone())))
        .orElse("");
    List<String> formats = Arrays.stream(Format.values()).map(Format::mimeType).toList();
    return render(format, "discovery", new Discovery(changeset, properties.contact(), properties.keyService(),
        List.of(new Endpoint(GeoReport.SPECIFICATION, publicUrl.orDerived(properties.endpointUrl(), "/open311/v2"), changeset,
            properties.endpointType(), formats))));
  }

  @GetMapping("/services.{format}")
  ResponseEntity<byte[]> services(@PathVariable String format) {
    return render(format, "services", services.list());
  }

  @GetMapping("/services/{serviceCode}.{format}")
  ResponseEntity<byte[]> service(@PathVariable String serviceCode, @PathVariable String format) {
    return render(format, "service_definition", services.definition(serviceCode).orElseThrow(
        () -> new Open311Exception(HttpStatus.NOT_FOUND, "service_code: 未知服务 '" + serviceCode + "' (no such service)")));
  }

  /** Form-encoded, as GeoReport clients post; 200 (not 201), which is what existing clients expect. */
  @PostMapping("/requests.{format}")
  ResponseEntity<byte[]> post(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
    Format answer = format(format);
    return render(answer, "service_requests", List.of(intake.submit(params)));
  }

  @GetMapping("/requests.{format}")
  ResponseEntity<byte[]> requests(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
    Format answer = format(format);
    return render(answer, "service_requests", serviceRequests.find(query(params)));
  }

  @GetMapping("/requests/{serviceRequestId}.{format}")
  ResponseEntity<byte[]> request(@PathVariable String serviceRequestId, @PathVariable String format) {
    Format answer = format(format);
    return render(answer, "service_requests", List.of(serviceRequests.find(serviceRequestId).orElseThrow(
        () -> new Open311Exception(HttpStatus.NOT_FOUND,
            "service_request_id: 未找到诉求 '" + serviceRequestId + "' (no such request)"))));
  }

  /** Package-private for the fuzz test of the parameters (Open311ParametersFuzzTest). */
  Query query(MultiValueMap<String, String> params) {
    List<String> ids = list(params, "service_request_id");
    if (ids.size() > properties.maxPageSize()) {
      throw Open311Exception.badRequest("service_request_id", "一次最多查询 " + properties.maxPageSize() + " 件 (at most "
          + properties.maxPageSize() + " ids)");
    }
    Set<String> statuses = new LinkedHashSet<>(list(params, "status"));
    statuses.stream().filter(s -> !s.equals(ServiceRequests.OPEN) && !s.equals(ServiceRequests.CLOSED)).findFirst()
        .ifPresent(s -> {
          throw Open311Exception.badRequest("status", "可选 open 或 closed (open or closed, not '" + s + "')");
        });
    Instant start = date(params, "start_date");
    Instant end = date(params, "end_date");
    Instant now = ClockUtil.getCurrentTime().toInstant();
    if (start == null && end == null) {
      end = now;
    }
    if (start == null) {
      start = end.minus(properties.window());
    } else if (end == null) {
      end = start.plus(properties.window());
    }
    if (start.isAfter(end)) {
      throw Open311Exception.badRequest("start_date", "不能晚于 end_date (after end_date)");
    }
    if (start.plus(properties.window()).isBefore(end)) {
      throw Open311Exception.badRequest("end_date", "查询区间不能超过 " + properties.window().toDays()
          + " 天 (the range may not span more than " + properties.window().toDays() + " days)");
    }
    int page = number(params, "page", 1, Integer.MAX_VALUE, 1);
    int pageSize = number(params, "page_size", 1, properties.maxPageSize(), properties.pageSize());
    return new Query(ids, list(params, "service_code"), start, end, statuses, page, pageSize);
  }

  /** Comma separated, possibly given more than once; a control character (NUL) is a 400, not a query. */
  private static List<String> list(MultiValueMap<String, String> params, String name) {
    if (params.getOrDefault(name, List.of()).stream().anyMatch(UserText::hasControlCharacters)) {
      throw Open311Exception.badRequest(name, "不能包含控制字符 (control characters are not accepted)");
    }
    return params.getOrDefault(name, List.of()).stream().flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::strip).filter(value -> !value.isEmpty()).distinct().toList();
  }

  /** The dates a query takes: years 0001 to 9999. */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

  private static Instant date(MultiValueMap<String, String> params, String name) {
    String value = params.getFirst(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    Instant date;
    try {
      // An unencoded "+08:00" arrives as " 08:00".
      date = OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
    } catch (DateTimeParseException e) {
      throw Open311Exception.badRequest(name, "须为带时区的 ISO 8601 时间，如 2026-11-01T00:00:00+08:00"
          + " (a W3C date-time with offset)");
    }
    // W3C date-times have four-digit years. java.time reads up to ±999999999, beyond PostgreSQL's timestamps
    // (4713 BC to 294276 AD) and java.sql.Timestamp's: such a date was a 500 (Open311ParametersFuzzTest found -112026).
    if (date.isBefore(EARLIEST) || !date.isBefore(LATEST)) {
      throw Open311Exception.badRequest(name, "年份须在 0001 至 9999 之间 (a year from 0001 to 9999)");
    }
    return date;
  }

  private static int number(MultiValueMap<String, String> params, String name, int min, int max, int absent) {
    String value = params.getFirst(name);
    if (value == null || value.isBlank()) {
      return absent;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw Open311Exception.badRequest(name, "须为 " + min + " 至 " + max + " 之间的整数 (an integer from " + min + " to "
        + max + ")");
  }

  private static Format format(String suffix) {
    return Format.ofSuffix(suffix).orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND,
        "format: 仅支持 .xml 和 .json (only .xml and .json)"));
  }

  private ResponseEntity<byte[]> render(String format, String root, Object body) {
    return render(format(format), root, body);
  }

  private ResponseEntity<byte[]> render(Format format, String root, Object body) {
    return render(format, root, body, HttpStatus.OK);
  }

  private ResponseEntity<byte[]> render(Format format, String root, Object body, HttpStatus status) {
    byte[] bytes;
    try {
      bytes = format == Format.JSON ? json.writeValueAsBytes(body) : SparkXml.write(root, json.valueToTree(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + root, e);
    }
    return ResponseEntity.status(status).contentType(format.mediaType()).body(bytes);
  }
}
