package dev.sluice.sandbox.modules;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which hosts a script's modules may reach (databases and HTTP alike). Every module resolves a host through
 * {@link #resolve} and connects only to the addresses it returns, so a name cannot pass the check and then
 * resolve elsewhere.
 *
 * <p>By default any public address is allowed and loopback, private (RFC 1918, unique-local), link-local
 * (which includes the cloud metadata address 169.254.169.254), unspecified and multicast addresses are refused.
 * {@code allowedHosts} (names, addresses or CIDRs), when not empty, narrows this to the hosts it lists;
 * {@code allowLoopback} and {@code allowPrivateNetworks} open those ranges.
 *
 * @param allowedHosts host names, IP addresses or CIDR ranges; empty means any public host
 * @param allowLoopback whether 127.0.0.0/8 and ::1 may be reached
 * @param allowPrivateNetworks whether 10/8, 172.16/12, 192.168/16, 100.64/10 and fc00::/7 may be reached
 */
public record OutboundRules(List<String> allowedHosts, boolean allowLoopback, boolean allowPrivateNetworks) {

    /** The error code of a refused host, like Node's network error codes. */
    public static final String BLOCKED = "EHOSTBLOCKED";

    public OutboundRules {
        allowedHosts = List.copyOf(allowedHosts);
        for (String entry : allowedHosts) {
            if (entry.contains("/")) {
                Cidr.parse(entry);
            }
        }
    }

    /**
     * The addresses of {@code host} that the rules allow, in resolution order; blocking (DNS). Throws a
     * {@link ModuleError} with code {@value #BLOCKED} naming the host when it is not allowed, or
     * {@code ENOTFOUND} when it does not resolve.
     */
    public List<InetAddress> resolve(String host) {
        String name = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "");
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            throw new ModuleError("getaddrinfo ENOTFOUND " + host, Map.of("code", "ENOTFOUND", "hostname", host));
        }
        List<InetAddress> allowed = new ArrayList<>();
        String reason = "";
        for (InetAddress address : addresses) {
            String refusal = refusal(name, address);
            if (refusal.isEmpty()) {
                allowed.add(address);
            } else {
                reason = refusal;
            }
        }
        if (allowed.isEmpty()) {
            throw new ModuleError("host '" + host + "' is not allowed by the sandbox policy: " + reason,
                    Map.of("code", BLOCKED, "hostname", host));
        }
        return allowed;
    }

    /** Empty when {@code address} (resolved from {@code name}) may be reached, else why not. */
    String refusal(String name, InetAddress address) {
        if (!allowedHosts.isEmpty() && !listed(name, address)) {
            return "it is not in allowedHosts";
        }
        if (address.isLoopbackAddress()) {
            return allowLoopback ? "" : "loopback addresses need allowLoopback";
        }
        if (isPrivate(address)) {
            return allowPrivateNetworks ? "" : "private addresses need allowPrivateNetworks";
        }
        if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return "link-local (cloud metadata), unspecified and multicast addresses are never allowed";
        }
        return "";
    }

    private boolean listed(String name, InetAddress address) {
        for (String entry : allowedHosts) {
            String rule = entry.toLowerCase(Locale.ROOT);
            if (rule.contains("/") ? Cidr.parse(rule).contains(address)
                    : rule.equals(name) || rule.equals(address.getHostAddress())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPrivate(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 10 || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)
                    || (first == 100 && second >= 64 && second <= 127);
        }
        return address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
    }

    /** An address range {@code a.b.c.d/n} or {@code x::/n}. */
    private record Cidr(byte[] network, int bits) {
        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            try {
                byte[] network = InetAddress.getByName(text.substring(0, slash)).getAddress();
                int bits = Integer.parseInt(text.substring(slash + 1));
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("bad prefix length in " + text);
                }
                return new Cidr(network, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a CIDR range", e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
