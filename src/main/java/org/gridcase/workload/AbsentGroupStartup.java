package org.gridcase.workload;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the group that lists who is away, {@value Absences#ABSENT_GROUP}, when it is missing. */
@Component
class AbsentGroupStartup implements ApplicationRunner {

  static final String NAME = "请假人员";
  static final String TYPE = "WORKFLOW";

  private final IdentityService identityService;

  AbsentGroupStartup(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identityService.createGroupQuery().groupId(Absences.ABSENT_GROUP).count() == 0) {
      Group group = identityService.newGroup(Absences.ABSENT_GROUP);
      group.setName(NAME);
      group.setType(TYPE);
      identityService.saveGroup(group);
    }
  }
}
