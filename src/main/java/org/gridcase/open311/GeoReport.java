package org.gridcase.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The resources of GeoReport v2 with the specification's field names. The JSON is written as is; the XML is
 * the same tree after the Spark convention (see {@link SparkXml}).
 */
final class GeoReport {

  static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

  private GeoReport() {
  }

  record Discovery(String changeset, String contact, @JsonProperty("key_service") String keyService,
      List<Endpoint> endpoints) {
  }

  record Endpoint(String specification, String url, String changeset, String type, List<String> formats) {
  }

  /** {@code type} is always {@code realtime}: the tracking number is returned at once. */
  record Service(@JsonProperty("service_code") String serviceCode, @JsonProperty("service_name") String serviceName,
      String description, boolean metadata, String type, String keywords, String group) {
  }

  record ServiceDefinition(@JsonProperty("service_code") String serviceCode, List<Attribute> attributes) {
  }

  record Attribute(boolean variable, String code, String datatype, boolean required,
      @JsonProperty("datatype_description") String datatypeDescription, int order, String description,
      List<Value> values) {
  }

  record Value(String key, String name) {
  }

  /** A request as anyone may read it: no requester, no internal notes. */
  record ServiceRequest(@JsonProperty("service_request_id") String serviceRequestId, String status,
      @JsonProperty("status_notes") String statusNotes, @JsonProperty("service_name") String serviceName,
      @JsonProperty("service_code") String serviceCode, String description,
      @JsonProperty("agency_responsible") String agencyResponsible,
      @JsonProperty("service_notice") String serviceNotice,
      @JsonProperty("requested_datetime") String requestedDatetime,
      @JsonProperty("updated_datetime") String updatedDatetime,
      @JsonProperty("expected_datetime") String expectedDatetime, String address,
      @JsonProperty("address_id") String addressId, String zipcode, Double lat,
      @JsonProperty("long") Double longitude, @JsonProperty("media_url") String mediaUrl) {
  }

  /** The answer to a posted request; Gridcase has no citizen accounts, so {@code account_id} stays empty. */
  record Created(@JsonProperty("service_request_id") String serviceRequestId,
      @JsonProperty("service_notice") String serviceNotice, @JsonProperty("account_id") String accountId) {
  }

  /** {@code code} is the HTTP status; the description names the parameter at fault. */
  record Error(int code, String description) {
  }
}
