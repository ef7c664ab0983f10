package org.gridcase.mailbox;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The poll timer runs only when the mailbox is enabled: otherwise its job definitions are suspended, so no
 * poll process starts at all (the poller also does nothing when disabled, should one be started by hand).
 */
@Component
class MailboxStartup implements ApplicationRunner {

  private final MailboxProperties properties;
  private final RepositoryService repositoryService;
  private final ManagementService managementService;

  MailboxStartup(MailboxProperties properties, RepositoryService repositoryService,
      ManagementService managementService) {
    this.properties = properties;
    this.repositoryService = repositoryService;
    this.managementService = managementService;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(MailboxPollProcess.KEY).count() == 0) {
      return;
    }
    if (properties.enabled()) {
      managementService.activateJobDefinitionByProcessDefinitionKey(MailboxPollProcess.KEY, true);
    } else {
      managementService.suspendJobDefinitionByProcessDefinitionKey(MailboxPollProcess.KEY, true);
    }
  }
}
