package org.gridcase.intake;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.common.UserTaskListeners;
import org.gridcase.matters.Colour;
import org.gridcase.security.TasklistColumn;
import org.gridcase.security.TasklistColumns;
import org.springframework.stereotype.Component;

/**
 * Puts {@link CaseColumns} on the create event of every user task, after the model's own create listeners (so
 * it copies what they set), and fills the copies and the colour's priority in on tasks created before this
 * existed, once at start-up.
 */
@Component
class CaseColumnsPlugin extends AbstractProcessEnginePlugin implements TasklistColumns {

  private static final int BACKFILL_PAGE = 500;

  private final CaseColumns copier = new CaseColumns();

  @Override
  public List<TasklistColumn> columns() {
    return CaseColumns.columns();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskListeners.onEveryUserTask(configuration,
        definition -> definition.addTaskListener(TaskListener.EVENTNAME_CREATE, copier));
  }

  /**
   * Open case tasks without the tracking number copy (created by an older version) get their copies now, a page
   * at a time: a district holds a million open tasks, which neither fit the heap nor one transaction, and after
   * the first start none lacks its copies, so the query finds nothing.
   */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ManagementService management = engine.getManagementService();
    String sql = "select RES.* from " + management.getTableName(TaskEntity.class) + " RES"
        + " inner join " + management.getTableName(ProcessDefinitionEntity.class) + " D on D.ID_ = RES.PROC_DEF_ID_"
        + " where D.KEY_ = #{key} and not exists (select 1 from "
        + management.getTableName(VariableInstanceEntity.class) + " V where V.TASK_ID_ = RES.ID_ and V.NAME_ = #{copy}) order by RES.ID_";
    while (true) {
      List<Task> page = engine.getTaskService().createNativeTaskQuery().sql(sql)
          .parameter("key", CitizenRequestProcess.KEY).parameter("copy", CaseColumns.LIST_TRACKING_NUMBER.name())
          .listPage(0, BACKFILL_PAGE);
      for (Task task : page) {
        Map<String, Object> copies = copier.copies(
            engine.getRuntimeService().getVariables(task.getExecutionId(), CaseColumns.SOURCES));
        // A task whose case has no tracking number yet still gets a (blank) copy, so the next page moves on.
        copies.putIfAbsent(CaseColumns.LIST_TRACKING_NUMBER.name(), "");
        engine.getTaskService().setVariablesLocal(task.getId(), copies);
      }
      if (page.size() < BACKFILL_PAGE) {
        break;
      }
    }
    backfillPriorities(engine);
  }

  /**
   * Open tasks of red and yellow cases still at the default priority (created before it followed the colour), found
   * by their colour column: its copies are indexed by value on PostgreSQL (security's InboxIndexes), so this costs
   * a look-up, not a scan of a million tasks, at every start.
   */
  private static void backfillPriorities(ProcessEngine engine) {
    ManagementService management = engine.getManagementService();
    String sql = "select RES.* from " + management.getTableName(TaskEntity.class) + " RES where RES.PRIORITY_ = #{unset}"
        + " and exists (select 1 from " + management.getTableName(VariableInstanceEntity.class) + " V"
        + " where V.TASK_ID_ = RES.ID_ and V.NAME_ = #{copy} and V.TEXT_ = #{label}) order by RES.ID_";
    for (Colour colour : List.of(Colour.RED, Colour.YELLOW)) {
      List<Task> page;
      do {
        page = engine.getTaskService().createNativeTaskQuery().sql(sql)
            .parameter("unset", Colour.GREEN.taskPriority()).parameter("copy", CaseColumns.LIST_COLOUR_LABEL.name())
            .parameter("label", colour.label()).listPage(0, BACKFILL_PAGE);
        page.forEach(task -> engine.getTaskService().setPriority(task.getId(), colour.taskPriority()));
      } while (page.size() == BACKFILL_PAGE);
    }
  }
}
