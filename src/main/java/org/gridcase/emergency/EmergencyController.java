package org.gridcase.emergency;

import java.net.URI;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.gridcase.intake.InvalidRequestException;
import org.gridcase.organization.CandidateGroups;
import org.gridcase.organization.OrganizationDirectory;
import org.gridcase.organization.Role;
import org.gridcase.security.CurrentUser;
import org.gridcase.security.SystemAccess;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/emergencies}: declare and lift the emergency "1+2" mode over an area. Only a district liaison
 * leader, a district supervisor or an administrator may; everyone signed in may read.
 */
@RestController
@RequestMapping("/api/emergencies")
class EmergencyController {

  private final Emergencies emergencies;
  private final CurrentUser currentUser;
  private final SystemAccess system;
  private final IdentityService identity;
  private final OrganizationDirectory organization;

  EmergencyController(Emergencies emergencies, CurrentUser currentUser, SystemAccess system,
      @Lazy IdentityService identity, OrganizationDirectory organization) {
    this.organization = organization;
    this.emergencies = emergencies;
    this.currentUser = currentUser;
    this.system = system;
    this.identity = identity;
  }

  record Declaration(String areaCode, String reason) {
  }

  record Lift(String reason) {
  }

  @PostMapping
  ResponseEntity<Emergency> declare(@RequestBody Declaration body) {
    String actor = requireLeader();
    Emergency emergency = emergencies.declare(body.areaCode(), body.reason(), actor);
    return ResponseEntity.created(URI.create("/api/emergencies/" + emergency.id())).body(emergency);
  }

  @PostMapping("/{id}/lift")
  Emergency lift(@PathVariable long id, @RequestBody Lift body) {
    return emergencies.lift(id, body.reason(), requireLeader());
  }

  @GetMapping
  List<Emergency> list(@RequestParam(required = false) Boolean active) {
    currentUser.id();
    return emergencies.list(active);
  }

  @GetMapping("/{id}")
  Emergency get(@PathVariable long id) {
    currentUser.id();
    return emergencies.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  /** District liaison leaders (of any community), the district's supervisors and administrators. */
  private String requireLeader() {
    String user = currentUser.id();
    if (currentUser.isAdministrator()) {
      return user;
    }
    String districtSupervisors = CandidateGroups.of(organization.districtCode(), Role.SUPERVISOR);
    String liaison = "." + Role.DISTRICT_LIAISON_LEADER.key();
    List<Group> groups = system.call(() -> identity.createGroupQuery().groupMember(user).list());
    boolean leader = groups.stream().map(Group::getId)
        .anyMatch(group -> group.endsWith(liaison) || group.equals(districtSupervisors));
    if (!leader) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "只有区级联系领导及以上可以启动或解除应急状态 (district liaison leader or above only)");
    }
    return user;
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "输入有误 (invalid input)");
    problem.setProperty("errors", e.errors());
    return problem;
  }

  @ExceptionHandler(Emergencies.NoSuchEmergencyException.class)
  ProblemDetail missing(Emergencies.NoSuchEmergencyException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }
}
