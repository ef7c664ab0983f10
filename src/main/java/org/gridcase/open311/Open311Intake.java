package org.gridcase.open311;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridcase.common.UserText;
import org.gridcase.intake.InvalidRequestException;
import org.gridcase.intake.RequestIntake;
import org.gridcase.intake.RequestIntake.Submission;
import org.gridcase.intake.RequestView;
import org.gridcase.intake.Requests;
import org.gridcase.intake.StatusCodes;
import org.gridcase.matters.Matter;
import org.gridcase.open311.GeoReport.Attribute;
import org.gridcase.open311.GeoReport.Created;
import org.gridcase.open311.GeoReport.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;

/**
 * {@code POST requests}: a client system hands in a citizen's request with its API key. The request goes
 * through {@link RequestIntake} like every channel (channel {@code open311}, reported by the key's client), so
 * intake's checks apply; their field names are translated back into the specification's parameter names. The
 * same post again within {@code gridcase.open311.idempotency.window} answers with the first request
 * ({@link RepeatedPosts}).
 */
@Service
class Open311Intake {

  static final String CHANNEL = "open311";
  static final int MAX_MEDIA_URL = 1000;
  static final int MAX_ADDRESS_ID = 64;
  /**
   * Tries of a post whose fingerprint another call holds; each waits for that call's transaction (PostgreSQL
   * until it ends, H2 up to its lock timeout).
   */
  private static final int MAX_ATTEMPTS = 10;
  private static final Logger LOG = LoggerFactory.getLogger(Open311Intake.class);
  private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]+)](\\[])?");
  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  /** Intake's field → the parameter the client sent. */
  private static final Map<String, String> PARAMETERS = Map.of("description", "description",
      "address", "address_string", "gridCode", "address_string", "addressId", "address_id", "latitude", "lat",
      "longitude", "long", "categoryCode", "service_code", "requesterName", "first_name, last_name",
      "requesterPhone", "phone", "requesterEmail", "email");

  private final ApiKeys apiKeys;
  private final Services services;
  private final RequestIntake intake;
  private final Requests requests;
  private final TransactionTemplate transaction;
  private final RepeatedPosts repeatedPosts;
  private final StatusCodes statusCodes;

  Open311Intake(ApiKeys apiKeys, Services services, RequestIntake intake, Requests requests,
      TransactionTemplate transaction, RepeatedPosts repeatedPosts, StatusCodes statusCodes) {
    this.apiKeys = apiKeys;
    this.services = services;
    this.intake = intake;
    this.requests = requests;
    this.transaction = transaction;
    this.repeatedPosts = repeatedPosts;
    this.statusCodes = statusCodes;
  }

  /** Stores the request and starts its case, or throws {@link Open311Exception} having stored nothing. */
  Created submit(MultiValueMap<String, String> params) {
    String client = apiKeys.clientOf(first(params, "api_key")).orElseThrow(() -> new Open311Exception(
        HttpStatus.FORBIDDEN, "api_key: 缺少或无效的 API 密钥，无法提交 (missing or invalid api_key)"));
    Matter matter = matter(first(params, "service_code"));

    List<String> problems = new ArrayList<>();
    String lat = first(params, "lat");
    String lon = first(params, "long");
    Double latitude = coordinate(problems, "lat", lat, lon, 90);
    Double longitude = coordinate(problems, "long", lon, lat, 180);
    String addressString = first(params, "address_string");
    String addressId = first(params, "address_id");
    if (lat == null && lon == null && addressString == null && addressId == null) {
      problems.add("lat, long, address_string, address_id: 请提供位置：lat 和 long、address_string 或 address_id 之一"
          + " (a location is required)");
    }
    if (addressId != null && addressId.length() > MAX_ADDRESS_ID) {
      problems.add("address_id: 不能超过 " + MAX_ADDRESS_ID + " 个字符 (at most " + MAX_ADDRESS_ID + " characters)");
    }
    String mediaUrl = mediaUrl(problems, first(params, "media_url"));
    Map<String, String> answers = attributes(problems, params, services.attributes(matter));
    if (!problems.isEmpty()) {
      throw new Open311Exception(HttpStatus.BAD_REQUEST, problems);
    }

    Submission submission = new Submission(first(params, "description"), matter.code(), null, addressString,
        name(first(params, "first_name"), first(params, "last_name")), first(params, "phone"), first(params, "email"),
        CHANNEL, null, addressId, latitude, longitude);
    String fingerprint = RepeatedPosts.fingerprint(client, matter.code(), first(params, "description"), lat, lon,
        addressString, addressId);
    try {
      String trackingNumber = repeatedPosts.earlier(fingerprint).orElse(null);
      for (int attempt = 1; trackingNumber == null; attempt++) {
        try {
          trackingNumber = transaction.execute(status -> {
            repeatedPosts.claim(fingerprint);
            RequestView stored = intake.submit(submission, client).request();
            if (mediaUrl != null) {
              requests.recordMedia(stored.id(), mediaUrl);
            }
            String urgency = answers.get(Services.URGENCY);
            if (urgency != null) {
              requests.recordNote(stored.id(), "URGENCY_HINT", client, valueName(Services.URGENCY_ATTRIBUTE, urgency));
            }
            repeatedPosts.answered(fingerprint, stored.trackingNumber());
            return stored.trackingNumber();
          });
          purgeRepeatedPosts();
        } catch (DuplicateKeyException | TransientDataAccessException raced) {
          // The same post in another call, which claimed it first: answer with its request once committed.
          trackingNumber = repeatedPosts.earlier(fingerprint).orElse(null);
          if (trackingNumber == null && attempt >= MAX_ATTEMPTS) {
            throw raced;
          }
        }
      }
      // The notice is for the citizen: the status code opens the status page, the tracking number alone does not.
      return new Created(trackingNumber, "诉求已收到，受理编号 " + trackingNumber
          + "。网格研判后派单办理，可凭查询码 " + statusCodes.of(trackingNumber) + " 查询办理进度。", null);
    } catch (InvalidRequestException e) {
      throw new Open311Exception(HttpStatus.BAD_REQUEST, e.errors().stream()
          .map(error -> PARAMETERS.getOrDefault(error.field(), error.field()) + ": " + error.message()).toList());
    }
  }

  private void purgeRepeatedPosts() {
    try {
      repeatedPosts.purge();
    } catch (DataAccessException busy) {
      // The request is committed; old fingerprints go with the next post.
      LOG.debug("Open311 repeated-post purge deferred", busy);
    }
  }

  /** 400 when missing, 404 when no such service, 400 with the competent body when the grid does not take it. */
  private Matter matter(String serviceCode) {
    if (serviceCode == null) {
      throw Open311Exception.badRequest("service_code", "不能为空 (service_code is required)");
    }
    if (UserText.hasControlCharacters(serviceCode)) {
      throw Open311Exception.badRequest("service_code", "不能包含控制字符 (control characters are not accepted)");
    }
    return services.offered(serviceCode).orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND,
        "service_code: 未知服务 '" + serviceCode + "' (no such service)"));
  }

  /** A latitude or longitude; the other one of the pair must come with it. */
  private static Double coordinate(List<String> problems, String field, String value, String other, double limit) {
    if (value == null) {
      if (other != null) {
        problems.add(field + ": lat 和 long 须同时提供 (lat and long go together)");
      }
      return null;
    }
    try {
      double parsed = Double.parseDouble(value);
      if (Math.abs(parsed) <= limit) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(field + ": 须为 -" + (int) limit + " 至 " + (int) limit + " 之间的 WGS 84 坐标 (not a WGS 84 coordinate)");
    return null;
  }

  private static String mediaUrl(List<String> problems, String value) {
    if (value == null) {
      return null;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (value.length() <= MAX_MEDIA_URL && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return value;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.add("media_url: 须为不超过 " + MAX_MEDIA_URL + " 个字符的 http(s) 链接 (an http or https URL)");
    return null;
  }

  /** {@code attribute[code]=value}: known codes only, a listed value, the required ones present. */
  private static Map<String, String> attributes(List<String> problems, MultiValueMap<String, String> params,
      List<Attribute> defined) {
    Map<String, String> answers = new LinkedHashMap<>();
    params.forEach((name, values) -> {
      Matcher matcher = ATTRIBUTE.matcher(name);
      if (!matcher.matches()) {
        return;
      }
      String code = matcher.group(1);
      Attribute attribute = defined.stream().filter(a -> a.code().equals(code)).findFirst().orElse(null);
      List<String> given = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
      if (attribute == null) {
        problems.add(name + ": 该服务没有此属性 (no such attribute for this service)");
      } else if (given.size() > 1) {
        problems.add(name + ": 只能选择一个值 (one value only)");
      } else if (!given.isEmpty() && attribute.values().stream().noneMatch(v -> v.key().equals(given.get(0)))) {
        problems.add(name + ": 可选值为 " + attribute.values().stream().map(Value::key).toList() + " (not a listed value)");
      } else if (!given.isEmpty()) {
        answers.put(code, given.get(0));
      }
    });
    defined.stream().filter(Attribute::required).filter(a -> !answers.containsKey(a.code()))
        .forEach(a -> problems.add("attribute[" + a.code() + "]: 不能为空 (required)"));
    return answers;
  }

  private static String valueName(Attribute attribute, String key) {
    return attribute.values().stream().filter(v -> v.key().equals(key)).map(Value::name).findFirst().orElse(key);
  }

  /** Family name first for Chinese names (王 + 小明), given name first otherwise. */
  private static String name(String firstName, String lastName) {
    if (firstName == null || lastName == null) {
      return firstName == null ? lastName : firstName;
    }
    return CJK.matcher(firstName + lastName).find() ? lastName + firstName : firstName + " " + lastName;
  }

  /** A parameter's first value; blank counts as absent, as the specification's optional arguments say. */
  private static String first(MultiValueMap<String, String> params, String name) {
    String value = params.getFirst(name);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
