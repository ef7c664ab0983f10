package org.gridcase.security;

import java.util.List;

/** The columns the shared Tasklist filters show, provided by the module that writes their variables. */
public interface TasklistColumns {

  List<TasklistColumn> columns();
}
