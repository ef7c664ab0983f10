package org.gridcase.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job executor's sizing ({@code gridcase.jobs.*}), used instead of the starter's
 * {@code camunda.bpm.job-execution.*} pool and acquisition settings (which are then ignored; its
 * {@code enabled} switch still decides whether jobs run at all). Sized for two cores and a database pool of 20
 * connections, where the work of a timer is mostly database round trips and intake must keep its latency.
 *
 * @param threads job threads, core and maximum alike (default 4): a job holds a connection for its whole
 *     transaction; 4 leaves 16 of the pool's 20 to web requests, and more threads only add lock and CPU
 *     contention on two cores (the starter's 3 core / 10 max grows only once its tiny queue is full)
 * @param queueCapacity acquired jobs waiting for a thread (default 12): three rounds of work for 4 threads,
 *     so a thread never waits for the next acquisition (the starter's 3 made acquisition the bottleneck)
 * @param maxJobsPerAcquisition jobs locked per acquisition round (default 12, the queue's size): the
 *     starter's 3 meant one acquisition query and lock update per 3 jobs; a round that does not fit the
 *     queue is handed back, so more than the queue would only lock jobs nobody runs
 * @param waitTimeMillis pause after an acquisition round that found fewer jobs than it could take
 *     (default 2000): how late an idle node notices a timer that just became due; a full round
 *     acquires again at once
 * @param maxWaitMillis longest pause between acquisition rounds when idle (default 60000, Camunda's)
 * @param backoffMillis first pause after another node's acquisition took the same jobs (default 0: off).
 *     Camunda's backoff also multiplies the jobs a round locks (12 × 2 per level): two nodes that had collided
 *     once took 500 due timers in one round, and one node held them all while its queue of 12 turned them
 *     away, so the other had nothing to run. A collision without backoff costs one acquisition round.
 * @param maxBackoffMillis the longest such pause (default 1000), when backoff is on
 * @param lockTimeMillis how long an acquired job stays locked to this node (default 300000, Camunda's 5
 *     minutes): longer than any job's transaction (a mode-switch batch), short enough that a lost node's
 *     jobs run elsewhere soon
 */
@ConfigurationProperties("gridcase.jobs")
record JobsProperties(@DefaultValue("4") int threads, @DefaultValue("12") int queueCapacity,
    @DefaultValue("12") int maxJobsPerAcquisition, @DefaultValue("2000") int waitTimeMillis,
    @DefaultValue("60000") long maxWaitMillis, @DefaultValue("0") int backoffMillis,
    @DefaultValue("1000") long maxBackoffMillis, @DefaultValue("300000") int lockTimeMillis) {
}
