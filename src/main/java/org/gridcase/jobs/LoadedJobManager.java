package org.gridcase.jobs;

import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;

/**
 * The engine's job manager, except that a job this command already loaded is taken from the command's entity
 * cache instead of being selected again. Camunda's {@code findJobById} always selects, although the row it reads
 * resolves to the cached entity anyway; {@code recalculateJobDuedate}, which the mode switch calls for every
 * timer of a page it has just read in one query, spent four fifths of its time there (issue 12).
 */
class LoadedJobManager extends JobManager {

  @Override
  public JobEntity findJobById(String jobId) {
    DbEntityManager entities = getDbEntityManager();
    JobEntity loaded = entities.getCachedEntity(JobEntity.class, jobId);
    return loaded != null && !entities.getDbEntityCache().isDeleted(loaded) ? loaded : super.findJobById(jobId);
  }
}
