package org.gridcase.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.calendar.WorkingTime;
import org.gridcase.matters.MatterCatalogue;
import org.gridcase.organization.GridOutline;
import org.gridcase.organization.OrganizationDirectory;
import org.gridcase.organization.Role;
import org.gridcase.organization.UnitLevel;
import org.gridcase.organization.UnitView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一张图: the district's grids as GeoJSON with each grid's figures, the open cases as points, the period's
 * requests as heat cells, and one grid's detail. The geometry is cached until the next organisation import;
 * the figures come from one grouped query over gc_request (open cases now, plus the period's requests for the
 * rates, counted like {@link Kpis}). Nothing personal leaves here: no requester, description or address, and
 * case coordinates rounded to 4 decimals (about 10 m).
 */
@Service
@Transactional(readOnly = true)
class DistrictMap {

  /** Optional filters of every layer; null means any. */
  record Filter(String category, String colour, String channel) {

    String sql() {
      return (category == null ? "" : " and r.category_code = :category")
          + (colour == null ? "" : " and r.colour = :colour")
          + (channel == null ? "" : " and r.channel = :channel");
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec query) {
      var bound = category == null ? query : query.param("category", category);
      bound = colour == null ? bound : bound.param("colour", colour);
      return channel == null ? bound : bound.param("channel", channel);
    }
  }

  /**
   * Open and overdue cases now; the period's requests and the three rates over them (null when not asked for:
   * the count layers leave the period's requests unread).
   */
  record Figures(long open, long overdue, Long received, Double acceptanceRate, Double completionRate,
      Double satisfactionRate) {

    static Figures none(boolean rates) {
      return new Figures(0, 0, rates ? 0L : null, null, null, null);
    }
  }

  /** What shades the grids: a count of open cases now, or a rate over the period. */
  enum Layer {
    OPEN("open"), OVERDUE("overdue"), ACCEPTANCE_RATE("acceptanceRate"), COMPLETION_RATE("completionRate"),
    SATISFACTION_RATE("satisfactionRate"), NONE("none");

    final String key;

    Layer(String key) {
      this.key = key;
    }

    boolean needsPeriod() {
      return this == ACCEPTANCE_RATE || this == COMPLETION_RATE || this == SATISFACTION_RATE;
    }

    static Optional<Layer> of(String key) {
      return Arrays.stream(values()).filter(layer -> layer.key.equals(key)).findFirst();
    }
  }

  record Polygon(String type, List<List<double[]>> coordinates) {
  }

  record GridProperties(String name, String code, String gridName, String community, String street, long open,
      long overdue, Long received, Double acceptanceRate, Double completionRate, Double satisfactionRate) {
  }

  record Feature(String type, String id, GridProperties properties, Polygon geometry) {
  }

  /** A community's, street's or the district's border: the grid edges it does not share with itself. */
  record Border(String level, String code, String name, List<double[]> segments) {
  }

  record Category(String code, String name) {
  }

  /** A GeoJSON FeatureCollection with the borders, the bounds and the settings of the page beside it. */
  record GridCollection(String type, long revision, String layer, double[] bounds, List<Feature> features, List<Border> borders,
      List<Category> categories, String baseMapUrl) {
  }

  /** Open cases with coordinates, one array per case in the order of {@code fields}. */
  record Points(List<String> fields, List<Object[]> rows, boolean truncated, int limit) {
  }

  /** The period's requests per cell of 0.001° (about 100 m): [longitude, latitude, requests]. */
  record Heat(List<double[]> cells, long max) {
  }

  record OpenCase(String trackingNumber, String categoryCode, String categoryName, String colour, String status,
      Instant dueAt, boolean overdue, String processInstanceId) {
  }

  record GridDetail(String code, String name, String communityName, String streetName, List<String> leaders,
      Figures figures, List<OpenCase> openCases, boolean truncated) {
  }

  static final List<String> POINT_FIELDS = List.of("trackingNumber", "gridCode", "longitude", "latitude", "colour",
      "overdue", "categoryCode", "dueAt", "processInstanceId");

