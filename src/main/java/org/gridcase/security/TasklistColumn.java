package org.gridcase.security;

/**
 * A column of the shared Tasklist filters: a variable of the listed tasks and its heading. The variable must be
 * readable with the task alone (a task-local variable): handlers may read the tasks offered to them, not the
 * process instances behind them, and Tasklist's list drops what they may not read.
 *
 * @param variable the variable's name, as Tasklist asks for it
 * @param label    the column heading
 */
public record TasklistColumn(String variable, String label) {
}
