package org.gridcase.open311;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridcase.calendar.WorkingTime;
import org.gridcase.intake.DeclineReasons;
import org.gridcase.intake.RequestStatus;
import org.gridcase.matters.Matter;
import org.gridcase.matters.MatterCatalogue;
import org.gridcase.open311.GeoReport.ServiceRequest;
import org.gridcase.organization.OrganizationDirectory;
import org.gridcase.organization.UnitView;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public side of the case file (gc_request), read-only: status, category, texts and dates of a request,
 * never the requester. A declined request is {@code closed} at once; the finer state is in status_notes.
 * Only public requests exist here: those that came in through Open311 (the client published them) in a
 * matter the catalogue marks {@code public}. Their address is the organisation's name of the place down to
 * the community (never the building or the flat typed in), the point is rounded to 3 decimals (about
 * 100 m) and the building id is left out.
 */
@Component
@Transactional(readOnly = true)
class ServiceRequests {

  static final String OPEN = "open";
  static final String CLOSED = "closed";
  private static final String SELECT = "select r.*, (select max(e.at) from gc_request_event e"
      + " where e.request_id = r.id) as updated_at from gc_request r";
  /** The rule of what is public, appended to every query. */
  private static final String PUBLIC = " and r.channel = '" + Open311Intake.CHANNEL + "'"
      + " and r.category_code in (:public)";
  /** 3 decimals of a degree: about 110 m north-south, 95 m east-west here. */
  private static final double POINT_PRECISION = 1000;

  private final JdbcClient jdbc;
  private final MatterCatalogue matters;
  private final OrganizationDirectory organization;
  private final ZoneId zone;

  ServiceRequests(JdbcClient jdbc, MatterCatalogue matters, OrganizationDirectory organization,
      WorkingTime workingTime) {
    this.jdbc = jdbc;
    this.matters = matters;
    this.organization = organization;
    this.zone = workingTime.zone();
  }

  /**
   * What {@code GET requests} asks for, checked. With tracking numbers ({@code service_request_id}) the other
   * filters do not apply, as the specification says.
   *
   * @param statuses {@code open}, {@code closed} or both
   * @param page from 1
   */
  record Query(List<String> trackingNumbers, List<String> serviceCodes, Instant start, Instant end,
      Set<String> statuses, int page, int pageSize) {
  }

