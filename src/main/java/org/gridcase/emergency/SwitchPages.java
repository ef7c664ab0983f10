package org.gridcase.emergency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many of a mode switch's pages are done (gc_mode_switch), so that the last one to finish knows it is last.
 * Its increment waits for the row lock of any page finishing at the same moment, so exactly one page sees the
 * total; a page that fails rolls its increment back with the rest of its work.
 */
@Component
class SwitchPages {

  private final JdbcClient jdbc;

  SwitchPages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void planned(String switchId, int pages) {
    jdbc.sql("insert into gc_mode_switch (process_instance_id, pages) values (?, ?)").params(switchId, pages)
        .update();
  }

  /**
   * Counts one page of the switch as done; returns whether it was the last. False for a switch planned before
   * this count (its model closes each page with a job of its own).
   */
  boolean pageDone(String switchId) {
    if (jdbc.sql("update gc_mode_switch set pages_done = pages_done + 1 where process_instance_id = ?")
        .param(switchId).update() == 0) {
      return false;
    }
    return jdbc.sql("select pages_done >= pages from gc_mode_switch where process_instance_id = ?")
        .param(switchId).query(Boolean.class).single();
  }
}
