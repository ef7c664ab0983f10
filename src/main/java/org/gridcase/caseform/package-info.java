/**
 * The case file on the task forms: when Tasklist (or any REST client) reads a task's form variables, the
 * answer also carries read-only "case…" values computed from gc_request for that task's case, so the form
 * shows the case as it is now without copying it into the process or the engine's history.
 */
package org.gridcase.caseform;
