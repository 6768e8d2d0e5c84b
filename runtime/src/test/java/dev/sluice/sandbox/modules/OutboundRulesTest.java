package dev.sluice.sandbox.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundRulesTest {

    private static final OutboundRules DEFAULTS = new OutboundRules(List.of(), false, false);

    private static String refusal(OutboundRules rules, String address) throws Exception {
        return rules.refusal(address, InetAddress.getByName(address));
    }

    @Test
    void public_addresses_pass_by_default() throws Exception {
        assertThat(refusal(DEFAULTS, "93.184.216.34")).isEmpty();
        assertThat(refusal(DEFAULTS, "2606:2800:220:1:248:1893:25c8:1946")).isEmpty();
    }

    @Test
    void loopback_private_and_metadata_addresses_are_refused_by_default() throws Exception {
        for (String address : List.of("127.0.0.1", "127.8.8.8", "::1", "10.1.2.3", "172.16.0.1", "172.31.255.1",
                "192.168.1.1", "100.64.0.1", "fd00::1", "169.254.169.254", "fe80::1", "0.0.0.0", "224.0.0.1")) {
            assertThat(refusal(DEFAULTS, address)).as(address).isNotEmpty();
        }
        assertThat(refusal(DEFAULTS, "172.32.0.1")).isEmpty();
    }

    @Test
    void switches_open_loopback_and_private_ranges_but_never_metadata() throws Exception {
        OutboundRules open = new OutboundRules(List.of(), true, true);

        assertThat(refusal(open, "127.0.0.1")).isEmpty();
        assertThat(refusal(open, "10.0.0.5")).isEmpty();
        assertThat(refusal(open, "169.254.169.254")).contains("link-local");
    }

    @Test
    void allowed_hosts_narrow_to_names_addresses_and_cidrs() throws Exception {
        OutboundRules listed = new OutboundRules(List.of("localhost", "10.0.0.0/8", "8.8.8.8"), true, true);

        assertThat(listed.refusal("localhost", InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(refusal(listed, "10.200.0.1")).isEmpty();
        assertThat(refusal(listed, "8.8.8.8")).isEmpty();
        assertThat(refusal(listed, "127.0.0.1")).contains("allowedHosts");
        assertThat(refusal(listed, "1.1.1.1")).contains("allowedHosts");
    }

    @Test
    void resolve_names_the_refused_host_with_a_node_style_code() {
        assertThatThrownBy(() -> DEFAULTS.resolve("127.0.0.1"))
                .isInstanceOfSatisfying(ModuleError.class, e -> assertThat(ModuleError.toJson(e))
                        .contains("\"code\":\"EHOSTBLOCKED\"").contains("host '127.0.0.1' is not allowed"));
        assertThatThrownBy(() -> DEFAULTS.resolve("no-such-host.invalid"))
                .isInstanceOfSatisfying(ModuleError.class, e -> assertThat(ModuleError.toJson(e))
                        .contains("\"code\":\"ENOTFOUND\""));
        assertThat(new OutboundRules(List.of(), true, false).resolve("127.0.0.1"))
                .extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
    }

    @Test
    void a_malformed_cidr_is_refused_when_the_rules_are_built() {
        assertThatThrownBy(() -> new OutboundRules(List.of("10.0.0.0/40"), false, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