  /** The static part: polygons and borders, built once per organisation import. */
  private record Geometry(long revision, double[] bounds, List<GridOutline> grids, List<Border> borders) {
  }

  private final JdbcClient jdbc;
  private final OrganizationDirectory organization;
  private final MatterCatalogue matters;
  private final MapProperties properties;
  private final ZoneId zone;
  private volatile Geometry geometry;

  DistrictMap(JdbcClient jdbc, OrganizationDirectory organization, MatterCatalogue matters, MapProperties properties,
      WorkingTime workingTime) {
    this.jdbc = jdbc;
    this.organization = organization;
    this.matters = matters;
    this.properties = properties;
    this.zone = workingTime.zone();
  }

  GridCollection grids(LocalDate from, LocalDate to, Filter filter, Layer layer) {
    Geometry shapes = geometry();
    boolean rates = layer.needsPeriod();
    Map<String, Figures> figures = figures(from, to, filter, null, rates);
    List<Feature> features = new ArrayList<>(shapes.grids().size());
    for (GridOutline grid : shapes.grids()) {
      Figures f = figures.getOrDefault(grid.gridCode(), Figures.none(rates));
      List<double[]> ring = new ArrayList<>(grid.corners());
      ring.add(grid.corners().get(0));
      features.add(new Feature("Feature", grid.gridCode(), new GridProperties(grid.gridCode(), grid.gridCode(),
          grid.gridName(), grid.communityCode(), grid.streetCode(), f.open(), f.overdue(), f.received(),
          f.acceptanceRate(), f.completionRate(), f.satisfactionRate()), new Polygon("Polygon", List.of(ring))));
    }
    List<Category> categories = matters.activeMatters().stream().map(m -> new Category(m.code(), m.name())).toList();
    return new GridCollection("FeatureCollection", shapes.revision(), layer.key, shapes.bounds(), features, shapes.borders(),
        categories, properties.baseMapUrl());
  }

  Points points(Filter filter) {
    int limit = properties.maxPoints();
    Instant now = now();
    var query = jdbc.sql("select r.tracking_number, r.grid_code, r.longitude, r.latitude, r.colour, r.category_code,"
        + " r.due_at, r.process_instance_id from gc_request r where r.closed_at is null and r.latitude is not null"
        + " and r.longitude is not null" + filter.sql()
        // closed_at (null here) leads the order so that PostgreSQL walks gc_request_open in order and stops early.
        + " order by r.closed_at, r.due_at, r.id fetch first " + (limit + 1) + " rows only");
    List<Object[]> rows = filter.bind(query).query((rs, row) -> {
      Timestamp due = rs.getTimestamp("due_at");
      return new Object[] {rs.getString("tracking_number"), rs.getString("grid_code"),
          round(rs.getDouble("longitude")), round(rs.getDouble("latitude")), rs.getString("colour"),
          due != null && due.toInstant().isBefore(now), rs.getString("category_code"),
          due == null ? null : due.toInstant(), rs.getString("process_instance_id")};
    }).list();
    boolean truncated = rows.size() > limit;
    return new Points(POINT_FIELDS, truncated ? rows.subList(0, limit) : rows, truncated, limit);
  }

  Heat heat(LocalDate from, LocalDate to, Filter filter) {
    var query = jdbc.sql("select floor(r.longitude * 1000) as x, floor(r.latitude * 1000) as y, count(*) as requests"
        + " from gc_request r where r.received_at >= :from and r.received_at < :to and r.latitude is not null"
        + " and r.longitude is not null" + filter.sql() + " group by floor(r.longitude * 1000), floor(r.latitude * 1000)")
        .param("from", start(from)).param("to", end(to));
    List<double[]> cells = filter.bind(query).query((rs, row) -> new double[] {
        (rs.getDouble("x") + 0.5) / 1000, (rs.getDouble("y") + 0.5) / 1000, rs.getLong("requests")}).list();
    long max = cells.stream().mapToLong(cell -> (long) cell[2]).max().orElse(0);
    return new Heat(cells, max);
  }

