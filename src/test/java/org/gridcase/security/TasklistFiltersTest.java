package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.gridcase.GridcaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The shared Tasklist filters, as each role sees them through the engine REST API Tasklist uses. */
@GridcaseTest
class TasklistFiltersTest {

  @Autowired TestRestTemplate rest;

  @Test
  void eachRoleSeesItsFiltersWithTheCaseColumns() {
    assertThat(filters("worker-01-01-001")).containsExactly("我的待办", "本组待办", "本网格待认领", "一天内到期", "已超期");
    assertThat(filters("reviewer-01-01")).contains("待回访").doesNotContain("红色清单");
    assertThat(filters("liaison-01-01")).contains("红色清单").doesNotContain("待回访");
    assertThat(filters("supervisor-dc")).contains("红色清单", "已超期");

    JsonNode filter = rest.withBasicAuth("worker-01-01-001", "demo")
        .getForObject("/engine-rest/filter?name=本网格待认领", JsonNode.class).get(0);
    assertThat(filter.get("properties").get("variables")).extracting(column -> column.get("name").asText())
        .containsExactly("trackingNumber", "categoryName", "colourLabel");
    assertThat(rest.withBasicAuth("worker-01-01-001", "demo").getForEntity(
        "/engine-rest/filter/" + filter.get("id").asText() + "/list", String.class).getStatusCode().value())
        .as("the filter runs for the worker").isEqualTo(200);
  }

  private List<String> filters(String user) {
    List<String> names = new ArrayList<>();
    rest.withBasicAuth(user, "demo").getForObject("/engine-rest/filter?sortBy=name&sortOrder=asc", JsonNode.class)
        .forEach(filter -> names.add(filter.get("name").asText()));
    // Tasklist orders by the priority property.
    List<String> order = List.of("我的待办", "本组待办", "本网格待认领", "一天内到期", "已超期", "红色清单", "待回访");
    names.sort(java.util.Comparator.comparingInt(order::indexOf));
    return names;
  }
}
