package org.quorumlab.engine.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names {@link AdminAccess} takes for loopback: a look-alike host name is not one. */
class AdminAccessTest {

    @Test
    void onlyLiteralLoopbackNamesCount() {
        assertThat(AdminAccess.hostName("127.0.0.1:8080")).isEqualTo("127.0.0.1");
        assertThat(AdminAccess.hostName("[::1]:8080")).isEqualTo("[::1]");
        assertThat(AdminAccess.hostName("localhost")).isEqualTo("localhost");
        assertThat(AdminAccess.isLoopbackName("LOCALHOST")).isTrue();
        assertThat(AdminAccess.isLoopbackName("127.0.0.1")).isTrue();
        assertThat(AdminAccess.isLoopbackName("127.255.3.4")).isTrue();
        assertThat(AdminAccess.isLoopbackName("[::1]")).isTrue();
        assertThat(AdminAccess.isLoopbackName("127.0.0.1.evil.example")).isFalse();
        assertThat(AdminAccess.isLoopbackName("127.evil.example.com")).isFalse();
        assertThat(AdminAccess.isLoopbackName("127.0.0.256")).isFalse();
        assertThat(AdminAccess.isLoopbackName("127.1")).isFalse();
        assertThat(AdminAccess.isLoopbackName("localhost.evil.example")).isFalse();
        assertThat(AdminAccess.isLoopbackName("10.0.0.1")).isFalse();
        assertThat(AdminAccess.isLoopbackName("")).isFalse();
    }

    @Test
    void aServerWithoutATokenStillRefusesForeignOriginsFirst() {
        AdminAccess open = new AdminAccess(null, true, "127.0.0.1");
        assertThat(open.check("GET", "/commands/monitor", "127.0.0.1:80", null, null)).isNull();
        assertThat(open.check("POST", "/faults/heal", "127.0.0.1:80", "http://evil.example", null).status()).isEqualTo(403);
        assertThat(open.check("POST", "/faults/heal", "127.0.0.1:80", null, null).status()).isEqualTo(401);
        assertThat(open.check("GET", "/metrics", "127.0.0.1:80", "http://127.0.0.1:80", null)).isNull();
        assertThat(open.check("GET", "/commands/stat_reset/", "127.0.0.1:80", null, null).status())
                .as("a GET that resets counters changes state").isEqualTo(401);
        assertThat(open.check("GET", "/commands/crst", "127.0.0.1:80", null, null).status()).isEqualTo(401);
        assertThat(open.check("GET", "/commands", null, "http://127.0.0.1:80", null).status())
                .as("an Origin without a Host cannot be checked").isEqualTo(403);
    }
}
