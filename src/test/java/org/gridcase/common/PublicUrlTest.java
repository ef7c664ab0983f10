package org.gridcase.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Every link comes from one setting, else from the request being served, else from the server's port. */
class PublicUrlTest {

  @AfterEach
  void noRequest() {
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  void withoutSettingOrRequestLinksUseTheServersPort() {
    PublicUrl url = new PublicUrl(new PublicUrlProperties(null), new MockEnvironment().withProperty("server.port", "9090"));
    assertThat(url.of("/status/")).isEqualTo("http://localhost:9090/status/");
    assertThat(new PublicUrl(new PublicUrlProperties(""), new MockEnvironment()).of("/survey/"))
        .as("server.port's default").isEqualTo("http://localhost:8080/survey/");
    assertThat(new PublicUrl(new PublicUrlProperties(null), new MockEnvironment()
        .withProperty("server.port", "9090").withProperty("server.servlet.context-path", "/gridcase/"))
        .of("/status/")).isEqualTo("http://localhost:9090/gridcase/status/");
  }

  @Test
  void aRequestBeingServedGivesItsOwnAddress() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task/1/complete");
    request.setScheme("https");
    request.setServerName("wangge.example.gov.cn");
    request.setServerPort(8443);
    request.setQueryString("a=b");
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    PublicUrl url = new PublicUrl(new PublicUrlProperties(null), new MockEnvironment().withProperty("server.port", "9090"));
    assertThat(url.of("/camunda/app/tasklist/")).isEqualTo("https://wangge.example.gov.cn:8443/camunda/app/tasklist/");
  }

  @Test
  void theSettingWinsOverRequestAndPortAndASingleLinkSettingWinsOverIt() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/requests");
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    PublicUrl url = new PublicUrl(new PublicUrlProperties("https://wangge.example.gov.cn/"), new MockEnvironment());
    assertThat(url.of("/survey/")).isEqualTo("https://wangge.example.gov.cn/survey/");
    assertThat(url.orDerived(null, "/open311/v2")).isEqualTo("https://wangge.example.gov.cn/open311/v2");
    assertThat(url.orDerived("https://open311.example.gov.cn/v2", "/open311/v2"))
        .isEqualTo("https://open311.example.gov.cn/v2");
  }
}