  /** One grid on click: names, its leaders' names, its figures and its open cases; empty for an unknown grid. */
  Optional<GridDetail> grid(String code, LocalDate from, LocalDate to, Filter filter) {
    Optional<UnitView> grid = organization.findActiveGrid(code);
    if (grid.isEmpty()) {
      return Optional.empty();
    }
    UnitView community = organization.findUnit(grid.get().parentCode()).orElseThrow();
    String streetName = organization.findUnit(community.parentCode()).map(UnitView::name).orElse(null);
    Figures figures = figures(from, to, filter, code, true).getOrDefault(code, Figures.none(true));
    int limit = properties.maxGridCases();
    Instant now = now();
    Map<String, String> categoryNames = new HashMap<>();
    matters.activeMatters().forEach(matter -> categoryNames.put(matter.code(), matter.name()));
    var query = jdbc.sql("select r.tracking_number, r.category_code, r.colour, r.status, r.due_at, r.process_instance_id"
        + " from gc_request r where r.grid_code = :grid and r.closed_at is null" + filter.sql()
        + " order by r.due_at, r.id fetch first " + (limit + 1) + " rows only").param("grid", code);
    List<OpenCase> cases = filter.bind(query).query((rs, row) -> {
      Timestamp due = rs.getTimestamp("due_at");
      String category = rs.getString("category_code");
      return new OpenCase(rs.getString("tracking_number"), category, categoryNames.get(category),
          rs.getString("colour"), rs.getString("status"), due == null ? null : due.toInstant(),
          due != null && due.toInstant().isBefore(now), rs.getString("process_instance_id"));
    }).list();
    boolean truncated = cases.size() > limit;
    return Optional.of(new GridDetail(code, grid.get().name(), community.name(), streetName,
        organization.holderNames(code, Role.GRID_LEADER), figures, truncated ? cases.subList(0, limit) : cases,
        truncated));
  }

  /**
   * Per grid (or of one grid): open and overdue cases now and, for the rates, the requests received in the period
   * with what became of them; one grouped query over both parts.
   */
  private Map<String, Figures> figures(LocalDate from, LocalDate to, Filter filter, String gridCode, boolean rates) {
    String where = filter.sql() + (gridCode == null ? " and r.grid_code is not null" : " and r.grid_code = :grid");
    String period = !rates ? "" : " union all"
        + " select r.grid_code, 0, 0, 1, case when r.accepted_at is not null then 1 else 0 end,"
        + "  case when r.decline_reason is not null and r.decline_reason <> 'not-admitted' then 1 else 0 end,"
        + "  case when r.status = 'CLOSED' then 1 else 0 end,"
        + "  case when r.status = 'CLOSED' and r.satisfaction in ('satisfied', 'basically-satisfied', 'unsatisfied')"
        + "   then 1 else 0 end,"
        + "  case when r.status = 'CLOSED' and r.satisfaction in ('satisfied', 'basically-satisfied') then 1 else 0 end"
        + "  from gc_request r where r.received_at >= :from and r.received_at < :to" + where;
    var query = jdbc.sql("select grid_code, sum(open_case) as open_cases, sum(overdue) as overdue,"
        + " sum(received) as received, sum(accepted) as accepted, sum(declined) as declined, sum(closed) as closed,"
        + " sum(reviewed) as reviewed, sum(satisfied) as satisfied from ("
        + " select r.grid_code, 1 as open_case, case when r.due_at < :now then 1 else 0 end as overdue, 0 as received,"
        + "  0 as accepted, 0 as declined, 0 as closed, 0 as reviewed, 0 as satisfied"
        + "  from gc_request r where r.closed_at is null" + where + period
        + ") x group by grid_code")
        .param("now", Timestamp.from(now()));
    if (rates) {
      query = query.param("from", start(from)).param("to", end(to));
    }
    if (gridCode != null) {
      query = query.param("grid", gridCode);
    }
    Map<String, Figures> figures = new HashMap<>();
    filter.bind(query).query(rs -> {
      figures.put(rs.getString("grid_code"), figures(rs, rates));
    });
    return figures;
  }

