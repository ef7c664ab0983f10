package org.gridcase.jobs;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The engine's job executor from {@link JobsProperties}. The starter builds its own only when there is no
 * {@link JobExecutor} bean, and then hands this one to the engine and starts it; like the starter's, it
 * exists only while {@code camunda.bpm.job-execution.enabled} is true (tests drive jobs themselves).
 */
@Configuration(proxyBeanMethods = false)
class JobExecutorConfiguration {

  @Bean
  @ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true",
      matchIfMissing = true)
  JobExecutor jobExecutor(JobsProperties properties) {
    SpringJobExecutor executor = new SpringJobExecutor();
    executor.setTaskExecutor(pool(properties));
    executor.setRejectedJobsHandler(new NotifyAcquisitionRejectedJobsHandler());
    executor.setMaxJobsPerAcquisition(properties.maxJobsPerAcquisition());
    executor.setWaitTimeInMillis(properties.waitTimeMillis());
    executor.setMaxWait(properties.maxWaitMillis());
    executor.setBackoffTimeInMillis(properties.backoffMillis());
    executor.setMaxBackoff(properties.maxBackoffMillis());
    executor.setLockTimeInMillis(properties.lockTimeMillis());
    return executor;
  }

  private static ThreadPoolTaskExecutor pool(JobsProperties properties) {
    ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
    pool.setCorePoolSize(properties.threads());
    pool.setMaxPoolSize(properties.threads());
    pool.setQueueCapacity(properties.queueCapacity());
    pool.setThreadNamePrefix("gridcase-job-");
    // Not a bean of its own (the starter's camundaTaskExecutor is the context's); daemon threads do not keep
    // a stopped application alive, and the engine stops acquiring before the context closes.
    pool.setDaemon(true);
    pool.initialize();
    return pool;
  }
}
