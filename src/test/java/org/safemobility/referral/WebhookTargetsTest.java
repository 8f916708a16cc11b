package org.safemobility.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.10.0.1", "::1", "0.0.0.0", "::", "169.254.169.254", "fe80::1", "10.1.2.3",
            "172.16.0.1", "172.31.255.255", "192.168.1.1", "fc00::1", "fd12:3456::1", "100.64.0.1", "224.0.0.1",
            "::ffff:10.0.0.1", "::ffff:127.0.0.1", "255.255.255.255", "198.18.0.1"})
    void internal_addresses_are_refused(String address) throws Exception {
        assertThat(WebhookTargets.isInternal(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888", "192.169.0.1", "11.0.0.1"})
    void public_addresses_are_allowed(String address) throws Exception {
        assertThat(WebhookTargets.isInternal(InetAddress.getByName(address))).isFalse();
    }
}