  private static Figures figures(ResultSet rs, boolean rates) throws SQLException {
    if (!rates) {
      return new Figures(rs.getLong("open_cases"), rs.getLong("overdue"), null, null, null, null);
    }
    long accepted = rs.getLong("accepted");
    long closed = rs.getLong("closed");
    return new Figures(rs.getLong("open_cases"), rs.getLong("overdue"), rs.getLong("received"),
        Kpis.rate(accepted, accepted + rs.getLong("declined")), Kpis.rate(closed, accepted),
        Kpis.rate(rs.getLong("satisfied"), rs.getLong("reviewed")));
  }

  /** The cached geometry, rebuilt when the organisation was imported since. */
  private Geometry geometry() {
    long revision = organization.revision();
    Geometry current = geometry;
    if (current == null || current.revision() != revision) {
      current = build(revision);
      geometry = current;
    }
    return current;
  }

  /** Forgets the cached geometry (for callers that changed the grid tables without an import). */
  void forgetGeometry() {
    geometry = null;
  }

  private Geometry build(long revision) {
    List<GridOutline> grids = organization.gridOutlines();
    Map<String, UnitView> units = new HashMap<>();
    String district = organization.districtCode();
    organization.subtree(district).forEach(unit -> units.put(unit.code(), unit));
    Map<String, EdgeCount> edges = new LinkedHashMap<>();
    double[] bounds = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (GridOutline grid : grids) {
      for (String area : new String[] {grid.communityCode(), grid.streetCode(), district}) {
        if (area != null) {
          edges.computeIfAbsent(area, code -> new EdgeCount()).add(grid.corners());
        }
      }
      for (double[] corner : grid.corners()) {
        bounds[0] = Math.min(bounds[0], corner[0]);
        bounds[1] = Math.min(bounds[1], corner[1]);
        bounds[2] = Math.max(bounds[2], corner[0]);
        bounds[3] = Math.max(bounds[3], corner[1]);
      }
    }
    List<Border> borders = new ArrayList<>();
    edges.forEach((code, count) -> {
      UnitView unit = units.get(code);
      if (unit != null) {
        borders.add(new Border(unit.level() == UnitLevel.DISTRICT ? "district"
            : unit.level() == UnitLevel.STREET ? "street" : "community", code, unit.name(), count.outer()));
      }
    });
    return new Geometry(revision, grids.isEmpty() ? new double[4] : bounds, grids, borders);
  }

  /**
   * The edges of an area's grid polygons that only one of them has: the area's outline. Neighbouring grids of
   * the dataset share corners, so a shared edge appears twice (once each way) and drops out.
   */
  private static final class EdgeCount {

    private final Map<String, double[]> once = new LinkedHashMap<>();

    void add(List<double[]> ring) {
      for (int i = 0; i < ring.size(); i++) {
        double[] a = ring.get(i);
        double[] b = ring.get((i + 1) % ring.size());
        String key = key(a, b);
        if (once.remove(key) == null) {
          once.put(key, new double[] {a[0], a[1], b[0], b[1]});
        }
      }
    }

    List<double[]> outer() {
      return List.copyOf(once.values());
    }

    private static String key(double[] a, double[] b) {
      String p = Math.round(a[0] * 1e7) + "," + Math.round(a[1] * 1e7);
      String q = Math.round(b[0] * 1e7) + "," + Math.round(b[1] * 1e7);
      return p.compareTo(q) < 0 ? p + ";" + q : q + ";" + p;
    }
  }

  private Timestamp start(LocalDate from) {
    return Timestamp.from(from.atStartOfDay(zone).toInstant());
  }

  private Timestamp end(LocalDate to) {
    return Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** 4 decimals of a degree: about 10 m, enough to place a case in its grid, not on a doorstep. */
  static double round(double degrees) {
    return Math.round(degrees * 1e4) / 1e4;
  }
}
