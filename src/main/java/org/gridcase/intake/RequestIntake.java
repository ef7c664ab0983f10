package org.gridcase.intake;

import static org.gridcase.intake.CitizenRequestProcess.Variables.CATEGORY_CODE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.COMMUNITY_CODE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.GRID_CODE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;
import static org.gridcase.intake.CitizenRequestProcess.Variables.TRACKING_NUMBER;
import static org.gridcase.intake.CitizenRequestProcess.Variables.TRIAGE_GROUP;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.gridcase.common.UserText;
import org.gridcase.intake.InvalidRequestException.FieldError;
import org.gridcase.intake.Requests.NewRequest;
import org.gridcase.matters.MatterCatalogue;
import org.gridcase.organization.OrganizationDirectory;
import org.gridcase.security.TrustedEngineCalls;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a request in: checks every field, stores it and starts its {@code citizen-request} process in
 * one transaction. A repeated client request id returns the first request.
 */
@Service
public class RequestIntake {

  /** The longest description accepted, in characters. */
  public static final int MAX_DESCRIPTION = 4000;
  static final Set<String> CHANNELS = Set.of("patrol", "photo", "hotline", "mailbox", "web", "visit", "email",
      "open311", "api");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,30}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]{1,64}@[^@\\s<>]+\\.[^@\\s<>]+");
  private static final int MAX_CLIENT_REQUEST_ID = 64;

  private final Requests requests;
  private final OrganizationDirectory organization;
  private final MatterCatalogue matters;
  private final RuntimeService runtimeService;
  private final CaseFacts caseFacts;

  RequestIntake(Requests requests, OrganizationDirectory organization, MatterCatalogue matters,
      RuntimeService runtimeService, CaseFacts caseFacts) {
    this.requests = requests;
    this.organization = organization;
    this.matters = matters;
    this.runtimeService = runtimeService;
    this.caseFacts = caseFacts;
  }

  /**
   * What a channel hands in; every field but the description and a location is optional. A location is a
   * grid code, a building of the registry ({@code addressId}), a point ({@code latitude}, {@code longitude},
   * WGS 84) or an address text that triage places by hand.
   */
  public record Submission(String description, String categoryCode, String gridCode, String address,
      String requesterName, String requesterPhone, String requesterEmail, String channel, String clientRequestId,
      String addressId, Double latitude, Double longitude) {

    /** Without building or point. */
    public Submission(String description, String categoryCode, String gridCode, String address, String requesterName,
        String requesterPhone, String requesterEmail, String channel, String clientRequestId) {
      this(description, categoryCode, gridCode, address, requesterName, requesterPhone, requesterEmail, channel,
          clientRequestId, null, null, null);
    }
  }

  /** The stored request, and whether this call created it (false: an earlier one with the same client id). */
  public record Submitted(RequestView request, boolean created) {
  }

  /** Validates, stores and starts the case in one transaction; {@code reportedBy} is the user or system. */
  @Transactional
  public Submitted submit(Submission submission, String reportedBy) {
    String clientRequestId = blankToNull(submission.clientRequestId());
    // An id validate() would refuse is not looked up: a NUL in a query is an error on PostgreSQL.
    if (clientRequestId != null && clientRequestId.length() <= MAX_CLIENT_REQUEST_ID
        && !UserText.hasControlCharacters(clientRequestId)) {
      var existing = requests.findByClientRequestId(clientRequestId);
      if (existing.isPresent()) {
        return new Submitted(existing.get(), false);
      }
    }
    NewRequest request = validate(submission, reportedBy);
    RequestView stored = requests.insert(request);
    // The routing facts are computed here, not typed by the caller: the engine guard lets them through.
    ProcessInstance instance = TrustedEngineCalls.call(() -> runtimeService.startProcessInstanceByKey(
        CitizenRequestProcess.KEY, stored.trackingNumber(), routingFacts(stored)));
    requests.attachProcess(stored.id(), instance.getId());
    return new Submitted(requests.get(stored.id()), true);
  }

  /** The Tasklist start form: the process exists already; store the request and return its facts. */
  @Transactional
  VariableMap collectFromStartForm(Submission submission, String reportedBy, String processInstanceId) {
    RequestView stored = requests.insert(validate(submission, reportedBy));
    requests.attachProcess(stored.id(), processInstanceId);
    return routingFacts(stored);
  }

  /**
   * Ids and routing facts, the only things the process carries about a request; what an expression needs only
   * once (the channel, the matter's default colour, an e-mail for the result) it reads
   * through {@link CaseFacts} instead.
   */
  private VariableMap routingFacts(RequestView request) {
    VariableMap facts = Variables.createVariables();
    REQUEST_ID.putIn(facts, request.id());
    TRACKING_NUMBER.putIn(facts, request.trackingNumber());
    GRID_CODE.putIn(facts, request.gridCode());
    COMMUNITY_CODE.putIn(facts, request.gridCode() == null ? null : organization.communityOf(request.gridCode()));
    TRIAGE_GROUP.putIn(facts, caseFacts.triageGroup(request.gridCode()));
    CATEGORY_CODE.putIn(facts, request.categoryCode());
    return facts;
  }

  /**
   * Every problem at once, each naming its field. Text is judged by {@link UserText#accept}: markup (also
   * as entities) and control characters are refused, from the API and the start form alike.
   */
  private NewRequest validate(Submission raw, String reportedBy) {
    List<FieldError> errors = new ArrayList<>();
    Submission s = withoutControlCharacters(errors, raw);
    String description = text(errors, "description", s.description(), MAX_DESCRIPTION);
    if (description == null && errors.stream().noneMatch(e -> e.field().equals("description"))) {
      errors.add(new FieldError("description", "诉求描述不能为空 (description is required)"));
    }
    String address = text(errors, "address", s.address(), 300);
    Location location = locate(errors, s, address);
    String categoryCode = blankToNull(s.categoryCode());
    if (categoryCode != null && matters.findActive(categoryCode).isEmpty()) {
      errors.add(new FieldError("categoryCode", "未知事项类别 '" + categoryCode + "' (unknown category code)"));
    }
    String name = text(errors, "requesterName", s.requesterName(), 100);
    String phone = blankToNull(s.requesterPhone());
    if (phone != null && !PHONE.matcher(phone).matches()) {
      errors.add(new FieldError("requesterPhone", "电话号码格式不正确 (not a phone number)"));
    }
    String email = blankToNull(s.requesterEmail());
    if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      errors.add(new FieldError("requesterEmail", "电子邮箱格式不正确 (not an e-mail address)"));
    }
    String channel = blankToNull(s.channel()) == null ? "api" : s.channel().strip();
    if (!CHANNELS.contains(channel)) {
      errors.add(new FieldError("channel", "未知渠道 '" + channel + "'; 可选 " + CHANNELS.stream().sorted().toList()));
    }
    String clientRequestId = blankToNull(s.clientRequestId());
    if (clientRequestId != null && clientRequestId.length() > MAX_CLIENT_REQUEST_ID) {
      errors.add(new FieldError("clientRequestId", "不能超过 " + MAX_CLIENT_REQUEST_ID + " 个字符 (at most "
          + MAX_CLIENT_REQUEST_ID + " characters)"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new NewRequest(location.gridCode(), description, channel, categoryCode, address, name, phone, email,
        clientRequestId, reportedBy, location.addressId(), location.latitude(), location.longitude());
  }

  /** The location as given, and the grid it is routed to (null: triage by the district's supervisors). */
  private record Location(String gridCode, String addressId, Double latitude, Double longitude) {
  }

  /**
   * Routes the location: a grid code as given, else the grid of the building, else the grid whose polygon
   * holds the point. An address text, or a point outside every polygon, has no grid: the district's
   * supervisors place it at triage, so no request is dropped for want of a grid.
   */
  private Location locate(List<FieldError> errors, Submission s, String address) {
    String gridCode = blankToNull(s.gridCode());
    String addressId = blankToNull(s.addressId());
    Double latitude = s.latitude();
    Double longitude = s.longitude();
    if (gridCode == null && addressId == null && latitude == null && longitude == null && address == null) {
      errors.add(new FieldError("location", "请提供位置：网格编码、楼栋编号、经纬度或地址之一"
          + " (a location is required: gridCode, addressId, latitude and longitude, or address)"));
      return new Location(null, null, null, null);
    }
    if (gridCode != null && organization.findActiveGrid(gridCode).isEmpty()) {
      errors.add(new FieldError("gridCode", "未知网格编码 '" + gridCode + "' (unknown grid code)"));
    }
    String buildingGrid = null;
    if (addressId != null) {
      buildingGrid = organization.gridOfBuilding(addressId).orElse(null);
      if (buildingGrid == null) {
        errors.add(new FieldError("addressId", "未知楼栋编号"
            + (addressId.length() <= 64 ? " '" + addressId + "'" : "") + " (unknown addressId)"));
      }
    }
    boolean latitudeValid = coordinate(errors, "latitude", "纬度", latitude, 90, longitude);
    boolean longitudeValid = coordinate(errors, "longitude", "经度", longitude, 180, latitude);
    boolean point = latitudeValid && longitudeValid;
    String routed = gridCode != null ? gridCode
        : buildingGrid != null ? buildingGrid
        : point ? organization.gridAt(latitude, longitude).orElse(null)
        : null;
    return new Location(routed, addressId, point ? latitude : null, point ? longitude : null);
  }

  /** A coordinate in range, given together with the other one; false when absent or wrong. */
  private static boolean coordinate(List<FieldError> errors, String field, String label, Double value, double limit,
      Double other) {
    if (value == null) {
      if (other != null) {
        errors.add(new FieldError(field, "经纬度须同时提供，缺少" + label
            + " (latitude and longitude go together; " + field + " is missing)"));
      }
      return false;
    }
    if (!Double.isFinite(value) || Math.abs(value) > limit) {
      errors.add(new FieldError(field, label + "须在 -" + (int) limit + " 到 " + (int) limit + " 之间"
          + " (" + field + " out of range -" + (int) limit + ".." + (int) limit + ", WGS 84 degrees)"));
      return false;
    }
    return true;
  }

  private static String text(List<FieldError> errors, String field, String input, int max) {
    String text;
    try {
      text = UserText.accept(field, input);
    } catch (UserText.InvalidTextException e) {
      errors.add(new FieldError(e.field(), e.getMessage()));
      return null;
    }
    if (text != null && text.length() > max) {
      errors.add(new FieldError(field, "不能超过 " + max + " 字 (longer than " + max + " characters)"));
      return null;
    }
    return text;
  }

  /**
   * The codes and contacts with a control character (a NUL, say) refused and dropped, before they reach a
   * query; the text fields are judged in full by {@link #text}.
   */
  private static Submission withoutControlCharacters(List<FieldError> errors, Submission s) {
    return new Submission(s.description(), code(errors, "categoryCode", s.categoryCode()),
        code(errors, "gridCode", s.gridCode()), s.address(), s.requesterName(),
        code(errors, "requesterPhone", s.requesterPhone()), code(errors, "requesterEmail", s.requesterEmail()),
        code(errors, "channel", s.channel()), code(errors, "clientRequestId", s.clientRequestId()),
        code(errors, "addressId", s.addressId()), s.latitude(), s.longitude());
  }

  private static String code(List<FieldError> errors, String field, String input) {
    try {
      UserText.refuseControlCharacters(field, input);
      return input;
    } catch (UserText.InvalidTextException e) {
      errors.add(new FieldError(field, e.getMessage()));
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