  Optional<ServiceRequest> find(String trackingNumber) {
    List<String> publicCodes = matters.publicCodes();
    if (publicCodes.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql(SELECT + " where r.tracking_number = :id" + PUBLIC).param("id", trackingNumber)
        .param("public", publicCodes).query(mapper()).optional();
  }

  /** Newest first, one page. */
  List<ServiceRequest> find(Query query) {
    List<String> publicCodes = matters.publicCodes();
    if (publicCodes.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder(SELECT);
    Map<String, Object> params = new HashMap<>();
    params.put("public", publicCodes);
    if (!query.trackingNumbers().isEmpty()) {
      sql.append(" where r.tracking_number in (:ids)");
      params.put("ids", query.trackingNumbers());
    } else {
      sql.append(" where r.received_at >= :start and r.received_at <= :end");
      params.put("start", Timestamp.from(query.start()));
      params.put("end", Timestamp.from(query.end()));
      if (!query.serviceCodes().isEmpty()) {
        sql.append(" and r.category_code in (:codes)");
        params.put("codes", query.serviceCodes());
      }
      if (query.statuses().size() == 1) {
        sql.append(query.statuses().contains(OPEN) ? " and r.closed_at is null and r.decline_reason is null"
            : " and (r.closed_at is not null or r.decline_reason is not null)");
      }
    }
    sql.append(PUBLIC);
    // Both are ints checked by the caller; as literals they read the same on H2 and PostgreSQL.
    sql.append(" order by r.received_at desc, r.id desc offset ").append((long) (query.page() - 1) * query.pageSize())
        .append(" rows fetch next ").append(query.pageSize()).append(" rows only");
    return jdbc.sql(sql.toString()).params(params).query(mapper()).list();
  }

  /** One mapper per query: it looks once at which columns gc_request has, and names each place once. */
  private RowMapper<ServiceRequest> mapper() {
    return new RowMapper<>() {
      private Set<String> columns;
      private final Map<String, String> places = new HashMap<>();

      @Override
      public ServiceRequest mapRow(ResultSet rs, int row) throws SQLException {
        if (columns == null) {
          columns = columns(rs.getMetaData());
        }
        String gridCode = rs.getString("grid_code");
        return request(rs, columns, places.computeIfAbsent(gridCode == null ? "" : gridCode, code -> place(gridCode)));
      }
    };
  }

  /**
   * The public address: the names of district, street and community of the grid ("大川区东城街道朝阳社区"),
   * the district's alone while triage has not placed the request.
   */
  private String place(String gridCode) {
    List<String> names = new java.util.ArrayList<>();
    Optional<UnitView> unit = gridCode == null ? organization.findUnit(organization.districtCode())
        : organization.findUnit(gridCode).map(UnitView::parentCode).flatMap(organization::findUnit);
    for (int depth = 0; unit.isPresent() && depth < 3; depth++) {
      names.add(0, unit.get().name());
      unit = Optional.ofNullable(unit.get().parentCode()).flatMap(organization::findUnit);
    }
    return String.join("", names);
  }

  private static Double rounded(Double degrees) {
    return degrees == null ? null : Math.round(degrees * POINT_PRECISION) / POINT_PRECISION;
  }

  private ServiceRequest request(ResultSet rs, Set<String> columns, String place) throws SQLException {
    String categoryCode = rs.getString("category_code");
    Optional<Matter> matter = categoryCode == null ? Optional.empty() : matters.find(categoryCode);
    String gridCode = rs.getString("grid_code");
    String declineReason = rs.getString("decline_reason");
    Instant closedAt = instant(rs, "closed_at");
    boolean closed = closedAt != null || declineReason != null;
    Instant updatedAt = closedAt != null ? closedAt : instant(rs, "updated_at");
    return new ServiceRequest(rs.getString("tracking_number"), closed ? CLOSED : OPEN,
        statusNotes(RequestStatus.valueOf(rs.getString("status")), declineReason, matter),
        matter.map(Matter::name).orElse("未分类"), categoryCode, rs.getString("description"),
        gridCode == null ? "待研判" : organization.findUnit(gridCode).map(UnitView::name).orElse(gridCode), null,
        w3(instant(rs, "received_at")), w3(updatedAt == null ? instant(rs, "received_at") : updatedAt),
        w3(instant(rs, "due_at")), place, null, null, rounded(optionalNumber(rs, columns, "latitude")),
        rounded(optionalNumber(rs, columns, "longitude")), rs.getString("media_url"));
  }

  /** The Chinese label, and for a declined request why, and where to turn when the grid does not take it. */
  private static String statusNotes(RequestStatus status, String declineReason, Optional<Matter> matter) {
    if (declineReason == null) {
      return status.label();
    }
    String notes = RequestStatus.DECLINED.label() + "：" + DeclineReasons.label(declineReason, "详见反馈");
    return matter.filter(m -> !m.admitted() && m.competentBody() != null)
        .map(m -> notes + "，请向" + m.competentBody() + "反映").orElse(notes);
  }

  /** W3C date-time with the district's offset, to the second: 2026-11-23T09:00:00+08:00. */
  private String w3(Instant at) {
    return at == null ? null
        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  // The location columns arrive with the location-to-grid migration; until then a request has no point.
  private static Double optionalNumber(ResultSet rs, Set<String> columns, String column) throws SQLException {
    if (!columns.contains(column)) {
      return null;
    }
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  private static Set<String> columns(ResultSetMetaData metaData) throws SQLException {
    Set<String> names = new HashSet<>();
    for (int i = 1; i <= metaData.getColumnCount(); i++) {
      names.add(metaData.getColumnLabel(i).toLowerCase(Locale.ROOT));
    }
    return names;
  }
}
