/**
 * The engine's job executor (timers, async continuations, notice sends), sized by {@link
 * org.gridcase.jobs.JobsProperties} for a burst of timers due at once while intake goes on.
 */
package org.gridcase.jobs;
