package org.safemobility.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a webhook may go. Whoever sets a partner's URL must not be able to make the service call into its own
 * network (the database, the cloud's metadata endpoint, other pods) or learn which ports answer there: a URL whose
 * host resolves to a loopback, link-local, private, unique-local, carrier-grade NAT, multicast or unspecified address
 * is refused at send time, before any connection, unless its host is on the configured allow-list (tests, local
 * development). Checked at every send, not when the URL is saved, because what a name resolves to changes.
 */
@ApplicationScoped
public class WebhookTargets {

    /** Refused before any connection was made. */
    public static class Blocked extends Exception {
        Blocked(String message) {
            super(message, null, false, false);
        }
    }

    private final Set<String> allowed;

    @Inject
    WebhookTargets(WebhookConfig config) {
        this.allowed = config.privateNetworkHosts().orElse(java.util.List.of()).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Resolves the URL's host and refuses it if any of its addresses is internal. */
    public void check(URI url) throws Blocked, UnknownHostException {
        String host = url.getHost();
        if (host == null) {
            throw new Blocked("no host");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (allowed.contains(bare.toLowerCase(Locale.ROOT))) {
            return;
        }
        for (InetAddress address : InetAddress.getAllByName(bare)) {
            if (isInternal(address)) {
                throw new Blocked("the webhook host resolves to an internal address");
            }
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc; // fc00::/7
            boolean mappedOrCompatible = isZero(bytes, 0, 10) && ((bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff
                    || isZero(bytes, 10, 12));
            if (mappedOrCompatible) { // ::ffff:10.0.0.1 and ::10.0.0.1 reach the IPv4 address
                try {
                    return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return uniqueLocal;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0 // "this network"
                || first == 100 && second >= 64 && second <= 127 // carrier-grade NAT, 100.64.0.0/10
                || first == 192 && second == 0 && (bytes[2] & 0xff) == 0 // IETF protocol assignments
                || first == 198 && (second == 18 || second == 19) // benchmarking
                || first >= 240; // reserved and broadcast
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
