package org.gridcase.open311;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param endpointUrl public address of the GeoReport v2 endpoint, as discovery announces it (default: none,
 *     {@code <gridcase.public-url>/open311/v2}, which without that setting is the address the discovery request came
 *     to; behind a reverse proxy its X-Forwarded-Proto/-Host/-Port, see {@code server.forward-headers-strategy})
 * @param endpointType {@code production} or {@code test}: whether requests posted there are acted upon (default
 *     {@code production})
 * @param contact how client developers reach the operator, shown in discovery (default 网格化服务管理中心)
 * @param keyService how a client system gets an API key, shown in discovery (default: from an administrator)
 * @param pageSize requests per page of {@code GET requests} when the client gives no {@code page_size} (default 50)
 * @param maxPageSize largest {@code page_size} accepted (default 200)
 * @param window the longest span of {@code start_date}..{@code end_date}, and the default span ending now (default
 *     90 days, as the specification says)
 */
@ConfigurationProperties("gridcase.open311")
record Open311Properties(String endpointUrl,
    @DefaultValue("production") String endpointType,
    @DefaultValue("网格化服务管理中心") String contact,
    @DefaultValue("API 密钥由系统管理员签发 (POST /api/open311/keys), 每个接入系统一个") String keyService,
    @DefaultValue("50") int pageSize,
    @DefaultValue("200") int maxPageSize,
    @DefaultValue("P90D") Duration window) {
}
