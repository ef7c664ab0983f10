package org.gridcase.open311;

import java.util.List;
import java.util.Optional;
import org.gridcase.matters.Colour;
import org.gridcase.matters.Matter;
import org.gridcase.matters.MatterCatalogue;
import org.gridcase.open311.GeoReport.Attribute;
import org.gridcase.open311.GeoReport.Service;
import org.gridcase.open311.GeoReport.ServiceDefinition;
import org.gridcase.open311.GeoReport.Value;
import org.springframework.stereotype.Component;

/**
 * The matters catalogue as Open311 services: every active matter the grid takes (准入); the others (禁入) are
 * not offered, since triage would decline them.
 */
@Component
class Services {

  static final String URGENCY = "urgency";
  static final String URGENT = "urgent";
  /** A hint for triage, not a promise: the colour is triage's call. */
  static final Attribute URGENCY_ATTRIBUTE = new Attribute(true, URGENCY, "singlevaluelist", false,
      "一般 或 紧急", 1, "紧急程度：危及人身或财产安全、需要尽快处置的请选“紧急”（危及生命请直接拨打110、119或120）",
      List.of(new Value("normal", "一般"), new Value(URGENT, "紧急")));

  private final MatterCatalogue matters;

  Services(MatterCatalogue matters) {
    this.matters = matters;
  }

  List<Service> list() {
    return matters.activeMatters().stream().filter(Matter::admitted).map(this::service).toList();
  }

  Optional<ServiceDefinition> definition(String serviceCode) {
    return offered(serviceCode).map(matter -> new ServiceDefinition(matter.code(), attributes(matter)));
  }

  /** The matter behind a service code, when it is offered. */
  Optional<Matter> offered(String serviceCode) {
    return matters.findActive(serviceCode).filter(Matter::admitted);
  }

  /** The same for every matter for now; a matter of its own would add its questions here. */
  List<Attribute> attributes(Matter matter) {
    return List.of(URGENCY_ATTRIBUTE);
  }

  private Service service(Matter matter) {
    return new Service(matter.code(), matter.name(),
        matter.domainName() + "类事项：" + matter.name() + "，" + handledBy(matter.defaultColour()) + "。",
        !attributes(matter).isEmpty(), "realtime", matter.domainName() + ", " + matter.name(), matter.domainName());
  }

  private static String handledBy(Colour colour) {
    return switch (colour) {
      case GREEN -> "一般由网格员办理";
      case YELLOW -> "一般由网格长直接办理";
      case RED -> "由区级联系领导协调办理";
    };
  }
}
